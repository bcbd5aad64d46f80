/**
 * The vocabulary in buckets for the scans that find a query word's far spellings (two or more edits
 * apart, or alike only in their consonant skeletons): by first letter and length, with each word's letter
 * set, repeated letters, letters and letter sets over 32 words at a time, so a scan counts the query's
 * letters over whole buckets before it compares a word. Part of the candidate index (candidates.ts).
 */
import { ABJAD, SYLLABIC } from './normalize';
import { MIN_TOKEN_SIM, patternDistance, SAME_SOUND, setPattern } from './similarity';

export const bucketKey = (first: number, length: number) => first * 64 + length;

/** Bit set of the letters a–z in s (other characters share bit 26). */
export function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 97;
    m |= c >= 0 && c < 26 ? 1 << c : 1 << 26;
  }
  return m;
}

/** Bit set of the letters that occur at least twice in s (bits as letterMask). */
export function repeatMask(s: string): number {
  let once = 0;
  let twice = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 97;
    const bit = c >= 0 && c < 26 ? 1 << c : 1 << 26;
    twice |= once & bit;
    once |= bit;
  }
  return twice;
}

/** Bit set of the letters that occur at least three times in s (bits as letterMask). */
export function thriceMask(s: string): number {
  const seen = new Uint8Array(27);
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 97;
    const k = c >= 0 && c < 26 ? c : 26;
    if (++seen[k]! === 3) m |= 1 << k;
  }
  return m;
}

/**
 * At least as many as the letters two words have in common, counted with repeats (the most a Jaro
 * comparison can match), from their letter sets at one, two and three occurrences (letterMask, repeatMask,
 * thriceMask) and their letters beyond three (extraLetters(s, 3)): a bucket word's four side by side in `rec` from
 * `at`, the query's as m, r, t, x. Exact unless a letter occurs more than three times, or characters other
 * than a–z differ (they count as one letter).
 */
function commonLetters(rec: Uint32Array, at: number, m: number, r: number, t: number, x: number): number {
  return (
    popcount(rec[at]! & m) +
    popcount(rec[at + 1]! & r) +
    popcount(rec[at + 2]! & t) +
    Math.min(rec[at + 3]!, x)
  );
}

/**
 * The fewest letters two words of la and lb letters must have in common for tokenSimilarity to reach
 * `need`: it is at most 1.2 − distance / longer length, the distance at least the longer length minus
 * the letters in common, and Jaro at most (common/la + common/lb + 1)/3. -1 when no number will do.
 */
function fewestInCommon(la: number, lb: number, need: number): number {
  const longer = Math.max(la, lb);
  for (let c = 0; c <= Math.min(la, lb); c++) {
    const cap = 1.2 - Math.max(longer - c, Math.abs(la - lb)) / longer;
    const jaro = (c / la + c / lb + 1) / 3;
    if (Math.min(cap, jaro + 0.4 * (1 - jaro)) >= need - 1e-9) return c;
  }
  return -1;
}

/** fewestInCommon for words of under 64 letters (need as pairableTokens sets it), memoised. */
const fewestTable = new Int8Array(64 * 64).fill(-2);
function fewestMemo(la: number, lb: number): number {
  const at = la * 64 + lb;
  let v = fewestTable[at]!;
  if (v === -2) {
    v = fewestInCommon(la, lb, Math.min(la, lb) <= 4 ? 0.88 : MIN_TOKEN_SIM);
    fewestTable[at] = v;
  }
  return v;
}

/** Letters of s beyond the `kept`-th of each kind (as letterMask groups them: other characters are one). */
export function extraLetters(s: string, kept = 2): number {
  const seen = new Uint8Array(27);
  let extra = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 97;
    const k = c >= 0 && c < 26 ? c : 26;
    if (seen[k]! >= kept) extra++;
    else seen[k]!++;
  }
  return extra;
}

export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Per bucket of vocabulary words of one first letter and length (WordBuckets.meta, META numbers a bucket):
 * where its words start in ids and rec (4 numbers a word: letterMask, repeatMask, thriceMask,
 * extraLetters(s, 3)), how many there are, where its letters start in chars, its letter sets in letters
 * (letterSets) and its bit set of words in a vowel-less script in vowelless (-1 when it has none).
 */
const META = 5;
const M_START = 0;
const M_COUNT = 1;
const M_CHARS = 2;
const M_LETTERS = 3;
const M_VOWELLESS = 4;

