import type { BatchRow } from '@/lib/batch/results';

export type BatchState =
  | { phase: 'idle'; error?: string }
  | { phase: 'screening'; file: string; done: number; total: number }
  | {
      phase: 'done';
      file: string;
      rows: BatchRow[];
      /** Rows that could not be read, "line 4: reason". */
      problems: string[];
      /** Which export columns were read as what. */
      columns: string;
      elapsedMs: number;
    };

export interface BatchViewProps {
  state: BatchState;
  onFile(file: File): void;
  onDownload(): void;
}

const LEVELS = ['high', 'medium', 'low', 'none'] as const;

/** Screen every row of a CRM export and show one line per deal, highest risk first. */
export function BatchView({ state, onFile, onDownload }: BatchViewProps) {
  return (
    <section aria-labelledby="batch-title" data-testid="batch">
      <h2 id="batch-title">Screen a CRM export</h2>
      <p className="muted">
        Export deals, opportunities or accounts from your CRM as CSV. Columns are found by their names
        (account or customer, country, product, end user, description). The file is read here and never leaves
        the browser.
      </p>
      <label className="field">
        CRM export (CSV)
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="batch-input"
          disabled={state.phase === 'screening'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) onFile(file);
          }}
        />
      </label>
      {state.phase === 'idle' && state.error && (
        <p className="notice" data-tone="error" role="alert" data-testid="batch-error">
          {state.error}
        </p>
      )}
      {state.phase === 'screening' && (
        <label className="field">
          Screening {state.file}: {state.done} of {state.total} deals
          <progress value={state.done} max={state.total || 1} />
        </label>
      )}
      {state.phase === 'done' && (
        <div>
          <p role="status" data-testid="batch-summary">
            {state.file}: {state.rows.length} deals screened in {(state.elapsedMs / 1000).toFixed(1)} s.{' '}
            {LEVELS.map((l) => `${state.rows.filter((r) => r.risk === l).length} ${l}`).join(', ')}.
          </p>
          <p className="muted">Columns read: {state.columns}</p>
          {state.problems.length > 0 && (
            <details className="notice" data-tone="warn">
              <summary>{state.problems.length} rows not screened</summary>
              <ul>
                {state.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </details>
          )}
          <button type="button" onClick={onDownload} data-testid="batch-download">
            Download results (CSV)
          </button>
          <div className="scroll">
            <table className="table" data-testid="batch-results">
              <caption className="visually-hidden">Screening results, highest risk first</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Deal</th>
                  <th scope="col">Customer</th>
                  <th scope="col">Countries</th>
                  <th scope="col">Risk</th>
                  <th scope="col">Findings</th>
                </tr>
              </thead>
              <tbody>
                {state.rows.map((r) => (
                  <tr key={r.line} data-testid="batch-row" data-risk={r.risk} data-line={r.line}>
                    <td>{r.line}</td>
                    <td>{r.title ?? r.recordId ?? ''}</td>
                    <td>{r.customer ?? ''}</td>
                    <td>{r.countries.join(', ')}</td>
                    <td>
                      <span className="badge" data-severity={r.risk === 'none' ? 'info' : r.risk}>
                        {r.risk}
                      </span>
                    </td>
                    <td>
                      {r.error ? (
                        <span className="error">{r.error}</span>
                      ) : (
                        <ul className="plain">
                          {r.findings.map((f, i) => (
                            // biome-ignore lint/suspicious/noArrayIndexKey: findings of one row have no stable key here
                            <li key={i}>
                              <span className="badge" data-severity={f.severity}>
                                {f.severity}
                              </span>
                              {f.title}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
