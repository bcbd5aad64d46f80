import { CATEGORY_LABELS, KIND_LABELS } from '@/components/findings/labels';
import type { LookupResult } from '@/lib/model';

export interface LookupData {
  query: string;
  results: LookupResult[];
  /** The query the results answer (the rep may have typed on since). */
  answered: string;
  pending: boolean;
  error?: string;
  screenMessage?: string;
}

export interface LookupActions {
  onQuery(query: string): void;
  onScreenPage(): void;
  onOpenPanel(): void;
}

function detailOf(r: LookupResult): string | null {
  const m = r.match;
  if (!m) return r.category ? (CATEGORY_LABELS[r.category] ?? r.category) : null;
  const ex = m.explanation;
  const via = ex?.alias ? `alias “${ex.matchedName}” of ${m.name}` : `“${ex?.matchedName ?? m.name}”`;
  return `Matches ${via}${m.listName ? ` on ${m.listName}` : ''} · score ${m.score.toFixed(2)}`;
}

export function LookupView({ data, actions }: { data: LookupData; actions: LookupActions }) {
  const { query, results } = data;
  const typed = query.trim() !== '';
  const settled = typed && !data.pending && data.answered === query;
  return (
    <main className="panel popup">
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
        aria-describedby="lookup-status"
        onChange={(e) => actions.onQuery(e.target.value)}
      />
      <p id="lookup-status" className="muted small" role="status" data-testid="lookup-status">
        {!typed
          ? 'Names are checked against every watchlist and the bundled lists, products against the surveillance categories, countries against the destination tiers.'
          : data.error
            ? data.error
            : settled
              ? results.length === 0
                ? `Nothing found for “${query}” on your lists, the bundled lists or the rule set.`
                : `${results.length} ${results.length === 1 ? 'result' : 'results'} for “${query}”`
              : 'Looking up…'}
      </p>
      <ul
        className="plain"
        data-testid="lookup-results"
        data-query={data.answered}
        aria-label="Lookup results"
      >
        {typed &&
          results.map((r) => {
            const detail = detailOf(r);
            return (
              <li
                key={`${r.kind}:${r.title}:${r.match?.listId ?? ''}:${r.match?.entryId ?? ''}`}
                className="finding"
                data-testid="lookup-result"
                data-kind={r.kind}
                data-severity={r.severity}
                data-category={r.category}
              >
                <span className="badge" data-severity={r.severity}>
                  {KIND_LABELS[r.kind]}
                </span>
                <strong>{r.title}</strong>
                <div>{r.detail}</div>
                {detail && <div className="small">{detail}</div>}
                <div className="source">
                  {r.source.title}, as of {r.source.asOf}
                </div>
              </li>
            );
          })}
      </ul>
      <div className="row">
        <button type="button" onClick={actions.onScreenPage} data-testid="screen-page">
          Screen this page
        </button>
        <button type="button" onClick={actions.onOpenPanel} data-testid="open-panel">
          Open side panel
        </button>
      </div>
      {data.screenMessage && <p role="status">{data.screenMessage}</p>}
    </main>
  );
}