/** Vocabulary words by the first letter and length of their consonant skeleton, with the skeletons. */
interface SkeletonBucket {
  ids: Uint32Array;
  /** letterMask of each skeleton. */
  masks: Uint32Array;
  /** The skeletons' letters, one after another. */
  chars: Uint16Array;
}

/**
 * Scratch for the bucket scans: the rows of letterSets for the query's distinct letters and then its
 * repeated ones, and its bit-sliced counts of missing letters.
 */
const qLetters = new Uint8Array(54);
const missing = new Int32Array(55);

/**
 * Sets the letterSets rows of the query's distinct letters (letterMask bits) and of its repeated letters
 * (repeatMask bits) for `lacking`; returns how many rows there are.
 */
function setLetters(mask: number, twice: number): number {
  let n = 0;
  for (let bit = 0; bit < 27; bit++) if (mask & (1 << bit)) qLetters[n++] = bit;
  for (let bit = 0; bit < 27; bit++) if (twice & (1 << bit)) qLetters[n++] = 27 + bit;
  return n;
}

/**
 * Of the 32 bucket words in number w of a bucket's letter sets (`count` words in all), those lacking at
 * most `lack` of the query's nRows letters and repeated letters (bit-sliced counts: missing[j] marks the
 * words lacking more than j). All when lack ≥ nRows, none when lack < 0.
 */
function lacking(
  letters: Int32Array,
  at: number,
  count: number,
  w: number,
  nRows: number,
  lack: number,
): number {
  const words = Math.ceil(count / 32);
  const end = Math.min(32, count - w * 32);
  const inBucket = end < 32 ? (1 << end) - 1 : -1;
  if (lack >= nRows) return inBucket;
  if (lack < 0) return 0;
  for (let j = 0; j <= lack; j++) missing[j] = 0;
  for (let x = 0; x < nRows; x++) {
    const miss = ~letters[at + qLetters[x]! * words + w]!;
    for (let j = lack; j > 0; j--) missing[j]! |= missing[j - 1]! & miss;
    missing[0]! |= miss;
    if (missing[lack] === -1) break;
  }
  return ~missing[lack]! & inBucket;
}

/**
 * A bucket's words (n from `from` in rec) as bit sets, 32 words a number, written to `out` from `at`: per
 * letter, the words holding it (rows 0–26), then the words holding it twice or more (rows 27–53).
 */
function letterSets(rec: Uint32Array, from: number, n: number, out: Int32Array, at: number): void {
  const words = Math.ceil(n / 32);
  for (let x = 0; x < n; x++) {
    const r = (from + x) * 4;
    for (let bit = 0; bit < 27; bit++) {
      if (rec[r]! & (1 << bit)) out[at + bit * words + (x >> 5)]! |= 1 << (x & 31);
      if (rec[r + 1]! & (1 << bit)) out[at + (27 + bit) * words + (x >> 5)]! |= 1 << (x & 31);
    }
  }
}

export class WordBuckets {
  /**
   * Far-typo buckets: vocabulary words by first letter and length, with a bit set of their letters. Words
   * two or more edits apart that the scorer still pairs (becker/bender, davis/davidson) share the first
   * letter (or a sound-alike one) and nearly all their letters. All buckets share the arrays below, in
   * order of bucketKey, so a scan over the lengths of one first letter reads one stretch of memory (a
   * search's far-typo scans touch a dozen buckets, and read them from memory, not cache).
   */
  private meta = new Int32Array(0);
  /** Bucket number (into meta) by bucketKey for first letters under 128, -1 for none. */
  private asciiBuckets = new Int32Array(128 * 64).fill(-1);
  /** The same for other first letters. */
  private buckets = new Map<number, number>();
  private ids = new Uint32Array(0);
  private rec = new Uint32Array(0);
  private chars = new Uint16Array(0);
  private letters = new Int32Array(0);
  private vowelless = new Int32Array(0);

  /** The bucket number of bucketKey `key` (an index into meta, in steps of META), or -1. */
  private bucket(key: number): number {
    return key < 128 * 64 ? this.asciiBuckets[key]! : (this.buckets.get(key) ?? -1);
  }
  /** The same by consonant skeleton (each reading), for all words and for words written without vowels. */
  private skelBuckets = new Map<number, SkeletonBucket>();
  private skelBucketsVowelless = new Map<number, SkeletonBucket>();
  /** The same by the skeleton read with v and w as consonants (skeletonAs(t, 'w')), of words with v or w. */
  private vwBuckets = new Map<number, SkeletonBucket>();
  private vwBucketsVowelless = new Map<number, SkeletonBucket>();

