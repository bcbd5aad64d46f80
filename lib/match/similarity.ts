/**
 * Token similarity: Jaro-Winkler with rules for initials, numbers and vowel-less scripts.
 */
import { ABJAD, ARABIC, SYLLABIC } from './normalize';

const matchedA: Uint8Array = new Uint8Array(64);
const matchedB: Uint8Array = new Uint8Array(64);

/** Jaro-Winkler similarity (prefix scale 0.1, up to 4 characters). Reuses two scratch buffers. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la > 64 || lb > 64)
    return a.slice(0, 64) === b.slice(0, 64) ? 0.95 : jaroWinkler(a.slice(0, 64), b.slice(0, 64));
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  for (let i = 0; i < la; i++) matchedA[i] = 0;
  for (let j = 0; j < lb; j++) matchedB[j] = 0;
  let m = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === c) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        m++;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (m / la + m / lb + (m - t / 2) / m) / 3;
  let p = 0;
  const maxP = Math.min(4, la, lb);
  while (p < maxP && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return jaro + p * 0.1 * (1 - jaro);
}

/** a e i o u y w, by character code: skeleton leaves them out. */
const VOWEL_LIKE = new Uint8Array(128);
for (const ch of 'aeiouyw') VOWEL_LIKE[ch.charCodeAt(0)] = 1;

/**
 * Letters a skeleton writes as one: those Arabic script has no sign for, as it writes them (p as b: بوتين,
 * Putin; v as f: فلاديمير, Vladimir), and c and q as k (Cohen, כהן; Qasim, Kasim).
 */
const SKELETON_SOUND: Record<string, string> = { p: 'b', v: 'f', c: 'k', q: 'k' };
/** SKELETON_SOUND by character code (0: the letter stays). */
const SKELETON_CODE = new Uint8Array(128);
for (const [from, to] of Object.entries(SKELETON_SOUND)) SKELETON_CODE[from.charCodeAt(0)] = to.charCodeAt(0);

/** Vowel classes by character code: 1 for o, u and w, 2 for i, e and y, 4 for a; 0 for the rest. */
const VOWEL_CLASS = new Uint8Array(128);
for (const ch of 'ouw') VOWEL_CLASS[ch.charCodeAt(0)] = 1;
for (const ch of 'iey') VOWEL_CLASS[ch.charCodeAt(0)] = 2;
VOWEL_CLASS['a'.charCodeAt(0)] = 4;

const V = 118;
const W = 119;
const F = 102;

/**
 * How a skeleton reads v, w and ch: 'f' as skeleton does (v a consonant written f, w a vowel, ch as kh);
 * 's' the same with ch as sh, as French spellings write ش (Rachid, رشيد; Hicham, هشام; Aicha, عائشة);
 * 'z' the same with dh as z and th as s, as Persian, Urdu and Turkish say ذ, ظ, ض and ث (کاظم is Kazem, not
 * only Kadhim; رضا Reza; عثمان Osman as well as Othman); 'd' the same with dh as d, as most spellings
 * write ض (رمضان Ramadan as well as Ramadhan; رضا Rida); 'g' the same with q as gh, as Persian says ق
 * (دهقان is Dehghan; قاسم Ghasem as well as Qasem); 'p' both z and g, for a Persian word with both (قاضی,
 * Ghazi; ذوالقدر, Zolghadr); 'e' the same with j as g, as Egyptian says ج (جمال is Gamal as well as Jamal);
 * 'l' without the article ال the word opens with, as Latin spellings often leave it out (السنوار, Sinwar);
 * 'h' a Latin word without the h or t of a closing -ah, -eh or -at, as spellings write ة (Haniyeh, هنية;
 * Harakat, حركة); 'w' v and w as one consonant, written w, as Persian و and Hebrew ו write v (وحید, Vahid;
 * ולדימיר, Vladimir); '' v and w as vowels, as و and ו write o and u (פוטין, Putin).
 */
