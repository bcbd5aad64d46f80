/**
 * The extraction loop on live pages, with the generic adapter (a CRM not in the registry): edits as the rep
 * types, new line items, SPA navigation between records, and nothing left running after abort.
 *
 * Timing is asserted with fake timers (the bound is the loop's own batching: debounce, maximum wait, idle
 * timeout), never as a measured duration. happy-dom's requestIdleCallback runs on its own timers, so it is
 * removed here and the loop falls back to setTimeout(0), which the fake clock controls.
 */
import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startExtraction } from '../../lib/extract/run';
import type { DealContext } from '../../lib/model';

const RECORD_1 = `
  <h1>Opportunity 1</h1>
  <label for="customer">Customer</label><input id="customer" value="Harbor Freight Logistics">
  <label for="country">Country</label><input id="country" value="Netherlands">
  <table id="lines"><thead><tr><th>Product</th><th>Qty</th></tr></thead><tbody><tr><td>Dock camera</td><td>2</td></tr></tbody></table>`;
const RECORD_2 = `
  <h1>Opportunity 2</h1>
  <dl><dt>Customer</dt><dd>Novatek Border Systems</dd><dt>Ship to</dt><dd>Tehran, Iran</dd></dl>
  <table><tr><th>Product</th></tr><tr><td>NetProbe DPI Appliance 40G</td></tr></table>`;