  /**
   * Buckets for the vocabulary words `words` accepts (by id): by first letter and length (3–63 letters),
   * and by the first letter and length of each of their consonant skeletons `skeletons` (skeletonReadings,
   * 3–63 letters) and apart of their skeletons with v and w as consonants `vwSkeletons` ('' for none), for
   * all of them and for those written in a vowel-less script (vocabFlags).
   */
  constructor(
    tokens: readonly string[],
    vocabFlags: Uint8Array,
    skeletons: readonly (readonly string[])[],
    vwSkeletons: readonly string[],
    words: (id: number) => boolean,
  ) {
    const lists = new Map<number, number[]>();
    /** Per bucketKey, the word ids and the skeletons they are listed under (a word may have several). */
    type SkelList = { ids: number[]; skels: string[] };
    const skelLists = new Map<number, SkelList>();
    const skelListsVowelless = new Map<number, SkelList>();
    const vwLists = new Map<number, SkelList>();
    const vwListsVowelless = new Map<number, SkelList>();
    const pushSkel = (m: Map<number, SkelList>, key: number, id: number, k: string) => {
      const list = m.get(key);
      if (list) {
        list.ids.push(id);
        list.skels.push(k);
      } else m.set(key, { ids: [id], skels: [k] });
    };
    for (let id = 0; id < tokens.length; id++) {
      if (!words(id)) continue;
      const t = tokens[id]!;
      for (const k of skeletons[id]!) {
        if (k.length < 3 || k.length >= 64) continue;
        const key = bucketKey(k.charCodeAt(0), k.length);
        pushSkel(skelLists, key, id, k);
        if (vocabFlags[id]! & (ABJAD | SYLLABIC)) pushSkel(skelListsVowelless, key, id, k);
      }
      const vw = vwSkeletons[id]!;
      if (vw.length >= 3 && vw.length < 64) {
        const key = bucketKey(vw.charCodeAt(0), vw.length);
        pushSkel(vwLists, key, id, vw);
        if (vocabFlags[id]! & (ABJAD | SYLLABIC)) pushSkel(vwListsVowelless, key, id, vw);
      }
      if (t.length < 3 || t.length >= 64) continue;
      const key = bucketKey(t.charCodeAt(0), t.length);
      const list = lists.get(key);
      if (list) list.push(id);
      else lists.set(key, [id]);
    }
    const pack = (from: Map<number, SkelList>, to: Map<number, SkeletonBucket>) => {
      for (const [key, { ids, skels }] of from) {
        const L = key % 64;
        const chars = new Uint16Array(ids.length * L);
        skels.forEach((k, x) => {
          for (let i = 0; i < L; i++) chars[x * L + i] = k.charCodeAt(i);
        });
        to.set(key, {
          ids: Uint32Array.from(ids),
          masks: Uint32Array.from(skels, letterMask),
          chars,
        });
      }
    };
    this.packLetters(tokens, vocabFlags, lists);
    pack(skelLists, this.skelBuckets);
    pack(skelListsVowelless, this.skelBucketsVowelless);
    pack(vwLists, this.vwBuckets);
    pack(vwListsVowelless, this.vwBucketsVowelless);
  }