export type Reading = 'f' | 's' | 'z' | 'd' | 'g' | 'p' | 'e' | 'l' | 'h' | 'w' | '';

/** Does the word hold dh or th (which any-ascii writes for Arabic ذ, ظ and ث, and we for ض)? */
function hasDhTh(t: string): boolean {
  return t.includes('dh') || t.includes('th');
}

/**
 * The readings of Arabic script's letters that Latin spellings write in more than one way, and which words
 * they apply to (any-ascii writes ذ, ظ and ض dh, ث th, ق q, ج j).
 */
const ARABIC_READINGS: readonly [Reading, (t: string) => boolean][] = [
  ['z', (t) => hasDhTh(t)],
  ['d', (t) => t.includes('dh')],
  ['g', (t) => t.includes('q')],
  ['p', (t) => t.includes('q') && hasDhTh(t)],
  ['e', (t) => t.includes('j')],
  ['l', (t) => t.charCodeAt(0) === 108 && skeleton(t).length >= 3],
];

/** Does a Latin word end on -ah, -eh or -at, as spellings write Arabic ة (Hamzah, Haniyeh, Harakat)? */
function endsOnTaMarbuta(t: string): boolean {
  const n = t.length;
  if (n < 4) return false;
  const last = t.charCodeAt(n - 1);
  const before = t.charCodeAt(n - 2);
  return (last === 104 && (before === 97 || before === 101)) || (last === 116 && before === 97);
}

/**
 * The consonant skeleton of s read as `reading` says, and, into `gaps` when given (holding one 0), the
 * classes (VOWEL_CLASS) of the vowels in each gap: before the first consonant, then after each. A doubled
 * letter is written once; the same letter again after a vowel is another letter.
 */
function readSkeleton(s: string, reading: Reading, gaps: number[] | null): string {
  if (reading === 'g') return readSkeleton(s.replace(/q/g, 'gh'), 'f', gaps);
  if (reading === 'p') return readSkeleton(s.replace(/q/g, 'gh'), 'z', gaps);
  if (reading === 'e') return readSkeleton(s.replace(/j/g, 'g'), 'f', gaps);
  if (reading === 'l') return readSkeleton(s.slice(1), 'f', gaps);
  if (reading === 'h') return readSkeleton(s.slice(0, -1), 'f', gaps);
  let out = '';
  let last = -1;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    let vowel = 0;
    if (c === V || c === W) {
      if (reading === '' || (reading !== 'w' && c === W)) vowel = 1;
      else c = reading === 'w' ? W : F;
    } else if (reading === 's' && c === 99 && s.charCodeAt(i + 1) === 104) c = 115;
    else if (reading === 'z' && (c === 100 || c === 116) && s.charCodeAt(i + 1) === 104) {
      // dh as z, th as s (one letter: the h is read with it)
      c = c === 100 ? 122 : 115;
      i++;
    } else if (reading === 'd' && c === 100 && s.charCodeAt(i + 1) === 104) {
      // dh as d (one letter: the h is read with it)
      i++;
    } else if (c < 128) {
      if (SKELETON_CODE[c] !== 0) c = SKELETON_CODE[c]!;
      if (VOWEL_LIKE[c] === 1) vowel = VOWEL_CLASS[c]!;
    }
    if (c === last) continue;
    last = c;
    if (vowel !== 0) {
      if (gaps) gaps[gaps.length - 1]! |= vowel;
      continue;
    }
    out += String.fromCharCode(c);
    gaps?.push(0);
  }
  return out;
}

/**
 * Consonant skeleton: what Arabic or Hebrew script writes ("mhmd" for Mohamed, Muhammad, محمد; "btn" for
 * Putin, بوتين), letters of one sound written alike (SKELETON_SOUND).
 */
export function skeleton(s: string): string {
  return readSkeleton(s, 'f', null);
}

/** Does the word hold a v or a w (which scripts without vowels write with one letter, for v, w, o and u)? */
export function hasVW(s: string): boolean {
  return s.includes('v') || s.includes('w');
}

