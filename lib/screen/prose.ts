/**
 * Small text helpers for what the rep reads: whole sentences joined with their punctuation.
 */

/** Ends in sentence punctuation, possibly followed by a closing quote or bracket. */
const ENDS_SENTENCE = /[.!?…]["'”’)\]]*$/;

/** Text ending in a full stop (unless it already ends a sentence). Empty stays empty. */
export function sentence(s: string): string {
  const t = s.trim();
  if (!t) return '';
  return ENDS_SENTENCE.test(t) ? t : `${t}.`;
}

/** Joins parts as sentences: each ends in punctuation, one space between, empty parts dropped. */
export function joinSentences(...parts: (string | false | 0 | null | undefined)[]): string {
  return parts
    .map((p) => (p ? sentence(p) : ''))
    .filter(Boolean)
    .join(' ');
}