  /** Fills the far-typo buckets' arrays from the word ids of each bucketKey. */
  private packLetters(tokens: readonly string[], vocabFlags: Uint8Array, lists: Map<number, number[]>): void {
    const keys = [...lists.keys()].sort((x, y) => x - y);
    let nWords = 0;
    let nChars = 0;
    let nLetters = 0;
    let nVowelless = 0;
    for (const key of keys) {
      const n = lists.get(key)!.length;
      nWords += n;
      nChars += n * (key % 64);
      nLetters += 54 * Math.ceil(n / 32);
      if (lists.get(key)!.some((id) => vocabFlags[id]! & (ABJAD | SYLLABIC))) nVowelless += Math.ceil(n / 32);
    }
    const meta = new Int32Array(keys.length * META);
    this.ids = new Uint32Array(nWords);
    this.rec = new Uint32Array(nWords * 4);
    this.chars = new Uint16Array(nChars);
    this.letters = new Int32Array(nLetters);
    this.vowelless = new Int32Array(nVowelless);
    let word = 0;
    let char = 0;
    let letter = 0;
    let vowel = 0;
    keys.forEach((key, b) => {
      const ids = lists.get(key)!;
      const L = key % 64;
      const m = b * META;
      meta[m + M_START] = word;
      meta[m + M_COUNT] = ids.length;
      meta[m + M_CHARS] = char;
      meta[m + M_LETTERS] = letter;
      meta[m + M_VOWELLESS] = -1;
      ids.forEach((id, x) => {
        const t = tokens[id]!;
        const r = (word + x) * 4;
        this.ids[word + x] = id;
        this.rec[r] = letterMask(t);
        this.rec[r + 1] = repeatMask(t);
        this.rec[r + 2] = thriceMask(t);
        this.rec[r + 3] = extraLetters(t, 3);
        for (let i = 0; i < L; i++) this.chars[char + x * L + i] = t.charCodeAt(i);
        if ((vocabFlags[id]! & (ABJAD | SYLLABIC)) === 0) return;
        if (meta[m + M_VOWELLESS] === -1) {
          meta[m + M_VOWELLESS] = vowel;
          vowel += Math.ceil(ids.length / 32);
        }
        this.vowelless[meta[m + M_VOWELLESS]! + (x >> 5)]! |= 1 << (x & 31);
      });
      letterSets(this.rec, word, ids.length, this.letters, letter);
      word += ids.length;
      char += ids.length * L;
      letter += 54 * Math.ceil(ids.length / 32);
      if (key < 128 * 64) this.asciiBuckets[key] = m;
      else this.buckets.set(key, m);
    });
    this.meta = meta;
  }

  /**
   * Words whose consonant skeleton is close to k (the scorer pairs vowel-less spellings on skeleton
   * Jaro-Winkler ≥ 0.84): all words when the query word is vowel-less, else only the vowel-less words of
   * the list. With `vw`, k is read with v and w as consonants (skeletonAs(t, 'w')), and so are the words'.
   */
  farSkeletons(vowelless: boolean, f: (id: number) => void, k: string, vw = false): void {
    if (k.length < 3 || k.length >= 64) return;
    const buckets = vw
      ? vowelless
        ? this.vwBuckets
        : this.vwBucketsVowelless
      : vowelless
        ? this.skelBuckets
        : this.skelBucketsVowelless;
    if (buckets.size === 0) return;
    const mask = letterMask(k);
    // Skeletons of three letters pair only when equal, longer ones on Jaro-Winkler (tokenSimilarity).
    const lo = k.length === 3 ? 3 : Math.max(4, Math.ceil(k.length * 0.6));
    const hi = k.length === 3 ? 3 : Math.floor(k.length / 0.6);
    countLetters(k);
    for (let L = lo; L <= hi; L++) {
      const b = buckets.get(bucketKey(k.charCodeAt(0), L));
      if (!b) continue;
      for (let x = 0; x < b.ids.length; x++) {
        const m = b.masks[x]!;
        // tokenSimilarity credits skeletons at 0.95 × their Jaro-Winkler: worth a look only from 0.8 up
        // (bounded from letter sets, then from letter counts and the common prefix).
        if (
          popcount(m ^ mask) <= 3 &&
          jaroWinklerMaskBound(k.length, mask, L, m) * 0.95 >= MIN_TOKEN_SIM - 1e-9 &&
          jaroWinklerBound(k, b.chars, x * L, L) * 0.95 >= MIN_TOKEN_SIM - 1e-9
        )
          f(b.ids[x]!);
      }
    }
  }