/**
 * The consonant skeletons a word (with its normalize flags) may be compared by with any other word
 * (tokenSimilarity), each once, skeleton's first: in a script without vowels, also with v read as a vowel,
 * left out (Hebrew ו: פוטין, pvtyn, Putin), and in Arabic script each of ARABIC_READINGS that applies (کاظم,
 * Kazem; رمضان, Ramadan; دهقان, Dehghan; جمال, Gamal; السنوار, Sinwar); in Latin script, also with ch read
 * as sh (Rachid, رشيد) and without the h or t of a closing -ah, -eh or -at (Haniyeh, هنية).
 * The reading with v and w as consonants (skeletonAs(t, 'w')) pairs only with words that have a v or a w
 * too.
 */
export function skeletonReadings(t: string, flags: number, k = skeleton(t)): string[] {
  const out = [k];
  const add = (other: string) => {
    if (!out.includes(other)) out.push(other);
  };
  if (flags & ABJAD) {
    if (t.includes('v')) add(skeletonAs(t, ''));
    if (flags & ARABIC) for (const [reading, has] of ARABIC_READINGS) if (has(t)) add(skeletonAs(t, reading));
  } else {
    if (t.includes('ch')) add(skeletonAs(t, 's'));
    if (endsOnTaMarbuta(t)) add(skeletonAs(t, 'h'));
  }
  return out;
}

/**
 * The vowels around the consonants of s's skeleton read as `reading` says: per gap (0 before the first
 * consonant, k after the k-th) the classes of its vowels (VOWEL_CLASS). Same consonants as skeletonAs.
 */
export function vowelGaps(s: string, reading: Reading): number[] {
  const gaps = [0];
  readSkeleton(s, reading, gaps);
  return gaps;
}

/**
 * Do the vowels a script without vowels writes (its long vowels: و, ي, ى, ا inside a word, and ة read as
 * a) have a vowel of their kind in the same place in the other spelling? سعود (swd) is Saud, not Said;
 * حسين (hsyn) is Hussein, not Hassan; the short vowels it leaves out may be anything.
 */
function vowelsFit(written: number[], other: number[]): boolean {
  if (written.length !== other.length) return true;
  const end = written.length - 1;
  for (let g = 0; g <= end; g++) {
    // A closing ی is a as well as i in Persian (مجتبی, Mojtaba; مصطفی, Mostafa), and a closing ة or ى
    // (written a) is e or i as well as a (هنية, Haniyeh; يحيى, Yehia).
    const allowed = g !== end ? other[g]! : other[g]! | (other[g]! & 4 ? 2 : 0) | (other[g]! & 2 ? 4 : 0);
    if ((written[g]! & ~allowed) !== 0) return false;
  }
  return true;
}

/** The skeleton of s read as `reading` says ('f' is skeleton's own reading). */
export function skeletonAs(s: string, reading: Reading): string {
  return readSkeleton(s, reading, null);
}

/**
 * How well a and b pair on their consonant skeletons read as readA and readB say (skeletonSimilarity).
 * When one of them is written without vowels (isA, isB), the same skeleton counts only if its long vowels
 * have one of their kind in the same place in the other (vowelsFit).
 */
function skeletonPair(
  a: string,
  b: string,
  readA: Reading,
  readB: Reading,
  isA: boolean,
  isB: boolean,
  abjad: boolean,
): number {
  const fit = () =>
    isA === isB ||
    (isA
      ? vowelsFit(vowelGaps(a, readA), vowelGaps(b, readB))
      : vowelsFit(vowelGaps(b, readB), vowelGaps(a, readA)));
  return skeletonSimilarity(skeletonAs(a, readA), skeletonAs(b, readB), abjad, a, b, fit);
}

