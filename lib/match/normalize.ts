/**
 * Name normalisation, applied the same way to the query and to every list name.
 * Pure: no DOM, no Node APIs (runs in the service worker).
 */
import anyAscii from 'any-ascii';
import { expandAbbreviations } from './abbreviations';
import {
  ABD,
  ABDUL,
  ARABIC_ABD,
  ARABIC_ARTICLE,
  arabicLetters,
  HYPHEN_ARTICLE,
  joinAbd,
  SUN_ARTICLE,
} from './arabic-names';
import { hanPieces } from './han-glossary';
import { koreanSyllable } from './korean';

/** Token flags (bit field). */
export const ABJAD = 1; // written without vowels (Arabic, Hebrew, Thai): compare consonant skeletons too
export const SYLLABIC = 2; // came from CJK/Hangul syllables: neighbours may merge into one romanised word
export const ARABIC = 4; // Arabic script (Arabic, Persian, Urdu): its letters are read the Persian way too

export interface RawToken {
  text: string;
  flags: number;
}

const ASCII = /^[\x20-\x7e]*$/;
const ARABIC_HEBREW_THAI =
  /[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u0e00-\u0e7f]/;
const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
const HANGUL = /[\uac00-\ud7af]/;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const GREEK = /[\u0370-\u03ff\u1f00-\u1fff]/;
const HEBREW = /[\u0590-\u05ff]/;

/**
 * Hebrew ב, כ, פ open a word as b, k, p (a word-initial letter always takes the dagesh): בנימין is Binyamin,
 * כהן Cohen, פרס Peres. any-ascii reads them as v, kh, f wherever they stand (vnymyn, khhn, frs).
 */
const HEBREW_INITIAL: Record<string, string> = { ב: 'b', כ: 'k', פ: 'p' };

function hebrewInitial(word: string): string {
  const first = HEBREW_INITIAL[word.charAt(0)];
  return first ? first + word.slice(1) : word;
}

/**
 * Greek letter pairs written as one Latin sound, as ELOT 743 (the Greek standard that passports and lists
 * follow) writes them: ου → ou (Πούτιν, Poutin), αυ/ευ → av/ev, or af/ef before a voiceless letter (Παύλος,
 * Pavlos), γγ → ng (Ευάγγελος, Evangelos), and at the start of a word μπ → b, ντ → d, γκ → g (Μπους, Bush).
 * any-ascii reads each letter alone (Poytin, Paylos, Eyaggelos, Mpoys).
 */
function greekDigraphs(word: string): string {
  return word
    .toLowerCase()
    .replace(/ο[υύ]/g, 'ou')
    .replace(/([αε])[υύ](?=[θκξπστφχψ]|$)/g, (_, v) => `${v === 'α' ? 'a' : 'e'}f`)
    .replace(/([αε])[υύ]/g, (_, v) => `${v === 'α' ? 'a' : 'e'}v`)
    .replace(/^μπ/, 'b')
    .replace(/^ντ/, 'd')
    .replace(/^γκ/, 'g')
    .replace(/γγ/g, 'ng');
}
// Katakana/Hiragana word separators (・) and other name dots become spaces.
const SEPARATORS = /[\s\u00b7\u30fb\u2022\u2027\uff65]+/;

/**
 * Transliterates one whitespace-free word. Han and Hangul come back from any-ascii as CamelCase syllables
 * ("JinZhengEn"); each syllable becomes its own token so "Xi Jinping" and "习近平" can align.
 */
function wordTokens(word: string, out: RawToken[]): void {
  if (ASCII.test(word)) {
    pushCleaned(word, 0, out);
    return;
  }
  if (HANGUL.test(word)) {
    // A surname leads a one-syllable word ("김 정은") or a three-syllable full name ("김정은"); a
    // two-syllable word is usually a given name ("유진").
    const syllables = [...word].length;
    let first = syllables === 1 || syllables === 3;
    for (const ch of word) {
      if (HANGUL.test(ch)) {
        pushCleaned(koreanSyllable(ch, first), SYLLABIC, out);
        first = false;
      } else pushCleaned(anyAscii(ch), 0, out);
    }
    return;
  }
  if (HAN.test(word)) {
    // An organisation's generic words in English (han-glossary.ts), the rest syllable by syllable.
    const pieces = hanPieces(word) ?? [{ text: word, english: false }];
    for (const piece of pieces) {
      if (piece.english) for (const w of piece.text.split(' ')) pushCleaned(w, 0, out);
      else for (const part of anyAscii(piece.text).split(/(?=[A-Z])/)) pushCleaned(part, SYLLABIC, out);
    }
    return;
  }
  const flags = ARABIC_HEBREW_THAI.test(word) ? ABJAD | (ARABIC_SCRIPT.test(word) ? ARABIC : 0) : 0;
  const latin = anyAscii(
    GREEK.test(word) ? greekDigraphs(word) : HEBREW.test(word) ? hebrewInitial(word) : arabicLetters(word),
  );
  pushCleaned(latin, flags, out);
}

