/**
 * A name made ready for scoring: tokens with their kind (name, legal form, stopword …), script flags and
 * weight. Prepared once per list name when the index is built, once per query.
 */
import { nameForms } from './forms';
import { hasHan, japaneseReadings, koreanReading } from './han-readings';
import { type LegalFormClass, nameLegalForms } from './legal-forms';
import { rawTokens, SYLLABIC } from './normalize';
import { BASE_WEIGHT, isPatronymic, PATRONYMIC_WEIGHT, WordKind, wordKind } from './stopwords';

export interface Prepared {
  tokens: string[];
  flags: number[];
  kinds: WordKind[];
  weights: number[];
  /** Legal-form class of each token (multi-word forms are one token, "s a de c v"), or null. */
  classes: (LegalFormClass | null)[];
  /** Legal-form classes in the name, in order. */
  legal: LegalFormClass[];
}

/** Maps a token to a rarity factor in 0..1 (1 = rare). Without a corpus every word counts fully. */
export type Rarity = (token: string) => number;
const NO_CORPUS: Rarity = () => 1;

export function prepareName(name: string, rarity: Rarity = NO_CORPUS): Prepared {
  const raw = rawTokens(name);
  const words = raw.map((t) => t.text);
  const spans = nameLegalForms(raw);
  let covered = 0;
  for (const s of spans) covered += s.end - s.start;
  // A name made only of legal forms ("Company", "AO") is still a name: keep its words as words.
  const useSpans = covered < words.length ? spans : [];
  const tokens: string[] = [];
  const flags: number[] = [];
  const kinds: WordKind[] = [];
  const classes: (LegalFormClass | null)[] = [];
  const legal: LegalFormClass[] = [];
  let k = 0;
  for (let i = 0; i < words.length; ) {
    const span = useSpans[k];
    if (span && span.start === i) {
      tokens.push(words.slice(span.start, span.end).join(' '));
      flags.push(0);
      kinds.push(WordKind.Legal);
      classes.push(span.cls);
      legal.push(span.cls);
      i = span.end;
      k++;
      continue;
    }
    tokens.push(words[i]!);
    flags.push(raw[i]!.flags);
    const kind = wordKind(words[i]!);
    // A syllable read from Chinese or Korean script is a name's syllable, whatever Latin word it spells
    // ("de" in 刘德华, Liu De Hua, is no stopword).
    kinds.push(raw[i]!.flags & SYLLABIC && kind !== WordKind.Initial ? WordKind.Name : kind);
    classes.push(null);
    i++;
  }
  // A name made only of stopwords and generic words ("International Trading Group") must still match itself.
  if (!kinds.some((kd) => kd === WordKind.Name || kd === WordKind.Initial)) {
    for (let i = 0; i < kinds.length; i++) if (kinds[i] !== WordKind.Legal) kinds[i] = WordKind.Name;
  }
  const weights = tokens.map((t, i) => {
    const kind = kinds[i]!;
    const base = BASE_WEIGHT[kind];
    if (kind === WordKind.Name) return base * rarity(t) * (isPatronymic(t) ? PATRONYMIC_WEIGHT : 1);
    return kind === WordKind.Generic ? base * rarity(t) : base;
  });
  return { tokens, flags, kinds, weights, classes, legal };
}

/**
 * The name prepared once per reading: as written (Han read in Mandarin by any-ascii), and, for a name in
 * Han characters, read in Korean and in Japanese when the tables know every character. The scorer keeps
 * the best reading.
 */
export function prepareVariants(name: string, rarity: Rarity = NO_CORPUS): Prepared[] {
  const out = [prepareName(name, rarity)];
  if (!hasHan(name)) return out;
  const seen = new Set([out[0]!.tokens.join(' ')]);
  const korean = koreanReading(name);
  for (const alt of [...(korean ? [korean] : []), ...japaneseReadings(name)]) {
    const p = prepareName(alt, rarity);
    const key = p.tokens.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/** The name prepared in each of its forms (forms.ts: without its asides, its acronym) and readings. */
export function prepareForms(name: string, rarity: Rarity = NO_CORPUS): Prepared[] {
  return nameForms(name).flatMap((form) => prepareVariants(form, rarity));
}
