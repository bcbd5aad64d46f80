/**
 * Rule-set hygiene (in the spirit of Dark Reader's config tests): every file parses against its schema,
 * shares one version, is in canonical sorted form, every id is unique, every pattern compiles, every
 * entry is sourced (title, as-of date, verification), every prompt reference resolves, and the draft's
 * eighteen item types are all covered.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Watchlist } from '../../lib/model';
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

/**
 * The curated list of surveillance vendors and end users of concern (assets/lists): written by the project,
 * every entry cited. Entity List entries carry the Federal Register citation and date of their addition;
 * the one OFAC entry carries the designation dates (its Federal Register citation is not in our sources).
 */
describe('curated list hygiene', () => {
  const path = join(__dirname, '../../assets/lists/curated-surveillance.json');
  const raw = JSON.parse(readFileSync(path, 'utf8'));
  const list = Watchlist.parse(raw);
  const FR_CITE =
    /^BIS Entity List, 15 CFR 744 Supp\. No\. 4 — (\d+ FR \d+) \(((?:Jan|Feb|Mar|Apr|May|June|July|Aug|Sept|Oct|Nov|Dec) \d{1,2}, \d{4})\)$/;
  const ECFR =
    'https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-744/appendix-Supplement%20No.%204%20to%20Part%20744';
  const onEntityList = list.entries.filter((e) => e.programs?.includes('BIS Entity List'));
  /** Entries that are not Entity List entries, each with why. */
  const NOT_ENTITY_LIST: Record<string, string> = {
    'intellexa-consortium':
      'OFAC designations (Mar 5 and Sept 16, 2024); no Federal Register citation in S42',
  };

  it('is in canonical form: keys sorted, entries sorted by id, ids unique, at most 40 entries', () => {
    expect(raw).toEqual(canon(raw));
    const ids = list.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(list.entries.length).toBeLessThanOrEqual(40);
    for (const e of list.entries) expect(e.listId).toBe(list.id);
  });

  it('every entry has a source with a title, an as-of date and a verification level', () => {
    for (const e of list.entries) {
      expect(e.source, e.id).toBeTruthy();
      expect(e.source!.title.length, e.id).toBeGreaterThan(10);
      expect(e.source!.asOf, e.id).toMatch(/^\d{4}(-\d{2}){0,2}$/);
      expect(['P', 'S', 'M'], e.id).toContain(e.source!.verification);
      if (e.source!.url) expect(e.source!.url).toMatch(/^https:\/\//);
      expect(e.notes, e.id).toMatch(/[.)]$/);
    }
  });

  it('every Entity List entry cites its Federal Register notice and date (title and notes agree)', () => {
    expect(onEntityList.length).toBe(list.entries.length - Object.keys(NOT_ENTITY_LIST).length);
    for (const e of onEntityList) {
      const m = FR_CITE.exec(e.source!.title);
      expect(m, `${e.id}: ${e.source!.title}`).toBeTruthy();
      expect(e.notes, e.id).toContain(`Added to the BIS Entity List by ${m![1]} (${m![2]})`);
      expect(e.source).toMatchObject({ url: ECFR, asOf: '2026-07-09', verification: 'S' });
      expect(e.countries?.length, e.id).toBeGreaterThan(0);
    }
    for (const id of Object.keys(NOT_ENTITY_LIST)) {
      const e = list.entries.find((x) => x.id === id)!;
      expect(e, id).toBeTruthy();
      expect(e.source!.title).toMatch(/\b20\d\d\b/);
      expect(e.programs?.every((p) => /^OFAC/.test(p))).toBe(true);
    }
  });

  it('covers the vendors and end users the issue names', () => {
    const names = list.entries.flatMap((e) => e.names.map((n) => n.toLowerCase()));
    for (const n of [
      'nso group',
      'candiru',
      'intellexa',
      'cytrox',
      'positive technologies',
      'hikvision',
      'dahua',
      'sensetime',
      'megvii',
      'iflytek',
      'cloudwalk',
      'yitu',
      'public security bureau',
    ])
      expect(
        names.some((x) => x.includes(n)),
        n,
      ).toBe(true);
  });

  // The citations come from the eCFR text of Supp. No. 4 as parsed by a third party (../shared/data, see
  // SOURCES.md). When that copy is present, every cited entry must be in it, with its first citation.
  const shared = join(__dirname, '../../../shared/data/restricted-parties/bis/nsfreg-bis_entity_list.json');
  it.skipIf(!existsSync(shared))('agrees with the Entity List text it was written from (../shared)', () => {
    const el = JSON.parse(readFileSync(shared, 'utf8')) as {
      extracted: string;
      entities: { name: string; aliases: string[]; federal_register: string }[];
    };
    expect(el.extracted).toBe('2026-07-09');
    for (const e of onEntityList) {
      const found = el.entities.find((x) => x.name === e.names[0]);
      expect(found, e.id).toBeTruthy();
      const cite = FR_CITE.exec(e.source!.title)![1]!;
      expect(found!.federal_register.split('\n')[0], e.id).toContain(cite);
      for (const a of found!.aliases) expect(e.names, `${e.id}: ${a}`).toContain(a);
    }
  });
});
