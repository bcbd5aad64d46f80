/**
 * The deal risk after "not this entity" (lib/record/risk.ts): a dismissed name match is listed but no
 * longer counts toward the risk or its reasons; undone or raised again, it counts again (the badge:
 * test/service). The
 * record keeps both the risk the rep acted on and the risk as screened, with the match marked.
 */
import { describe, expect, it } from 'vitest';
import type { ScreenResult } from '@/lib/model';
import { makeDismissal, removeDismissal } from '@/lib/record/dismissals';
import { buildRecord, recordSummary } from '@/lib/record/export';
import { dealRisk } from '@/lib/record/risk';
import { startRecord } from '@/lib/record/update';
import { createScreener } from '@/lib/screen';
import { partyFinding, riskyResult } from '../components/sample';
import { deal, USER_LIST } from '../screen/scenarios';

const AT = '2026-11-30T12:00:00.000Z';
const FORBIDDEN = /\b(?:il)?legal(?:ly)?\b|\bcleared\b|\bapproved\b/i;

/** A cash payment (medium) on a deal whose customer is on the rep's watchlist (high). */
function screened(): ScreenResult {
  return createScreener({ lists: [USER_LIST] }).screen(
    deal({
      customer: 'Blue Lantern Import Export Co',
      products: ['CRM Professional'],
      address: 'Rotterdam\nNetherlands',
      notes: 'Customer wants to pay cash for the three-year licence.',
    }),
    new Date(AT),
  );
}

describe('deal risk after "not this entity"', () => {
  const result = screened();
  const match = result.findings.find((f) => f.match?.listId === 'user-test')!;
  const dismissal = makeDismissal(match, {
    reason: 'different-country',
    note: 'Ours is in Ohio',
    by: 'Ana',
    at: AT,
  });

  it('a deal whose only high reason is a dismissed watchlist match drops to the next level', () => {
    expect(result.risk.level).toBe('high');
    const d = dealRisk(result, [dismissal]);
    expect(d.screened).toEqual(result.risk);
    expect(d.risk.level).toBe('medium');
    expect(d.risk.reasons.join(' ')).not.toMatch(/Blue Lantern/);
    expect(d.risk.reasons.some((r) => /cash/i.test(r))).toBe(true);
    expect(d.dismissed.map((f) => f.id)).toEqual([match.id]);
    expect(d.counted).not.toContain(match);
    expect(d.counted).toHaveLength(result.findings.length - 1);
  });

  it('undo restores the screened risk', () => {
    const undone = removeDismissal([dismissal], match);
    expect(dealRisk(result, undone)).toMatchObject({ risk: result.risk, dismissed: [] });
  });

  it('counts again when the list entry changed since (raised again)', () => {
    const changed: ScreenResult = {
      ...result,
      findings: result.findings.map((f) =>
        f.id === match.id ? { ...f, match: { ...f.match!, fingerprint: 'changed-entry' } } : f,
      ),
    };
    const d = dealRisk(changed, [dismissal]);
    expect(d.risk).toEqual(result.risk);
    expect(d.dismissed).toEqual([]);
  });

  it('another list entry or another page name is not dismissed by it', () => {
    const other = { ...dismissal, entryId: 'acme-rocket' };
    expect(dealRisk(result, [other]).risk).toEqual(result.risk);
    expect(dealRisk(result, [{ ...dismissal, nameKey: 'blue lantern trading' }]).risk).toEqual(result.risk);
  });

  it('a result stored without its basis: level from the findings that count, the match’s reason left out', () => {
    const old = riskyResult({
      findings: riskyResult().findings.filter((f) => f.kind !== 'surveillance-item'),
      risk: {
        level: 'high',
        reasons: [
          'Customer “Novatek Border Systems” resembles “Novatek Border Systems LLC” on the demo watchlist.',
          'Shipping address is in Iran, under a comprehensive US embargo.',
        ],
      },
    });
    expect(old.riskBasis).toBeUndefined();
    const d = dealRisk(old, [makeDismissal(partyFinding, { reason: 'other', note: '', by: '', at: AT })]);
    expect(d.risk).toEqual({
      level: 'medium',
      reasons: ['Shipping address is in Iran, under a comprehensive US embargo.'],
    });
  });

  it('the record: the risk without the match, the risk as screened, the match listed and marked', () => {
    const record = buildRecord({
      record: startRecord('salesforce:x', result, result.url ?? '', AT),
      result,
      dismissals: [dismissal],
      reviewer: 'Ana',
      now: new Date(AT),
    });
    expect(record.risk.level).toBe('medium');
    expect(record.riskAsScreened).toEqual(result.risk);
    const f = record.findings.find((x) => x.id === match.id)!;
    expect(f).toMatchObject({
      status: 'dismissed',
      counted: false,
      dismissal: { reason: 'different-country' },
    });
    expect(record.findings.filter((x) => x.id !== match.id).every((x) => x.counted)).toBe(true);
    expect(record.dismissals).toHaveLength(1);
    const json = JSON.parse(JSON.stringify(record));
    expect(json.findings.find((x: { id: string }) => x.id === match.id).counted).toBe(false);

    const summary = recordSummary(record);
    expect(summary).toMatch(/^Deal risk: Medium: /m);
    expect(summary).not.toMatch(/^Deal risk: .*Blue Lantern/m);
    expect(summary).toMatch(
      /Not counted in the deal risk: 1 name match marked not this entity \(as screened: High\)\./,
    );
    expect(summary).toMatch(
      /- HIGH: Possible match on Test team watchlist: .*\[not this entity, not counted: different country or address, Ours is in Ohio\]/,
    );
    expect(summary).not.toMatch(FORBIDDEN);

    // Undone: the record is as screened again.
    const undone = buildRecord({
      record: startRecord('salesforce:x', result, result.url ?? '', AT),
      result,
      dismissals: [],
      reviewer: 'Ana',
      now: new Date(AT),
    });
    expect(undone.risk).toEqual(result.risk);
    expect(undone.findings.every((x) => x.counted && x.status === 'open')).toBe(true);
    expect(recordSummary(undone)).not.toMatch(/Not counted/);
  });
});
