import { describe, expect, it } from 'vitest';
import type { Watchlist } from '../../lib/model';
import { LookupResult } from '../../lib/model';
import { evaluate } from '../../lib/rules/evaluate';
import { createScreener, curatedList } from '../../lib/screen';
import { build, type PartyMatch } from '../../lib/screen/build';
import { deal, USER_LIST } from './scenarios';

function bigList(n: number, version = 1): Watchlist {
  const entries = Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    listId: 'big',
    names: [
      `Company ${i.toString(36)} ${['Trading', 'Holdings', 'Systems', 'Logistics', 'Industries'][i % 5]} ${['LLC', 'Ltd', 'GmbH', 'OOO', 'SA'][i % 5]}`,
    ],
    type: 'entity' as const,
  }));
  entries.push({ id: 'target', listId: 'big', names: ['Zephyr Quantum Optics Ltd'], type: 'entity' });
  return {
    id: 'big',
    name: 'Big imported list',
    origin: 'import:csl',
    updatedAt: '2026-11-01T00:00:00Z',
    version,
    entries,
  };
}

describe('createScreener', () => {
  it('reports its rule-set version and lists', () => {
    const s = createScreener({ lists: [USER_LIST] });
    expect(s.ruleSetVersion).toMatch(/^\d{4}\.\d{2}\.\d+$/);
    expect(s.lists.map((l) => l.id)).toEqual(['dealscreen-curated', 'dealscreen-demo', 'user-test']);
    expect(s.lists.find((l) => l.id === 'user-test')).toMatchObject({
      size: 2,
      origin: 'user',
      asOf: '2026-11-01',
    });
  });

  it('finding ids are deterministic', () => {
    const ctx = deal({
      customer: 'Novatek Border Systems',
      products: [['DPI Gateway', 'Deep packet inspection']],
      address: 'Tehran\nIran',
    });
    const a = createScreener()
      .screen(ctx)
      .findings.map((f) => f.id);
    const b = createScreener()
      .screen(ctx)
      .findings.map((f) => f.id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });

  it('disabled categories and groups switch rules off', () => {
    const ctx = deal({
      customer: 'Ministry of Interior',
      products: [['FaceFind', 'Facial recognition']],
      address: 'Tehran\nIran',
      notes: 'They want to pay cash.',
    });
    const all = createScreener().screen(ctx);
    expect(all.findings.some((f) => f.category === 'biometric-identification')).toBe(true);
    const off = createScreener({
      disabledCategories: ['biometric-identification', 'destinations', 'intent', 'end-users'],
    }).screen(ctx);
    expect(off.findings).toEqual([]);
    expect(off.risk.level).toBe('none');
  });

  it('intermediaries and restricted parties can be switched off too', () => {
    const ctx = deal({
      customer: 'Novatek Border Systems',
      parties: [{ name: 'Gulf Trading FZE', role: 'intermediary' }],
    });
    const on = createScreener()
      .screen(ctx)
      .findings.map((f) => f.kind);
    expect(on).toContain('restricted-party');
    expect(on).toContain('intermediary');
    const off = createScreener({ disabledCategories: ['intermediaries', 'restricted-parties'] }).screen(ctx);
    expect(off.findings).toEqual([]);
  });

  it('screens against a large user list, and the matcher is cached per (id, version)', () => {
    const list = bigList(50_000);
    const t0 = performance.now();
    const s = createScreener({ lists: [list] });
    const ctx = deal({
      customer: 'Zephyr Quantum Optics Limited',
      products: ['CRM Professional'],
      address: 'Oslo\nNorway',
    });
    const r1 = s.screen(ctx);
    const first = performance.now() - t0;
    expect(r1.findings.find((f) => f.kind === 'restricted-party')?.match?.entryId).toBe('target');
    expect(r1.risk.level).toBe('high');
    const t1 = performance.now();
    for (let i = 0; i < 20; i++) createScreener({ lists: [list] }).screen(ctx);
    const repeat = (performance.now() - t1) / 20;
    expect(repeat).toBeLessThan(Math.max(50, first / 3));
  });

  it('a new list version is picked up', () => {
    const v1: Watchlist = { ...USER_LIST, version: 10, entries: [] };
    const v2: Watchlist = { ...USER_LIST, version: 11 };
    expect(
      createScreener({ lists: [v1] }).screen(deal({ customer: 'Acme Rocket Works Ltd' })).findings,
    ).toEqual([]);
    expect(
      createScreener({ lists: [v2] }).screen(deal({ customer: 'Acme Rocket Works Ltd' })).findings[0]?.kind,
    ).toBe('restricted-party');
  });
});

describe('lookup', () => {
  const s = createScreener({ lists: [USER_LIST] });
  const kinds = (q: string) => s.lookup(q).map((r) => r.kind);

  it('answers names, products, countries, end users, intermediaries and phrases', () => {
    expect(kinds('NSO Group')).toContain('restricted-party');
    expect(kinds('Acme Rocket Works')).toContain('restricted-party');
    expect(kinds('IMSI catcher')).toContain('surveillance-item');
    expect(kinds('Iran')).toContain('destination');
    expect(kinds('Sevastopol')).toContain('destination');
    expect(kinds('ru')).toContain('destination');
    expect(kinds('Ministry of Interior')).toContain('government-end-user');
    expect(kinds('freight forwarder')).toContain('intermediary');
    expect(kinds('customer wants to pay cash')).toContain('red-flag');
  });

  it('answers are valid LookupResults with sources, sorted by severity', () => {
    for (const q of ['Hikvision', 'Crimea', 'facial recognition', 'Germany', 'novatek']) {
      const rs = s.lookup(q);
      expect(rs.length, q).toBeGreaterThan(0);
      for (const r of rs) {
        LookupResult.parse(r);
        expect(r.source.asOf).toBeTruthy();
      }
      const rank = { high: 3, medium: 2, low: 1, info: 0 } as const;
      const sev = rs.map((r) => rank[r.severity]);
      expect(sev).toEqual([...sev].sort((a, b) => b - a));
    }
    // Hikvision's Entity List entry is cited to the Federal Register (S): a match is high.
    expect(s.lookup('Hikvision')[0]).toMatchObject({ kind: 'restricted-party', severity: 'high' });
    expect(s.lookup('Hikvision')[0]!.source.title).toMatch(/84 FR 54004 \(Oct 9, 2019\)/);
    expect(s.lookup('Crimea')[0]).toMatchObject({ kind: 'destination', severity: 'high' });
    expect(s.lookup('Germany')[0]).toMatchObject({ kind: 'destination', severity: 'info' });
    expect(s.lookup('x')).toEqual([]);
    expect(s.lookup('IMSI catcher', { limit: 1 })).toHaveLength(1);
  });
});

describe('curated entries by verification level', () => {
  const list = curatedList();
  const hikvision = list.entries.find((e) => e.id === 'hikvision')!;
  const dahua = list.entries.find((e) => e.id === 'dahua')!;
  const ctx = deal({
    customer: 'Hikvision',
    parties: [{ name: 'Dahua', role: 'other' }],
    products: ['CRM Professional'],
    address: '1 King St\nLondon EC2V 8AU\nUnited Kingdom',
  });
  const match = (entry: (typeof list.entries)[number], partyName: string): PartyMatch => ({
    list,
    entry,
    partyName,
    field: partyName === 'Hikvision' ? 'Customer' : 'Party (other)',
    matchedName: partyName,
    score: 1,
    explanation: undefined as never,
    others: [],
  });
  const run = (matches: PartyMatch[]) => build({ ctx, hits: evaluate(ctx), matches, threshold: 0.85 });
  const unverified = { ...dahua, source: { ...dahua.source!, verification: 'M' as const } };

  it('a confirmed (S) entry is high, like any listed party', () => {
    const r = run([match(hikvision, 'Hikvision')]);
    expect(r.findings[0]).toMatchObject({ severity: 'high', source: { verification: 'S' } });
    expect(r.risk.level).toBe('high');
    expect(r.risk.reasons[0]).toMatch(
      /^Customer “Hikvision” resembles “Hangzhou Hikvision.*” on the BIS Entity List\.$/,
    );
  });

  it('an unverified (M) entry is medium and asks for a check of the current Consolidated Screening List', () => {
    const r = run([match(unverified, 'Dahua')]);
    expect(r.findings[0]).toMatchObject({ severity: 'medium' });
    expect(r.findings[0]!.action).toMatch(/Consolidated Screening List/);
    expect(r.risk.level).toBe('medium');
    expect(r.risk.reasons[0]).toMatch(/^Party “Dahua” resembles .*unverified entry/);
  });

  it('beside a confirmed match, an unverified one stays medium; reasons most severe first', () => {
    const r = run([match(unverified, 'Dahua'), match(hikvision, 'Hikvision')]);
    const sev = Object.fromEntries(r.findings.map((f) => [f.match?.entryId, f.severity]));
    expect(sev).toEqual({ hikvision: 'high', dahua: 'medium' });
    expect(r.risk.level).toBe('high');
    expect(r.risk.reasons.map((x) => x.slice(0, 20))).toEqual([
      'Customer “Hikvision”',
      'Party “Dahua” resemb',
    ]);
  });
});
