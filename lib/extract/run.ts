/**
 * The content script's extraction loop on a CRM page.
 *
 * - Extracts once on start, then whenever the page changes: a MutationObserver on the document and on every
 *   open shadow root as it appears (mutations inside a shadow root are invisible to an observer on the document).
 * - Mutations are batched: debounced (~300 ms, with a maximum wait so a ticking widget cannot starve us) and
 *   handled in requestIdleCallback (setTimeout fallback), so nothing heavy runs while the CRM is busy.
 * - SPA navigation: the Navigation API's events where the browser has them, popstate/hashchange, and a
 *   low-frequency URL check. We never patch history: a content script lives in an isolated world and the
 *   page's own history.pushState is not ours to touch. On a new URL we emit null first (drop the old record's
 *   results), then the new record once it renders.
 * - Emits only when the extracted context changed (stable JSON compare).
 * - Everything hangs off `signal`: aborting disconnects observers, clears timers and removes listeners.
 *
 * Small on purpose: no React, no rules, no lists. Only the adapters and the DOM helper.
 */
import type { DealContext } from '../model';
import { stableStringify } from './context';
import { deepShadowRoots, withQueryCache } from './dom';
import { adapterFor } from './registry';
import type { SiteAdapter } from './site-adapter';

export interface StartExtractionOptions {
  signal: AbortSignal;
  /** Called with the new context (null: no record on this page, or navigation started). */
  onContext: (ctx: DealContext | null) => void;
  /** Fixed adapter; by default the registry's adapter for the current URL (looked up again after navigation). */
  adapter?: SiteAdapter;
  /** The document to watch (tests); defaults to the global document. */
  doc?: Document;
  /** Quiet time before a batch of mutations is handled. */
  debounceMs?: number;
  /** Longest a batch may be postponed by a continuous stream of mutations. */
  maxWaitMs?: number;
  /** Period of the URL check (SPA navigations the Navigation API does not report). */
  urlCheckMs?: number;
  /** Called when an adapter throws; the loop carries on (default: console.debug). */
  onError?: (error: unknown) => void;
}

/** Attributes whose change can alter what we read (labels, shown/hidden pages). Others are noise. */
const ATTRIBUTE_FILTER = ['class', 'hidden', 'field-label', 'data-label', 'title', 'aria-label', 'href'];
const OBSERVE: MutationObserverInit = {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
  attributeFilter: ATTRIBUTE_FILTER,
};

type IdleWindow = Window & {
  MutationObserver?: typeof MutationObserver;
  requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
  navigation?: EventTarget;
};

/** Mutation records kept per batch for the adapter's relevance test; more means "extract anyway". */
const MAX_PENDING_RECORDS = 2000;

/** Longest wait for idle time before a batch is handled anyway (a page that is never idle). */
const IDLE_TIMEOUT_MS = 300;

/** The address of the record: path and query; a hash change alone is not a new record. */
function pageKey(href: string): string {
  const i = href.indexOf('#');
  return i >= 0 ? href.slice(0, i) : href;
}