const PLAIN = /^[a-z0-9]+$/;

/**
 * Lower-cases and strips punctuation from a transliterated word. Apostrophes (and the ` ' any-ascii writes
 * for Arabic ayin and hamza) are dropped so "O'Brien" = "OBrien"; dotted abbreviations ("S.A.", "J.S.C.")
 * close up so legal forms are one token; any other punctuation splits ("AERO-CARIBBEAN" → aero caribbean).
 */
function pushCleaned(s: string, flags: number, out: RawToken[]): void {
  const lower = s.toLowerCase();
  // Most words are plain letters and digits already.
  if (PLAIN.test(lower)) {
    out.push({ text: lower, flags });
    return;
  }
  let t = lower.replace(/['`\u2019\u02bc\u02bb]/g, '');
  t = t.replace(/\b(?:[a-z]\.){2,}/g, (m) => `${m.replace(/\./g, '')} `);
  t = t
    .replace(/&/g, ' and ')
    .replace(/-[yei]-/g, ' and ')
    .replace(HYPHEN_ARTICLE, ' al ')
    .replace(SUN_ARTICLE, ' al ');
  for (const piece of t.split(/[^a-z0-9]+/)) {
    if (piece) out.push({ text: piece, flags });
  }
}

/**
 * A bare y or i between two words is "and" (Spanish Pescados y Mariscos; Catalan, Polish) or the Persian
 * and Urdu izafat (Lashkar i Jhangvi), as is e between hyphens (Lashkar-e-Taiba): a stopword, not an
 * initial to pair with any word of its letter. With a dot (Y.), or among other initials (I T C), it is an
 * initial; a bare e stays one, as in John E Smith.
 */
const CONJUNCTION = /^[yi]$/i;

/** Is either word a letter on its own (with a dot or not): then a y or i between them is one too (I T C). */
function initials(before: string, after: string): boolean {
  return /^\p{L}\.?$/u.test(before) || /^\p{L}\.?$/u.test(after);
}

/** Splits a name into normalised, transliterated tokens, keeping per-token script hints. */
export function rawTokens(name: string): RawToken[] {
  const out: RawToken[] = [];
  const ascii = ASCII.test(name);
  const s = ascii ? name : name.normalize('NFKC');
  let words = s.split(SEPARATORS).filter(Boolean);
  const abd = !ascii && s.includes(ABD);
  if (abd) words = words.flatMap((word) => (ARABIC_ABD.test(word) ? [ABD, word.slice(3)] : [word]));
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    if (w > 0 && w < words.length - 1 && CONJUNCTION.test(word) && !initials(words[w - 1]!, words[w + 1]!))
      out.push({ text: 'and', flags: 0 });
    else if (abd && word === ABD) out.push({ text: ABDUL, flags: 0 });
    else if (abd && w > 0 && words[w - 1] === ABD && ARABIC_ARTICLE.test(word))
      wordTokens(word.slice(2), out);
    else wordTokens(word, out);
  }
  let latinAbd = false;
  for (const t of out) if (t.text.charCodeAt(0) === 97 && t.text.startsWith('abd')) latinAbd = true;
  return expandAbbreviations(latinAbd ? joinAbd(out) : out);
}

/**
 * The canonical text form of a name: transliterated, lower case, no diacritics or punctuation, single
 * spaces. Token order is kept (the scorer aligns tokens, so order does not matter there).
 */
export function normalizeName(name: string): string {
  return rawTokens(name)
    .map((t) => t.text)
    .join(' ');
}
