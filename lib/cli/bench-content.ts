/**
 * Content-script cost on the CRM page, in real headless Chromium (npm run bench -- content).
 *
 * - Builds the extension into DEALSCREEN_OUT_DIR (your own output folder; .output-bench when unset), or takes
 *   an existing build from DEALSCREEN_BENCH_EXT=<folder with manifest.json>, and reports the gzip size of
 *   content-scripts/crm.js and whether React, the rule set or a watchlist leaked into it.
 * - Serves a generated CRM page of ~50,000 nodes (a quote with parties, addresses and line items, plus an
 *   activity feed, a big related list and navigation) over the fixture server, with a page script that mutates
 *   steadily: a clock every 100 ms, a feed entry every 250 ms, and a relevant edit (a new line item, a changed
 *   field) every 3 s.
 * - The page's host is added as the rep's own CRM domain (settings.customDomains), so the extension's real
 *   registration path injects the content script. The origin permission is granted by listing the host in
 *   host_permissions of a temporary copy of the built manifest: Chromium in automation cannot click the
 *   permissions.request prompt.
 * - Traces a fixed window from navigation (DEALSCREEN_BENCH_MS, default 20 s: injection, first extraction,
 *   steady state) with the Chrome trace (devtools.timeline); see traceFigures() for what is counted. The
 *   background's first screening is watched and reported (screenedMs) but does not pace the window.
 * - DEALSCREEN_BENCH_DEBUG=1 adds, on stderr: the content script's CPU profile (self time per function, and
 *   during the injection), its longest calls, and slow extension API calls in the service worker.
 *
 * Prints one JSON line: {bench:'content-script', gzipBytes, longestTaskMs, scriptingMs, pageMainThreadMs, share, …},
 * medians over DEALSCREEN_BENCH_RUNS runs (default 3, a fresh browser each), then the figures of each run.
 * Target: no task over 50 ms, scripting under 2 % of the page's main-thread time.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../..');
const HOST = 'bench.crm-selfhosted.test';
/** The traced window, from navigation. */
const MEASURE_MS = Number(process.env.DEALSCREEN_BENCH_MS ?? 20_000);
/** How long the first screening is waited for (reported; the figures do not depend on it). */
const SCREEN_TIMEOUT_MS = 30_000;

type Line = Record<string, unknown>;

/**
 * The built extension to measure: DEALSCREEN_BENCH_EXT (an existing build, used as is), else a fresh build into
 * DEALSCREEN_OUT_DIR (the caller's own output folder, as for `npm run build`), else into .output-bench. Several
 * people share a working tree: building into someone else's folder would swap their extension under them.
 */
function extensionDir(): string {
  const given = process.env.DEALSCREEN_BENCH_EXT;
  if (given) {
    const dir = resolve(given);
    const ext = existsSync(join(dir, 'manifest.json')) ? dir : join(dir, 'chrome-mv3');
    if (!existsSync(join(ext, 'manifest.json'))) throw new Error(`no built extension at ${given}`);
    return ext;
  }
  const out = resolve(ROOT, process.env.DEALSCREEN_OUT_DIR ?? '.output-bench');
  const r = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    env: { ...process.env, DEALSCREEN_OUT_DIR: out },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  return join(out, 'chrome-mv3');
}

/** What must never be in the content script: UI framework, rule data, watchlists. */
function bundleChecks(js: string): Line {
  const rules = JSON.parse(readFileSync(join(ROOT, 'assets/rules/surveillance.json'), 'utf8')) as unknown;
  const ruleIds =
    JSON.stringify(rules)
      .match(/"id":\s*"([^"]+)"/g)
      ?.slice(0, 20) ?? [];
  return {
    hasReact: /react\.element|__SECRET_INTERNALS|useState/.test(js),
    hasRuleSet: ruleIds.some((m) => js.includes(m.replace(/^"id":\s*/, ''))),
    hasWatchlist: /Novatek Border Systems|Caspian Relay Trading|Orlo Vantage/.test(js),
    hasZod: /ZodError|\$ZodType/.test(js),
  };
}