  /**
   * Vocabulary words of length minLen..maxLen starting with one of `firsts` whose letter set differs from
   * `q`'s in at most `maxDiff` letters and that tokenSimilarity(q, word) may find similar (upper bounds from
   * the letters in common, then the edit distance from the buckets' letters), and words in vowel-less
   * scripts (compared on skeletons). Pushes the ids onto `out`. For a query word written without vowels,
   * the words whose skeletons pair are farSkeletons'.
   */
  pairableTokens(
    q: string,
    firsts: string,
    minLen: number,
    maxLen: number,
    maxDiff: number,
    out: number[],
  ): void {
    const mask = letterMask(q);
    const mask2 = repeatMask(q);
    const extra = extraLetters(q);
    const mask3 = thriceMask(q);
    const beyondQ = extraLetters(q, 3);
    const la = q.length;
    setPattern(q);
    const nRows = setLetters(mask, mask2);
    const { meta, ids, rec, chars, letters, vowelless } = this;
    for (let c = 0; c < firsts.length; c++) {
      const first = firsts.charCodeAt(c);
      for (let L = minLen; L <= maxLen; L++) {
        const b = this.bucket(bucketKey(first, L));
        if (b < 0) continue;
        const start = meta[b + M_START]!;
        const count = meta[b + M_COUNT]!;
        const charsAt = meta[b + M_CHARS]!;
        const lettersAt = meta[b + M_LETTERS]!;
        const vowellessAt = meta[b + M_VOWELLESS]!;
        const longer = Math.max(la, L);
        const need = Math.min(la, L) <= 4 ? 0.88 : MIN_TOKEN_SIM;
        // tokenSimilarity ≤ 1.2 − distance / longer: at most 0.4·longer edits, each changing the letter set by
        // at most two letters.
        const diff = Math.min(maxDiff, 2 * Math.floor((1.2 - need) * longer + 1e-9));
        // The fewest letters in common the bounds below allow, and so the most of q's distinct and repeated
        // letters a word may lack (q's letters beyond two of each may add to what they share).
        const fewest = la < 64 ? fewestMemo(la, L) : fewestInCommon(la, L, need);
        if (fewest < 0 && vowellessAt < 0) continue;
        const lack = fewest < 0 ? -1 : nRows - (fewest - extra);
        const words = Math.ceil(count / 32);
        for (let w = 0; w < words; w++) {
          // Words in vowel-less scripts compare on skeletons: only the letter-set test applies.
          const vl = vowellessAt < 0 ? 0 : vowelless[vowellessAt + w]!;
          let pass = lacking(letters, lettersAt, count, w, nRows, lack) | vl;
          while (pass !== 0) {
            const low = pass & -pass;
            pass ^= low;
            const x = w * 32 + 31 - Math.clz32(low);
            const k = start + x;
            const m = rec[k * 4]!;
            if (popcount(m ^ mask) > diff) continue;
            const id = ids[k]!;
            if (vl & low) {
              out.push(id);
              continue;
            }
            // The edit distance is at least the longer length minus the letters in common, and Jaro at most
            // (common/la + common/lb + 1)/3.
            const common = commonLetters(rec, k * 4, mask, mask2, mask3, beyondQ);
            if (common < fewest) continue;
            // tokenSimilarity is at most the Jaro-Winkler similarity (first letters alike: no penalty).
            const at = charsAt + x * L;
            if (la <= 64 && commonBound(q, chars, at, L, common) < need - 1e-9) continue;
            if (editCapAllows(q, chars, at, L)) out.push(id);
          }
        }
      }
    }
  }

  /**
   * Vocabulary words of length minLen..maxLen starting with one of `firsts` whose letter set differs from
   * `q`'s in at most `maxDiff` letters and whose Jaro-Winkler similarity to q may reach `need` (an upper
   * bound from common letters and the common prefix, read from the buckets' letters). Pushes the ids onto
   * `out`.
   */
  nearTokens(
    q: string,
    firsts: string,
    minLen: number,
    maxLen: number,
    maxDiff: number,
    need: number,
    out: number[],
  ) {
    const mask = letterMask(q);
    const mask2 = repeatMask(q);
    const extra = extraLetters(q);
    const mask3 = thriceMask(q);
    const beyondQ = extraLetters(q, 3);
    const la = q.length;
    const nRows = setLetters(mask, mask2);
    const { meta, ids, rec, chars, letters } = this;
    for (let c = 0; c < firsts.length; c++) {
      const first = firsts.charCodeAt(c);
      for (let L = Math.max(minLen, 0); L <= maxLen; L++) {
        const b = this.bucket(bucketKey(first, L));
        if (b < 0) continue;
        const start = meta[b + M_START]!;
        const count = meta[b + M_COUNT]!;
        const charsAt = meta[b + M_CHARS]!;
        const lettersAt = meta[b + M_LETTERS]!;
        const long = la > 64 || L > 64;
        // Jaro-Winkler at most jaro + 0.4·(1 − jaro), jaro at most (common/la + common/lb + 1)/3: the fewest
        // letters in common that allow `need`, and so the most of q's distinct and repeated letters a word may
        // lack.
        // (Started just below the closed-form answer, so the test runs once or twice.)
        const jaroNeed = (need - 0.4 - 1e-9) / 0.6;
        let fewest = Math.max(0, Math.ceil(((3 * jaroNeed - 1) * la * L) / (la + L)) - 2);
        while (!long && fewest <= Math.min(la, L)) {
          const jaro = (fewest / la + fewest / L + 1) / 3;
          if (jaro + 0.4 * (1 - jaro) >= need - 1e-9) break;
          fewest++;
        }
        if (!long && fewest > Math.min(la, L)) continue;
        const lack = long ? nRows : nRows - (fewest - extra);
        const words = Math.ceil(count / 32);
        for (let w = 0; w < words; w++) {
          let pass = lacking(letters, lettersAt, count, w, nRows, lack);
          while (pass !== 0) {
            const low = pass & -pass;
            pass ^= low;
            const x = w * 32 + 31 - Math.clz32(low);
            const k = start + x;
            const m = rec[k * 4]!;
            if (popcount(m ^ mask) > maxDiff) continue;
            if (long) {
              out.push(ids[k]!);
              continue;
            }
            const common = commonLetters(rec, k * 4, mask, mask2, mask3, beyondQ);
            if (common < fewest) continue;
            if (commonBound(q, chars, charsAt + x * L, L, common) >= need - 1e-9) out.push(ids[k]!);
          }
        }
      }
    }
  }
}

