/**
 * The content script's extraction loop on a CRM page.
 *
 * - Extracts once on start (at once, or when the page is idle: `start`), then whenever the page changes in a
 *   way that matters: a MutationObserver on the document and on every shadow root as it appears (mutations
 *   inside a shadow root are invisible to an observer on the document).
 * - Mutations are batched: debounced (~300 ms, with a maximum wait so a ticking widget cannot starve us) and
 *   handled in requestIdleCallback (setTimeout fallback), so nothing heavy runs while the CRM is busy. The
 *   observer callback only keeps the records (it runs after every task of the page that mutates anything);
 *   the adapter then judges the whole batch at once (mutationsMatter: a clock, a growing feed cannot change
 *   its result) and nothing is extracted when it says no. Judging each delivery as it came cost more: the
 *   fixed part of the test (is every region still in the page?) was paid per delivery instead of per batch.
 * - The page's shadow roots are kept in a ShadowIndex (./dom) fed by the observer's added nodes, so an
 *   extraction does not list every element of a big page to find them. Scanning for roots (the whole page at
 *   first, then what was added) runs in slices of at most `sliceMs`, each in its own idle callback. The
 *   extraction itself then runs in one piece, in one task, over a page that cannot change under it: a mutation
 *   that lands between slices is in the batch the extraction judges and happened before it reads the page;
 *   one that lands after it starts a new batch.
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
import { ShadowIndex, withQueryCache } from './dom';
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
  /**
   * When the first extraction runs: 'now' (inside startExtraction, in one piece) or 'idle' (when the page is
   * idle, its shadow-root scan sliced like every later run's). The content script uses 'idle': it is injected
   * while the CRM is still busy rendering.
   */
  start?: 'now' | 'idle';
  /** Longest slice of shadow-root scanning per task on the idle path. */
  sliceMs?: number;
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

/** Longest wait for idle time before a batch is handled anyway (a page that is never idle). */
const IDLE_TIMEOUT_MS = 300;

/** Default slice of shadow-root scanning per task: well under the 50 ms of a long task. */
const SLICE_MS = 10;

/** Mutation records kept per batch for the adapter's relevance test; more means "extract anyway". */
const MAX_PENDING_RECORDS = 2000;