/** A quote page of about `nodes` DOM nodes (elements + text), generic CRM markup, with a mutating script. */
export function benchPage(nodes = 50_000): string {
  const parts: string[] = [];
  parts.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quote Q-2024-0042</title>
<link rel="icon" href="data:,"><style>body{font-family:sans-serif}.row{display:flex;gap:8px}.label{color:#666;width:160px}</style></head><body>
<nav role="navigation">${Array.from({ length: 200 }, (_, i) => `<a href="/m/${i}">Menu ${i}</a>`).join(' ')}</nav>
<header><span id="clock">00:00:00</span> <span id="badge">0</span></header>
<main><h1>Quote Q-2024-0042</h1>
<section id="fields">
<div class="row"><div class="label">Account</div><div class="value">Orlo Vantage Analytics OOO</div></div>
<div class="row"><div class="label">End user</div><div class="value" id="enduser">Ministry of Interior – Cyber Police</div></div>
<div class="row"><div class="label">Distributor</div><div class="value">Gulf Secure Trading FZE</div></div>
<div class="row"><div class="label">Shipping Address</div><div class="value">Prospekt Mira 10<br>Moscow<br>Russian Federation</div></div>
<div class="row"><div class="label">Description</div><div class="value">Nationwide monitoring of subscriber traffic.</div></div>
</section>
<table id="lines"><thead><tr><th>Product</th><th>Description</th><th>Qty</th><th>Price</th></tr></thead><tbody>
<tr><td>NetProbe DPI Appliance 40G</td><td>Deep packet inspection</td><td>4</td><td>180,000</td></tr>
</tbody></table>
<section id="feed" aria-label="Activity"></section>
<section id="related"><table><thead><tr><th>Contact</th><th>Email</th><th>Phone</th><th>Owner</th></tr></thead><tbody>`);
  // Each related row: tr + 4 td + 4 text + 1 a + (whitespace) ≈ 11 nodes.
  const rows = Math.max(0, Math.floor((nodes - 700) / 11));
  for (let i = 0; i < rows; i++)
    parts.push(
      `<tr><td><a href="/c/${i}">Contact ${i}</a></td><td>c${i}@example.org</td><td>+1 555 ${String(i).padStart(4, '0')}</td><td>Rep ${i % 17}</td></tr>`,
    );
  parts.push(`</tbody></table></section></main>
<footer role="contentinfo">Company: Bench CRM Inc · Address: 1 Main St, United States</footer>
<script>
(() => {
  const clock = document.getElementById('clock'), badge = document.getElementById('badge');
  const feed = document.getElementById('feed'), lines = document.querySelector('#lines tbody');
  let n = 0;
  // A clock and a notification badge: the kind of churn every CRM page has.
  setInterval(() => { clock.textContent = new Date().toISOString().slice(11, 19); badge.textContent = String(++n); }, 100);
  // An activity feed that keeps growing and trimming.
  setInterval(() => {
    const e = document.createElement('div');
    e.className = 'activity';
    e.innerHTML = '<b>Rep ' + (n % 9) + '</b> viewed the quote <time>' + new Date().toISOString() + '</time>';
    feed.prepend(e);
    if (feed.childElementCount > 30) feed.lastElementChild.remove();
  }, 250);
  // A relevant edit every 3 s: a new line item, then a changed end user.
  let k = 0;
  setInterval(() => {
    if (++k % 2) {
      const tr = document.createElement('tr');
      tr.innerHTML = '<td>Lawful Intercept Module ' + k + '</td><td>Mediation</td><td>1</td><td>10,000</td>';
      lines.append(tr);
    } else document.getElementById('enduser').textContent = 'Agency ' + k;
  }, 3000);
})();
</script></body></html>`);
  return parts.join('\n');
}

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; scriptName?: string; frame?: string; functionName?: string } };
}

/** Runs of the whole measurement (fresh browser each); the figures reported are their medians. */
const RUNS = Math.max(1, Number(process.env.DEALSCREEN_BENCH_RUNS ?? 3));
const DEBUG = !!process.env.DEALSCREEN_BENCH_DEBUG;

/** Names of a renderer's top-level task event, old and new Chromium. */
const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
/** Events that run (or compile) a script, and carry its URL. */
const SCRIPT_EVENTS = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'V8.ScriptCompiler',
  'v8.evaluateModule',
]);

export interface TraceFigures {
  longestTaskUs: number;
  scriptingUs: number;
  pageMainThreadUs: number;
  calls: number;
  /** Our time per top-level task, longest first (the first few). */
  topTasksUs: number[];
}

/** Outermost events only (an event nested in an earlier one is part of it). Input sorted by ts. */
function outermost(events: readonly TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (last && e.ts < last.ts + (last.dur ?? 0)) continue;
    out.push(e);
  }
  return out;
}

/**
 * The content script's share of the page's renderer main thread, from a devtools.timeline trace.
 * - Ours: FunctionCall / EvaluateScript / compile events whose script URL is the content script's (every entry
 *   into our code from the browser: injection, timers, idle callbacks, observers, listeners), outermost only.
 * - The page's main thread: the renderer main thread our script ran on; its busy time is the sum of its
 *   top-level tasks over the whole trace (the page's load, its own script, style, layout, paint, and us).
 * - Longest task: the most time our events take inside one top-level task (a task is what blocks input).
 */
export function traceFigures(events: readonly TraceEvent[], scriptUrl: string): TraceFigures {
  const isOurs = (e: TraceEvent) => {
    const d = e.args?.data;
    return (d?.url ?? d?.scriptName ?? '').startsWith(scriptUrl);
  };
  const ours = events
    .filter((e) => e.ph === 'X' && SCRIPT_EVENTS.has(e.name) && isOurs(e))
    .sort((a, b) => a.ts - b.ts);
  // Which renderer runs the page: the one our script ran in (else the first renderer main thread).
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name') as (TraceEvent & {
    args: { name?: string };
  })[];
  const mainThreads = names.filter((e) => e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
  const pageThread = ours[0] ? `${ours[0].pid}:${ours[0].tid}` : mainThreads[0];
  const onPage = (e: TraceEvent) => `${e.pid}:${e.tid}` === pageThread;
  const top = outermost(
    events
      .filter((e) => e.ph === 'X' && TASK_EVENTS.has(e.name) && onPage(e) && (e.dur ?? 0) > 0)
      .sort((a, b) => a.ts - b.ts),
  );
  const pageMainThreadUs = top.reduce((s, t) => s + (t.dur ?? 0), 0);
  const outer = outermost(ours.filter(onPage));
  const scriptingUs = outer.reduce((s, e) => s + (e.dur ?? 0), 0);
  const perTask = new Map<number, number>();
  let ti = 0;
  outer.forEach((e, k) => {
    while (ti < top.length && top[ti]!.ts + (top[ti]!.dur ?? 0) < e.ts) ti++;
    // An event outside every task (should not happen) counts as a task of its own.
    const key = ti < top.length && top[ti]!.ts <= e.ts ? ti : -1 - k;
    perTask.set(key, (perTask.get(key) ?? 0) + (e.dur ?? 0));
  });
  const topTasksUs = [...perTask.values()].sort((a, b) => b - a).slice(0, 5);
  return {
    longestTaskUs: topTasksUs[0] ?? 0,
    scriptingUs,
    pageMainThreadUs,
    calls: outer.length,
    topTasksUs,
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const round = (us: number) => Math.round(us / 10) / 100;

interface RunFigures {
  nodes: number;
  screened: boolean;
  /** From navigation to the tab's first state in storage.session, and to its first 'ready' screening. */
  firstStateMs: number | null;
  screenedMs: number | null;
  states: string[];
  trace: TraceFigures;
  windowMs: number;
}

type Launch = (opts: {
  headless: boolean;
  args?: string[];
}) => Promise<import('../../scripts/chromium').LaunchedBrowser>;

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  samples?: number[];
  timeDeltas?: number[];
  startTime?: number;
}

/** Debug: where the content script's CPU time goes (self time per function, with the code at its start). */
function printProfile(
  profile: CpuProfile,
  scriptUrl: string,
  source: string,
  window?: [number, number],
): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const lines = source.split('\n');
  let t = profile.startTime ?? 0;
  (profile.samples ?? []).forEach((id, i) => {
    t += profile.timeDeltas?.[i] ?? 0;
    const f = byId.get(id)?.callFrame;
    if (!f) return;
    if (window ? t < window[0] || t > window[1] : f.url !== scriptUrl) return;
    const code = (lines[f.lineNumber] ?? '').slice(f.columnNumber, f.columnNumber + 70);
    const where = f.url === scriptUrl ? `@${f.lineNumber}:${f.columnNumber} ${code}` : f.url.slice(0, 60);
    const key = `${f.functionName || '(anonymous)'} ${where}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
  });
  if (window) console.error('during the injection:');
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.error(`${(us / 1000).toFixed(1)} ms self  ${k}`);
}