/**
 * How well two consonant skeletons pair (tokenSimilarity, vowel-less scripts): the same skeleton of two or
 * more letters 0.92 when the written vowels agree (`vowels`), else 0; the same one consonant 0.85, only
 * where vowels go unwritten (`abjad`) and the words end alike (a Korean or Chinese syllable writes its
 * vowel: "seo" is not "ssu"; "ly", علي, is Ali or Aly, not Leo or Ola); else 0.95 × their Jaro-Winkler
 * similarity when both have four or more letters and start alike.
 */
function skeletonSimilarity(
  ka: string,
  kb: string,
  abjad: boolean,
  a: string,
  b: string,
  vowels: () => boolean,
): number {
  if (ka.length >= 2 && ka === kb) return vowels() ? 0.92 : 0;
  if (ka.length === 1 && ka === kb) return abjad && endingClass(a) === endingClass(b) ? 0.85 : 0;
  // Three consonants and a fourth, or three of which one differs, are other names (عقیلی, qyly, read
  // ghyly, is not Gholami; مهدی is not Mohammad): only longer skeletons pair on Jaro-Winkler.
  if (ka.length >= 4 && kb.length >= 4 && ka.charCodeAt(0) === kb.charCodeAt(0))
    return jaroWinkler(ka, kb) * 0.95;
  return 0;
}

/**
 * The sound a word ends on, for words of one consonant: a vowel by class (i for e, i, y; u for o, u, w; a),
 * or the consonant as a skeleton writes it. "ly" (علي) and "Ali" end alike, "ly" and "Leo" do not.
 */
export function endingClass(t: string): string {
  const c = t.charAt(t.length - 1);
  if (c === 'e' || c === 'i' || c === 'y') return 'i';
  if (c === 'o' || c === 'u' || c === 'w') return 'u';
  return SKELETON_SOUND[c] ?? c;
}

/** First-letter pairs that are usual transliteration variants (tokenSimilarity does not penalise them). */
export const SAME_SOUND: ReadonlySet<string> = new Set([
  'vw',
  'wv',
  'ck',
  'kc',
  'kq',
  'qk',
  'iy',
  'yi',
  'jy',
  'yj',
  'ei',
  'ie',
  'ou',
  'uo',
  'fp',
  'pf',
]);

/** Below this a token pair does not count as matched at all. */
export const MIN_TOKEN_SIM = 0.8;

/**
 * Similarity of two tokens in 0..1 (0 when they should not pair). Initials pair with any word of the same
 * first letter; numbers must be equal; short words need a closer match because one letter changes them.
 */
