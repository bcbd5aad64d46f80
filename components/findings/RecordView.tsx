import { GROUP_TITLES } from '@/lib/record/checklist';
import { type DueDiligenceRecord, notCountedLine } from '@/lib/record/export';
import { ANSWER_LABELS, DISMISS_REASONS } from '@/lib/record/model';
import { Highlight } from './Highlight';
import { KIND_LABELS, SEVERITY_LABELS, when } from './labels';

const RISK = { high: 'High', medium: 'Medium', low: 'Low', none: 'No red flags found' } as const;

export interface RecordViewActions {
  onPrint(): void;
  onExportJson(): void;
}

/** The deal's due-diligence record, laid out for reading and for print to PDF. */
export function RecordView({ data, actions }: { data: DueDiligenceRecord; actions: RecordViewActions }) {
  const r = data;
  const notCounted = r.findings.filter((f) => !f.counted).length;
  return (
    <main className="record" data-testid="record-view">
      <div className="row no-print">
        <button type="button" data-testid="record-print" onClick={actions.onPrint}>
          Print or save as PDF
        </button>
        <button type="button" data-testid="record-json" onClick={actions.onExportJson}>
          Download JSON
        </button>
      </div>
      <h1>Due-diligence record: {r.deal.title ?? r.deal.customer ?? r.deal.recordId ?? 'deal'}</h1>
      <dl className="facts">
        <dt>Customer</dt>
        <dd>{r.deal.customer ?? '—'}</dd>
        <dt>CRM record</dt>
        <dd>
          {r.deal.site}
          {r.deal.recordId ? ` ${r.deal.recordId}` : ''}
          {r.deal.pageKind ? ` (${r.deal.pageKind})` : ''}
        </dd>
        <dt>Page</dt>
        <dd data-testid="record-url">{r.deal.url}</dd>
        <dt>Screened</dt>
        <dd>{when(r.screenedAt) || '—'}</dd>
        <dt>Record made</dt>
        <dd data-testid="record-time">
          {when(r.exportedAt)}
          {r.reviewer ? ` by ${r.reviewer}` : ''}
        </dd>
        <dt>Rule set</dt>
        <dd data-testid="record-ruleset">{r.ruleSetVersion ?? 'unknown'}</dd>
        <dt>Lists</dt>
        <dd data-testid="record-lists">
          {r.lists.length === 0
            ? '—'
            : r.lists
                .map((l) => `${l.name} (${l.size} entries${l.asOf ? `, as of ${l.asOf}` : ''})`)
                .join('; ')}
        </dd>
      </dl>

      <h2 data-testid="record-risk" data-level={r.risk.level}>
        Deal risk: {RISK[r.risk.level]}
      </h2>
      {r.risk.reasons.length > 0 && (
        <ul>
          {r.risk.reasons.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      )}
      {notCounted > 0 && (
        <p data-testid="record-not-counted">{notCountedLine(notCounted, r.riskAsScreened.level)}</p>
      )}

      <h2>Findings ({r.findings.length})</h2>
      {r.findings.length === 0 && <p>None.</p>}
      <ol className="record-findings">
        {r.findings.map((f) => (
          <li key={f.id} data-testid="record-finding" data-status={f.status}>
            <h3>
              {SEVERITY_LABELS[f.severity]} · {KIND_LABELS[f.kind]}: {f.title}
            </h3>
            <p>
              <span className="muted">{f.field ? `${f.field}: ` : 'On the page: '}</span>
              <Highlight text={f.evidence} term={f.term} />
            </p>
            {f.why && <p>{f.why}</p>}
            {f.match && (
              <p>
                Name match: “{f.match.explanation?.matchedName ?? f.match.name}”
                {f.match.explanation?.alias
                  ? f.match.explanation.matchedName === f.match.name
                    ? ' (a name listed for the entry)'
                    : ` (a name listed for ${f.match.name})`
                  : ''}{' '}
                on {f.match.listName ?? f.match.listId}, entry {f.match.entryId}, score{' '}
                {f.match.score.toFixed(2)}
                {f.match.explanation?.summary ? `: ${f.match.explanation.summary}` : ''}
              </p>
            )}
            {f.status === 'dismissed' && f.dismissal && (
              <p data-testid="record-dismissal">
                <strong>Marked as not this entity</strong>
                {f.dismissal.by ? ` by ${f.dismissal.by}` : ''} on {when(f.dismissal.at)}:{' '}
                {DISMISS_REASONS[f.dismissal.reason]}
                {f.dismissal.note ? `. “${f.dismissal.note}”` : ''}. Not counted in the deal risk.
              </p>
            )}
            {f.status === 'raised-again' && f.dismissal && (
              <p>
                <strong>Raised again:</strong> marked as not this entity on {when(f.dismissal.at)}, but the
                list entry has changed since.
              </p>
            )}
            <p className="muted small">
              Source: {f.source.title}, as of {f.source.asOf}
              {f.source.url ? ` (${f.source.url})` : ''}
              {f.ruleId ? ` · rule ${f.ruleId}` : ''}
            </p>
          </li>
        ))}
      </ol>

      <h2>Checklist</h2>
      {r.checklist.length === 0 ? (
        <p>No questions were raised.</p>
      ) : (
        <table className="record-table">
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Answer</th>
              <th scope="col">Note</th>
              <th scope="col">Who, when</th>
            </tr>
          </thead>
          <tbody>
            {r.checklist.map((c) => (
              <tr key={c.id} data-testid="record-answer" data-id={c.id} data-answer={c.answer ?? ''}>
                <td>
                  {c.text}
                  <div className="muted small">{c.step ?? GROUP_TITLES[c.group]}</div>
                </td>
                <td>{c.answer ? ANSWER_LABELS[c.answer] : 'Not answered'}</td>
                <td>{c.note}</td>
                <td>{[c.by, when(c.at)].filter(Boolean).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.earlierAnswers.length > 0 && (
        <>
          <h2>Earlier answers to questions no longer raised</h2>
          <ul>
            {r.earlierAnswers.map((a) => (
              <li key={a.id}>
                {a.id}: {ANSWER_LABELS[a.answer]}
                {a.note ? `, “${a.note}”` : ''} ({[a.by, when(a.at)].filter(Boolean).join(', ')})
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="notice">{r.notice}</p>
    </main>
  );
}
