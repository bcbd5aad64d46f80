import type { ColumnMapping, GenericField, ListFormat } from '@/lib/lists';
import type { Watchlist } from '@/lib/model';
import {
  columnKeys,
  FIELD_LABELS,
  FORMAT_LABELS,
  MULTI_FIELDS,
  mappingToColumns,
  SINGLE_FIELDS,
} from '@/lib/watchlists/import';

export interface ImportPreview {
  ok: boolean;
  format: ListFormat;
  summary: string;
  /** "line 12: reason", already formatted. */
  errors: string[];
  warnings: string[];
  entries: number;
  /** Generic CSV/JSON only: the columns, the mapping in use and the first rows. */
  generic?: { headers: string[]; mapping: ColumnMapping; rows: string[][] };
  /** Parse time in ms. */
  elapsedMs: number;
  suggestedName: string;
}

export type ImportState =
  | { phase: 'idle'; done?: string; failed?: string }
  | { phase: 'parsing'; files: string[]; progress: number }
  | { phase: 'preview'; files: string[]; preview: ImportPreview }
  | { phase: 'saving'; files: string[]; preview: ImportPreview };

export interface ImportPanelProps {
  state: ImportState;
  format: ListFormat | '';
  /** Lists the import may replace (not managed, not subscribed). */
  replaceable: readonly Watchlist[];
  target: string;
  name: string;
  onFiles(files: File[]): void;
  onFormat(format: ListFormat | ''): void;
  onAssign(header: string, field: GenericField | ''): void;
  onTarget(target: string): void;
  onName(name: string): void;
  onAccept(): void;
  onCancel(): void;
}

const FIELDS: readonly GenericField[] = [...SINGLE_FIELDS, ...MULTI_FIELDS];

/**
 * Import from a file: detect the format, parse (with progress), show what would be imported and
 * every problem with its line, and change nothing until the user accepts.
 */
export function ImportPanel(props: ImportPanelProps) {
  const { state } = props;
  const busy = state.phase === 'parsing' || state.phase === 'saving';
  const preview = state.phase === 'preview' || state.phase === 'saving' ? state.preview : undefined;
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">Import a list</h2>
      <p className="muted">
        CSV or JSON with columns named like name, aliases, country, type; OFAC SDN legacy CSV (choose sdn.csv,
        alt.csv and add.csv together); the Consolidated Screening List (CSV or JSON); the BIS Entity List
        (JSON); a DealScreen export.
      </p>
      <div className="row">
        <label className="field">
          List files
          <input
            type="file"
            multiple
            accept=".csv,.json,.txt,.tsv,.xml,text/csv,application/json"
            data-testid="watchlist-import-input"
            disabled={busy}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length) props.onFiles(files);
            }}
          />
        </label>
        <label className="field">
          Format
          <select
            value={props.format}
            onChange={(e) => props.onFormat(e.target.value as ListFormat | '')}
            disabled={busy}
            data-testid="import-format"
          >
            <option value="">Detect automatically</option>
            {(Object.keys(FORMAT_LABELS) as ListFormat[])
              .filter((f) => f !== 'ofac-sdn-xml')
              .map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
          </select>
        </label>
      </div>

      {state.phase === 'parsing' && (
        <div>
          <label className="field">
            Reading {state.files.join(', ')}
            <progress value={state.progress} max={1} data-testid="import-progress" />
          </label>
        </div>
      )}

      {state.phase === 'idle' && state.done && (
        <p className="notice" data-tone="ok" role="status" data-testid="import-summary" data-state="done">
          {state.done}
        </p>
      )}
      {state.phase === 'idle' && state.failed && (
        <div className="notice" data-tone="error" role="alert" data-testid="import-error">
          {state.failed}
        </div>
      )}

      {preview && (
        <div>
          <p
            className="notice"
            data-tone={preview.ok ? 'ok' : 'warn'}
            data-testid="import-summary"
            data-state="preview"
          >
            {state.phase === 'preview' || state.phase === 'saving' ? `${state.files.join(', ')}: ` : ''}
            {preview.summary}. Read in {(preview.elapsedMs / 1000).toFixed(2)} s.
          </p>
          {preview.errors.length > 0 && (
            <div className="notice" data-tone="error" role="alert" data-testid="import-error">
              <strong>
                {preview.errors.length === 1 ? 'One problem' : `${preview.errors.length} problems`}: nothing
                was imported and your lists are unchanged. Fix the file (or the column mapping) and try again.
              </strong>
              <ul>
                {preview.errors.map((e) => (
                  <li key={e} data-testid="import-error-line">
                    {e}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {preview.warnings.length > 0 && (
            <details className="notice" data-tone="warn">
              <summary>{preview.warnings.length} warnings (the import can still go ahead)</summary>
              <ul>
                {preview.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </details>
          )}
          {preview.generic && (
            <MappingEditor {...preview.generic} disabled={busy} onAssign={props.onAssign} />
          )}
          <fieldset>
            <legend>Where to put it</legend>
            <div className="row">
              <label className="field">
                Import into
                <select value={props.target} onChange={(e) => props.onTarget(e.target.value)} disabled={busy}>
                  <option value="">A new list</option>
                  {props.replaceable.map((l) => (
                    <option key={l.id} value={l.id}>
                      Replace the entries of {l.name}
                    </option>
                  ))}
                </select>
              </label>
              {props.target === '' && (
                <label className="field">
                  New list name
                  <input
                    type="text"
                    value={props.name}
                    placeholder={preview.suggestedName}
                    onChange={(e) => props.onName(e.target.value)}
                    disabled={busy}
                    data-testid="import-name"
                  />
                </label>
              )}
            </div>
          </fieldset>
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={props.onAccept}
              disabled={!preview.ok || preview.entries === 0 || busy}
              data-testid="import-accept"
            >
              {state.phase === 'saving'
                ? 'Saving…'
                : `Import ${preview.entries.toLocaleString('en')} entries`}
            </button>
            <button
              type="button"
              onClick={props.onCancel}
              disabled={state.phase === 'saving'}
              data-testid="import-cancel"
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function MappingEditor(props: {
  headers: string[];
  mapping: ColumnMapping;
  rows: string[][];
  disabled: boolean;
  onAssign(header: string, field: GenericField | ''): void;
}) {
  const columns = mappingToColumns(props.mapping, props.headers);
  const keyed = columnKeys(props.headers);
  return (
    <fieldset data-testid="column-mapping">
      <legend>Columns: check what each one holds</legend>
      <div className="scroll">
        <table className="table">
          <caption className="visually-hidden">Column mapping and the first rows of the file</caption>
          <thead>
            <tr>
              {keyed.map((c) => (
                <th key={c.key} scope="col">
                  <label className="field">
                    {c.header}
                    <select
                      value={columns[c.index] ?? ''}
                      disabled={props.disabled}
                      onChange={(e) => props.onAssign(c.header, e.target.value as GenericField | '')}
                      data-testid="mapping-select"
                      data-column={c.header}
                    >
                      <option value="">(ignore)</option>
                      {FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {FIELD_LABELS[f]}
                        </option>
                      ))}
                    </select>
                  </label>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity but their position
              <tr key={r}>
                {keyed.map((c) => (
                  <td key={c.key}>{row[c.index] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
