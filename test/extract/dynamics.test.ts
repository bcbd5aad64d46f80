/**
 * Dynamics 365 adapter beyond the fixture sweep: the fixtures are generated from one app (src/), URL detection
 * (query-string routing, legacy etc= links, braces in ids), control variants, the timeline and site map that must
 * not be read, and SPA navigation between two records with the real extraction loop.
 *
 * Regenerate the fixtures after editing src/: UPDATE_FIXTURES=1 npx vitest run test/extract/dynamics.test.ts
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../lib/extract/html';
import { startExtraction } from '../../lib/extract/run';
import { detectPage } from '../../lib/extract/site-adapter';
import { dynamics } from '../../lib/extract/sites/dynamics';
import type { DealContext } from '../../lib/model';
import { checkFixtures, happyPages, waitFor } from './crm-kit';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/sites/dynamics');
const ORG = 'https://acme.crm4.dynamics.com';
const APPID = '7c1f3b2a-4d5e-4f60-8a9b-0c1d2e3f4a5b';
const form = (etn: string, id: string) =>
  `/main.aspx?appid=${APPID}&pagetype=entityrecord&etn=${etn}&id=${id}`;
const RISKY_ID = '3f2a9c1e-7b1d-ef11-840a-000d3ab4c8e1';
const BENIGN_ID = '8b6e1d40-2c3a-ef11-840a-000d3ab4c8e2';
const RISKY = `${ORG}${form('opportunity', RISKY_ID)}`;

checkFixtures('dynamics', DIR);

// ------------------------------------------------------------------------------------------ helpers
const { page, cleanups } = happyPages();
const extract = (doc: Document, url: string) => dynamics.extract(doc, new URL(url));

/** One Unified Interface field container, as the form renders it. */
const fieldHtml = (name: string, label: string, control: string) =>
  `<div data-id="${name}"><div data-id="${name}-FieldSectionItemContainer"><label id="id-1-${name}-field-label">${label}</label>${control}</div></div>`;
const lookupHtml = (name: string, value: string) =>
  `<ul><li><div data-id="${name}.fieldControl-LookupResultsDropdown_${name}_selected_tag_text" title="${value}">${value}</div></li></ul>`;

// ------------------------------------------------------------------------------------------ tests
describe('dynamics page kinds', () => {
  const kind = (u: string) => detectPage(dynamics, new URL(u));
  it('recognises opportunity and account forms by etn, legacy etc codes and braced ids', () => {
    expect(kind(RISKY)).toEqual({ pageKind: 'opportunity', recordId: RISKY_ID });
    expect(
      kind(
        `https://contoso.crm.dynamics.com/main.aspx?etn=account&pagetype=entityrecord&id=%7B${RISKY_ID.toUpperCase()}%7D`,
      ),
    ).toEqual({ pageKind: 'account', recordId: RISKY_ID });
    expect(kind(`${ORG}/main.aspx?etc=3&id=${RISKY_ID}&pagetype=entityrecord`)).toEqual({
      pageKind: 'opportunity',
      recordId: RISKY_ID,
    });
    // A new, unsaved opportunity: a form, no id yet.
    expect(kind(`${ORG}/main.aspx?appid=${APPID}&pagetype=entityrecord&etn=opportunity`)).toEqual({
      pageKind: 'opportunity',
    });
  });
  it('ignores views, dashboards, other tables and other paths', () => {
    for (const u of [
      `${ORG}/main.aspx?appid=${APPID}&pagetype=entitylist&etn=opportunity`,
      `${ORG}/main.aspx?appid=${APPID}&pagetype=dashboard&id=1`,
      `${ORG}${form('contact', RISKY_ID)}`,
      `${ORG}${form('lead', RISKY_ID)}`,
      `${ORG}/main.aspx?etc=2&id=${RISKY_ID}&pagetype=entityrecord`,
      `${ORG}/apps/main.aspx?pagetype=entityrecord&etn=opportunity&id=${RISKY_ID}`,
      `${ORG}/tools/${form('opportunity', RISKY_ID)}`,
    ]) {
      expect(kind(u), u).toBeNull();
    }
  });
});

