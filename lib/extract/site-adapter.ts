/**
 * One SiteAdapter per CRM, mostly declarative (web-scrobbler connectors, refined-github selectors):
 * match patterns for the manifest, page-kind detectors on the URL, selector lists tried in order (each naming
 * the UI variant it covers), and an `extract` built on the shared helpers in ./dom and ./context.
 *
 * Adapters must never throw on a page they do not understand: they return null.
 * No DOM access at import time: wxt.config.ts reaches this file through ./patterns in Node.
 */
import type { DealContext, PageKind } from '../model';

/** What the URL says about the page: which kind of record, and its id. */
export interface PageMatch {
  pageKind: Exclude<PageKind, 'none'>;
  recordId?: string;
}

/** A URL test for one kind of record page. */
export interface PageKindDetector {
  /** What this detector recognises, e.g. "Lightning record page /lightning/r/Opportunity/<id>/view". */
  description: string;
  detect(url: URL): PageMatch | null;
}

export interface SiteAdapter {
  /** Stable id, also the file name under lib/extract/sites/ and the `site` of every DealContext. */
  id: string;
  /** Human-readable CRM name. */
  name: string;
  /**
   * WebExtension match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns).
   * They become the content script's `matches` and the host permissions.
   * A generic fallback adapter has none: it runs only on "screen this page" (activeTab).
   */
  matches: readonly string[];
  /** Tried in order; the first that matches decides the page kind. */
  pageKinds: readonly PageKindDetector[];
  /** Extract the current record, or null when the page holds no record (home, list view, not yet rendered). */
  extract(root: Document, url: URL): DealContext | null;
  /**
   * Optional, for adapters whose extraction is costly on big pages: could this batch of mutations change what
   * extract() returns? False skips the extraction (a ticking clock, a growing activity feed). Without it, every
   * batch is extracted again. Typing, navigation and the first run always extract.
   */
  mutationsMatter?(records: readonly MutationRecord[], root: Document): boolean;
}

/** The first page-kind detector that recognises `url`, or null. */
export function detectPage(adapter: SiteAdapter, url: URL): PageMatch | null {
  for (const d of adapter.pageKinds) {
    const m = d.detect(url);
    if (m) return m;
  }
  return null;
}

/**
 * A detector from a path regex. Group `id` (named) is the record id.
 * The regex sees the pathname only; query and hash are ignored.
 */
export function pathDetector(
  description: string,
  pageKind: PageMatch['pageKind'],
  path: RegExp,
  guard?: (m: RegExpExecArray, url: URL) => boolean,
): PageKindDetector {
  return {
    description,
    detect(url) {
      const m = path.exec(url.pathname);
      if (!m || (guard && !guard(m, url))) return null;
      const recordId = m.groups?.id;
      return recordId ? { pageKind, recordId } : { pageKind };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Match patterns

const patternCache = new Map<string, RegExp | null>();

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compile a WebExtension match pattern (`<all_urls>`, `*://*.example.com/*`, …) into a URL regex. */
export function matchPatternToRegExp(pattern: string): RegExp | null {
  if (patternCache.has(pattern)) return patternCache.get(pattern)!;
  let re: RegExp | null = null;
  if (pattern === '<all_urls>') {
    re = /^(?:https?|wss?|ftp|file):\/\//;
  } else {
    const m = /^(\*|https?|wss?|ftp|file):\/\/(\*|\*\.[^/*]+|[^/*]*)(\/.*)$/.exec(pattern);
    if (m) {
      const [, scheme, host, path] = m as unknown as [string, string, string, string];
      const schemeRe = scheme === '*' ? 'https?' : escapeRegex(scheme);
      let hostRe: string;
      if (host === '*') hostRe = '[^/]+';
      else if (host.startsWith('*.')) hostRe = `(?:[^/]+\\.)?${escapeRegex(host.slice(2))}`;
      else hostRe = escapeRegex(host);
      const pathRe = path.split('*').map(escapeRegex).join('.*');
      // Ports are not part of match patterns: any port matches.
      re = new RegExp(`^${schemeRe}://${hostRe}(?::\\d+)?${pathRe}$`, 'i');
    }
  }
  patternCache.set(pattern, re);
  return re;
}

/** Does `url` fall under any of the match patterns? */
export function urlMatchesPatterns(url: URL | string, patterns: readonly string[]): boolean {
  let href: string;
  try {
    const u = typeof url === 'string' ? new URL(url) : url;
    href = `${u.protocol}//${u.host}${u.pathname}${u.search}`;
  } catch {
    return false;
  }
  return patterns.some((p) => matchPatternToRegExp(p)?.test(href) ?? false);
}
