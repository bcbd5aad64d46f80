import type { Finding } from '@/lib/model';

type Match = NonNullable<Finding['match']>;

/** Which name of the list entry matched, which words paired up, and the score: so the rep can judge it. */
export function MatchExplanation({ match, pageName }: { match: Match; pageName: string }) {
  const ex = match.explanation;
  const matchedName = ex?.matchedName ?? match.name;
  return (
    <div className="match" data-testid="match-explanation">
      <p>
        “{pageName}” matches <strong>{matchedName}</strong>
        {ex?.alias
          ? matchedName === match.name
            ? ', one of the names listed for the entry,'
            : `, a name listed for ${match.name},`
          : ''}
        {match.listName ? ` on ${match.listName}` : ''}. Score{' '}
        <span data-testid="match-score">{match.score.toFixed(2)}</span> of 1.00.
      </p>
      {ex && (
        <>
          {ex.summary && <p className="muted">{ex.summary}</p>}
          {ex.pairs.length > 0 && (
            <table className="tokens">
              <caption className="visually-hidden">Words compared</caption>
              <thead>
                <tr>
                  <th scope="col">On the page</th>
                  <th scope="col">On the list</th>
                  <th scope="col">Similarity</th>
                </tr>
              </thead>
              <tbody>
                {ex.pairs.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: pairs have no identity beyond their position
                  <tr key={i} data-testid="match-token">
                    <td>{p.query}</td>
                    <td>{p.candidate}</td>
                    <td>{p.score.toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {ex.ignored.length > 0 && (
            <p className="muted">
              Set aside (company types such as LLC, and common words): {ex.ignored.join(', ')}
            </p>
          )}
          {ex.unmatched.length > 0 && (
            <p className="muted">Words with no counterpart: {ex.unmatched.join(', ')}</p>
          )}
        </>
      )}
    </div>
  );
}
