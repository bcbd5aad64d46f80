import type { MatchExplanation } from '../model';
import { explain } from './explain';
import { prepareName } from './prepare';
import { scorePrepared } from './score';

/**
 * Score at or above which a name is reported as a match. Chosen on the labelled sets in
 * `npm run eval:match` (UN variation pairs vs. synthetic negatives searched against the SDN list).
 */
export const DEFAULT_MATCH_THRESHOLD = 0.85;

/** Compares two names without a list (no corpus rarity): for one-off checks and the CLI. */
export function compareNames(a: string, b: string): { score: number; explanation: MatchExplanation } {
  const s = scorePrepared(prepareName(a), prepareName(b));
  return { score: Math.round(s.score * 1000) / 1000, explanation: explain(s, b, false) };
}