export function startExtraction(opts: StartExtractionOptions): void {
  const { signal, onContext } = opts;
  if (signal.aborted) return;
  const doc = opts.doc ?? document;
  const win = (doc.defaultView ?? (globalThis as unknown)) as IdleWindow;
  const debounceMs = opts.debounceMs ?? 300;
  // An edit must show in the findings within a second even while the page keeps mutating (a ticking widget, the
  // rep typing on): at most maxWait of batching plus IDLE_TIMEOUT_MS of waiting for idle time.
  const maxWaitMs = opts.maxWaitMs ?? 600;
  const urlCheckMs = opts.urlCheckMs ?? 1000;
  const onError = opts.onError ?? ((e: unknown) => console.debug('[DealScreen] extraction failed', e));

  let lastKey: string | undefined;
  let lastUrl = pageKey(win.location.href);
  let adapter = opts.adapter ?? adapterFor(win.location.href, { fallback: true });
  if (!adapter) {
    // No adapter for this site, and the host cannot change without a page load: say so once and stay idle.
    onContext(null);
    return;
  }

  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  // Mutation records since the last extraction, for the adapter's relevance test; `force` when something
  // other than a mutation (typing, navigation) asked for the run.
  let records: MutationRecord[] = [];
  let overflow = false;
  let force = false;
  let firstPending: number | undefined;
  let idleHandle: number | undefined;
  let idleIsTimeout = false;

  const emit = (ctx: DealContext | null) => {
    const key = stableStringify(ctx);
    if (key === lastKey) return;
    lastKey = key;
    onContext(ctx);
  };

  /** A new URL: drop the old record's results, pick the adapter again. Returns true if the URL changed. */
  const checkUrl = (): boolean => {
    const now = pageKey(win.location.href);
    if (now === lastUrl) return false;
    lastUrl = now;
    force = true;
    if (!opts.adapter) adapter = adapterFor(win.location.href, { fallback: true });
    emit(null);
    return true;
  };

  const extractNow = () => {
    if (signal.aborted) return;
    // A navigation the events missed is noticed here at the latest, so null always precedes the new record.
    checkUrl();
    const batch = records;
    records = [];
    const mustRun = force || overflow || lastKey === undefined;
    force = false;
    overflow = false;
    // Shadow roots that arrived with added elements are observed even when the batch is skipped.
    if (!mustRun) observeAddedShadowRoots(batch);
    try {
      const a = adapter;
      if (!mustRun && a?.mutationsMatter && !a.mutationsMatter(batch, doc)) return;
    } catch (e) {
      onError(e);
    }
    let ctx: DealContext | null = null;
    try {
      const a = adapter;
      // One query cache for both: listing the page's shadow hosts is the costly part on a big page.
      ctx = withQueryCache(() => {
        observeNewShadowRoots();
        return a ? a.extract(doc, new URL(win.location.href)) : null;
      });
    } catch (e) {
      onError(e);
      ctx = null;
    }
    if (!signal.aborted) emit(ctx);
  };

  const cancelIdle = () => {
    if (idleHandle === undefined) return;
    if (idleIsTimeout) clearTimeout(idleHandle);
    else win.cancelIdleCallback?.(idleHandle);
    idleHandle = undefined;
  };

  const runWhenIdle = () => {
    debounceTimer = undefined;
    firstPending = undefined;
    if (idleHandle !== undefined || signal.aborted) return;
    const run = () => {
      idleHandle = undefined;
      extractNow();
    };
    if (typeof win.requestIdleCallback === 'function') {
      idleIsTimeout = false;
      // The timeout bounds the wait on a page that is never idle.
      idleHandle = win.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    } else {
      idleIsTimeout = true;
      idleHandle = setTimeout(run, 0) as unknown as number;
    }
  };

  /** Debounced: called on every batch of mutations and on navigation. */
  const schedule = () => {
    if (signal.aborted) return;
    const now = Date.now();
    firstPending ??= now;
    if (debounceTimer !== undefined) clearTimeout(debounceTimer);
    const wait = Math.max(0, Math.min(debounceMs, firstPending + maxWaitMs - now));
    debounceTimer = setTimeout(runWhenIdle, wait);
  };

  // Observers: the document, and each open shadow root once (WeakSet); new roots are picked up on every run.
  const observed = new WeakSet<Node>();
  // The document's own window's MutationObserver (in tests the document may belong to another window).
  const MO = win.MutationObserver ?? MutationObserver;
  const observer = new MO((batch) => {
    // Kept for the adapter's relevance test; a flood (a whole page re-rendered) just means "extract".
    if (records.length + batch.length > MAX_PENDING_RECORDS) {
      overflow = true;
      records = [];
    } else if (!overflow) for (const r of batch) records.push(r);
    schedule();
  });
  const observeNewShadowRoots = () => {
    for (const sr of deepShadowRoots(doc.documentElement ?? doc)) {
      if (observed.has(sr)) continue;
      observed.add(sr);
      observer.observe(sr, OBSERVE);
    }
  };
  const observeAddedShadowRoots = (batch: readonly MutationRecord[]) => {
    for (const r of batch) {
      if (r.type !== 'childList') continue;
      for (const n of Array.from(r.addedNodes)) {
        if (n.nodeType !== 1) continue;
        for (const sr of deepShadowRoots(n as Element)) {
          if (observed.has(sr)) continue;
          observed.add(sr);
          observer.observe(sr, OBSERVE);
        }
      }
    }
  };
  observer.observe(doc, OBSERVE);
  observed.add(doc);

  // Typing in an inline-edit field changes a property, not the DOM: no mutation. Input events are composed, so
  // they reach the document from inside shadow roots.
  const onEdit = () => {
    force = true;
    schedule();
  };
  doc.addEventListener('input', onEdit, { signal, capture: true, passive: true });
  doc.addEventListener('change', onEdit, { signal, capture: true, passive: true });

  // Navigation: where the Navigation API exists it reports pushState/replaceState of the page's own world too.
  const onNavigate = () => {
    if (checkUrl()) schedule();
  };
  const listenOpts: AddEventListenerOptions = { signal };
  win.navigation?.addEventListener?.('currententrychange', onNavigate, listenOpts);
  win.addEventListener('popstate', onNavigate, listenOpts);
  win.addEventListener('hashchange', onNavigate, listenOpts);
  const urlTimer = setInterval(onNavigate, urlCheckMs);

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      records = [];
      clearInterval(urlTimer);
      if (debounceTimer !== undefined) clearTimeout(debounceTimer);
      debounceTimer = undefined;
      cancelIdle();
    },
    { once: true },
  );

  extractNow();
}
