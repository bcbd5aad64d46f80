/**
 * Sweeps every frozen page under test/fixtures/sites/<crm>/ and compares the extraction with its
 * *.expected.json. The expected file holds `url` (where the page is "served") and the DealContext fields that
 * matter; `"pageKind": "none"` means the adapter must return null. Pages load in happy-dom with their inline
 * scripts run (the fixtures attach shadow roots by script, as Lightning does), exactly as the CLI reads a
 * saved page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../lib/extract/html';
import { DealContext } from '../../lib/model';

const SITES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/sites');

interface Fixture {
  crm: string;
  name: string;
  html: string;
  expected: string;
}

function fixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const crm of readdirSync(SITES).sort()) {
    const dir = join(SITES, crm);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.html')) continue;
      const name = f.slice(0, -'.html'.length);
      out.push({ crm, name, html: join(dir, f), expected: join(dir, `${name}.expected.json`) });
    }
  }
  return out;
}

const all = fixtures();

describe('site fixtures', () => {
  it('has fixtures, each with an expected file, and no orphan expected files', () => {
    expect(all.length).toBeGreaterThan(0);
    for (const f of all) expect(existsSync(f.expected), `${f.crm}/${f.name}.expected.json`).toBe(true);
    for (const crm of readdirSync(SITES)) {
      const dir = join(SITES, crm);
      if (!statSync(dir).isDirectory()) continue;
      for (const f of readdirSync(dir)) {
        if (f.endsWith('.expected.json')) {
          expect(
            existsSync(join(dir, f.replace(/\.expected\.json$/, '.html'))),
            `${crm}/${f} has no page`,
          ).toBe(true);
        }
      }
    }
  });

  for (const f of all) {
    it(`${f.crm}/${f.name}`, async () => {
      const expected = JSON.parse(readFileSync(f.expected, 'utf8')) as Record<string, unknown> & {
        url: string;
      };
      expect(typeof expected.url).toBe('string');
      const ctx = await extractFromHtml(readFileSync(f.html, 'utf8'), expected.url, { warnInsecure: false });
      if (expected.pageKind === 'none') {
        expect(ctx).toBeNull();
        return;
      }
      expect(ctx).not.toBeNull();
      // What the content script sends must pass the receiver's schema.
      expect(DealContext.safeParse(ctx).success).toBe(true);
      const actual = ctx as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(expected)) {
        expect(actual[key], `${f.crm}/${f.name}: ${key}`).toEqual(value);
      }
    });
  }
});
