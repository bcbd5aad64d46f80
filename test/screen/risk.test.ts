/**
 * The deal risk worked out again from what it rests on (lib/screen/risk.ts), leaving out name matches a rep
 * marked as not this entity: with nothing left out it is the screened risk; leaving out a match is the same
 * as the list not matching; a deal whose only high reason is the match drops to the next level.
 */
import { describe, expect, it } from 'vitest';
import type { DealContext, ScreenResult, Watchlist } from '../../lib/model';
import { createScreener, riskFrom } from '../../lib/screen';
import { deal, SCENARIOS, USER_LIST } from './scenarios';

const withLists = createScreener({ lists: [USER_LIST] });
const without = createScreener({ lists: [], includeDemoList: false });
const NOW = new Date('2026-11-30T09:00:00Z');

/** Name matches on the lists the second screener does not have: the user list and the demo list. */
const listMatches = (r: ScreenResult) =>
  new Set(
    r.findings
      .filter((f) => f.match && ['user-test', 'dealscreen-demo'].includes(f.match.listId))
      .map((f) => f.id),
  );

const leftOut = (r: ScreenResult, ids: Set<string>) => riskFrom(r.findings, r.riskBasis!, ids);

/** Each scenario, and each with a listed end user added (a high name match on the user list). */
const variants: { name: string; ctx: DealContext }[] = SCENARIOS.flatMap((s) => [
  { name: s.name, ctx: s.ctx },
  {
    name: `${s.name} + listed end user`,
    ctx: {
      ...s.ctx,
      parties: [...s.ctx.parties, { name: 'Acme Rocket Works Ltd', role: 'end-user' as const }],
    },
  },
]);

describe('deal risk from its basis', () => {
  it('with nothing left out is the screened risk, for every scenario', () => {
    for (const { name, ctx } of variants) {
      const r = withLists.screen(ctx, NOW);
      expect(r.riskBasis, name).toBeDefined();
      expect(leftOut(r, new Set()), name).toEqual(r.risk);
    }
  });

  it('leaving out the list matches gives the risk of the same deal screened without those lists', () => {
    let changed = 0;
    for (const { name, ctx } of variants) {
      const r = withLists.screen(ctx, NOW);
      const ids = listMatches(r);
      const expected = without.screen(ctx, NOW).risk;
      expect(leftOut(r, ids), name).toEqual(expected);
      if (ids.size && expected.level !== r.risk.level) changed++;
    }
    expect(changed, 'deals whose level the matches decided').toBeGreaterThan(20);
  });

  it('a deal whose only high reason is a watchlist match drops to the next level; the other reasons stay', () => {
    // A know-your-customer red flag (medium) on a deal whose customer is on the rep's watchlist (high).
    const ctx = deal({
      customer: 'Blue Lantern Import Export Co',
      products: ['CRM Professional'],
      address: 'Rotterdam\nNetherlands',
      notes: 'Customer wants to pay cash for the three-year licence.',
    });
    const r = withLists.screen(ctx, NOW);
    const match = r.findings.find((f) => f.match?.listId === 'user-test')!;
    expect(match.severity).toBe('high');
    expect(r.risk.level).toBe('high');
    expect(r.risk.reasons[0]).toMatch(/^Customer “Blue Lantern Import Export Co” resembles /);
    const after = leftOut(r, new Set([match.id]));
    expect(after.level).toBe('medium');
    expect(after.reasons.length).toBeGreaterThan(0);
    expect(after.reasons.join(' ')).not.toMatch(/Blue Lantern/);
    // Every other reason is still given, in the same order.
    expect(after.reasons).toEqual(r.risk.reasons.filter((x) => !/Blue Lantern/.test(x)));
  });

  it('a reason held back by the limit of five comes in when a match is left out', () => {
    const own: Watchlist = {
      ...USER_LIST,
      id: 'own-2',
      name: 'Second watchlist',
      entries: [{ id: 'own-nbs', listId: 'own-2', names: ['Novatek Border Systems'], type: 'entity' }],
    };
    const screener = createScreener({ lists: [USER_LIST, own] });
    const ctx = deal({
      customer: 'Novatek Border Systems',
      products: [['NetProbe DPI Appliance 40G', 'Deep packet inspection for the national internet gateway']],
      address: 'Valiasr St 12\nTehran\nIran',
      parties: [
        { name: 'Acme Rocket Works Ltd', role: 'end-user' },
        { name: 'Gulf Secure Trading FZE', role: 'intermediary' },
      ],
    });
    const r = screener.screen(ctx, NOW);
    expect(r.risk.reasons).toHaveLength(5);
    const pool = r.riskBasis!.reasons.map((x) => x.text);
    const held = pool.filter((t) => !r.risk.reasons.includes(t));
    expect(held.length, 'a reason the limit held back').toBeGreaterThan(0);
    const ownMatch = r.findings.find((f) => f.match?.listId === 'own-2')!;
    const after = leftOut(r, new Set([ownMatch.id]));
    expect(after.level).toBe('high');
    expect(after.reasons).toHaveLength(5);
    expect(after.reasons.some((t) => /Second watchlist/.test(t))).toBe(false);
    expect(after.reasons).toContain(held[0]);
  });
});
