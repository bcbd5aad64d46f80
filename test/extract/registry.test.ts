import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentScriptMatches } from '../../lib/extract/patterns';
import { adapterFor, fallbackAdapter, registryMatchPatterns, siteAdapters } from '../../lib/extract/registry';
import { matchPatternToRegExp, type SiteAdapter } from '../../lib/extract/site-adapter';

const SITES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../lib/extract/sites');
const siteFiles = readdirSync(SITES_DIR)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .sort();

describe('site registry', () => {
  it('registers every file in lib/extract/sites', async () => {
    for (const file of siteFiles) {
      const mod = (await import(join(SITES_DIR, file))) as { default?: SiteAdapter };
      const adapter = mod.default;
      expect(adapter, `${file} must default-export its adapter`).toBeDefined();
      expect(adapter!.id, `${file}: id must equal the file name`).toBe(file.replace(/\.ts$/, ''));
      // The generic fallback (no patterns of its own) is registered as fallbackAdapter, not in siteAdapters.
      expect(
        siteAdapters.includes(adapter!) || fallbackAdapter === adapter,
        `${file} is not in the registry`,
      ).toBe(true);
    }
  });

  it('has a file in lib/extract/sites for every registered adapter, and unique ids', () => {
    const ids = siteAdapters.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(siteFiles, `no lib/extract/sites/${id}.ts`).toContain(`${id}.ts`);
  });

  it('gives the content script exactly the registry patterns, all valid', () => {
    expect(contentScriptMatches).toEqual(registryMatchPatterns());
    expect(contentScriptMatches.length).toBeGreaterThan(0);
    for (const p of contentScriptMatches) {
      expect(matchPatternToRegExp(p), p).not.toBeNull();
      // Host permissions must stay narrow: no scheme or host wildcards that reach every site.
      expect(p).not.toMatch(/^(?:<all_urls>|\*:|https?:\/\/\*\/)/);
    }
  });

  it('every adapter has a name, patterns and page-kind detectors with descriptions', () => {
    for (const a of siteAdapters) {
      expect(a.name.length).toBeGreaterThan(0);
      expect(a.pageKinds.length).toBeGreaterThan(0);
      for (const d of a.pageKinds) expect(d.description.length).toBeGreaterThan(10);
    }
  });

  it('picks the adapter by URL', () => {
    expect(
      adapterFor('https://acme.lightning.force.com/lightning/r/Opportunity/006RISKY000000001AAA/view')?.id,
    ).toBe('salesforce');
    expect(adapterFor('https://acme--uat.sandbox.lightning.force.com/lightning/page/home')?.id).toBe(
      'salesforce',
    );
    expect(adapterFor('https://example.com/lightning/r/Opportunity/006RISKY000000001AAA/view')).toBeNull();
    expect(adapterFor('https://lightning.force.com.evil.example/x')).toBeNull();
    expect(adapterFor('not a url')).toBeNull();
  });
});
