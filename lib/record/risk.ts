/**
 * The deal risk after the rep's "not this entity" decisions. A dismissed name match stays listed (marked,
 * with its reason, in the panel and the record) but no longer counts toward the deal risk, the risk's
 * reasons or the toolbar badge. Undone, or raised again because the list entry changed, it counts again.
 * Pure: the side panel, the record and the background's badge all use it.
 */
import type { Finding, ScreenResult } from '../model';
import { quote } from '../screen/prose';
import { type Risk, riskFrom } from '../screen/risk';
import { dismissalState, pageName } from './dismissals';
import type { Dismissal } from './model';

export interface DealRisk {
  /** The risk the rep acts on: without the name matches marked not this entity. */
  risk: Risk;
  /** The risk as screened, before those decisions. */
  screened: Risk;
  /** The findings marked not this entity (the entry unchanged since): listed, not counted. */
  dismissed: Finding[];
  /** The findings that count. */
  counted: Finding[];
}

/** Name matches the rep marked as not this entity, whose list entry has not changed since. */
export function dismissedFindings(findings: readonly Finding[], dismissals: readonly Dismissal[]): Finding[] {
  if (!dismissals.length) return [];
  return findings.filter((f) => f.match && dismissalState(f, dismissals).state === 'dismissed');
}

export function dealRisk(result: ScreenResult, dismissals: readonly Dismissal[]): DealRisk {
  const screened = result.risk;
  const dismissed = dismissedFindings(result.findings, dismissals);
  if (!dismissed.length) return { risk: screened, screened, dismissed, counted: result.findings };
  const leftOut = new Set(dismissed.map((f) => f.id));
  const counted = result.findings.filter((f) => !leftOut.has(f.id));
  const risk = result.riskBasis
    ? riskFrom(result.findings, result.riskBasis, leftOut)
    : withoutBasis(screened, counted, dismissed);
  return { risk, screened, dismissed, counted };
}

const LEVEL_RANK = { high: 3, medium: 2, low: 1, none: 0 } as const;

/**
 * A result stored by a version without the risk basis: the level from the findings that count (a
 * combination of findings also raises each of them to its level), and the screened reasons without those
 * that name a dismissed match ("Customer “X” resembles …", "The description names “X”, a company on …").
 */
function withoutBasis(screened: Risk, counted: readonly Finding[], dismissed: readonly Finding[]): Risk {
  const level = counted.reduce<Risk['level']>((a, f) => {
    const own = f.severity === 'info' ? 'none' : f.severity;
    return LEVEL_RANK[own] > LEVEL_RANK[a] ? own : a;
  }, 'none');
  if (level === 'none') return { level, reasons: [] };
  const names = dismissed.map((f) => quote(pageName(f)));
  const reasons = screened.reasons.filter(
    (r) => !names.some((n) => r.includes(`${n} resembles `) || r.includes(` names ${n}, a company on `)),
  );
  return { level, reasons };
}