const windows: Window[] = [];
const controllers: AbortController[] = [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(async () => {
  for (const c of controllers.splice(0)) c.abort();
  vi.useRealTimers();
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

function livePage(html: string, url = 'https://crm.example-selfhosted.test/opportunities/1') {
  const win = new Window({ url });
  windows.push(win);
  (win as unknown as { requestIdleCallback?: unknown }).requestIdleCallback = undefined;
  win.document.body.innerHTML = html;
  const doc = win.document as unknown as Document;
  const seen: { at: number; ctx: DealContext | null }[] = [];
  const ac = new AbortController();
  controllers.push(ac);
  startExtraction({ signal: ac.signal, doc, onContext: (ctx) => seen.push({ at: Date.now(), ctx }) });
  return { win, doc, seen, ac, last: () => seen[seen.length - 1]?.ctx };
}

/** Let the page's MutationObserver deliver (happy-dom queues records on its own timers or microtasks). */
async function flushMutations(win: Window) {
  await win.happyDOM.waitUntilComplete();
}

function type(doc: Document, id: string, value: string) {
  const input = doc.getElementById(id) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(
    new (doc.defaultView as unknown as typeof globalThis).Event('input', { bubbles: true }),
  );
}

describe('live pages (generic adapter)', () => {
  it('screens the record at once, and a typed change within a second', () => {
    const { doc, seen, last } = livePage(RECORD_1);
    expect(seen).toHaveLength(1);
    expect(last()?.site).toBe('generic');
    expect(last()?.customer).toBe('Harbor Freight Logistics');
    const t0 = Date.now();
    type(doc, 'customer', 'Novatek Border Systems');
    vi.advanceTimersByTime(999);
    expect(last()?.customer).toBe('Novatek Border Systems');
    expect(seen[seen.length - 1]!.at - t0).toBeLessThan(1000);
  });

  it('keeps up while the rep types on: every keystroke is reflected within a second', () => {
    const { doc, seen } = livePage(RECORD_1);
    const word = 'Orlo Vantage Analytics OOO';
    const typedAt: { at: number; value: string }[] = [];
    for (let i = 1; i <= word.length; i++) {
      type(doc, 'customer', word.slice(0, i));
      typedAt.push({ at: Date.now(), value: word.slice(0, i) });
      vi.advanceTimersByTime(120); // a steady typist: no pause long enough for the debounce alone
    }
    vi.advanceTimersByTime(1000);
    for (const k of typedAt) {
      // The first emission after the keystroke carries this value or a later one, and comes within 1 s.
      const next = seen.find(
        (s) => s.at >= k.at && s.ctx?.customer && s.ctx.customer.length >= k.value.length,
      );
      expect(next, k.value).toBeDefined();
      expect(next!.at - k.at, k.value).toBeLessThan(1000);
    }
    expect(seen[seen.length - 1]?.ctx?.customer).toBe(word);
    // Batched: far fewer screenings than keystrokes.
    expect(seen.length).toBeLessThan(word.length / 2);
  });

  it('picks up a new line item (a DOM mutation) within a second', async () => {
    const { win, doc, last } = livePage(RECORD_1);
    const row = doc.createElement('tr');
    row.innerHTML = '<td>IMSI-Catcher MC-200</td><td>1</td>';
    doc.querySelector('#lines tbody')!.append(row);
    await flushMutations(win);
    vi.advanceTimersByTime(999);
    expect(last()?.products.map((p) => p.name)).toEqual(['Dock camera', 'IMSI-Catcher MC-200']);
  });

  it('on SPA navigation drops the old record first and never shows it again', async () => {
    const { win, doc, seen } = livePage(RECORD_1);
    win.history.pushState({}, '', '/opportunities/2');
    win.dispatchEvent(new win.PopStateEvent('popstate', { state: {} }));
    // The CRM renders the new record a little later; meanwhile the old DOM is still there.
    vi.advanceTimersByTime(200);
    doc.body.innerHTML = RECORD_2;
    await flushMutations(win);
    vi.advanceTimersByTime(1000);
    const i = seen.findIndex((s) => s.ctx === null);
    expect(i).toBeGreaterThan(0);
    const after = seen.slice(i + 1).map((s) => s.ctx);
    expect(after.length).toBeGreaterThan(0);
    // Nothing after navigation describes the old record (its customer, or its URL).
    for (const c of after) {
      expect(c?.customer).not.toBe('Harbor Freight Logistics');
      expect(c?.url ?? '').toMatch(/\/opportunities\/2$/);
    }
    expect(after[after.length - 1]?.customer).toBe('Novatek Border Systems');
    expect(after[after.length - 1]?.countries.map((c) => c.code)).toEqual(['IR']);
  });

  it('leaves nothing running after abort: no timers, no reaction to edits, mutations or navigation', async () => {
    const { win, doc, seen, ac } = livePage(RECORD_1);
    type(doc, 'customer', 'Pending Edit GmbH'); // a batch is pending when the page run ends
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    ac.abort();
    expect(vi.getTimerCount()).toBe(0);
    const before = seen.length;
    type(doc, 'customer', 'After Abort AG');
    doc.querySelector('#lines tbody')!.append(doc.createElement('tr'));
    win.history.pushState({}, '', '/opportunities/3');
    win.dispatchEvent(new win.PopStateEvent('popstate', { state: {} }));
    await flushMutations(win);
    vi.advanceTimersByTime(5000);
    expect(seen.length).toBe(before);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('live pages, started when idle (as the content script does)', () => {
  function idlePage(html: string, sliceMs?: number) {
    const win = new Window({ url: 'https://crm.example-selfhosted.test/opportunities/1' });
    windows.push(win);
    (win as unknown as { requestIdleCallback?: unknown }).requestIdleCallback = undefined;
    win.document.body.innerHTML = html;
    const doc = win.document as unknown as Document;
    const seen: DealContext[] = [];
    const ac = new AbortController();
    controllers.push(ac);
    startExtraction({
      signal: ac.signal,
      doc,
      start: 'idle',
      sliceMs,
      onContext: (ctx) => {
        if (ctx) seen.push(ctx);
      },
    });
    return { win, doc, seen };
  }

  it('screens the record once the page is idle, not inside startExtraction', () => {
    const { seen } = idlePage(RECORD_1);
    expect(seen).toHaveLength(0);
    vi.advanceTimersByTime(300);
    expect(seen.map((c) => c.customer)).toEqual(['Harbor Freight Logistics']);
  });

  it('a page edited between slices of the first scan is read as it is after the edit', async () => {
    // 2,000 filler elements: with a zero slice the scan for shadow roots takes several idle callbacks.
    const { win, doc, seen } = idlePage(`${RECORD_1}<div>${'<span>·</span>'.repeat(2000)}</div>`, 0);
    vi.advanceTimersByTime(0);
    expect(seen).toHaveLength(0);
    type(doc, 'customer', 'Novatek Border Systems');
    const row = doc.createElement('tr');
    row.innerHTML = '<td>IMSI-Catcher MC-200</td><td>1</td>';
    doc.querySelector('#lines tbody')!.append(row);
    await flushMutations(win);
    vi.advanceTimersByTime(1000);
    expect(seen[0]?.customer).toBe('Novatek Border Systems');
    expect(seen[0]?.products.map((p) => p.name)).toEqual(['Dock camera', 'IMSI-Catcher MC-200']);
    // And an edit after the first screening is picked up within a second.
    const n = seen.length;
    type(doc, 'customer', 'Orlo Vantage Analytics OOO');
    vi.advanceTimersByTime(999);
    expect(seen.length).toBe(n + 1);
    expect(seen.at(-1)?.customer).toBe('Orlo Vantage Analytics OOO');
  });

  it('observes a shadow root that arrives with new content, and edits inside it', async () => {
    const { win, doc, seen } = idlePage(RECORD_1);
    vi.advanceTimersByTime(300);
    const host = doc.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<dl><dt>End user</dt><dd id="eu">Harbor Police Department</dd></dl>';
    doc.body.append(host);
    await flushMutations(win);
    vi.advanceTimersByTime(1000);
    expect(seen.at(-1)?.parties.find((p) => p.role === 'end-user')?.name).toBe('Harbor Police Department');
    // A change inside that shadow root is seen: the root was found from the added node and observed.
    host.shadowRoot!.getElementById('eu')!.textContent = 'Ministry of Interior';
    await flushMutations(win);
    vi.advanceTimersByTime(1000);
    expect(seen.at(-1)?.parties.find((p) => p.role === 'end-user')?.name).toBe('Ministry of Interior');
  });
});
