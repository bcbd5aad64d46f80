/**
 * The site registry: one typed array of adapters, one per file in ./sites.
 * The content script's `matches` (./patterns) come from it, and test/extract/registry.test.ts checks it
 * against the files in ./sites both ways.
 *
 * Order matters: adapterFor() returns the first adapter whose patterns match, so a generic fallback
 * adapter (no patterns of its own, `fallback: true` below) goes last.
 */

import { type SiteAdapter, urlMatchesPatterns } from './site-adapter';
import { dynamics } from './sites/dynamics';
import { generic } from './sites/generic';
import { hubspot } from './sites/hubspot';
import { pipedrive } from './sites/pipedrive';
import { salesforce } from './sites/salesforce';
import { zoho } from './sites/zoho';

export const siteAdapters: readonly SiteAdapter[] = [salesforce, hubspot, dynamics, pipedrive, zoho];

/**
 * The adapter to use when no site adapter matches: "screen this page" on an unknown CRM, and the rep's own CRM
 * domains. Not in siteAdapters: it has no match patterns and is never a "CRM site screened automatically".
 */
export const fallbackAdapter: SiteAdapter | null = generic;

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
