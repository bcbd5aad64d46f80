import type { ScreenResult } from '@/lib/model';

const LABELS = {
  high: 'High risk: stop and talk to compliance before going further',
  medium: 'Medium risk: settle the questions below before the deal moves on',
  low: 'Low risk: a few points to keep in mind',
  none: 'No red flags found on this page',
} as const;

const SHORT = { high: 'High risk', medium: 'Medium risk', low: 'Low risk', none: 'no red flags' } as const;

export interface RiskSummaryProps {
  /** The deal risk the rep acts on: without the name matches marked not this entity. */
  risk: ScreenResult['risk'];
  /** The risk as screened, before those decisions; its level is shown when it differs. */
  screened?: ScreenResult['risk'];
  /** Counts shown under the reasons: findings, dismissed matches, checklist progress. */
  counts?: { findings: number; dismissed: number; answered: number; questions: number };
}

export function RiskSummary({ risk, screened, counts }: RiskSummaryProps) {
  const dismissed = counts?.dismissed ?? 0;
  // The level as screened, while the matches marked not this entity change it.
  const changed = screened !== undefined && screened.level !== risk.level;
  return (
    <section className="risk" data-testid="deal-risk" data-level={risk.level} aria-labelledby="risk-title">
      <h2 id="risk-title" className="risk-title">
        <span className="visually-hidden">Deal risk: </span>
        {risk.level === 'none' && dismissed > 0
          ? 'No other red flags found on this page'
          : LABELS[risk.level]}
      </h2>
      {risk.reasons.length > 0 && (
        <ul data-testid="risk-reasons">
          {risk.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {changed && dismissed > 0 && (
        <p className="risk-counts" data-testid="risk-as-screened" data-level={screened.level}>
          As screened: {SHORT[screened.level]}.{' '}
          {dismissed === 1 ? 'A name match' : `${dismissed} name matches`} marked not this entity{' '}
          {dismissed === 1 ? 'is' : 'are'} not counted; undo on the finding to count{' '}
          {dismissed === 1 ? 'it' : 'them'} again.
        </p>
      )}
      {counts && counts.findings > 0 && (
        <p className="risk-counts">
          {counts.findings} {counts.findings === 1 ? 'finding' : 'findings'}
          {dismissed > 0
            ? ` (${dismissed} name ${dismissed === 1 ? 'match' : 'matches'} marked not this entity, still listed below, not counted in the risk or the toolbar badge)`
            : ''}
          {counts.questions > 0
            ? ` · ${counts.answered} of ${counts.questions} checklist questions answered`
            : ''}
        </p>
      )}
    </section>
  );
}
