/**
 * Turns a scored alignment into the MatchExplanation a sales rep (and an auditor) can read.
 */
import type { MatchExplanation } from '../model';
import type { Scored } from './score';
import { isPatronymic, KIND_LABEL, WordKind } from './stopwords';

const round = (x: number) => Math.round(x * 1000) / 1000;

export function explain(s: Scored, matchedName: string, alias: boolean, note?: string): MatchExplanation {
  const { a, b, pairs } = s;
  const pairedA = new Set(pairs.map((p) => p.a));
  const pairedB = new Set(pairs.map((p) => p.b));
  const ignored: string[] = [];
  const unmatched: string[] = [];
  const seenIgnored = new Set<string>();
  const side = (p: typeof a, paired: Set<number>) => {
    p.tokens.forEach((t, i) => {
      const kind = p.kinds[i]!;
      if (kind === WordKind.Legal || kind === WordKind.Stop || kind === WordKind.Title) {
        const label = `${t} (${KIND_LABEL[kind]})`;
        if (!seenIgnored.has(label)) ignored.push(label);
        seenIgnored.add(label);
      } else if (!paired.has(i))
        unmatched.push(kind === WordKind.Name && isPatronymic(t) ? `${t} (patronymic)` : t);
    });
  };
  side(a, pairedA);
  side(b, pairedB);
  const tokenPairs = pairs.map((p) => ({
    query: a.tokens[p.a]!,
    candidate: b.tokens[p.b]!,
    score: round(p.sim),
    weight: round((a.weights[p.a]! + b.weights[p.b]!) / 2),
  }));
  const legalForms = [...new Set([...a.legal, ...b.legal])];
  return {
    matchedName,
    alias,
    pairs: tokenPairs,
    ignored,
    unmatched,
    legalForms,
    summary: summarise(s, matchedName, alias, tokenPairs, unmatched, ignored, legalForms, note),
  };
}

function summarise(
  s: Scored,
  matchedName: string,
  alias: boolean,
  pairs: MatchExplanation['pairs'],
  unmatched: string[],
  ignored: string[],
  legalForms: string[],
  note?: string,
): string {
  const pct = Math.round(s.score * 100);
  const agree = pairs
    .filter((p) => !p.query.includes(' ') || p.query !== p.candidate)
    .map((p) => (p.query === p.candidate ? p.query : `${p.query}≈${p.candidate}`));
  const parts = [`${pct}% like ${alias ? 'alias' : 'name'} "${matchedName}"`];
  parts.push(agree.length ? `agreeing words: ${agree.join(', ')}` : 'no words agree');
  if (unmatched.length) parts.push(`not matched: ${unmatched.join(', ')}`);
  if (ignored.length) parts.push(`little weight: ${ignored.join(', ')}`);
  if (legalForms.includes('soe')) parts.push('state-owned legal form');
  if (note) parts.push(note);
  return `${parts.join('; ')}.`;
}