async function measureOnce(launch: Launch, chromiumArgs: string[], source: string): Promise<RunFigures> {
  const browser = await launch({ headless: true, args: chromiumArgs });
  try {
    const { context, worker } = browser;
    // The rep adds the domain; the background registers the content script for it.
    await worker.evaluate(async (origin: string) => {
      const raw = (await chrome.storage.local.get('settings')).settings as { data?: object } | undefined;
      const data = {
        threshold: null,
        disabledCategories: [],
        disabledSites: [],
        ...(raw?.data ?? {}),
        customDomains: [origin],
      };
      await chrome.storage.local.set({ settings: { v: 1, data } });
    }, `https://${HOST}`);
    for (let i = 0; i < 100; i++) {
      const n = await worker.evaluate(
        async () => (await chrome.scripting.getRegisteredContentScripts()).length,
      );
      if (n > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    // Slow extension API calls in the worker (the first storage.managed.get can take seconds).
    if (DEBUG)
      await worker.evaluate(`(() => {
        const wrap = (obj, name) => {
          const orig = obj[name].bind(obj);
          obj[name] = (...a) => {
            const t = performance.now();
            const r = orig(...a);
            r?.then?.(() => {
              const d = performance.now() - t;
              if (d > 100) console.log('slow API', name, 'at', Math.round(t), 'took', Math.round(d), 'ms');
            });
            return r;
          };
        };
        for (const area of ['local', 'session', 'managed']) for (const m of ['get', 'set']) wrap(chrome.storage[area], m);
        wrap(chrome.management, 'getSelf');
        wrap(chrome.action, 'setBadgeText');
      })()`);
    const page = await context.newPage();
    if (DEBUG) page.on('console', (m) => console.error('page:', m.text().slice(0, 300)));
    if (DEBUG) worker.on('console', (m) => console.error('worker:', m.text().slice(0, 300)));
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: [
          'toplevel',
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          '__metadata',
        ],
      },
      transferMode: 'ReportEvents',
    } as never);
    if (DEBUG) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const t0 = Date.now();
    await page.goto(`https://${HOST}/quotes/Q-2024-0042`);
    const nodeCount = await page.evaluate(() => document.getElementsByTagName('*').length * 2);
    // The background's screening, watched for the report. It does not pace the measurement: the content script
    // never waits for it, and its time (building the matcher, reading storage.managed) varies by seconds.
    const tabStates = async () =>
      worker.evaluate(async () => {
        const all = await chrome.storage.session.get(null);
        return Object.values(all).map((v) => (v as { data?: { status?: string } }).data?.status ?? '?');
      });
    let firstStateMs: number | null = null;
    let screenedMs: number | null = null;
    let states: string[] = [];
    const poll = async (untilMs: number) => {
      while (screenedMs === null && Date.now() - t0 < untilMs) {
        states = await tabStates();
        if (states.length > 0) firstStateMs ??= Date.now() - t0;
        if (states.includes('ready')) screenedMs = Date.now() - t0;
        else await new Promise((r) => setTimeout(r, 100));
      }
    };
    // A fixed window from navigation: the injection, the first extraction and the steady state after it.
    await poll(MEASURE_MS);
    const rest = t0 + MEASURE_MS - Date.now();
    if (rest > 0) await new Promise((r) => setTimeout(r, rest));
    const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.end');
    await done;
    const windowMs = Date.now() - t0;
    await poll(SCREEN_TIMEOUT_MS);
    if (DEBUG)
      console.error(
        'states',
        JSON.stringify(await worker.evaluate(async () => chrome.storage.session.get(null))).slice(0, 600),
      );
    const scriptUrl = `chrome-extension://${browser.extensionId}/content-scripts/crm.js`;
    if (DEBUG) {
      const profile = (await cdp.send('Profiler.stop')).profile as CpuProfile;
      printProfile(profile, scriptUrl, source);
      const inject = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url === scriptUrl);
      if (inject) printProfile(profile, scriptUrl, source, [inject.ts, inject.ts + (inject.dur ?? 0)]);
    }
    const trace = traceFigures(events, scriptUrl);
    if (DEBUG) {
      const t0us = events.reduce((m, e) => (e.ts > 0 && e.ts < m ? e.ts : m), Number.POSITIVE_INFINITY);
      const first = events
        .filter((e) => e.ph === 'X' && e.args?.data?.url === scriptUrl)
        .sort((a, b) => a.ts - b.ts)[0];
      console.error(
        'first content-script event at',
        first ? Math.round((first.ts - t0us) / 1000) : null,
        'ms into the trace',
      );
      const ours = events.filter(
        (e) => e.ph === 'X' && SCRIPT_EVENTS.has(e.name) && e.args?.data?.url === scriptUrl,
      );
      // Our entry points (observer callback, timers, idle callbacks …) by total time, and GC inside our calls.
      const lines = source.split('\n');
      const entries = new Map<string, { n: number; us: number; gcUs: number; max: number }>();
      for (const e of outermost([...ours].sort((a, b) => a.ts - b.ts))) {
        const d = e.args?.data as { lineNumber?: number; columnNumber?: number; functionName?: string };
        const code = (lines[(d.lineNumber ?? 1) - 1] ?? '').slice(
          (d.columnNumber ?? 1) - 1,
          (d.columnNumber ?? 1) + 50,
        );
        const key = `${e.name} ${d.functionName ?? ''} ${code}`;
        const gcUs = events
          .filter(
            (x) =>
              x.pid === e.pid &&
              x.tid === e.tid &&
              x.ph === 'X' &&
              (x.name === 'MajorGC' || x.name === 'MinorGC' || x.name === 'V8.GC_MC_INCREMENTAL') &&
              x.ts >= e.ts &&
              x.ts < e.ts + (e.dur ?? 0),
          )
          .reduce((s, x) => s + (x.dur ?? 0), 0);
        const t = entries.get(key) ?? { n: 0, us: 0, gcUs: 0, max: 0 };
        t.n++;
        t.us += e.dur ?? 0;
        t.gcUs += gcUs;
        t.max = Math.max(t.max, e.dur ?? 0);
        // DEALSCREEN_BENCH_CALLS=1: every call, in order (when it ran, how long).
        if (process.env.DEALSCREEN_BENCH_CALLS)
          console.error(
            'call',
            Math.round((e.ts - t0us) / 1000),
            Math.round((e.dur ?? 0) / 100) / 10,
            key.slice(0, 40),
          );
        entries.set(key, t);
      }
      for (const [k, t] of [...entries].sort((a, b) => b[1].us - a[1].us).slice(0, 10))
        console.error(
          `${(t.us / 1000).toFixed(1)} ms in ${t.n} calls (max ${(t.max / 1000).toFixed(1)}, GC ${(t.gcUs / 1000).toFixed(1)}): ${k}`,
        );
    }
    return {
      nodes: nodeCount,
      screened: screenedMs !== null,
      firstStateMs,
      screenedMs,
      states,
      trace,
      windowMs,
    };
  } finally {
    await browser.close();
  }
}

