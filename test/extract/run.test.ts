import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { loadHtml } from '../../lib/extract/html';
import { startExtraction } from '../../lib/extract/run';
import type { SiteAdapter } from '../../lib/extract/site-adapter';
import type { DealContext } from '../../lib/model';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/sites/salesforce');
const RISKY = 'https://acme.lightning.force.com/lightning/r/Opportunity/006RISKY000000001AAA/view';
const BENIGN_PATH = '/lightning/r/Opportunity/006BENIGN00000001AAA/view';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(pred: () => boolean, timeout = 3000): Promise<void> {
  const end = Date.now() + timeout;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(10);
  }
}

/** A tiny adapter over #title, reading shadow content through the helper like real adapters do. */
const toyAdapter: SiteAdapter = {
  id: 'toy',
  name: 'Toy',
  matches: ['https://toy.example/*'],
  pageKinds: [],
  extract(doc, url) {
    const t = doc.getElementById('title');
    const host = doc.getElementById('host');
    const shadowText = host?.shadowRoot?.textContent ?? '';
    if (!t) return null;
    return {
      site: 'toy',
      pageKind: 'deal',
      url: url.href,
      title: t.textContent ?? '',
      customer: shadowText || undefined,
      parties: [],
      products: [],
      countries: [],
      addresses: [],
      text: [],
    };
  },
};

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function toyPage(): Window {
  const win = new Window({ url: 'https://toy.example/deal/1' });
  const d = win.document;
  const title = d.createElement('h1');
  title.id = 'title';
  title.textContent = 'Deal one';
  const host = d.createElement('div');
  host.id = 'host';
  host.attachShadow({ mode: 'open' }).textContent = 'Acme';
  d.body.append(title, host);
  cleanups.push(() => win.happyDOM.close());
  return win;
}

function start(doc: Document, adapter?: SiteAdapter) {
  const seen: (DealContext | null)[] = [];
  const ac = new AbortController();
  cleanups.push(() => ac.abort());
  startExtraction({
    signal: ac.signal,
    doc,
    adapter,
    debounceMs: 30,
    urlCheckMs: 25,
    onContext: (c) => seen.push(c),
  });
  return { seen, ac };
}

