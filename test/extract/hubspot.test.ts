/**
 * HubSpot adapter beyond the fixture sweep: the fixtures are generated from one app (src/), URL detection,
 * selector variants the fixtures do not cover, noise that must not be read, lazy rendering, and SPA navigation
 * between two records with the real extraction loop.
 *
 * Regenerate the fixtures after editing src/: UPDATE_FIXTURES=1 npx vitest run test/extract/hubspot.test.ts
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../lib/extract/html';
import { startExtraction } from '../../lib/extract/run';
import { detectPage } from '../../lib/extract/site-adapter';
import { hubspot } from '../../lib/extract/sites/hubspot';
import type { DealContext } from '../../lib/model';
import { checkFixtures, happyPages, waitFor } from './crm-kit';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/sites/hubspot');
const APP = 'https://app.hubspot.com';
const RISKY = `${APP}/contacts/21436587/record/0-3/18734455102`;
const BENIGN_PATH = '/contacts/21436587/record/0-3/18734455199';

checkFixtures('hubspot', DIR);

// ------------------------------------------------------------------------------------------ helpers
const { page, cleanups } = happyPages();
const extract = (doc: Document, url: string) => hubspot.extract(doc, new URL(url));

// ------------------------------------------------------------------------------------------ tests
describe('hubspot page kinds', () => {
  const kind = (u: string) => detectPage(hubspot, new URL(u));
  it('recognises deal and company records, current and legacy URLs, both data centres', () => {
    expect(kind(RISKY)).toEqual({ pageKind: 'deal', recordId: '18734455102' });
    expect(kind(`${RISKY}/view/1`)).toEqual({ pageKind: 'deal', recordId: '18734455102' });
    expect(kind('https://app-eu1.hubspot.com/contacts/139000123/record/0-2/9211334455/')).toEqual({
      pageKind: 'company',
      recordId: '9211334455',
    });
    expect(kind(`${APP}/contacts/21436587/deal/18734455102`)).toEqual({
      pageKind: 'deal',
      recordId: '18734455102',
    });
    expect(kind(`${APP}/contacts/21436587/company/9211334455/`)).toEqual({
      pageKind: 'company',
      recordId: '9211334455',
    });
  });
  it('ignores contacts, tickets, custom objects, index pages and other apps', () => {
    for (const u of [
      `${APP}/contacts/21436587/record/0-1/501`,
      `${APP}/contacts/21436587/record/0-5/77`,
      `${APP}/contacts/21436587/record/2-1234567/88`,
      `${APP}/contacts/21436587/objects/0-3/views/all/list`,
      `${APP}/contacts/21436587/contact/501`,
      `${APP}/sales-workspace/21436587`,
      `${APP}/contacts/21436587/record/0-3/`,
    ]) {
      expect(kind(u), u).toBeNull();
    }
  });
});

describe('hubspot extraction', () => {
  it('takes the Primary company as customer and other association labels as roles', () => {
    const doc = page(
      RISKY,
      `<div data-test-id="record-page">
        <h1 data-selenium-test="highlightTitle">Gate upgrade</h1>
        <section data-test-id="association-card-companies">
          <div data-test-id="associated-record"><a data-test-id="associated-record-name">Channel Co GmbH</a>
            <span data-test-id="association-label">Distributor</span></div>
          <div data-test-id="associated-record"><a data-test-id="associated-record-name">Prime Buyer AG</a>
            <span data-test-id="association-label">Primary</span></div>
          <div data-test-id="associated-record"><a data-test-id="associated-record-name">State Border Service</a>
            <span data-test-id="association-label">End customer</span></div>
          <div data-test-id="associated-record"><a data-test-id="associated-record-name">Loose Ltd</a></div>
        </section>
      </div>`,
    );
    expect(extract(doc, RISKY)!.parties).toEqual([
      { name: 'Prime Buyer AG', role: 'customer', label: 'Primary company' },
      { name: 'Channel Co GmbH', role: 'intermediary', label: 'Distributor' },
      { name: 'State Border Service', role: 'end-user', label: 'End customer' },
      { name: 'Loose Ltd', role: 'other', label: 'Company' },
    ]);
  });

  it('reads the older profile layout (crm-card sidebar, table of line items) and inline edits', () => {
    const doc = page(
      RISKY,
      `<div data-selenium-test="profile-page">
        <div data-selenium-test="highlightTitle">Legacy deal</div>
        <div data-selenium-test="property-input-end_user"><label>End user</label><input value="Border Guard Service"></div>
        <div data-selenium-test="property-input-ship_to_country"><label>Destination country</label><div data-test-id="property-value">Syrian Arab Republic</div></div>
        <div data-selenium-test="crm-card-COMPANY"><div data-test-id="associated-record"><a href="#">Only Co</a></div></div>
        <div data-selenium-test="crm-card-LINE_ITEM"><table><tbody><tr><td>Thermal camera T9</td><td>2</td></tr></tbody></table></div>
      </div>`,
    );
    const ctx = extract(doc, RISKY)!;
    expect(ctx.title).toBe('Legacy deal');
    expect(ctx.customer).toBe('Only Co');
    expect(ctx.parties).toContainEqual({ name: 'Border Guard Service', role: 'end-user', label: 'End user' });
    expect(ctx.countries).toEqual([
      { code: 'SY', name: 'Syria', source: 'destination country field', evidence: 'Syrian Arab Republic' },
    ]);
    expect(ctx.products).toEqual([{ name: 'Thermal camera T9' }]);
  });

  it('never reads the timeline, navigation or hidden edit controls', async () => {
    const p = await loadHtml(readFileSync(join(DIR, 'deal-benign.html'), 'utf8'), `${APP}${BENIGN_PATH}`, {
      warnInsecure: false,
    });
    cleanups.push(() => p.close());
    expect(p.document.body.textContent).toContain('Novatek');
    const ctx = extract(p.document, `${APP}${BENIGN_PATH}`)!;
    expect(JSON.stringify(ctx)).not.toMatch(/Novatek|packet|Dubai|Edit |Sales pipeline/);
  });

  it('returns null before the record renders, and on pages that are not records', () => {
    expect(extract(page(RISKY, '<div id="main-content"></div>'), RISKY)).toBeNull();
    const list = `${APP}/contacts/21436587/objects/0-3/views/all/list`;
    expect(extract(page(list, '<h1 data-selenium-test="highlightTitle">X</h1>'), list)).toBeNull();
  });

  it('fills in as the page renders in steps: the record and its properties first, association cards later', async () => {
    const p = await loadHtml(readFileSync(join(DIR, 'spa.html'), 'utf8'), RISKY, {
      warnInsecure: false,
      settleMs: 0,
    });
    cleanups.push(() => p.close());
    const early = extract(p.document, RISKY);
    // Right after load the left column is there (title, properties), but no associated company yet.
    expect(early?.title).toBe('FaceTrace city rollout – Moscow');
    expect(early?.customer).toBeUndefined();
    expect(early?.products).toEqual([]);
    await waitFor(() => (extract(p.document, RISKY)?.products.length ?? 0) === 3);
    expect(extract(p.document, RISKY)!.customer).toBe('Steppe Vision Distribution LLP');
  });

  it('follows the app from the risky deal to the benign one without a page load', async () => {
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
    expect(seen.at(-1)?.recordId).toBe('18734455102');
    const win = p.document.defaultView!;
    win.dispatchEvent(new win.CustomEvent('hubspot:navigate', { detail: BENIGN_PATH }));
    await waitFor(() => seen.at(-1)?.recordId === '18734455199' && seen.at(-1)?.products.length === 1);
    const i = seen.findIndex((c) => c?.recordId === '18734455199');
    expect(seen[i - 1]).toBeNull();
    for (const c of seen.slice(i)) expect(JSON.stringify(c)).not.toMatch(/Steppe|FaceTrace|Moscow/);
    expect(seen.at(-1)?.customer).toBe('Northwind Dental Group LLC');
    // And into the company record through the association card link, as the rep would click it.
    const link = p.document.querySelector<HTMLAnchorElement>('a[data-test-id="associated-record-name"]')!;
    link.dispatchEvent(new win.MouseEvent('click', { bubbles: true, cancelable: true }));
    await waitFor(() => seen.at(-1)?.pageKind === 'company' && seen.at(-1)?.addresses.length === 1);
    expect(seen.at(-1)?.customer).toBe('Northwind Dental Group LLC');
    expect(seen.at(-1)?.countries.map((c) => c.code)).toEqual(['US']);
  });
  it('says which mutations matter: not the timeline or feed, everything else', async () => {
    const p = await loadHtml(readFileSync(join(DIR, 'deal-benign.html'), 'utf8'), `${APP}${BENIGN_PATH}`, {
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
    const quiet = at('[data-test-id="timeline-item"] p');
    expect(hubspot.mutationsMatter!([rec(quiet), rec(quiet.firstChild!)], d)).toBe(false);
    expect(hubspot.mutationsMatter!([rec(quiet), rec(at('[data-test-id="about-card"]'))], d)).toBe(true);
    expect(hubspot.mutationsMatter!([rec(at('#main-content'))], d)).toBe(true);
  });
});
