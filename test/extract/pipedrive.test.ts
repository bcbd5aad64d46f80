/**
 * Pipedrive adapter beyond the fixture sweep: the fixtures are generated from one app (src/), URL detection,
 * the older detail view, the History flow that must not be read, and SPA navigation between two deals and into
 * an organization with the real extraction loop.
 *
 * Regenerate the fixtures after editing src/: UPDATE_FIXTURES=1 npx vitest run test/extract/pipedrive.test.ts
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../lib/extract/html';
import { startExtraction } from '../../lib/extract/run';
import { detectPage } from '../../lib/extract/site-adapter';
import { pipedrive } from '../../lib/extract/sites/pipedrive';
import type { DealContext } from '../../lib/model';
import { checkFixtures, happyPages, waitFor } from './crm-kit';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/sites/pipedrive');
const ORG = 'https://acme.pipedrive.com';
const RISKY = `${ORG}/deal/1042`;

checkFixtures('pipedrive', DIR);

// ------------------------------------------------------------------------------------------ helpers
const { page, cleanups } = happyPages();
const extract = (doc: Document, url: string) => pipedrive.extract(doc, new URL(url));

// ------------------------------------------------------------------------------------------ tests
describe('pipedrive page kinds', () => {
  const kind = (u: string) => detectPage(pipedrive, new URL(u));
  it('recognises deal and organization detail views', () => {
    expect(kind(RISKY)).toEqual({ pageKind: 'deal', recordId: '1042' });
    expect(kind('https://globex.pipedrive.com/organization/311/')).toEqual({
      pageKind: 'company',
      recordId: '311',
    });
  });
  it('ignores persons, leads, the pipeline, lists and sub-pages', () => {
    for (const u of [
      `${ORG}/person/55`,
      `${ORG}/leads-inbox/3f0c5a`,
      `${ORG}/pipeline`,
      `${ORG}/deals/list`,
      `${ORG}/organizations/list`,
      `${ORG}/deal/abc`,
      `${ORG}/deal/1042/products/edit`,
      `${ORG}/settings/deal/1042`,
    ]) {
      expect(kind(u), u).toBeNull();
    }
  });
});

describe('pipedrive extraction', () => {
  it('reads the older detail view (.fieldsList items) and inline edits', () => {
    const doc = page(
      RISKY,
      `<div class="detailView"><h1>Old view deal</h1>
        <div class="fieldsList">
          <div class="item"><div class="key">Organization</div><div class="value"><a>Prime Buyer AG</a></div></div>
          <div class="item"><div class="key">Reseller</div><div class="value">Channel One GmbH</div></div>
          <div class="item"><div class="key">Destination country</div><div class="value">Iran</div></div>
        </div>
        <div data-testid="sidebar-field"><div data-testid="sidebar-field-label">End user</div><input id="eu"></div>
      </div>`,
    );
    (doc.getElementById('eu') as HTMLInputElement).value = 'Border Guard Service';
    const ctx = extract(doc, RISKY)!;
    expect(ctx.title).toBe('Old view deal');
    expect(ctx.parties).toEqual([
      { name: 'Prime Buyer AG', role: 'customer', label: 'Organization' },
      { name: 'Border Guard Service', role: 'end-user', label: 'End user' },
      { name: 'Channel One GmbH', role: 'intermediary', label: 'Reseller' },
    ]);
    expect(ctx.countries).toEqual([
      { code: 'IR', name: 'Iran', source: 'destination country field', evidence: 'Iran' },
    ]);
  });

  it('reads pinned notes but never the History flow or the navigation', async () => {
    const p = await loadHtml(readFileSync(join(DIR, 'deal-benign.html'), 'utf8'), `${ORG}/deal/1077`, {
      warnInsecure: false,
    });
    cleanups.push(() => p.close());
    expect(p.document.body.textContent).toContain('Novatek');
    const benign = extract(p.document, `${ORG}/deal/1077`)!;
    expect(JSON.stringify(benign)).not.toMatch(/Novatek|IMSI|facial|Tehran|Edit /);
    expect(benign.text).toEqual([]);
    const q = await loadHtml(readFileSync(join(DIR, 'deal-risky.html'), 'utf8'), RISKY, {
      warnInsecure: false,
    });
    cleanups.push(() => q.close());
    const risky = extract(q.document, RISKY)!;
    expect(risky.text.map((t) => t.label)).toEqual(['Pinned note']);
    expect(JSON.stringify(risky)).not.toMatch(/Orlo/);
  });

  it('returns null before the record renders, and on the pipeline', () => {
    expect(extract(page(RISKY, '<div id="app-main"></div>'), RISKY)).toBeNull();
    const board = `${ORG}/pipeline`;
    expect(extract(page(board, '<h1 data-testid="header-title">X</h1>'), board)).toBeNull();
  });

  it('follows the app from the risky deal to the benign one and into its organization, without a page load', async () => {
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
    await waitFor(() => seen.at(-1)?.products.length === 2 && seen.at(-1)?.addresses.length === 2);
    expect(seen.at(-1)?.customer).toBe('Novatek Border Systems LLC');
    const win = p.document.defaultView!;
    win.dispatchEvent(new win.CustomEvent('pipedrive:navigate', { detail: '/deal/1077' }));
    await waitFor(() => seen.at(-1)?.recordId === '1077' && seen.at(-1)?.products.length === 2);
    const i = seen.findIndex((c) => c?.recordId === '1077');
    expect(seen[i - 1]).toBeNull();
    for (const c of seen.slice(i)) expect(JSON.stringify(c)).not.toMatch(/Novatek|Minsk|GaitID/);
    // The organization link in the Summary section.
    const link = p.document.querySelector<HTMLAnchorElement>('a[href="/organization/318"]')!;
    link.dispatchEvent(new win.MouseEvent('click', { bubbles: true, cancelable: true }));
    await waitFor(() => seen.at(-1)?.pageKind === 'company' && seen.at(-1)?.text.length === 1);
    expect(seen.at(-1)?.customer).toBe('Lisbon Coffee Roasters Lda');
    expect(seen.at(-1)?.countries.map((c) => c.code)).toEqual(['PT']);
  });
  it('says which mutations matter: not the timeline or feed, everything else', async () => {
    const p = await loadHtml(readFileSync(join(DIR, 'deal-benign.html'), 'utf8'), `${ORG}/deal/1077`, {
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
    const quiet = at('[data-testid="flow-item"] [data-testid="flow-item-body"]');
    expect(pipedrive.mutationsMatter!([rec(quiet), rec(quiet.firstChild!)], d)).toBe(false);
    expect(pipedrive.mutationsMatter!([rec(quiet), rec(at('[data-testid="sidebar-field"]'))], d)).toBe(true);
    expect(pipedrive.mutationsMatter!([rec(at('#app-main'))], d)).toBe(true);
  });
});
