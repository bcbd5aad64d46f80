import { describe, expect, it } from 'vitest';
import { detectColumns, parseCrmExport } from '../../lib/batch/crm-export';

describe('CRM export columns', () => {
  it('finds columns by header name in the spellings CRMs export', () => {
    expect(
      detectColumns([
        'Opportunity Name',
        'Account Name',
        'Billing Country',
        'Shipping Country',
        'Product',
        'Description',
      ]),
    ).toEqual({
      title: ['Opportunity Name'],
      customer: ['Account Name'],
      country: ['Billing Country', 'Shipping Country'],
      product: ['Product'],
      description: ['Description'],
    });
    expect(
      detectColumns(['Deal Name', 'Company', 'End User', 'End User Country', 'Distributor']),
    ).toMatchObject({
      customer: ['Company'],
      endUser: ['End User'],
      country: ['End User Country'],
      intermediary: ['Distributor'],
    });
  });

  it('turns each row into a deal with parties, products, countries and notes', () => {
    const csv = [
      'Deal Name,Company,Country,Products,Distributor,Notes',
      'Gateway,Novatek Border Systems,Iran,"NetProbe DPI; LI Mediation",Gulf Trading FZE,ship to our forwarder',
      'Refresh,Harbor Freight Logistics Inc.,United States,Retail Camera Kit,,',
    ].join('\n');
    const { rows, errors } = parseCrmExport(csv);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(2);
    const first = rows[0]!.context;
    expect(first.customer).toBe('Novatek Border Systems');
    expect(first.parties).toEqual([
      { name: 'Novatek Border Systems', role: 'customer', label: 'Company' },
      { name: 'Gulf Trading FZE', role: 'intermediary', label: 'Distributor' },
    ]);
    expect(first.products.map((p) => p.name)).toEqual(['NetProbe DPI', 'LI Mediation']);
    expect(first.addresses).toEqual([{ label: 'Country', value: 'Iran' }]);
    expect(first.text).toEqual([{ label: 'Notes', value: 'ship to our forwarder' }]);
    expect(rows[1]!.line).toBe(3);
  });

  it('says clearly when no useful column is there', () => {
    const { rows, errors } = parseCrmExport('Foo,Bar\n1,2\n');
    expect(rows).toEqual([]);
    expect(errors[0]).toMatchObject({ line: 1, reason: expect.stringMatching(/no account, customer/) });
  });

  it('reports empty rows with their line number and keeps the others', () => {
    const { rows, errors } = parseCrmExport('Account,Country\nAcme,France\n,Germany\n');
    expect(rows).toHaveLength(1);
    expect(errors).toEqual([{ line: 3, reason: 'no customer, party or product in this row' }]);
  });
});