export function tokenSimilarity(a: string, b: string, flagsA: number, flagsB: number): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  const a0 = a.charCodeAt(0);
  const b0 = b.charCodeAt(0);
  if (la === 1 || lb === 1) return a0 === b0 ? 0.7 : 0;
  if (hasDigit(a) || hasDigit(b)) return 0;
  const vowelless = ((flagsA | flagsB) & (ABJAD | SYLLABIC)) !== 0;
  // Outside vowel-less scripts, the edit-distance cap below keeps s under 0.2 + shorter/longer length.
  if (!vowelless && (la < lb ? la / lb : lb / la) + 0.2 < MIN_TOKEN_SIM) return 0;
  // Jaro-Winkler forgives too much between different names with a shared start ("Diane"/"Diamond"):
  // cap it by the edit distance, which stays close for a typo or a transposition.
  let s = jaroWinkler(a, b);
  if (s >= MIN_TOKEN_SIM) s = Math.min(s, 1.2 - editDistance(a, b) / Math.max(la, lb));
  const shorter = Math.min(la, lb);
  // A different first letter is rarely a typo ("Anna" is not "Banna", "Fallon" is not "Tallon"), unless
  // the two letters are usual transliteration variants (Wladimir/Vladimir, Kasim/Qasim).
  if (a0 !== b0 && !sameSound(a0, b0)) s -= shorter <= 5 ? 0.1 : 0.05;
  if (shorter <= 4 && s < 0.88) s = 0;
  // Transliteration variants of one name (Iouri, Yuri; Kovaltchouk, Kovalchuk) sound alike.
  if (s < 0.95 && shorter >= 3 && sameFirstSound(a, b) && soundKey(a) === soundKey(b)) s = 0.95;
  // Vowel-less scripts, and Korean syllables whose vowels are spelt many ways (Jong/Jung/Jeong).
  if (vowelless) {
    const abjad = ((flagsA | flagsB) & ABJAD) !== 0;
    const isA = (flagsA & ABJAD) !== 0;
    const isB = (flagsB & ABJAD) !== 0;
    s = Math.max(s, skeletonPair(a, b, 'f', 'f', isA, isB, abjad));
    // French spellings write ش as ch (Rachid, رشيد), which skeleton otherwise reads as kh (خ).
    const chA = abjad && !isA && a.includes('ch');
    const chB = abjad && !isB && b.includes('ch');
    if (chA || chB) s = Math.max(s, skeletonPair(a, b, chA ? 's' : 'f', chB ? 's' : 'f', isA, isB, abjad));
    // And ة as -ah, -eh or -at (Haniyeh, هنية; Harakat, حركة), which the script's side reads as a.
    const hA = abjad && !isA && endsOnTaMarbuta(a);
    const hB = abjad && !isB && endsOnTaMarbuta(b);
    if (hA || hB) s = Math.max(s, skeletonPair(a, b, hA ? 'h' : 'f', hB ? 'h' : 'f', isA, isB, abjad));
    // The other ways Latin spellings write Arabic script's letters (ARABIC_READINGS: Kazem, Ramadan,
    // Dehghan, Gamal).
    if ((flagsA | flagsB) & ARABIC) {
      for (const [reading, has] of ARABIC_READINGS) {
        const rA = (flagsA & ARABIC) !== 0 && has(a);
        const rB = (flagsB & ARABIC) !== 0 && has(b);
        if (rA || rB)
          s = Math.max(s, skeletonPair(a, b, rA ? reading : 'f', rB ? reading : 'f', isA, isB, abjad));
      }
    }
    // Arabic-script و and Hebrew ו write v and w as well as o and u: v and w read as one consonant on
    // both sides (وحید, Vahid), or left out as vowels on the side written without vowels (פוטין, Putin).
    if (abjad && (hasVW(a) || hasVW(b))) {
      if (hasVW(a) && hasVW(b)) s = Math.max(s, skeletonPair(a, b, 'w', 'w', isA, isB, abjad));
      s = Math.max(s, skeletonPair(a, b, isA ? '' : 'f', isB ? '' : 'f', isA, isB, abjad));
    }
  }
  return s >= MIN_TOKEN_SIM ? s : 0;
}

/**
 * Letters written as one sound in soundKey, by their first letter (longest first): the French, German and
 * English ways of writing one Cyrillic or Arabic sound (tch, tsch and ch; dj, dzh, zh and j; kh and h; ph
 * and f; ou, oo and u; ei, ey and ai: Seif, Saif), gh as k as q is (one Persian sound: Ghasem, Qasem), and
 * q as k, w as v, y as i.
 */
const SOUNDS: Record<string, [string, string][]> = {
  t: [
    ['tsch', 'ch'],
    ['tch', 'ch'],
  ],
  s: [['sch', 'sh']],
  d: [
    ['dzh', 'j'],
    ['dj', 'j'],
  ],
  z: [['zh', 'j']],
  g: [['gh', 'k']],
  k: [['kh', 'h']],
  p: [['ph', 'f']],
  c: [['ck', 'k']],
  i: [['iou', 'iu']],
  o: [
    ['ou', 'u'],
    ['oo', 'u'],
  ],
  e: [
    ['ee', 'i'],
    ['ei', 'ai'],
    ['ey', 'ai'],
  ],
  q: [['q', 'k']],
  w: [['w', 'v']],
  y: [['y', 'i']],
};
/** SOUNDS by character code. */
const SOUNDS_AT: ([string, string][] | undefined)[] = [];
for (const [first, groups] of Object.entries(SOUNDS)) SOUNDS_AT[first.charCodeAt(0)] = groups;