const clock: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function'
    ? () => performance.now()
    : () => Date.now();

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
  const sliceMs = opts.sliceMs ?? SLICE_MS;

  let lastKey: string | undefined;
  let lastUrl = pageKey(win.location.href);
  let adapter = opts.adapter ?? adapterFor(win.location.href, { fallback: true });
  if (!adapter) {
    // No adapter for this site, and the host cannot change without a page load: say so once and stay idle.
    onContext(null);
    return;
  }

  // Mutation records since the last extraction, for the adapter's relevance test (`overflow`: too many, extract
  // anyway); `force` when something other than a mutation (typing, navigation) asked for the run.
  let records: MutationRecord[] = [];
  let overflow = false;
  let force = false;
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let firstPending: number | undefined;
  let lastRequest = 0;
  let idleHandle: number | undefined;
  let idleIsTimeout = false;
  // A run is asked for or under way (its shadow-root scan may take several idle callbacks).
  let running = false;

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

  /**
   * One step of a run: scan for shadow roots (sliced when `sliced`); once the scan is done, judge the batch and
   * extract. Returns false when the scan must continue in a later step.
   */
  const runStep = (sliced: boolean): boolean => {
    if (signal.aborted) return true;
    // A navigation the events missed is noticed here at the latest, so null always precedes the new record.
    checkUrl();
    index.refresh();
    const end = clock() + sliceMs;
    const scanned = index.scan(sliced ? () => clock() >= end : undefined);
    observeNewShadowRoots();
    if (!scanned) return false;
    const batch = records;
    records = [];
    const mustRun = force || overflow || lastKey === undefined;
    force = false;
    overflow = false;
    // Nothing happened since the last extraction (its batch held these mutations already).
    if (!mustRun && batch.length === 0) return true;
    if (!mustRun && !matters(batch)) return true;
    let ctx: DealContext | null = null;
    try {
      const a = adapter;
      // One query cache for the whole extraction, with the shadow roots from the index.
      ctx = withQueryCache(() => (a ? a.extract(doc, new URL(win.location.href)) : null), index);
    } catch (e) {
      onError(e);
      ctx = null;
    }
    if (!signal.aborted) emit(ctx);
    return true;
  };

  const cancelIdle = () => {
    if (idleHandle === undefined) return;
    if (idleIsTimeout) clearTimeout(idleHandle);
    else win.cancelIdleCallback?.(idleHandle);
    idleHandle = undefined;
  };

  const requestIdle = (run: () => void) => {
    if (typeof win.requestIdleCallback === 'function') {
      idleIsTimeout = false;
      // The timeout bounds the wait on a page that is never idle.
      idleHandle = win.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    } else {
      idleIsTimeout = true;
      idleHandle = setTimeout(run, 0) as unknown as number;
    }
  };

  /** A run in idle callbacks (setTimeout fallback), one slice each, until it is done. */
  const runWhenIdle = () => {
    debounceTimer = undefined;
    firstPending = undefined;
    if (signal.aborted) return;
    // The run under way covers this request: its extraction, in the task of its last step, comes later.
    if (running) return;
    running = true;
    const step = () => {
      idleHandle = undefined;
      if (signal.aborted) return;
      let done = true;
      try {
        done = runStep(true);
      } catch (e) {
        onError(e);
      }
      if (done) running = false;
      else requestIdle(step);
    };
    requestIdle(step);
  };

  /**
   * Debounced: runs after `debounceMs` of quiet, or `maxWaitMs` after the first request at the latest. One
   * timer per batch, re-armed only when it fires early (requests come with every task of the page that
   * mutates: a clock ticking every 100 ms would otherwise clear and set a timer ten times a second).
   */
  const onDebounce = () => {
    debounceTimer = undefined;
    if (signal.aborted) return;
    const due = Math.min(lastRequest + debounceMs, (firstPending ?? lastRequest) + maxWaitMs);
    const now = Date.now();
    if (now < due) debounceTimer = setTimeout(onDebounce, due - now);
    else runWhenIdle();
  };
  const schedule = () => {
    if (signal.aborted) return;
    const now = Date.now();
    firstPending ??= now;
    lastRequest = now;
    if (debounceTimer === undefined) debounceTimer = setTimeout(onDebounce, Math.min(debounceMs, maxWaitMs));
  };

  /** Could these records change the extraction? Without the adapter's test, or when it throws: yes. */
  const matters = (batch: readonly MutationRecord[]): boolean => {
    const a = adapter;
    if (!a?.mutationsMatter) return true;
    try {
      return a.mutationsMatter(batch, doc);
    } catch (e) {
      onError(e);
      return true;
    }
  };

  // Observers: the document, and each shadow root once (WeakSet), as the index finds them.
  const observed = new WeakSet<Node>();
  const index = new ShadowIndex(doc);
  // The document's own window's MutationObserver (in tests the document may belong to another window).
  const MO = win.MutationObserver ?? MutationObserver;
  const observer = new MO((batch) => {
    // Added subtrees may hold shadow roots: the next run scans them (even a flood's, whose records are dropped).
    for (let i = 0; i < batch.length; i++) {
      const added = batch[i]!.addedNodes;
      for (let j = 0; j < added.length; j++) index.added(added[j]!);
    }
    // Kept for the adapter's relevance test; a flood (a whole page re-rendered) just means "extract".
    if (records.length + batch.length > MAX_PENDING_RECORDS) {
      overflow = true;
      records = [];
    } else if (!overflow) for (let i = 0; i < batch.length; i++) records.push(batch[i]!);
    schedule();
  });
  const observeNewShadowRoots = () => {
    for (const sr of index.takeNewRoots()) {
      if (observed.has(sr)) continue;
      observed.add(sr);
      observer.observe(sr, OBSERVE);
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

  if (opts.start === 'idle') runWhenIdle();
  else runStep(false);
}
