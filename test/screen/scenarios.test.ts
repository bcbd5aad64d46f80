import { describe, expect, it } from 'vitest';
import { ScreenResult } from '../../lib/model';
import { createScreener } from '../../lib/screen';
import { SCENARIOS, USER_LIST } from './scenarios';

const screener = createScreener({ lists: [USER_LIST] });
const NOW = new Date('2026-11-30T12:00:00Z');

function present(findings: ScreenResult['findings'], spec: string): boolean {
  const [kind, rule] = spec.split(':');
  return findings.some((f) => f.kind === kind && (!rule || (f.ruleId ?? '').startsWith(rule)));
}

describe('scenario table', () => {
  it('has at least 60 scenarios with unique names', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(SCENARIOS.map((s) => s.name)).size).toBe(SCENARIOS.length);
  });

  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const r = screener.screen(s.ctx, NOW);
    ScreenResult.parse(r);
    const summary = r.findings.map((f) => `${f.severity} ${f.kind}:${f.ruleId} "${f.term ?? f.evidence}"`);
    expect({ risk: r.risk.level, summary }).toMatchObject({ risk: s.risk });
    for (const h of s.has ?? [])
      expect(present(r.findings, h), `missing ${h}\n${summary.join('\n')}`).toBe(true);
    for (const h of s.not ?? [])
      expect(present(r.findings, h), `unexpected ${h}\n${summary.join('\n')}`).toBe(false);
    if (s.count !== undefined) expect(summary).toHaveLength(s.count);
    const cats = new Set(r.findings.map((f) => f.category).filter(Boolean));
    for (const c of s.categories ?? []) expect(cats.has(c as never), c).toBe(true);
    const codes = r.context.countries.map((c) => c.code);
    for (const c of s.countries ?? []) expect(codes, c).toContain(c);
    for (const c of s.noCountries ?? []) expect(codes, c).not.toContain(c);
    // Every finding names its rule and its source.
    for (const f of r.findings) {
      expect(f.ruleId, f.title).toBeTruthy();
      expect(f.source.title.length).toBeGreaterThan(3);
      expect(f.source.asOf).toBeTruthy();
      if (f.kind === 'surveillance-item') expect(f.category).toBeTruthy();
      if (f.kind === 'restricted-party') expect(f.match).toBeTruthy();
      if (f.severity !== 'info') expect(f.prompts.length, f.title).toBeGreaterThan(0);
      // The highlighted words sit inside the evidence, as written on the page.
      if (f.term) expect(f.evidence, f.title).toContain(f.term);
    }
    // The deal risk's reasons: what was found, short, at most five, no repeats; none when the risk is none.
    const reasons = r.risk.reasons;
    if (r.risk.level === 'none') expect(reasons).toEqual([]);
    else expect(reasons.length, r.risk.level).toBeGreaterThan(0);
    expect(reasons.length).toBeLessThanOrEqual(5);
    expect(new Set(reasons).size).toBe(reasons.length);
    for (const x of reasons) {
      expect(x, x).toMatch(/^\p{Lu}.*[.)”]$/su);
      expect(x.length, x).toBeLessThanOrEqual(260);
      // Specific, never the old generic wording.
      expect(x).not.toMatch(/^A party name matches an entry|^The deal touches/);
    }
    // A listed-party match names the party as written on the page.
    for (const f of r.findings.filter((f) => f.ruleId === 'rp.curated' || f.ruleId === 'rp.demo'))
      expect(reasons.join(' '), f.title).toContain(`“${f.evidence}”`);
    for (const re of s.reasons ?? [])
      expect(
        reasons.some((x) => re.test(x)),
        `${re}\n${reasons.join('\n')}`,
      ).toBe(true);
    // Sorted by severity.
    const rank = { high: 3, medium: 2, low: 1, info: 0 } as const;
    const sev = r.findings.map((f) => rank[f.severity]);
    expect(sev).toEqual([...sev].sort((a, b) => b - a));
  });
});
