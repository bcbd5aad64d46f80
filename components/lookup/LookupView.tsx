import type { LookupResult } from '@/lib/model';

export interface LookupViewProps {
  query: string;
  results: LookupResult[];
  pending: boolean;
  onQuery(query: string): void;
  onScreenPage(): void;
  onOpenPanel(): void;
  screenMessage?: string;
}

const KIND_LABELS: Record<LookupResult['kind'], string> = {
  'restricted-party': 'Listed party',
  'surveillance-item': 'Surveillance capability',
  destination: 'Destination',
  'government-end-user': 'Government end user',
  intermediary: 'Intermediary',
  'red-flag': 'Red flag',
};

export function LookupView(props: LookupViewProps) {
  const { query, results } = props;
  return (
    <main className="panel" style={{ width: 360 }}>
      <h1>DealScreen</h1>
      <label htmlFor="lookup">Look up a company, person, product or country</label>
      <input
        id="lookup"
        data-testid="lookup-input"
        type="search"
        value={query}
        // biome-ignore lint/a11y/noAutofocus: the popup opens on the rep's click, to look something up
        autoFocus
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => props.onQuery(e.target.value)}
        style={{ width: '100%', boxSizing: 'border-box', margin: '4px 0 8px', padding: '6px 8px' }}
      />
      <div aria-live="polite">
        {query.trim() !== '' && results.length === 0 && !props.pending && (
          <p className="muted">
            Nothing found for “{query}” on your lists, the bundled lists or the rule set.
          </p>
        )}
        <ul className="plain">
          {results.map((r) => (
            <li
              key={`${r.kind}:${r.title}:${r.match?.entryId ?? ''}`}
              className="finding"
              data-testid="lookup-result"
              data-kind={r.kind}
              data-severity={r.severity}
            >
              <span className="badge" data-severity={r.severity}>
                {KIND_LABELS[r.kind]}
              </span>
              <strong>{r.title}</strong>
              <div>{r.detail}</div>
              <div className="source">
                {r.source.title}, as of {r.source.asOf}
              </div>
            </li>
          ))}
        </ul>
      </div>
      <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
        <button type="button" onClick={props.onScreenPage} data-testid="screen-page">
          Screen this page
        </button>
        <button type="button" onClick={props.onOpenPanel} data-testid="open-panel">
          Open side panel
        </button>
      </div>
      {props.screenMessage && <p role="status">{props.screenMessage}</p>}
    </main>
  );
}