/**
 * Russian е and ё as Latin spellings write them: ye at the start of a word or e (Yevgeny, Evgeny; Yeltsin),
 * yo after a consonant or e (Pyotr, Petr; Fyodor, Fedor; Semyon, Semen). Both are e.
 */
const YE: [string, string] = ['ye', 'e'];
const YO: [string, string] = ['yo', 'e'];
/** German and Polish j between a consonant and a vowel is y (Vjatscheslaw, Vyacheslav), and jo is yo. */
const JY: [string, string] = ['j', 'i'];
const JO: [string, string] = ['jo', 'e'];

/** The SOUNDS group of t that starts at i, or undefined. */
function soundAt(t: string, i: number): [string, string] | undefined {
  const c = t.charCodeAt(i);
  if (c === 121) {
    const next = t.charCodeAt(i + 1);
    if (i === 0 && next === 101) return YE;
    if (i > 0 && next === 111 && VOWEL_CLASS[t.charCodeAt(i - 1)] === 0 && t.length > i + 2) return YO;
  } else if (
    c === 106 &&
    i > 0 &&
    VOWEL_CLASS[t.charCodeAt(i - 1)] === 0 &&
    VOWEL_CLASS[t.charCodeAt(i + 1)]
  ) {
    if (t.charCodeAt(i - 1) !== 100) return t.charCodeAt(i + 1) === 111 && t.length > i + 2 ? JO : JY;
  }
  const groups = SOUNDS_AT[c];
  if (groups) for (const g of groups) if (t.startsWith(g[0], i)) return g;
  return undefined;
}

/**
 * A Latin spelling reduced to how it sounds, for the transliteration variants of one name (Iouri, Yury,
 * Yuri; Kovaltchouk, Kovalchuk; Mikhail, Mihail; Mustapha, Mustafa; Joukov, Zhukov; Hassan, Hasan): the
 * letters of one sound written alike (SOUNDS), doubled letters once.
 */
export function soundKey(t: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < t.length; ) {
    const g = soundAt(t, i);
    const c = g ? g[1] : t[i]!;
    i += g ? g[0].length : 1;
    if (c === last) continue;
    out += c;
    last = c;
  }
  return out;
}

/** The first letter of soundKey(t), as a character code, without building the key. */
export function firstSound(t: string): number {
  const g = soundAt(t, 0);
  return g ? g[1].charCodeAt(0) : t.charCodeAt(0);
}

/** Do a and b start with the same letter of their soundKey (a quick test before the whole keys)? */
function sameFirstSound(a: string, b: string): boolean {
  return firstSound(a) === firstSound(b);
}

/** Has s an ASCII digit (as /\d/ tests)? */
function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** SAME_SOUND by character codes (ASCII letters). */
const SAME_SOUND_CODES = new Uint8Array(128 * 128);
for (const pair of SAME_SOUND) SAME_SOUND_CODES[pair.charCodeAt(0) * 128 + pair.charCodeAt(1)] = 1;

function sameSound(a: number, b: number): boolean {
  return a < 128 && b < 128 && SAME_SOUND_CODES[a * 128 + b] === 1;
}

let rowA = new Int32Array(66);
let rowB = new Int32Array(66);
let rowC = new Int32Array(66);

/** Bit masks of the pattern's positions per character code (ASCII), for the bit-parallel distance. */
const peq = new Int32Array(128);
/** The longer word of editDistance, as character codes for bitDistance. */
let textScratch = new Uint16Array(64);

/**
 * Levenshtein distance with adjacent transpositions counted as one edit (optimal string alignment).
 * Bit-parallel (Hyyrö 2003) when one word has at most 31 characters and both are ASCII; else the
 * dynamic programme.
 */