describe('dynamics extraction', () => {
  it('reads lookups, text boxes set as properties, option sets, composites and the title attribute', () => {
    const doc = page(
      RISKY,
      `<div data-id="editFormRoot">
        <h1 data-id="header_title">Gate upgrade<span data-id="header_save_status"> - Unsaved</span></h1>
        ${fieldHtml('customerid', 'Potential Customer', lookupHtml('customerid', 'Prime Buyer AG'))}
        ${fieldHtml('dsx_reseller', 'Reseller', lookupHtml('dsx_reseller', 'Channel One GmbH'))}
        ${fieldHtml('dsx_enduser', 'End User', '<input data-id="dsx_enduser.fieldControl-text-box-text" id="eu">')}
        ${fieldHtml('dsx_country', 'Destination Country', '<select data-id="dsx_country.fieldControl-option-set-select"><option>Iran</option><option selected>Syria</option></select>')}
        ${fieldHtml('address2_composite', 'Address 2', '<textarea data-id="address2_composite.fieldControl-text-box-text" id="ad"></textarea>')}
      </div>`,
    );
    (doc.getElementById('eu') as HTMLInputElement).value = 'Border Guard Service';
    (doc.getElementById('ad') as HTMLTextAreaElement).value =
      'Tverskaya 1\nMoscow 125009\nRussian Federation';
    const ctx = extract(doc, RISKY)!;
    expect(ctx.title).toBe('Gate upgrade');
    expect(ctx.customer).toBe('Prime Buyer AG');
    expect(ctx.parties).toEqual([
      { name: 'Prime Buyer AG', role: 'customer', label: 'Potential Customer' },
      { name: 'Channel One GmbH', role: 'intermediary', label: 'Reseller' },
      { name: 'Border Guard Service', role: 'end-user', label: 'End User' },
    ]);
    expect(ctx.countries).toEqual([
      { code: 'SY', name: 'Syria', source: 'destination country field', evidence: 'Syria' },
      { code: 'RU', name: 'Russia', source: 'address 2', evidence: 'Russian Federation' },
    ]);
  });

  it('reads a legacy read-only grid by header order', () => {
    const doc = page(
      RISKY,
      `<div data-id="editFormRoot"><h1 data-id="header_title" title="Grid deal">Grid deal</h1>
        <div data-id="opportunityproductsGrid"><div role="grid">
          <div role="row"><div role="columnheader">Product</div><div role="columnheader">Description</div></div>
          <div role="row"><div role="gridcell">Thermal camera T9</div><div role="gridcell">Long-range thermal imaging</div></div>
        </div></div></div>`,
    );
    expect(extract(doc, RISKY)!.products).toEqual([
      { name: 'Thermal camera T9', description: 'Long-range thermal imaging' },
    ]);
  });

  it('never reads the timeline or the site map, nor hidden tabs', () => {
    const doc = page(
      RISKY,
      `<nav data-id="navbar-container"><a>Novatek Border Systems</a></nav>
       <div data-id="editFormRoot"><h1 data-id="header_title" title="Quiet deal">Quiet deal</h1>
        <div data-id="tabpanel-Details" role="tabpanel" style="display:none">${fieldHtml('dsx_enduser', 'End User', lookupHtml('x', 'Hidden Tab Ministry'))}</div>
        <div data-id="notescontrol">${fieldHtml('regardingobjectid', 'Account', lookupHtml('regardingobjectid', 'Novatek Border Systems'))}
          <p>Email: IMSI catcher demo for Novatek</p></div></div>`,
    );
    const ctx = extract(doc, RISKY)!;
    expect(ctx.title).toBe('Quiet deal');
    expect(JSON.stringify(ctx)).not.toMatch(/Novatek|IMSI|Hidden/);
  });

  it('returns null before the form renders, and on views', () => {
    expect(extract(page(RISKY, '<div data-id="editFormRoot"></div>'), RISKY)).toBeNull();
    const view = `${ORG}/main.aspx?appid=${APPID}&pagetype=entitylist&etn=opportunity`;
    expect(extract(page(view, '<h1 data-id="header_title">X</h1>'), view)).toBeNull();
  });

  it('the fixture renders in steps: header first, products last', async () => {
    const p = await loadHtml(readFileSync(join(DIR, 'spa.html'), 'utf8'), RISKY, {
      warnInsecure: false,
      settleMs: 0,
    });
    cleanups.push(() => p.close());
    expect(extract(p.document, RISKY)?.products ?? []).toEqual([]);
    await waitFor(() => (extract(p.document, RISKY)?.products.length ?? 0) === 3);
    expect(extract(p.document, RISKY)!.addresses.map((a) => a.label)).toEqual(['Address 1']);
  });

  it('follows the app from the risky opportunity to the benign one and to its account, without a page load', async () => {
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
    expect(seen.at(-1)?.recordId).toBe(RISKY_ID);
    const win = p.document.defaultView!;
    // The site map's "Recent" entry, clicked as the rep would.
    const recent = p.document.querySelector<HTMLAnchorElement>(`a[data-id="recent-${BENIGN_ID}"]`)!;
    recent.dispatchEvent(new win.MouseEvent('click', { bubbles: true, cancelable: true }));
    await waitFor(() => seen.at(-1)?.recordId === BENIGN_ID && seen.at(-1)?.products.length === 2);
    const i = seen.findIndex((c) => c?.recordId === BENIGN_ID);
    expect(seen[i - 1]).toBeNull();
    for (const c of seen.slice(i)) expect(JSON.stringify(c)).not.toMatch(/Tavria|IMSI|Sevastopol/);
    expect(seen.at(-1)?.customer).toBe('Contoso Logistics GmbH');
    // The Account lookup opens the account form.
    const lookup = p.document.querySelector<HTMLAnchorElement>(
      '[data-id$="_parentaccountid_selected_tag_link"]',
    )!;
    lookup.dispatchEvent(new win.MouseEvent('click', { bubbles: true, cancelable: true }));
    await waitFor(() => seen.at(-1)?.pageKind === 'account' && seen.at(-1)?.addresses.length === 1);
    expect(seen.at(-1)?.countries.map((c) => c.code)).toEqual(['DE']);
  });
  it('says which mutations matter: not the timeline or feed, everything else', async () => {
    const p = await loadHtml(
      readFileSync(join(DIR, 'opportunity-benign.html'), 'utf8'),
      `${ORG}${form('opportunity', BENIGN_ID)}`,
      { warnInsecure: false },
    );
    cleanups.push(() => p.close());
    const d = p.document;
    const at = (sel: string) => {
      const el = d.querySelector(sel);
      if (!el) throw new Error(`no ${sel}`);
      return el;
    };
    const rec = (target: Node) => ({ target }) as unknown as MutationRecord;
    const quiet = at('[data-id="notescontrol"] li .body');
    expect(dynamics.mutationsMatter!([rec(quiet), rec(quiet.firstChild!)], d)).toBe(false);
    expect(dynamics.mutationsMatter!([rec(quiet), rec(at('[data-id="editFormRoot"] section'))], d)).toBe(
      true,
    );
    expect(dynamics.mutationsMatter!([rec(at('#mainContent'))], d)).toBe(true);
  });
});
