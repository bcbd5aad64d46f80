import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContextBuilder, partyRoleForLabel, stableStringify } from '../../lib/extract/context';
import { countryOfAddress, recognizeCountry } from '../../lib/extract/countries';
import { DealContext } from '../../lib/model';
import { renderSalesforcePage, SALESFORCE_FIXTURE_DIR, SALESFORCE_PAGES } from './salesforce-fixtures';

describe('party roles from labels', () => {
  it.each([
    ['End User', 'end-user'],
    ['End-User', 'end-user'],
    ['Ultimate Consignee', 'end-user'],
    ['Distributor', 'intermediary'],
    ['Reseller', 'intermediary'],
    ['Primary Partner', 'intermediary'],
    ['Partner', 'intermediary'],
    ['Parent Account', 'other'],
    ['End User Name', 'end-user'],
    ['End User (final)', 'end-user'],
  ])('%s → %s', (label, role) => expect(partyRoleForLabel(label)).toBe(role));
  it.each(['Account Name', 'Opportunity Owner', 'Lead Source', 'Partner Type', 'End User Country', 'Type'])(
    '%s is not a party',
    (label) => expect(partyRoleForLabel(label)).toBeNull(),
  );
});

describe('minimal country recognition', () => {
  it('recognises names, aliases and whole-line codes', () => {
    expect(recognizeCountry('Iran')?.code).toBe('IR');
    expect(recognizeCountry('Iran, Islamic Republic of')?.code).toBe('IR');
    expect(recognizeCountry('United Arab Emirates')?.code).toBe('AE');
    expect(recognizeCountry('AE')?.code).toBe('AE');
    expect(recognizeCountry('Atlantis')).toBeNull();
  });
  it('takes the last line of an address, or the part after its last comma', () => {
    expect(countryOfAddress('Sheikh Zayed Road 221\nDubai\nUnited Arab Emirates')?.code).toBe('AE');
    expect(countryOfAddress('Valiasr Ave 2250, Tehran, Iran')?.code).toBe('IR');
    // US states are not countries: "IL" is Illinois here, "Georgia" the state.
    expect(countryOfAddress('100 Main St\nChicago, IL 60601')).toBeNull();
    expect(countryOfAddress('1 Peachtree St, Atlanta, Georgia')).toBeNull();
  });
});

describe('ContextBuilder', () => {
  it('trims, de-duplicates and keeps within the model limits', () => {
    const b = new ContextBuilder('x', 'deal', 'https://x.test/1', 'id1');
    b.setTitle('  Big   deal ');
    b.setCustomer('Acme  Corp', 'Account');
    b.setCustomer('Other', 'Account');
    b.addParty('acme corp', 'customer');
    b.addParty('E'.repeat(900), 'end-user');
    b.addProduct('Camera', 'desc');
    b.addProduct('Camera', 'desc');
    b.addAddress('Billing Address', 'Street 1\n  Minsk \nBelarus');
    b.addAddress('Billing Address', 'Street 1\nMinsk\nBelarus');
    b.addText('Description', '   ');
    const ctx = b.build();
    expect(DealContext.safeParse(ctx).success).toBe(true);
    expect(ctx.title).toBe('Big deal');
    expect(ctx.customer).toBe('Acme Corp');
    expect(ctx.parties).toHaveLength(2);
    expect(ctx.parties[1]!.name).toHaveLength(500);
    expect(ctx.products).toHaveLength(1);
    expect(ctx.addresses).toEqual([{ label: 'Billing Address', value: 'Street 1\nMinsk\nBelarus' }]);
    expect(ctx.countries).toEqual([
      { code: 'BY', name: 'Belarus', source: 'billing address', evidence: 'Belarus' },
    ]);
    expect(ctx.text).toEqual([]);
  });

  it('stableStringify ignores key order but not array order', () => {
    expect(stableStringify({ a: 1, b: [1, 2] })).toBe(stableStringify({ b: [1, 2], a: 1 }));
    expect(stableStringify({ b: [2, 1] })).not.toBe(stableStringify({ b: [1, 2] }));
    expect(stableStringify(null)).toBe('null');
  });
});

describe('generated Salesforce fixtures', () => {
  it.each(SALESFORCE_PAGES.map((p) => [p.file, p] as const))('%s is up to date with src/', (file, spec) => {
    expect(readFileSync(join(SALESFORCE_FIXTURE_DIR, file), 'utf8')).toBe(renderSalesforcePage(spec));
  });
});
