/**
 * Hangul romanisation tuned to how Korean names are spelt in Latin script on lists and in CRMs
 * ("Kim Jong Un", "Park Ji Sung"), not to the official Revised Romanisation any-ascii follows
 * ("Gim Jeong Eun", "Bag Ji Seong"). Works from the syllable's jamo, so it needs no table of words.
 */

const INITIAL = [
  'g',
  'kk',
  'n',
  'd',
  'tt',
  'r',
  'm',
  'b',
  'pp',
  's',
  'ss',
  '',
  'j',
  'jj',
  'ch',
  'k',
  't',
  'p',
  'h',
];
// eo → o and eu → u: "Jong", "Un" are the usual name spellings of 정, 은.
const VOWEL = [
  'a',
  'ae',
  'ya',
  'yae',
  'o',
  'e',
  'yo',
  'ye',
  'o',
  'wa',
  'wae',
  'oe',
  'yo',
  'u',
  'wo',
  'we',
  'wi',
  'yu',
  'u',
  'ui',
  'i',
];
const FINAL = [
  '',
  'k',
  'k',
  'k',
  'n',
  'n',
  'n',
  't',
  'l',
  'k',
  'm',
  'l',
  'l',
  'l',
  'p',
  'l',
  'm',
  'p',
  'p',
  't',
  't',
  'ng',
  't',
  't',
  'k',
  't',
  'p',
  't',
];

/** Surnames whose usual Latin spelling differs from the letter-by-letter one (이 = Lee, 박 = Park …). */
const SURNAME: Record<string, string> = {
  이: 'lee',
  리: 'ri',
  박: 'park',
  김: 'kim',
  최: 'choi',
  정: 'jung',
  임: 'lim',
  노: 'roh',
  유: 'yoo',
  류: 'ryu',
  오: 'oh',
  신: 'shin',
  윤: 'yoon',
  우: 'woo',
  강: 'kang',
  조: 'cho',
  장: 'jang',
  한: 'han',
};

/** Romanises one Hangul syllable; `first` marks the first syllable of a word (usually the surname). */
export function koreanSyllable(ch: string, first: boolean): string {
  if (first && SURNAME[ch]) return SURNAME[ch];
  const code = ch.charCodeAt(0) - 0xac00;
  if (code < 0 || code > 11171) return ch;
  const l = Math.floor(code / 588);
  const v = Math.floor((code % 588) / 28);
  const t = code % 28;
  let init = INITIAL[l] ?? '';
  // Word-initial plosives are voiceless in speech and usually written so (Kim, Park, Tae).
  if (first && init === 'g') init = 'k';
  if (first && init === 'b') init = 'p';
  if (first && init === 'd') init = 't';
  return init + (VOWEL[v] ?? '') + (FINAL[t] ?? '');
}
