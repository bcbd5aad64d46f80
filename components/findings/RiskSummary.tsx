import type { ScreenResult } from '@/lib/model';

const LABELS = {
  high: 'High risk: stop and talk to compliance before going further',
  medium: 'Medium risk: settle the questions below before the deal moves on',
  low: 'Low risk: a few points to keep in mind',
  none: 'No red flags found on this page',
} as const;

export interface RiskSummaryProps {
  risk: ScreenResult['risk'];
  /** Counts shown under the reasons: findings, dismissed matches, checklist progress. */
  counts?: { findings: number; dismissed: number; answered: number; questions: number };
}

export function RiskSummary({ risk, counts }: RiskSummaryProps) {
  return (
    <section className="risk" data-testid="deal-risk" data-level={risk.level} aria-labelledby="risk-title">
      <h2 id="risk-title" className="risk-title">
        <span className="visually-hidden">Deal risk: </span>
        {LABELS[risk.level]}
      </h2>
      {risk.reasons.length > 0 && (
        <ul data-testid="risk-reasons">
          {risk.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {counts && counts.findings > 0 && (
        <p className="risk-counts">
          {counts.findings} {counts.findings === 1 ? 'finding' : 'findings'}
          {counts.dismissed > 0
            ? ` (${counts.dismissed} name ${counts.dismissed === 1 ? 'match' : 'matches'} marked not this entity, still listed below)`
            : ''}
          {counts.questions > 0
            ? ` · ${counts.answered} of ${counts.questions} checklist questions answered`
            : ''}
        </p>
      )}
    </section>
  );
}
