/**
 * Rule-set hygiene (in the spirit of Dark Reader's config tests): every file parses against its schema,
 * shares one version, is in canonical sorted form, every id is unique, every pattern compiles, every
 * entry is sourced (title, as-of date, verification), every prompt reference resolves, and the draft's
 * eighteen item types are all covered.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../lib/rules';
import { compileRule, termToPattern } from '../../lib/rules/text';

const DIR = join(__dirname, '../../assets/rules');
const FILES = [
  'meta.json',
  'prompts.json',
  'surveillance.json',
  'end-users.json',
  'intent.json',
  'destinations.json',
];

/** Canonical form: keys sorted, arrays of objects with ids sorted by id, 2-space indent, final newline. */
function canon(v: unknown): unknown {
  if (Array.isArray(v)) {
    const a = v.map(canon);
    if (
      a.length &&
      a.every((x) => x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string')
    ) {
      a.sort((x, y) => {
        const i = (x as { id: string }).id;
        const j = (y as { id: string }).id;
        return i < j ? -1 : i > j ? 1 : 0;
      });
    }
    return a;
  }
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) o[k] = canon((v as Record<string, unknown>)[k]);
    return o;
  }
  return v;
}

describe('rule set hygiene', () => {
  const rs = loadRuleSet();

  it.each(FILES)('%s is in canonical sorted form', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    expect(text).toBe(`${JSON.stringify(canon(JSON.parse(text)), null, 2)}\n`);
  });

  it('every file carries the same version', () => {
    for (const file of FILES) {
      expect(JSON.parse(readFileSync(join(DIR, file), 'utf8')).version, file).toBe(rs.version);
    }
  });

  it('ids are unique across the whole rule set', () => {
    const ids = [
      ...rs.surveillance.rules.map((r) => r.id),
      ...rs.endUsers.map((r) => r.id),
      ...rs.intents.map((r) => r.id),
      ...rs.destinations.countries.map((r) => r.id),
      ...rs.destinations.regions.map((r) => r.id),
      ...[...rs.prompts.keys()],
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('aliases are sorted and unique', () => {
    const a = rs.destinations.aliases.map((x) => x.alias);
    expect([...a].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
  });

  it('every pattern compiles and every term rule has something to match', () => {
    const all = [...rs.surveillance.rules, ...rs.endUsers, ...rs.intents];
    for (const r of all) {
      expect(() => compileRule(r), r.id).not.toThrow();
      for (const g of [...(r.guards ?? []), ...(r.context ?? []), ...(r.softeners ?? [])]) {
        expect(() => new RegExp(g, 'iu'), `${r.id}: ${g}`).not.toThrow();
      }
      for (const t of r.terms ?? []) expect(() => new RegExp(termToPattern(t), 'iu')).not.toThrow();
      const n = (r.terms?.length ?? 0) + (r.patterns?.length ?? 0) + (r.casePatterns?.length ?? 0);
      // Two rules are raised by code, not by phrases: company forms and the intermediary party role.
      if (!['eu.soe-legal-form', 'int.party-role'].includes(r.id)) expect(n, r.id).toBeGreaterThan(0);
    }
    for (const p of rs.surveillance.defensive.patterns) expect(() => new RegExp(p, 'iu')).not.toThrow();
  });

  it('every entry is sourced: known source id, title, as-of date, verification level', () => {
    const refs = [
      ...rs.surveillance.rules.map((r) => r.source),
      ...rs.surveillance.categories.map((r) => r.source),
      rs.surveillance.defensive.source,
      ...rs.endUsers.map((r) => r.source),
      ...rs.intents.map((r) => r.source),
      ...rs.destinations.countries.map((r) => r.source),
      ...rs.destinations.regions.map((r) => r.source),
      ...rs.destinations.tiers.map((r) => r.source),
      rs.destinations.d1.source,
      ...[...rs.prompts.values()].map((p) => p.source),
    ];
    for (const ref of refs) {
      const s = rs.resolveSource(ref);
      expect(s.title.length).toBeGreaterThan(5);
      expect(s.asOf).toMatch(/^\d{4}(-\d{2}){0,2}$/);
      expect(['P', 'S', 'M']).toContain(s.verification);
    }
    for (const s of rs.meta.sources) if (s.url) expect(s.url).toMatch(/^https:\/\//);
  });

  it('every prompt reference resolves', () => {
    const all = [...rs.surveillance.rules, ...rs.endUsers, ...rs.intents];
    for (const r of all)
      for (const p of r.prompts ?? []) expect(rs.prompts.has(p), `${r.id} -> ${p}`).toBe(true);
    for (const t of rs.destinations.tiers) for (const p of t.prompts) expect(rs.prompts.has(p), p).toBe(true);
  });

  it('covers the six categories and all eighteen item types of the 2019 draft', () => {
    expect(rs.surveillance.categories.map((c) => c.id).sort()).toEqual(
      [
        'biometric-identification',
        'data-analytics',
        'internet-surveillance',
        'location-tracking',
        'recording-devices',
        'sensors',
      ].sort(),
    );
    expect(rs.surveillance.draftItems).toHaveLength(18);
    const covered = new Set(rs.surveillance.rules.flatMap((r) => r.draftItems ?? []));
    for (const item of rs.surveillance.draftItems) expect(covered.has(item), item).toBe(true);
    for (const c of covered) expect(rs.surveillance.draftItems).toContain(c);
    for (const c of rs.surveillance.categories) {
      const strengths = new Set(
        rs.surveillance.rules.filter((r) => r.category === c.id).map((r) => r.strength),
      );
      expect([...strengths].sort(), c.id).toEqual(['medium', 'strong', 'weak']);
    }
  });

  it('ECCNs are hints only and never the unconfirmed "5D004"', () => {
    for (const r of rs.surveillance.rules) for (const e of r.eccnHints ?? []) expect(e).not.toMatch(/5D004/);
  });
});
