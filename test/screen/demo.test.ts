import { describe, expect, it } from 'vitest';
import type { DealContext } from '../../lib/model';
import { ScreenResult } from '../../lib/model';
import { createScreener, demoList } from '../../lib/screen';

const base: DealContext = {
  site: 'salesforce',
  pageKind: 'opportunity',
  url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006/view',
  parties: [],
  products: [],
  countries: [],
  addresses: [],
  text: [],
};

describe('demo deal pages', () => {
  const screener = createScreener();

  it('the risky demo deal is high, with a demo-list match, DPI and Iran', () => {
    const r = screener.screen({
      ...base,
      customer: 'Novatek Border Systems',
      products: [
        {
          name: 'Deep Packet Inspection Gateway',
          description: 'Carrier-grade DPI for subscriber monitoring',
        },
      ],
      addresses: [{ label: 'Shipping Address', value: '12 Valiasr St\nTehran\nIran' }],
    });
    expect(() => ScreenResult.parse(r)).not.toThrow();
    expect(r.risk.level).toBe('high');
    const kinds = r.findings.map((f) => f.kind);
    expect(kinds).toContain('restricted-party');
    expect(kinds).toContain('destination');
    expect(r.findings.find((f) => f.kind === 'surveillance-item')?.category).toBe('internet-surveillance');
    expect(r.findings.find((f) => f.kind === 'restricted-party')?.match?.entryId).toBe(
      'novatek-border-systems',
    );
    expect(r.context.countries.map((c) => c.code)).toContain('IR');
    // The reasons say what was found, in the page's words.
    expect(r.risk.reasons.join(' ')).toMatch(/Novatek Border Systems/);
    expect(r.risk.reasons.join(' ')).toMatch(/Iran/);
    expect(r.risk.reasons.join(' ')).toMatch(/deep packet inspection/i);
    // Most severe first, the party and the embargo named as found.
    expect(r.risk.reasons[0]).toMatch(/^Customer “Novatek Border Systems” resembles/);
    expect(r.risk.reasons).toContain('Shipping address is in Iran, under a comprehensive US embargo.');
  });

  it('the benign demo deal is none with zero findings', () => {
    const r = screener.screen({
      ...base,
      customer: 'Harbor Freight Logistics Inc.',
      parties: [{ name: 'Harbor Freight Logistics Inc.', role: 'customer', country: 'US' }],
      products: [{ name: 'Retail Store Camera Kit' }, { name: 'Inventory Analytics Dashboard' }],
      addresses: [{ label: 'Billing Address', value: '26541 Agoura Rd\nCalabasas, CA 91302\nUnited States' }],
    });
    expect(r.findings).toEqual([]);
    expect(r.risk.level).toBe('none');
  });

  it('the demo list is marked as fictional and holds the Novatek entry', () => {
    const l = demoList();
    expect(l.name).toMatch(/fictional/i);
    const e = l.entries.find((x) => x.id === 'novatek-border-systems')!;
    expect(e.names).toEqual(['Novatek Border Systems LLC', 'Novatek Border Systems', 'NBS Novatek']);
    expect(e.countries).toEqual(['AE']);
    expect(e.type).toBe('entity');
    expect(e.notes).toBe('Demo entry: fictional company used by the demo deal pages');
  });

  it('joins the entry notes into whole sentences', () => {
    const r = screener.screen({ ...base, customer: 'Novatek Border Systems' });
    const f = r.findings.find((x) => x.kind === 'restricted-party')!;
    expect(f.why).toBe(
      'Demo entry: fictional company used by the demo deal pages. This list is fictional demo data.',
    );
    const hit = screener.lookup('Novatek Border Systems')[0]!;
    expect(hit.detail).toMatch(/pages\. Countries: AE\. Programs: DEMO\.$/);
    expect(hit.detail).not.toMatch(/\.\./);
  });

  it('can leave the demo list out', () => {
    const s = createScreener({ includeDemoList: false });
    const r = s.screen({ ...base, customer: 'Novatek Border Systems' });
    expect(r.findings.filter((f) => f.kind === 'restricted-party')).toEqual([]);
    expect(s.lists.map((l) => l.id)).not.toContain('dealscreen-demo');
  });
});