/** Letter counts of the word last passed to countLetters (codes over 127 share the last slot). */
const qCount = new Uint8Array(128);
const bCount = new Uint8Array(128);

function countLetters(a: string): void {
  qCount.fill(0);
  for (let i = 0; i < a.length; i++) {
    const c = Math.min(127, a.charCodeAt(i));
    if (qCount[c]! < 255) qCount[c]!++;
  }
}

/**
 * Can tokenSimilarity(a, b) reach its minimum given the edit distance, for b the lb letters of `chars`
 * from `off` (setPattern(a) first)? tokenSimilarity is at most 1.2 − distance / longer length, less the
 * penalty for a first letter that differs and is not sound-alike.
 */
function editCapAllows(a: string, chars: Uint16Array, off: number, lb: number): boolean {
  const d = patternDistance(chars, off, lb);
  if (d < 0) return true;
  const la = a.length;
  let s = 1.2 - d / Math.max(la, lb);
  const a0 = a.charCodeAt(0);
  const b0 = chars[off]!;
  if (a0 !== b0 && !SAME_SOUND.has(String.fromCharCode(a0, b0))) s -= Math.min(la, lb) <= 5 ? 0.1 : 0.05;
  const need = Math.min(la, lb) <= 4 ? 0.88 : MIN_TOKEN_SIM;
  return s >= need - 1e-9;
}

/**
 * Upper bound of jaroWinkler(a, b) from lengths and letterMasks alone: letters of the shorter word absent
 * from the longer cannot match, the prefix bonus is at most 4 letters (1 for words over 64 letters, which
 * jaroWinkler cuts).
 */
export function jaroWinklerMaskBound(la: number, maskA: number, lb: number, maskB: number): number {
  if (la > 64 || lb > 64 || la === 0 || lb === 0) return 1;
  const short = la <= lb ? maskA : maskB;
  const long = la <= lb ? maskB : maskA;
  const m = Math.min(la, lb) - popcount(short & ~long);
  if (m <= 0) return 0;
  const jaro = (m / la + m / lb + 1) / 3;
  return jaro + 0.4 * (1 - jaro);
}

/**
 * Upper bound of jaroWinkler(a, b) for b the lb letters of `chars` from `off`, from at least the letters they
 * have in common (commonLetters) and their common prefix.
 */
function commonBound(a: string, chars: Uint16Array, off: number, lb: number, common: number): number {
  const la = a.length;
  const m = Math.min(common, la, lb);
  if (m <= 0) return 0;
  const jaro = (m / la + m / lb + 1) / 3;
  let p = 0;
  while (p < 4 && p < la && p < lb && a.charCodeAt(p) === chars[off + p]) p++;
  return jaro + p * 0.1 * (1 - jaro);
}

/** Upper bound of jaroWinkler(a, b) for b the lb letters of `chars` from `off` (countLetters(a) first). */
function jaroWinklerBound(a: string, chars: Uint16Array, off: number, lb: number): number {
  const la = a.length;
  let m = 0;
  for (let i = off; i < off + lb; i++) {
    const c = Math.min(127, chars[i]!);
    if (bCount[c]! < qCount[c]!) {
      bCount[c]!++;
      m++;
    }
  }
  for (let i = off; i < off + lb; i++) bCount[Math.min(127, chars[i]!)] = 0;
  if (m === 0) return 0;
  const jaro = (m / la + m / lb + 1) / 3;
  let p = 0;
  while (p < 4 && p < la && p < lb && a.charCodeAt(p) === chars[off + p]) p++;
  return jaro + p * 0.1 * (1 - jaro);
}
