import type { Finding, ScreenResult } from '@/lib/model';
import { buildChecklist, progressOf } from '@/lib/record/checklist';
import { type DismissalState, dismissalState } from '@/lib/record/dismissals';
import type { ChecklistAnswer, Dismissal, DismissReason } from '@/lib/record/model';
import { dealRisk } from '@/lib/record/risk';
import type { TabState } from '@/lib/storage/items';
import { Checklist, type ChecklistActions } from '../checklist/Checklist';
import { DealFacts } from './DealFacts';
import { FindingCard } from './FindingCard';
import { when } from './labels';
import { RiskSummary } from './RiskSummary';

const SEVERITY_ORDER = ['high', 'medium', 'low', 'info'] as const;
const GROUP_TITLES = { high: 'High', medium: 'Medium', low: 'Low', info: 'For information' };

export type PanelState = { kind: 'loading' } | { kind: 'no-tab' } | { kind: 'tab'; state: TabState | null };

export interface SidePanelData {
  panel: PanelState;
  /** The deal's checklist answers (from its stored record); undefined while they are read. */
  answers: Record<string, ChecklistAnswer> | undefined;
  dismissals: Dismissal[];
  reviewer: string;
  /** Outcome of the last record action ("Summary copied"). */
  status?: string;
  /** The summary, shown to copy by hand when the clipboard is not available. */
  summary?: string;
}

export interface SidePanelActions extends ChecklistActions {
  onDismiss(finding: Finding, reason: DismissReason, note: string): void;
  onUndoDismiss(finding: Finding): void;
  onExportJson(): void;
  onPrint(): void;
  onCopySummary(): void;
}

const NO_ACTIONS: SidePanelActions = {
  onAnswer() {},
  onReviewer() {},
  onDismiss() {},
  onUndoDismiss() {},
  onExportJson() {},
  onPrint() {},
  onCopySummary() {},
};

export function SidePanelView({
  data,
  actions = NO_ACTIONS,
}: {
  data: SidePanelData;
  actions?: SidePanelActions;
}) {
  const { panel } = data;
  const busy = panel.kind === 'loading' || (panel.kind === 'tab' && panel.state?.status === 'screening');
  return (
    <main className="panel" aria-busy={busy}>
      <h1>DealScreen</h1>
      <Body data={data} actions={actions} />
    </main>
  );
}

function Body({ data, actions }: { data: SidePanelData; actions: SidePanelActions }) {
  const { panel } = data;
  if (panel.kind === 'loading')
    return (
      <p className="muted" role="status" data-testid="loading">
        Loading…
      </p>
    );
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
  if (state.status === 'screening')
    return (
      <p className="muted" role="status" data-testid="screening">
        Screening this deal…
      </p>
    );
  if (state.status === 'error' || !state.result) {
    return (
      <div className="empty" role="alert" data-testid="screen-error">
        <p>{state.error ?? 'DealScreen could not screen this page.'}</p>
        <p>
          Reload the page to try again. If it keeps failing, screen the deal’s names in the toolbar popup.
        </p>
      </div>
    );
  }
  return <Result result={state.result} updatedAt={state.updatedAt} data={data} actions={actions} />;
}

function Result({
  result,
  updatedAt,
  data,
  actions,
}: {
  result: ScreenResult;
  updatedAt: string;
  data: SidePanelData;
  actions: SidePanelActions;
}) {
  const items = buildChecklist(result.findings, data.answers ?? {});
  const progress = progressOf(items);
  const states = new Map<string, DismissalState>(
    result.findings.filter((f) => f.match).map((f) => [f.id, dismissalState(f, data.dismissals)]),
  );
  // A name match marked not this entity stays listed, but no longer counts toward the deal risk.
  const { risk, screened, dismissed } = dealRisk(result, data.dismissals);
  return (
    <>
      {result.context.title && <p className="deal-title">{result.context.title}</p>}
      <RiskSummary
        risk={risk}
        screened={screened}
        counts={{
          findings: result.findings.length,
          dismissed: dismissed.length,
          answered: progress.total - progress.open,
          questions: progress.total,
        }}
      />
      <section aria-labelledby="findings-title">
        <h2 id="findings-title">Findings</h2>
        {result.findings.length === 0 ? (
          <p className="empty" data-testid="no-findings">
            No findings. DealScreen checked the parties against your lists and the bundled lists, the products
            against the surveillance categories, and the countries against the destination tiers. This is not
            a compliance decision: follow your company’s usual process.
          </p>
        ) : (
          SEVERITY_ORDER.map((severity) => {
            const group = result.findings.filter((f) => f.severity === severity);
            if (group.length === 0) return null;
            return (
              <section key={severity} aria-labelledby={`sev-${severity}`} data-testid="severity-group">
                <h3 id={`sev-${severity}`} className="group-title">
                  {GROUP_TITLES[severity]} ({group.length})
                </h3>
                <ul className="plain">
                  {group.map((finding) => (
                    <FindingCard
                      key={finding.id}
                      finding={finding}
                      lists={result.lists}
                      dismissal={states.get(finding.id)}
                      actions={{
                        onDismiss: (reason, note) => actions.onDismiss(finding, reason, note),
                        onUndo: () => actions.onUndoDismiss(finding),
                      }}
                    />
                  ))}
                </ul>
              </section>
            );
          })
        )}
      </section>
      <DealFacts context={result.context} />
      {items.length > 0 &&
        (data.answers ? (
          <Checklist data={{ items, reviewer: data.reviewer }} actions={actions} />
        ) : (
          <p className="muted" role="status" data-testid="checklist-loading">
            Reading this deal’s checklist…
          </p>
        ))}
      <section aria-labelledby="record-title" className="record-actions">
        <h2 id="record-title">Record</h2>
        <p className="muted">
          The findings, your answers, notes and decisions, the rule set and lists used, with the time and page
          address.
        </p>
        <div className="row">
          <button type="button" data-testid="export-json" onClick={actions.onExportJson}>
            Download JSON
          </button>
          <button type="button" data-testid="print-record" onClick={actions.onPrint}>
            Printable record
          </button>
          <button type="button" data-testid="copy-summary" onClick={actions.onCopySummary}>
            Copy summary for the CRM
          </button>
        </div>
        <p role="status" data-testid="record-status" className="small">
          {data.status ?? ''}
        </p>
        {data.summary && (
          <>
            <label htmlFor="summary-text">Summary to paste into the CRM</label>
            <textarea id="summary-text" data-testid="summary-text" readOnly rows={8} value={data.summary} />
          </>
        )}
      </section>
      <p className="muted small" data-testid="screened-at">
        Screened {when(result.screenedAt ?? updatedAt)} · rule set {result.ruleSetVersion ?? 'unknown'}
        {result.lists?.length
          ? ` · lists: ${result.lists.map((l) => `${l.name}${l.asOf ? ` (as of ${l.asOf})` : ''}`).join(', ')}`
          : ''}
      </p>
    </>
  );
}