describe('startExtraction', () => {
  it('extracts on start, again after a mutation, and not when nothing changed', async () => {
    const win = toyPage();
    const doc = win.document as unknown as Document;
    const { seen } = start(doc, toyAdapter);
    expect(seen.map((c) => c?.title)).toEqual(['Deal one']);
    doc.getElementById('title')!.textContent = 'Deal one, renamed';
    await waitFor(() => seen.length === 2);
    expect(seen[1]?.title).toBe('Deal one, renamed');
    // A mutation that does not change the context emits nothing.
    doc.body.append(doc.createElement('span'));
    await sleep(120);
    expect(seen).toHaveLength(2);
  });

  it('sees mutations inside open shadow roots', async () => {
    const win = toyPage();
    const doc = win.document as unknown as Document;
    const { seen } = start(doc, toyAdapter);
    expect(seen[0]?.customer).toBe('Acme');
    doc.getElementById('host')!.shadowRoot!.textContent = 'Acme Holdings';
    await waitFor(() => seen.length === 2);
    expect(seen[1]?.customer).toBe('Acme Holdings');
  });

  it('re-extracts on input events from inside shadow roots (typing changes no DOM)', async () => {
    const win = toyPage();
    const doc = win.document as unknown as Document;
    const sr = doc.getElementById('host')!.shadowRoot!;
    const input = doc.createElement('input');
    sr.append(input);
    let value = 'Acme';
    const { seen } = start(doc, {
      ...toyAdapter,
      extract: (d, u) => ({ ...toyAdapter.extract(d, u)!, customer: value }),
    });
    await sleep(80); // the append above is a mutation; let it settle
    const before = seen.length;
    value = 'Acme Typed';
    input.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }) as unknown as Event);
    await waitFor(() => seen.length === before + 1);
    expect(seen.at(-1)?.customer).toBe('Acme Typed');
  });

  it('batches a burst of mutations into one extraction', async () => {
    const win = toyPage();
    const doc = win.document as unknown as Document;
    let calls = 0;
    const counting: SiteAdapter = {
      ...toyAdapter,
      extract: (d, u) => {
        calls++;
        return toyAdapter.extract(d, u);
      },
    };
    start(doc, counting);
    for (let i = 0; i < 20; i++) doc.getElementById('title')!.textContent = `Deal ${i}`;
    await sleep(150);
    expect(calls).toBe(2);
  });

  it('stops every callback once aborted', async () => {
    const win = toyPage();
    const doc = win.document as unknown as Document;
    const { seen, ac } = start(doc, toyAdapter);
    doc.getElementById('title')!.textContent = 'changed before abort';
    ac.abort();
    doc.getElementById('title')!.textContent = 'changed after abort';
    win.history.pushState({}, '', '/deal/2');
    await sleep(150);
    expect(seen).toHaveLength(1);
  });

  it('on navigation emits null first, then the new record', async () => {
    const win = toyPage();
    const doc = win.document as unknown as Document;
    const { seen } = start(doc, toyAdapter);
    // The page's router (another world, as far as a content script is concerned) pushes a new URL, then renders.
    win.history.pushState({}, '', '/deal/2');
    await sleep(5);
    doc.getElementById('title')!.textContent = 'Deal two';
    await waitFor(() => seen.length === 3);
    expect(seen[1]).toBeNull();
    expect(seen[2]?.title).toBe('Deal two');
    expect(seen[2]?.url).toBe('https://toy.example/deal/2');
  });

  it('on a site no adapter handles, emits null once and observes nothing', async () => {
    const win = toyPage(); // toy.example is not in the registry
    const { seen } = start(win.document as unknown as Document);
    win.document.getElementById('title')!.textContent = 'changed';
    win.history.pushState({}, '', '/deal/3');
    await sleep(120);
    expect(seen).toEqual([null]);
  });

  it('an adapter that throws yields null, not an exception', async () => {
    const win = toyPage();
    const errors: unknown[] = [];
    const seen: (DealContext | null)[] = [];
    const ac = new AbortController();
    cleanups.push(() => ac.abort());
    startExtraction({
      signal: ac.signal,
      doc: win.document as unknown as Document,
      adapter: {
        ...toyAdapter,
        extract: () => {
          throw new Error('boom');
        },
      },
      onContext: (c) => seen.push(c),
      onError: (e) => errors.push(e),
    });
    expect(seen).toEqual([null]);
    expect(errors).toHaveLength(1);
  });

  // The benign record is extracted more than once as it renders (fields, then related lists): every extraction
  // must read the same fields (a happy-dom selector cache once made the later ones miss them, see dom.test.ts).
  it('follows the Salesforce fixture app from the risky to the benign record without a page load', async () => {
    const page = await loadHtml(readFileSync(join(FIXTURES, 'spa.html'), 'utf8'), RISKY, {
      warnInsecure: false,
    });
    cleanups.push(() => page.close());
    const { seen } = start(page.document);
    expect(seen[0]?.title).toBe('Gateway Monitoring Upgrade');
    const win = page.document.defaultView!;
    // Click the nav link, as the rep would: the app pushState's and renders the record in steps.
    const link = page.document.querySelector<HTMLAnchorElement>('a[data-record-id="006BENIGN00000001AAA"]')!;
    link.dispatchEvent(new win.MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    expect(win.location.pathname).toBe(BENIGN_PATH);
    // The app renders the record in steps (fields, then related lists): wait until all of it is read.
    await waitFor(
      () => seen.length >= 3 && seen.at(-1)?.products.length === 2 && seen.at(-1)?.customer !== undefined,
    );
    expect(seen[1]).toBeNull();
    const last = seen.at(-1)!;
    expect(last.recordId).toBe('006BENIGN00000001AAA');
    expect(last.customer).toBe('Harbor Freight Logistics Inc.');
    // Nothing of the risky record leaks into the benign one (its page stays mounted, hidden).
    for (const c of seen.slice(2)) {
      expect(c?.recordId).toBe('006BENIGN00000001AAA');
      expect(JSON.stringify(c)).not.toMatch(/Novatek|Tehran|NetProbe/);
    }
    // And back through the app's own navigation event: the cached page is shown again, only classes change.
    // (Not history.back(): in a happy-dom Browser page that reloads the document.)
    win.dispatchEvent(new win.CustomEvent('lightning:navigate', { detail: new URL(RISKY).pathname }));
    await waitFor(
      () => seen.at(-1)?.recordId === '006RISKY000000001AAA' && seen.at(-1)?.products.length === 2,
    );
    expect(seen.at(-1)?.title).toBe('Gateway Monitoring Upgrade');
  });
});
