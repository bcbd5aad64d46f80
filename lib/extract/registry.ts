/**
 * The site registry: one typed array of adapters, one per file in ./sites.
 * The content script's `matches` (./patterns) come from it, and test/extract/registry.test.ts checks it
 * against the files in ./sites both ways.
 *
 * Order matters: adapterFor() returns the first adapter whose patterns match, so a generic fallback
 * adapter (no patterns of its own, `fallback: true` below) goes last.
 */

import { type SiteAdapter, urlMatchesPatterns } from './site-adapter';
import { hubspot } from './sites/hubspot';
import { salesforce } from './sites/salesforce';

export const siteAdapters: readonly SiteAdapter[] = [salesforce, hubspot];

/**
 * An adapter to use when no site adapter matches (e.g. "screen this page" on an unknown CRM).
 * None yet; a generic adapter (lib/extract/sites/generic.ts) is meant to be registered here.
 */
export const fallbackAdapter: SiteAdapter | null = null;

/** The adapter whose match patterns cover `url`; the fallback when `opts.fallback` and none does. */
export function adapterFor(url: URL | string, opts: { fallback?: boolean } = {}): SiteAdapter | null {
  for (const a of siteAdapters) if (a.matches.length > 0 && urlMatchesPatterns(url, a.matches)) return a;
  return opts.fallback ? fallbackAdapter : null;
}

export function adapterById(id: string): SiteAdapter | null {
  return siteAdapters.find((a) => a.id === id) ?? (fallbackAdapter?.id === id ? fallbackAdapter : null);
}

/** Every adapter's match patterns, de-duplicated, in registry order. */
export function registryMatchPatterns(): string[] {
  return [...new Set(siteAdapters.flatMap((a) => a.matches))];
}