export async function benchContent(): Promise<Line[]> {
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'))
    return [{ bench: 'content-script', skipped: 'no Chromium at /usr/bin/chromium (set CHROMIUM_PATH)' }];
  const built = extensionDir();
  const js = readFileSync(join(built, 'content-scripts/crm.js'));
  const gzipBytes = gzipSync(js, { level: 9 }).length;

  // A copy whose manifest holds the bench host's permission (what the rep grants in the options).
  const tmp = mkdtempSync(join(tmpdir(), 'dealscreen-bench-'));
  const ext = join(tmp, 'chrome-mv3');
  cpSync(built, ext, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8')) as {
    host_permissions?: string[];
  };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), `https://${HOST}/*`];
  writeFileSync(join(ext, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(tmp, 'bench.html'), benchPage());

  // scripts/chromium reads the extension folder from DEALSCREEN_OUT_DIR when first imported.
  const outDir = process.env.DEALSCREEN_OUT_DIR;
  process.env.DEALSCREEN_OUT_DIR = tmp;
  const { launchWithExtension } = await import('../../scripts/chromium');
  if (outDir === undefined) delete process.env.DEALSCREEN_OUT_DIR;
  else process.env.DEALSCREEN_OUT_DIR = outDir;
  const { startCrmServer } = await import('../../scripts/crm-server');
  const server = await startCrmServer([{ host: HOST, path: '^/', file: 'bench.html', dir: tmp }]);
  const runs: RunFigures[] = [];
  try {
    for (let i = 0; i < RUNS; i++)
      runs.push(await measureOnce(launchWithExtension, server.chromiumArgs, js.toString('utf8')));
  } finally {
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  const med = (f: (r: RunFigures) => number) => median(runs.map(f));
  const shares = runs.map((r) =>
    r.trace.pageMainThreadUs > 0 ? r.trace.scriptingUs / r.trace.pageMainThreadUs : 0,
  );
  const screenedRuns = runs.filter((r) => r.screenedMs !== null);
  return [
    {
      bench: 'content-script',
      page: 'generic quote, generated',
      runs: RUNS,
      nodes: runs[0]?.nodes,
      gzipBytes,
      rawBytes: js.length,
      ...bundleChecks(js.toString('utf8')),
      // Medians over the runs; the per-run figures follow.
      longestTaskMs: round(med((r) => r.trace.longestTaskUs)),
      scriptingMs: round(med((r) => r.trace.scriptingUs)),
      pageMainThreadMs: round(med((r) => r.trace.pageMainThreadUs)),
      share: Math.round(median(shares) * 10000) / 10000,
      screened: `${screenedRuns.length}/${runs.length}`,
      screenedMs: screenedRuns.length ? median(screenedRuns.map((r) => r.screenedMs!)) : null,
      perRun: runs.map((r, i) => ({
        longestTaskMs: round(r.trace.longestTaskUs),
        topTasksMs: r.trace.topTasksUs.map(round),
        scriptingMs: round(r.trace.scriptingUs),
        pageMainThreadMs: round(r.trace.pageMainThreadUs),
        share: Math.round(shares[i]! * 10000) / 10000,
        calls: r.trace.calls,
        firstStateMs: r.firstStateMs,
        screenedMs: r.screenedMs,
        states: r.states,
        windowMs: r.windowMs,
      })),
      target: { longestTaskMs: 50, share: 0.02 },
    },
  ];
}
