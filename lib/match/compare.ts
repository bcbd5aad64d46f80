import type { MatchExplanation } from '../model';
import { explain } from './explain';
import { prepareForms } from './prepare';
import { scorePrepared } from './score';

/**
 * Score at or above which a name is reported as a match. Chosen on the labelled sets in
 * `npm run eval:match` (UN variation pairs vs. synthetic negatives searched against the SDN list).
 */
export const DEFAULT_MATCH_THRESHOLD = 0.85;

/** Compares two names without a list (no corpus rarity): for one-off checks and the CLI. */
export function compareNames(a: string, b: string): { score: number; explanation: MatchExplanation } {
  let s: ReturnType<typeof scorePrepared> | null = null;
  // Names in Han characters have several readings, and a name with asides in parentheses several forms
  // (forms.ts): keep the best pair.
  for (const pa of prepareForms(a)) {
    for (const pb of prepareForms(b)) {
      const x = scorePrepared(pa, pb);
      if (!s || x.score > s.score) s = x;
    }
  }
  if (!s) throw new Error('unreachable');
  return { score: Math.round(s.score * 1000) / 1000, explanation: explain(s, b, false) };
}
