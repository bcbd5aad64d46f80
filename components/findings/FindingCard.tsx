import { useId } from 'react';
import type { Finding } from '@/lib/model';
import { type DismissalState, pageName } from '@/lib/record/dismissals';
import { type DismissActions, DismissControl } from './DismissControl';
import { Highlight } from './Highlight';
import { CATEGORY_LABELS, KIND_LABELS, SEVERITY_LABELS, VERIFICATION_LABELS } from './labels';
import { MatchExplanation } from './MatchExplanation';

export interface FindingCardProps {
  finding: Finding;
  /** Name matches only: the rep's "not this entity" decision. */
  dismissal?: DismissalState;
  actions?: DismissActions;
  /** Lists screened, for the list's date and version in the source line. */
  lists?: { id: string; name: string; asOf?: string }[];
}

export function FindingCard({ finding, dismissal, actions, lists }: FindingCardProps) {
  const { match, source } = finding;
  const titleId = useId();
  const state = dismissal?.state ?? 'open';
  const list = match ? lists?.find((l) => l.id === match.listId) : undefined;
  const questions = finding.prompts.length;
  return (
    <li
      className="finding"
      data-testid="finding"
      data-kind={finding.kind}
      data-severity={finding.severity}
      data-category={finding.category}
      data-dismissed={state === 'dismissed' ? 'true' : undefined}
      data-state={state}
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>
        <span className="badge" data-severity={finding.severity}>
          {SEVERITY_LABELS[finding.severity]}
          <span className="visually-hidden"> severity</span>
        </span>
        {state === 'dismissed' && <span className="badge dismissed-badge">Not this entity</span>}
        {state === 'raised-again' && (
          <span className="badge" data-severity="high">
            Raised again
          </span>
        )}
        {finding.title}
      </h3>
      <p className="kind muted">
        {KIND_LABELS[finding.kind]}
        {finding.category ? ` · ${CATEGORY_LABELS[finding.category] ?? finding.category}` : ''}
      </p>
      <figure className="evidence">
        <figcaption className="muted">
          {finding.field ? `On the page, ${finding.field}:` : 'On the page:'}
        </figcaption>
        <blockquote data-testid="evidence">
          <Highlight text={finding.evidence} term={finding.term} />
        </blockquote>
      </figure>
      {finding.why && (
        <p data-testid="why">
          <strong>Why it matters: </strong>
          {finding.why}
        </p>
      )}
      {match && <MatchExplanation match={match} pageName={pageName(finding)} />}
      {finding.action && (
        <p data-testid="action">
          <strong>What to do: </strong>
          {finding.action}
        </p>
      )}
      {questions > 0 && (
        <p className="muted">
          <a href="#checklist">
            {questions === 1 ? 'One question' : `${questions} questions`} for the checklist below
          </a>
        </p>
      )}
      <p className="source" data-testid="source">
        Source:{' '}
        {source.url ? (
          <a href={source.url} target="_blank" rel="noreferrer">
            {source.title}
          </a>
        ) : (
          source.title
        )}
        , as of {source.asOf}
        {source.verification ? ` (${VERIFICATION_LABELS[source.verification]})` : ''}
        {finding.ruleId ? ` · rule ${finding.ruleId}` : ''}
        {match ? ` · ${listLine(match, list, source.title)}` : ''}
        {finding.eccnHints?.length ? ` · ECCNs to ask compliance about: ${finding.eccnHints.join(', ')}` : ''}
      </p>
      {match && dismissal && actions && <DismissControl state={dismissal} actions={actions} />}
    </li>
  );
}

/** The list an entry came from, its date and version, without repeating the source line's title. */
function listLine(
  match: NonNullable<Finding['match']>,
  list: { name: string; asOf?: string } | undefined,
  sourceTitle: string,
): string {
  const name = match.listName ?? list?.name ?? match.listId;
  const parts = name === sourceTitle ? [] : [`list: ${name}`, ...(list?.asOf ? [`as of ${list.asOf}`] : [])];
  if (match.listVersion) parts.push(`list version ${match.listVersion}`);
  parts.push(`entry ${match.entryId}`);
  return parts.join(', ');
}
