/**
 * The deal risk from what it rests on (RiskBasis), leaving out the findings a rep has set aside: a name
 * match marked "not this entity" no longer raises the level, and its reason is no longer given, while the
 * other findings and combinations count as before. build() computes the screened risk with this same
 * function, so with nothing left out the result is the screened risk exactly. Pure.
 */
import type { Finding, RiskBasis, RiskLevel } from '../model';

/** At most this many reasons: a rep reads them first. */
export const MAX_REASONS = 5;

const LEVEL_RANK: Record<RiskLevel, number> = { high: 3, medium: 2, low: 1, none: 0 };

export interface Risk {
  level: RiskLevel;
  reasons: string[];
}

export function riskFrom(
  findings: readonly Pick<Finding, 'id' | 'severity'>[],
  basis: RiskBasis,
  leftOut: ReadonlySet<string> = new Set(),
): Risk {
  let level: RiskLevel = basis.floor;
  for (const f of findings) {
    if (leftOut.has(f.id)) continue;
    const own: RiskLevel = f.severity === 'info' ? 'none' : f.severity;
    if (LEVEL_RANK[own] > LEVEL_RANK[level]) level = own;
  }
  if (level === 'none') return { level, reasons: [] };
  // Most severe first; a reason that only repeats what an earlier one said (the same party, items, end
  // user or place) is left out.
  const covered = new Set<string>();
  const reasons: string[] = [];
  for (const r of basis.reasons) {
    if (reasons.length >= MAX_REASONS) break;
    if (r.finding !== undefined && leftOut.has(r.finding)) continue;
    if (reasons.includes(r.text) || r.facts.every((f) => covered.has(f))) continue;
    reasons.push(r.text);
    for (const f of r.facts) covered.add(f);
  }
  return { level, reasons };
}
