/**
 * Page-kind detectors as a cross-matrix: every CRM adapter's detectors against every CRM's example URLs. Each
 * record URL must be recognised by its own adapter only (with the right kind and id), its host must fall under
 * its own adapter's match patterns only, and the CRMs' non-record pages must be recognised by no one.
 */
import { describe, expect, it } from 'vitest';
import { adapterById, adapterFor, siteAdapters } from '../../lib/extract/registry';
import { detectPage, type PageMatch, urlMatchesPatterns } from '../../lib/extract/site-adapter';

interface Example {
  url: string;
  page: PageMatch;
}

const G = '3f2a9c1e-7b1d-ef11-840a-000d3ab4c8e1';

/** Record pages per CRM (site id → examples). */
const RECORDS: Record<string, Example[]> = {
  salesforce: [
    {
      url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006RISKY000000001AAA/view',
      page: { pageKind: 'opportunity', recordId: '006RISKY000000001AAA' },
    },
    {
      url: 'https://acme.lightning.force.com/lightning/r/Account/001NOVATEK0000001AAA/view',
      page: { pageKind: 'account', recordId: '001NOVATEK0000001AAA' },
    },
  ],
  hubspot: [
    {
      url: 'https://app.hubspot.com/contacts/21436587/record/0-3/18734455102',
      page: { pageKind: 'deal', recordId: '18734455102' },
    },
    {
      url: 'https://app-eu1.hubspot.com/contacts/21436587/record/0-2/9211334455/view/1',
      page: { pageKind: 'company', recordId: '9211334455' },
    },
    {
      url: 'https://app.hubspot.com/contacts/21436587/deal/18734455102/',
      page: { pageKind: 'deal', recordId: '18734455102' },
    },
  ],
  dynamics: [
    {
      url: `https://acme.crm4.dynamics.com/main.aspx?appid=7c1f3b2a-4d5e-4f60-8a9b-0c1d2e3f4a5b&pagetype=entityrecord&etn=opportunity&id=${G}`,
      page: { pageKind: 'opportunity', recordId: G },
    },
    {
      url: `https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=%7B${G}%7D`,
      page: { pageKind: 'account', recordId: G },
    },
    {
      url: `https://contoso.crm11.dynamics.com/main.aspx?etc=3&id=${G}&pagetype=entityrecord`,
      page: { pageKind: 'opportunity', recordId: G },
    },
  ],
  pipedrive: [
    { url: 'https://acme.pipedrive.com/deal/1042', page: { pageKind: 'deal', recordId: '1042' } },
    { url: 'https://acme.pipedrive.com/organization/311', page: { pageKind: 'company', recordId: '311' } },
  ],
  zoho: [
    {
      url: 'https://crm.zoho.eu/crm/org20071234567/tab/Potentials/512345000000874001',
      page: { pageKind: 'deal', recordId: '512345000000874001' },
    },
    {
      url: 'https://crm.zoho.com/crm/tab/Accounts/4876876000000654001',
      page: { pageKind: 'account', recordId: '4876876000000654001' },
    },
    {
      url: 'https://crm.zoho.com.au/crm/org7001234/tab/Potentials/7001234000000000123/',
      page: { pageKind: 'deal', recordId: '7001234000000000123' },
    },
  ],
};

/** Pages of the same CRMs that hold no deal or account record: no detector may claim them. */
const NOT_RECORDS: Record<string, string[]> = {
  salesforce: [
    'https://acme.lightning.force.com/lightning/page/home',
    'https://acme.lightning.force.com/lightning/r/Contact/0035g00000AbCdEAAA/view',
  ],
  hubspot: [
    'https://app.hubspot.com/contacts/21436587/objects/0-3/views/all/list',
    'https://app.hubspot.com/contacts/21436587/record/0-1/501',
  ],
  dynamics: [
    'https://acme.crm4.dynamics.com/main.aspx?pagetype=entitylist&etn=opportunity',
    `https://acme.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=${G}`,
  ],
  pipedrive: ['https://acme.pipedrive.com/pipeline', 'https://acme.pipedrive.com/person/55'],
  zoho: [
    'https://crm.zoho.eu/crm/org20071234567/tab/Potentials/custom-view/0/list',
    'https://crm.zoho.eu/crm/org20071234567/tab/Contacts/512345000000111001',
  ],
};

const CRMS = Object.keys(RECORDS);

describe('page-kind detectors, cross-matrix', () => {
  it('covers every registered CRM adapter', () => {
    expect(siteAdapters.map((a) => a.id).sort()).toEqual([...CRMS].sort());
  });

  for (const adapterId of CRMS) {
    for (const crm of CRMS) {
      it(`${adapterId} detectors on ${crm} URLs: ${adapterId === crm ? 'recognised' : 'not recognised'}`, () => {
        const adapter = adapterById(adapterId)!;
        for (const ex of RECORDS[crm]!) {
          const url = new URL(ex.url);
          if (adapterId === crm) {
            expect(detectPage(adapter, url), ex.url).toEqual(ex.page);
            expect(urlMatchesPatterns(url, adapter.matches), ex.url).toBe(true);
          } else {
            expect(detectPage(adapter, url), ex.url).toBeNull();
            expect(urlMatchesPatterns(url, adapter.matches), ex.url).toBe(false);
          }
        }
        for (const u of NOT_RECORDS[crm]!) expect(detectPage(adapter, new URL(u)), u).toBeNull();
      });
    }
  }

  it('the registry picks each CRM for its own record and non-record pages', () => {
    for (const crm of CRMS) {
      for (const ex of RECORDS[crm]!) expect(adapterFor(ex.url)?.id, ex.url).toBe(crm);
      for (const u of NOT_RECORDS[crm]!) expect(adapterFor(u)?.id, u).toBe(crm);
    }
  });

  it('look-alike hosts are nobody’s', () => {
    for (const u of [
      'https://app.hubspot.com.evil.example/contacts/1/record/0-3/2',
      `https://crm4.dynamics.com.example.org/main.aspx?pagetype=entityrecord&etn=account&id=${G}`,
      'https://pipedrive.example.com/deal/1',
      'https://crm.zoho.eu.example.net/crm/tab/Potentials/512345000000874001',
      'https://zoho.eu/crm/tab/Potentials/512345000000874001',
    ]) {
      expect(adapterFor(u), u).toBeNull();
    }
  });
});
