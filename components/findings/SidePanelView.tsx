import type { TabState } from '@/lib/storage/items';
import { DealFacts } from './DealFacts';
import { FindingCard } from './FindingCard';
import { RiskSummary } from './RiskSummary';

const SEVERITY_ORDER = ['high', 'medium', 'low', 'info'] as const;
const GROUP_TITLES = { high: 'High', medium: 'Medium', low: 'Low', info: 'For information' };

export type PanelState = { kind: 'loading' } | { kind: 'no-tab' } | { kind: 'tab'; state: TabState | null };

export function SidePanelView({ panel }: { panel: PanelState }) {
  return (
    <main className="panel" aria-busy={panel.kind === 'loading'}>
      <h1>DealScreen</h1>
      <Body panel={panel} />
    </main>
  );
}

function Body({ panel }: { panel: PanelState }) {
  if (panel.kind === 'loading') return <p className="muted">Loading…</p>;
  if (panel.kind === 'no-tab')
    return <p className="empty">Open a CRM deal, opportunity or account to screen it.</p>;
  const { state } = panel;
  if (!state || state.status === 'none') {
    return (
      <p className="empty" data-testid="nothing-to-screen">
        Nothing to screen on this page: DealScreen found no deal, opportunity or account record here. Open a
        record in your CRM, or use “Screen this page” in the toolbar popup.
      </p>
    );
  }
  if (state.status === 'screening') return <p className="muted">Screening this deal…</p>;
  if (state.status === 'error' || !state.result) {
    return (
      <p className="empty" role="alert">
        {state.error ?? 'DealScreen could not screen this page.'} Reload the page to try again.
      </p>
    );
  }
  const { result } = state;
  return (
    <>
      <RiskSummary risk={result.risk} />
      <DealFacts context={result.context} />
      <h2>Findings</h2>
      {result.findings.length === 0 ? (
        <p className="empty" data-testid="no-findings">
          No findings. DealScreen checked the parties against your lists and the bundled lists, the products
          against the surveillance categories, and the countries against the destination tiers. This is not a
          compliance decision: follow your company's usual process.
        </p>
      ) : (
        SEVERITY_ORDER.map((severity) => {
          const group = result.findings.filter((f) => f.severity === severity);
          if (group.length === 0) return null;
          return (
            <section key={severity} aria-label={`${GROUP_TITLES[severity]} findings`}>
              <h2>
                {GROUP_TITLES[severity]} ({group.length})
              </h2>
              <ul className="plain">
                {group.map((finding) => (
                  <FindingCard key={finding.id} finding={finding} />
                ))}
              </ul>
            </section>
          );
        })
      )}
      <p className="muted">
        Screened {new Date(state.updatedAt).toLocaleString()} · rule set {result.ruleSetVersion ?? 'unknown'}
      </p>
    </>
  );
}
