/**
 * Extraction from saved HTML, for Node (the CLI and the fixture tests). Never imported by the extension:
 * it loads happy-dom.
 *
 * The page is loaded in a happy-dom browser at `url` so that scripts that build the page (custom elements
 * attaching shadow roots, as Lightning does) run, then the site registry's adapter for `url` extracts.
 * Pages saved with declarative shadow DOM (<template shadowrootmode>, e.g. by SingleFile) need no scripts.
 *
 * Security: running a page's scripts in happy-dom is NOT a sandbox (a VM context can be escaped). Scripts run
 * only from the page itself (no script, CSS or frame loading, no network), and only when `runScripts` is true.
 * Do not run scripts of pages you do not trust; the CLI should offer a way to turn them off.
 */
import { Browser } from 'happy-dom';
import type { DealContext } from '../model';
import { withQueryCache } from './dom';
import { adapterFor } from './registry';
import type { SiteAdapter } from './site-adapter';

export interface ExtractFromHtmlOptions {
  /** Run the page's inline scripts (default true: needed for pages that build their DOM by script). */
  runScripts?: boolean;
  /** Longest wait for the page's timers and rendering, in ms (default 3000). */
  settleMs?: number;
  /** Use this adapter instead of the registry's choice for `url`. */
  adapter?: SiteAdapter;
  /** Print happy-dom's warning about running scripts outside a sandbox (default true). */
  warnInsecure?: boolean;
}

export interface LoadedPage {
  document: Document;
  url: URL;
  close(): Promise<void>;
}

/** Load `html` as if served at `url`, with the page's inline scripts run (see the security note above). */
export async function loadHtml(
  html: string,
  url: string,
  opts: ExtractFromHtmlOptions = {},
): Promise<LoadedPage> {
  const runScripts = opts.runScripts ?? true;
  const browser = new Browser({
    settings: {
      enableJavaScriptEvaluation: runScripts,
      suppressInsecureJavaScriptEnvironmentWarning: opts.warnInsecure === false,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: { disableChildFrameNavigation: true, disableChildPageNavigation: true },
      // A saved page must not reach the network from the CLI.
      fetch: {
        interceptor: {
          beforeAsyncRequest: async () => {
            throw new Error('DealScreen: network access is disabled while reading a saved page');
          },
          beforeSyncRequest: () => {
            throw new Error('DealScreen: network access is disabled while reading a saved page');
          },
        },
      },
      timer: { maxTimeout: 2000, maxIntervalIterations: 50 },
    },
    console: quietConsole,
  });
  const page = browser.newPage();
  page.url = url;
  page.content = html;
  const settle = opts.settleMs ?? 3000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    page.waitUntilComplete(),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, settle);
    }),
  ]);
  clearTimeout(timer);
  return {
    document: page.mainFrame.document as unknown as Document,
    url: new URL(url),
    close: () => browser.close(),
  };
}

/** The page's own console output is not ours to print (the CLI prints JSON on stdout). */
const quietConsole = {
  log() {},
  info() {},
  debug() {},
  warn() {},
  error() {},
  trace() {},
  group() {},
  groupCollapsed() {},
  groupEnd() {},
  table() {},
  dir() {},
  assert() {},
  count() {},
  time() {},
  timeEnd() {},
} as unknown as Console;

/**
 * Extract the DealContext of a saved page as if it were open at `url`.
 * Null when no adapter handles `url` (a generic fallback is meant to come) or the page holds no record.
 */
export async function extractFromHtml(
  html: string,
  url: string,
  opts: ExtractFromHtmlOptions = {},
): Promise<DealContext | null> {
  const adapter = opts.adapter ?? adapterFor(url, { fallback: true });
  if (!adapter) return null;
  const page = await loadHtml(html, url, opts);
  try {
    return withQueryCache(() => adapter.extract(page.document, page.url));
  } finally {
    await page.close();
  }
}
