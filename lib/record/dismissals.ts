/**
 * False-positive memory: "not this entity" on a name match, remembered for that page name and that list
 * entry, and raised again when the entry changes. Pure.
 */
import type { Finding } from '../model';
import { matchFingerprint } from './fingerprint';
import type { Dismissal, DismissReason } from './model';

/** Case, width, punctuation and spacing do not make a different name. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The name as it appeared on the page: the highlighted words, else the evidence. */
export function pageName(finding: Finding): string {
  return (finding.term?.trim() || finding.evidence.trim()).slice(0, 500);
}

export type DismissalState =
  | { state: 'open' }
  | { state: 'dismissed'; dismissal: Dismissal }
  /** The rep dismissed it, but the list entry has changed since: look again. */
  | { state: 'raised-again'; dismissal: Dismissal };

export function findDismissal(finding: Finding, dismissals: readonly Dismissal[]): Dismissal | undefined {
  const { match } = finding;
  if (!match) return undefined;
  const key = nameKey(pageName(finding));
  // The newest decision wins.
  for (let i = dismissals.length - 1; i >= 0; i--) {
    const d = dismissals[i]!;
    if (d.listId === match.listId && d.entryId === match.entryId && d.nameKey === key) return d;
  }
  return undefined;
}

export function dismissalState(finding: Finding, dismissals: readonly Dismissal[]): DismissalState {
  const dismissal = findDismissal(finding, dismissals);
  if (!dismissal || !finding.match) return { state: 'open' };
  return dismissal.fingerprint === matchFingerprint(finding.match)
    ? { state: 'dismissed', dismissal }
    : { state: 'raised-again', dismissal };
}

export function makeDismissal(
  finding: Finding,
  input: { reason: DismissReason; note: string; by: string; at: string; dealKey?: string },
): Dismissal {
  const { match } = finding;
  if (!match) throw new Error('only a name match can be dismissed');
  const name = pageName(finding);
  return {
    nameKey: nameKey(name),
    name,
    listId: match.listId,
    entryId: match.entryId,
    entryName: match.name,
    listName: match.listName,
    score: match.score,
    fingerprint: matchFingerprint(match),
    reason: input.reason,
    note: input.note.trim().slice(0, 2000),
    by: input.by.trim().slice(0, 200),
    at: input.at,
    dealKey: input.dealKey,
  };
}

const sameTarget = (a: Dismissal, b: Pick<Dismissal, 'nameKey' | 'listId' | 'entryId'>) =>
  a.nameKey === b.nameKey && a.listId === b.listId && a.entryId === b.entryId;

/** Add or replace the decision for this name and entry. */
export function addDismissal(list: readonly Dismissal[], dismissal: Dismissal): Dismissal[] {
  return [...list.filter((d) => !sameTarget(d, dismissal)), dismissal];
}

/** Undo: the match is shown as open again. */
export function removeDismissal(list: readonly Dismissal[], finding: Finding): Dismissal[] {
  const found = findDismissal(finding, list);
  return found ? list.filter((d) => !sameTarget(d, found)) : [...list];
}
