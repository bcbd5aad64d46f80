/**
 * Zoho CRM adapter beyond the fixture sweep: the fixtures are generated from one app (src/), URL detection across
 * data centres, the classic label_/value_ view, related lists that must (Notes, Products) and must not (Emails,
 * Timeline) be read, and SPA navigation between two deals and into an account with the real extraction loop.
 *
 * Regenerate the fixtures after editing src/: UPDATE_FIXTURES=1 npx vitest run test/extract/zoho.test.ts
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../lib/extract/html';
import { startExtraction } from '../../lib/extract/run';
import { detectPage } from '../../lib/extract/site-adapter';
import { zoho } from '../../lib/extract/sites/zoho';
import type { DealContext } from '../../lib/model';
import { checkFixtures, happyPages, waitFor } from './crm-kit';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/sites/zoho');
const EU = 'https://crm.zoho.eu';
const BASE = `${EU}/crm/org20071234567/tab`;
const RISKY = `${BASE}/Potentials/512345000000874001`;
const BENIGN_PATH = '/crm/org20071234567/tab/Potentials/512345000000874077';

checkFixtures('zoho', DIR);

// ------------------------------------------------------------------------------------------ helpers
const { page, cleanups } = happyPages();
const extract = (doc: Document, url: string) => zoho.extract(doc, new URL(url));

// ------------------------------------------------------------------------------------------ tests
describe('zoho page kinds', () => {
  const kind = (u: string) => detectPage(zoho, new URL(u));
  it('recognises Deals (Potentials) and Accounts in every data centre, with or without the org segment', () => {
    expect(kind(RISKY)).toEqual({ pageKind: 'deal', recordId: '512345000000874001' });
    expect(kind('https://crm.zoho.com/crm/tab/Potentials/4876876000000123001/')).toEqual({
      pageKind: 'deal',
      recordId: '4876876000000123001',
    });
    expect(kind('https://crm.zoho.in/crm/org60012345/tab/Accounts/4876876000000654001')).toEqual({
      pageKind: 'account',
      recordId: '4876876000000654001',
    });
    expect(kind('https://crm.zoho.com.au/crm/org7001234/tab/Accounts/7001234000000000123')?.pageKind).toBe(
      'account',
    );
  });
  it('ignores list views, create and edit pages, other modules and settings', () => {
    for (const u of [
      `${BASE}/Potentials/custom-view/4876876000000087501/list`,
      `${BASE}/Potentials/create`,
      `${BASE}/Potentials/512345000000874001/edit`,
      `${BASE}/Contacts/512345000000111001`,
      `${BASE}/Leads/512345000000222001`,
      `${BASE}/Home/begin`,
      `${EU}/crm/org20071234567/settings/modules`,
    ]) {
      expect(kind(u), u).toBeNull();
    }
  });
});

describe('zoho extraction', () => {
  it('reads the classic label_/value_ table view and composes split address fields', () => {
    const row = (api: string, label: string, value: string) =>
      `<tr><td id="label_${api}">${label}</td><td id="value_${api}">${value}</td></tr>`;
    const acc = `${BASE}/Accounts/512345000000654001`;
    const doc = page(
      acc,
      `<div id="dv_container"><span id="subvalue_Account_Name">Classic Co</span><table>
        ${row('Account_Name', 'Account Name', 'Classic Co')}
        ${row('Distributor', 'Distributor', 'Channel One GmbH')}
        ${row('Mailing_Street', 'Mailing Street', 'Tverskaya 1')}
        ${row('Mailing_City', 'Mailing City', 'Moscow')}
        ${row('Mailing_Code', 'Mailing Code', '125009')}
        ${row('Mailing_Country', 'Mailing Country', 'Russian Federation')}
      </table></div>`,
    );
    const ctx = extract(doc, acc)!;
    expect(ctx.title).toBe('Classic Co');
    expect(ctx.parties).toEqual([
      { name: 'Classic Co', role: 'customer', label: 'Account Name' },
      { name: 'Channel One GmbH', role: 'intermediary', label: 'Distributor' },
    ]);
    expect(ctx.addresses).toEqual([
      { label: 'Mailing Address', value: 'Tverskaya 1\nMoscow, 125009\nRussian Federation' },
    ]);
    expect(ctx.countries.map((c) => c.code)).toEqual(['RU']);
  });

  it('reads Notes and Products but never Emails, the Timeline tab or the top band', async () => {
    const p = await loadHtml(readFileSync(join(DIR, 'deal-benign.html'), 'utf8'), `${EU}${BENIGN_PATH}`, {
      warnInsecure: false,
    });
    cleanups.push(() => p.close());
    expect(p.document.body.textContent).toContain('IMSI');
    const ctx = extract(p.document, `${EU}${BENIGN_PATH}`)!;
    expect(JSON.stringify(ctx)).not.toMatch(/Levant|IMSI|zero-click|Damascus|Edit |Note added/);
    expect(ctx.text.map((t) => t.label)).toEqual(['Description', 'Note']);
    expect(ctx.products).toEqual([
      { name: 'Design Suite licence (annual)', description: 'Vector and layout tools' },
    ]);
  });

  it('returns null before the record renders, and on list views', () => {
    expect(extract(page(RISKY, '<div id="crm-content"></div>'), RISKY)).toBeNull();
    const list = `${BASE}/Potentials/custom-view/0/list`;
    expect(extract(page(list, '<span data-zcqa="dv_record_title">X</span>'), list)).toBeNull();
  });

  it('follows the app from the risky deal to the benign one and into its account, without a page load', async () => {
    const p = await loadHtml(readFileSync(join(DIR, 'spa.html'), 'utf8'), RISKY, { warnInsecure: false });
    cleanups.push(() => p.close());
    const seen: (DealContext | null)[] = [];
    const ac = new AbortController();
    cleanups.push(() => ac.abort());
    startExtraction({
      signal: ac.signal,
      doc: p.document,
      debounceMs: 30,
      urlCheckMs: 25,
      onContext: (c) => seen.push(c),
    });
    await waitFor(() => seen.at(-1)?.products.length === 3);
    expect(seen.at(-1)?.customer).toBe('Levant Data Horizons SARL');
    const win = p.document.defaultView!;
    win.dispatchEvent(new win.CustomEvent('zoho:navigate', { detail: BENIGN_PATH }));
    await waitFor(() => seen.at(-1)?.recordId === '512345000000874077' && seen.at(-1)?.products.length === 1);
    const i = seen.findIndex((c) => c?.recordId === '512345000000874077');
    expect(seen[i - 1]).toBeNull();
    for (const c of seen.slice(i)) expect(JSON.stringify(c)).not.toMatch(/Levant|InfiniTap|Syria/);
    // The Account Name lookup opens the account.
    const link = p.document.querySelector<HTMLAnchorElement>('#value_Account_Name a')!;
    link.dispatchEvent(new win.MouseEvent('click', { bubbles: true, cancelable: true }));
    await waitFor(() => seen.at(-1)?.pageKind === 'account' && seen.at(-1)?.addresses.length === 1);
    expect(seen.at(-1)?.customer).toBe('Hafnia Design ApS');
    expect(seen.at(-1)?.countries.map((c) => c.code)).toEqual(['DK']);
  });
  it('says which mutations matter: not the timeline or feed, everything else', async () => {
    const p = await loadHtml(readFileSync(join(DIR, 'deal-benign.html'), 'utf8'), `${EU}${BENIGN_PATH}`, {
      warnInsecure: false,
    });
    cleanups.push(() => p.close());
    const d = p.document;
    const at = (sel: string) => {
      const el = d.querySelector(sel);
      if (!el) throw new Error(`no ${sel}`);
      return el;
    };
    const rec = (target: Node) => ({ target }) as unknown as MutationRecord;
    const quiet = at('[data-zcqa="relatedlist_Emails"] td');
    expect(zoho.mutationsMatter!([rec(quiet), rec(quiet.firstChild!)], d)).toBe(false);
    expect(zoho.mutationsMatter!([rec(quiet), rec(at('.crm-detail-field'))], d)).toBe(true);
    expect(zoho.mutationsMatter!([rec(at('#crm-content'))], d)).toBe(true);
  });
});
