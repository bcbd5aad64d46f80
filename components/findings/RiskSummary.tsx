import type { ScreenResult } from '@/lib/model';

const LABELS = {
  high: 'High risk: stop and talk to compliance before going further',
  medium: 'Medium risk: settle the questions below before the deal moves on',
  low: 'Low risk: a few points to keep in mind',
  none: 'No red flags found on this page',
} as const;

export function RiskSummary({ risk }: { risk: ScreenResult['risk'] }) {
  return (
    <section className="risk" data-testid="deal-risk" data-level={risk.level} aria-label="Deal risk">
      <strong>{LABELS[risk.level]}</strong>
      {risk.reasons.length > 0 && (
        <ul>
          {risk.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
