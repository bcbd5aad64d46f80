import type { Finding } from '@/lib/model';
import { Highlight } from './Highlight';

const VERIFICATION = { P: 'primary source', S: 'secondary source', M: 'derived, not yet verified' } as const;

export function FindingCard({ finding }: { finding: Finding }) {
  const { match, source } = finding;
  return (
    <li
      className="finding"
      data-testid="finding"
      data-kind={finding.kind}
      data-severity={finding.severity}
      data-category={finding.category}
      aria-label={`${finding.severity} severity: ${finding.title}`}
    >
      <h3>
        <span className="badge" data-severity={finding.severity}>
          {finding.severity}
        </span>
        {finding.title}
      </h3>
      <blockquote className="evidence" aria-label="Evidence from the page">
        {finding.field && <span className="muted">{finding.field}: </span>}
        <Highlight text={finding.evidence} term={finding.term} />
      </blockquote>
      {finding.why && <p>{finding.why}</p>}
      {match && (
        <p data-testid="match-explanation">
          Matched <strong>{match.name}</strong>
          {match.listName ? ` on ${match.listName}` : ''} with score {match.score.toFixed(2)}
          {match.explanation ? `: ${match.explanation.summary}` : ''}
        </p>
      )}
      {finding.action && (
        <p>
          <strong>Next step:</strong> {finding.action}
        </p>
      )}
      {finding.prompts.length > 0 && (
        <ul aria-label="Questions to settle">
          {finding.prompts.map((prompt) => (
            <li key={prompt} data-testid="prompt">
              {prompt}
            </li>
          ))}
        </ul>
      )}
      <p className="source">
        Source:{' '}
        {source.url ? (
          <a href={source.url} target="_blank" rel="noreferrer">
            {source.title}
          </a>
        ) : (
          source.title
        )}
        , as of {source.asOf}
        {source.verification ? ` (${VERIFICATION[source.verification]})` : ''}
        {finding.ruleId ? ` · rule ${finding.ruleId}` : ''}
        {finding.eccnHints?.length ? ` · ECCNs to ask compliance about: ${finding.eccnHints.join(', ')}` : ''}
      </p>
    </li>
  );
}