export function editDistance(a: string, b: string): number {
  if (a.length > b.length) {
    const t = a;
    a = b;
    b = t;
  }
  const m = a.length;
  if (m === 0) return b.length;
  if (m > 31) return editDistanceDP(a, b);
  for (let i = 0; i < m; i++) {
    const c = a.charCodeAt(i);
    if (c >= 128) {
      for (let k = 0; k < i; k++) peq[a.charCodeAt(k)] = 0;
      return editDistanceDP(a, b);
    }
    peq[c]! |= 1 << i;
  }
  if (b.length > textScratch.length) textScratch = new Uint16Array(b.length * 2);
  for (let j = 0; j < b.length; j++) textScratch[j] = b.charCodeAt(j);
  const d = bitDistance(peq, m, textScratch, 0, b.length);
  for (let i = 0; i < m; i++) peq[a.charCodeAt(i)] = 0;
  return d;
}

/**
 * The bit-parallel optimal-string-alignment distance (Hyyrö 2003) from a pattern of m ≤ 31 characters,
 * given by its position masks per character code, to the `len` codes of `chars` from `off`.
 */
function bitDistance(table: Int32Array, m: number, chars: Uint16Array, off: number, len: number): number {
  let vp = m === 31 ? 0x7fffffff : (1 << m) - 1;
  let vn = 0;
  let d0 = 0;
  let pmPrev = 0;
  let score = m;
  const top = 1 << (m - 1);
  for (let j = off; j < off + len; j++) {
    const c = chars[j]!;
    const pm = c < 128 ? table[c]! : 0;
    const tr = ((~d0 & pm) << 1) & pmPrev;
    d0 = (((pm & vp) + vp) ^ vp) | pm | vn | tr;
    const hp = vn | ~(d0 | vp);
    const hn = vp & d0;
    if (hp & top) score++;
    else if (hn & top) score--;
    const x = (hp << 1) | 1;
    vn = x & d0;
    vp = (hn << 1) | ~(x | d0);
    pmPrev = pm;
  }
  return score;
}

/** Pattern for patternDistance: its length, or -1 when it cannot be used (over 31 or non-ASCII letters). */
let patternLength = -1;
const patternPeq = new Int32Array(128);

/** Sets the word that patternDistance measures from (and clears the previous one). */
export function setPattern(a: string): void {
  patternPeq.fill(0);
  patternLength = a.length <= 31 ? a.length : -1;
  for (let i = 0; i < a.length && patternLength > 0; i++) {
    const c = a.charCodeAt(i);
    if (c >= 128) patternLength = -1;
    else patternPeq[c]! |= 1 << i;
  }
}

/**
 * editDistance from the setPattern word to the `len` letters of `chars` from `off`, bit-parallel; -1 when
 * the pattern cannot be used.
 */
export function patternDistance(chars: Uint16Array, off: number, len: number): number {
  const m = patternLength;
  if (m <= 0) return m === 0 ? len : -1;
  return bitDistance(patternPeq, m, chars, off, len);
}

/** The same distance by dynamic programming, for long or non-ASCII words. */
function editDistanceDP(a: string, b: string): number {
  const m = b.length;
  if (m + 1 > rowA.length) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
    rowC = new Int32Array(m + 1);
  }
  let prev2 = rowA;
  let prev = rowB;
  let row = rowC;
  for (let j = 0; j <= m; j++) {
    prev[j] = j;
    prev2[j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    const ca2 = i > 1 ? a.charCodeAt(i - 2) : -1;
    let cbPrev = -1;
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = prev[j - 1]! + (ca === cb ? 0 : 1);
      const up = prev[j]! + 1;
      if (up < d) d = up;
      const left = row[j - 1]! + 1;
      if (left < d) d = left;
      if (ca === cbPrev && ca2 === cb && prev2[j - 2]! + 1 < d) d = prev2[j - 2]! + 1;
      row[j] = d;
      cbPrev = cb;
    }
    const t = prev2;
    prev2 = prev;
    prev = row;
    row = t;
  }
  return prev[m]!;
}
