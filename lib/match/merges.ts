/**
 * The scorer's merges as the candidate search sees them (engine.ts). The scorer joins a run of 2–3 words of
 * one name into one word when it spells a word of the other name (score.ts, mergeAgainst): the search must
 * count such runs in its score bounds and must not skip a name a merge could raise. Per query reading,
 * prepare() builds the tables (the query's runs, the lengths a name's run must have); the other functions
 * answer for one name or one vocabulary word, memoised per reading where they can be.
 */
import {
  jaroWinklerMaskBound,
  letterMask,
  type NameIndex,
  NEAR_LEGAL,
  NO_ROW,
  NO_WORD,
  POST_NEAR_MANY,
  popcount,
} from './candidates';
import type { Prepared } from './prepare';
import { nearLengths } from './score';
import { jaroWinkler, skeleton } from './similarity';
import { WordKind } from './stopwords';

export interface QueryRuns {
  /** Number of runs, or -1 when the query is too long for the tables. */
  count: number;
  a: number[];
  b: number[];
  len: number[];
  near: boolean[];
  joined: string[];
  /** letterMask of each joined run. */
  mask: number[];
  skel: (string | null)[];
  /** Query words of each run (bit mask). */
  words: number[];
}

/** nearMerge's answers. */
export const NEAR_NONE = 0;
export const NEAR_SPELLS = 1;
export const NEAR_MAYBE = 2;

/** sideState's answers. */
const SIDE_DEAD = 1;
const SIDE_SPELLS = 2;
const SIDE_LIVE = 3;

/**
 * Most letters of a run of Lj ≤ lt + 3 letters that can be missing from a word of lt letters when their
 * Jaro-Winkler similarity is ≥ 0.95: jaro ≥ (0.95 − 0.4) / 0.6, so m/lt + m/Lj ≥ 1.75 for the m matched
 * letters, and Lj − m ≤ Lj·(Lj − 0.75·lt)/(lt + Lj), largest at Lj = lt + 3.
 */
export function nearBudget(lt: number): number {
  const lj = lt + 3;
  return Math.floor((lj * (lj - 0.75 * lt)) / (lt + lj) + 1e-9);
}

/** The merge tables and tests for one matcher's index (see the file comment). */
export function createMerges(index: NameIndex) {
  // Per-query merge tables (see prepareMerges): which query runs each vocabulary word would absorb, memoised
  // per word and vowel-less flag for the current query reading (stamped with mergeEpoch).
  const runMemo = new Int32Array(index.tokens.length * 2);
  const runStamp = new Uint32Array(index.tokens.length * 2);
  let mergeEpoch = 0;
  const qRuns: QueryRuns = {
    count: 0,
    a: [],
    b: [],
    len: [],
    near: [],
    joined: [],
    mask: [],
    skel: [],
    words: [],
  };
  /** letterMask of each squashed query word. */
  const qSqMask: number[] = [];
  /** By run length: 1 when some query word of 4+ letters has that length, 2 when one is near it (≥ 8). */
  const qLenFit = new Uint8Array(1024);
  const absorbedB = new Uint8Array(64);
  /** partOf memo, stamped with mergeEpoch; the query words it tests (squashed, 4+ letters) and their masks. */
  const partMemo = new Uint8Array(index.tokens.length);
  const partStamp = new Uint32Array(index.tokens.length);
  const qPart: string[] = [];
  const qPartMask: number[] = [];
  /**
   * nearMerge's memo for the word it was last asked about (sideWord), per word beside it, side and legal
   * form (sideState): sideEpoch · 4 + the state.
   */
  const sideMemo = new Uint32Array(index.tokens.length * 4);
  let sideEpoch = 0;
  let sideWord = -1;
  let sideMergeEpoch = 0;
  /** Can sideWord be part of a query word at all (partOf)? */
  let sidePart = false;
  /** Consonant skeleton of each qPart word, worked out when first needed (joinsSkeleton). */
  const qPartSkel: (string | undefined)[] = [];
  /** Letter counts of each qPart word (128 slots a word, codes over 127 sharing the last), and scratch. */
  let qPartCounts = new Uint8Array(16 * 128);
  const wordCounts = new Uint8Array(128);
  /** Length of the longest word in qPart (a longer one, over 64, counts as 99). */
  let qPartMax = 0;

  /**
   * Can the scorer merge a run of these name words into a query word? Needs a word that agrees and a
   * neighbour (at most two words away) that does not, both of which can be part of a query word (partOf).
   */
  function mayMergeName(from: number, to: number, top: Float32Array): boolean {
    const { occRec, tokSqLen } = index;
    // From the agreeing words (usually one) to their neighbours that do not agree.
    for (let j = from; j < to; j++) {
      if (top[j - from]! === 0) continue;
      const lj = tokSqLen[occRec[j * 2]!]!;
      // The run is at most three letters longer than the longest query word.
      if (lj + 1 > qPartMax + 3) continue;
      let part = -1;
      for (let k = Math.max(from, j - 2); k < Math.min(to, j + 3); k++) {
        if (k === j || top[k - from]! > 0 || lj + tokSqLen[occRec[k * 2]!]! > qPartMax + 3) continue;
        if (part < 0) part = partOf(occRec[j * 2]!) ? 1 : 0;
        if (part === 0) break;
        if (partOf(occRec[k * 2]!)) return true;
      }
    }
    return false;
  }

  /**
   * Does a word of name n (its postRow `row`) absorb one of these runs of query words (a mask of runsWith;
   * runsAbsorbedBy, on skeletons too for a vowel-less spelling)?
   */
  function absorbsRun(n: number, row: number, runs: number, vowelless: boolean): boolean {
    const { occRec } = index;
    for (let y = rowFrom(n, row), to = rowTo(n, row); y < to; y++)
      if ((runsAbsorbedBy(occRec[y * 2]!, vowelless) & runs) !== 0) return true;
    return false;
  }

  /** First word (occurrence) of name n, from its NameIndex.postRow `row`. */
  function rowFrom(n: number, row: number): number {
    return row === NO_ROW ? index.rowRec[n * 4]! : row >>> 6;
  }

  /** End of name n's words, from its NameIndex.postRow `row`. */
  function rowTo(n: number, row: number): number {
    const count = row & 63;
    return row === NO_ROW || count === 63 ? index.rowRec[n * 4 + 4]! : (row >>> 6) + count;
  }

  /** The query runs (a mask over qRuns) that hold query word i: the scorer's merges runSlack counts. */
  function runsWith(i: number): number {
    let mask = 0;
    for (let k = 0; k < qRuns.count; k++) if (qRuns.words[k]! & (1 << i)) mask |= 1 << k;
    return mask;
  }

  /**
   * Could the scorer merge words of name n, word `word` among them, into a query word? Only a run of 2–3
   * neighbouring words that can all be part of one (partOf), whose letters add up to a length that fits a
   * query word, and whose letters that word has room for, but for the few a near spelling may miss
   * (nearBudget). The search counts only merges with a word that agrees (mergeSlack), and a name it skips
   * agrees through one word only. Vowel-less spellings merge on skeletons (joinsSkeleton).
   */
  function mayJoin(n: number, row: number, word: number, vowelless: boolean): boolean {
    const { occRec, tokSqLen } = index;
    const from = rowFrom(n, row);
    const to = rowTo(n, row);
    if (vowelless) return joinsSkeleton(from, to, word);
    for (let a = from; a + 1 < to; a++) {
      if (!partOf(occRec[a * 2]!)) continue;
      let L = tokSqLen[occRec[a * 2]!]!;
      let holds = occRec[a * 2] === word;
      for (let b = a + 1; b < Math.min(to, a + 3); b++) {
        const id = occRec[b * 2]!;
        if (!partOf(id)) break;
        L += tokSqLen[id]!;
        if (id === word) holds = true;
        if (!holds || L < 5 || qLenFit[Math.min(L, 1023)]! === 0) continue;
        for (let i = 0; i < qPart.length; i++) {
          const lt = qPart[i]!.length;
          if (L > 60 || lt > 60) return true;
          if (L !== lt && !(L >= 8 && nearLengths(L, lt))) continue;
          if (runBeyond(a, b, i) <= (L >= 8 ? nearBudget(lt) : 0) && spells(a, b, i)) return true;
        }
      }
    }
    return false;
  }

  /**
   * What the words either side of `word` in a name (NameIndex.postNear, `legalSelf` when `word` is a legal
   * form there) say about mayJoin, without reading the name. Every run of 2–3 words holding `word` holds
   * one of them beside it:
   * - NEAR_SPELLS: a run of `word` and one of them spells a query word (mayJoin is true);
   * - NEAR_NONE: no run can, because each side is NO_WORD, or cannot be part of a query word (partOf), or
   *   together with `word` has more letters a query word lacks than a near spelling allows (nearBudget: a
   *   longer run only adds letters), or neither pair spells one and no run of three has a length that fits
   *   a query word (`three` false: NameIndex.postRuns3);
   * - NEAR_MAYBE: a run of three might; mayJoin reads the name.
   * Query words over 40 letters are left to mayJoin, where a run over 60 letters takes its longer way.
   */
  function nearMerge(word: number, prev: number, next: number, three: boolean, legalSelf: boolean): number {
    if (prev === POST_NEAR_MANY || qPartMax > 40) return NEAR_MAYBE;
    if (word !== sideWord || sideMergeEpoch !== mergeEpoch) {
      sideWord = word;
      sideMergeEpoch = mergeEpoch;
      sideEpoch++;
      if (sideEpoch === 0x3fffffff) {
        sideMemo.fill(0);
        sideEpoch = 1;
      }
      sidePart = partOf(word);
    }
    const before = sideState(word, prev, 0, legalSelf);
    const after = sideState(word, next, 1, legalSelf);
    if (before === SIDE_SPELLS || after === SIDE_SPELLS) return NEAR_SPELLS;
    if (before === SIDE_DEAD && after === SIDE_DEAD) return NEAR_NONE;
    return three ? NEAR_MAYBE : NEAR_NONE;
  }

  /**
   * nearMerge for one side (0: v before `word`, 1: after): SIDE_DEAD when no run holding both can spell a
   * query word, SIDE_SPELLS when the two do, else SIDE_LIVE. Memoised per word, side and legal form.
   */
  function sideState(word: number, v: number, side: number, legalSelf: boolean): number {
    if (v === NO_WORD || !sidePart) return SIDE_DEAD;
    const legal = legalSelf || (v & NEAR_LEGAL) !== 0;
    const id = v & ~NEAR_LEGAL;
    const slot = (id * 2 + side) * 2 + (legal ? 1 : 0);
    const memo = sideMemo[slot]!;
    if (memo >>> 2 === sideEpoch) return memo & 3;
    let state = SIDE_DEAD;
    if (partOf(id)) {
      const a = index.tokSq[word]!;
      const b = index.tokSq[id]!;
      for (let i = 0; i < qPart.length && state === SIDE_DEAD; i++)
        if (lettersBeyond(a + b, i) <= nearBudget(qPart[i]!.length)) state = SIDE_LIVE;
      if (state === SIDE_LIVE && (side === 0 ? pairSpells(id, word, legal) : pairSpells(word, id, legal)))
        state = SIDE_SPELLS;
    }
    sideMemo[slot] = sideEpoch * 4 + state;
    return state;
  }

  /** mayJoin's test for the run of two words x y (vocabulary ids), `legal` when either is a legal form there. */
  function pairSpells(x: number, y: number, legal: boolean): boolean {
    const L = index.tokSqLen[x]! + index.tokSqLen[y]!;
    if (L < 5 || qLenFit[Math.min(L, 1023)]! === 0) return false;
    for (let i = 0; i < qPart.length; i++) {
      const lt = qPart[i]!.length;
      if (L > 60 || lt > 60) return true;
      if (L !== lt && !(L >= 8 && nearLengths(L, lt))) continue;
      if (
        lettersBeyond(index.tokSq[x]! + index.tokSq[y]!, i) <= (L >= 8 ? nearBudget(lt) : 0) &&
        spellsIds(x, y, -1, legal, i)
      )
        return true;
    }
    return false;
  }

  /**
   * mayJoin for vowel-less spellings, which merge on consonant skeletons whatever their lengths: does a run
   * of 2–3 of the words from..to holding `word` spell a query word, or its skeleton (mergeSlack)?
   */
  function joinsSkeleton(from: number, to: number, word: number): boolean {
    const { occRec } = index;
    for (let a = from; a + 1 < to; a++) {
      let holds = occRec[a * 2] === word;
      for (let b = a + 1; b < Math.min(to, a + 3); b++) {
        if (occRec[b * 2] === word) holds = true;
        if (!holds) continue;
        const joined = joinName(a, b);
        if (joined.length < 5) continue;
        const skel = skeleton(joined);
        for (let i = 0; i < qPart.length; i++) {
          qPartSkel[i] ??= skeleton(qPart[i]!);
          if (qPartSkel[i] === skel || spells(a, b, i)) return true;
        }
      }
    }
    return false;
  }

  /**
   * Does the run of name words a..b spell query word qPart[i] as the scorer's merge requires (mergeAgainst,
   * mergeSlack): exactly, or with 8+ letters, words of 3+ letters and no legal form, at Jaro-Winkler ≥ 0.95?
   */
  function spells(a: number, b: number, i: number): boolean {
    const { occRec, tokKind } = index;
    let legal = false;
    for (let y = a; y <= b; y++) if (tokKind[y] === WordKind.Legal) legal = true;
    return spellsIds(occRec[a * 2]!, occRec[(a + 1) * 2]!, b > a + 1 ? occRec[b * 2]! : -1, legal, i);
  }

  /** spells for the run of words x y (and z unless -1), by vocabulary id; `legal` when one is a legal form. */
  function spellsIds(x: number, y: number, z: number, legal: boolean, i: number): boolean {
    const { tokLen, tokSqLen, tokSqMask } = index;
    const t = qPart[i]!;
    const L = tokLen[x]! + tokLen[y]! + (z < 0 ? 0 : tokLen[z]!);
    const sqLen = tokSqLen[x]! + tokSqLen[y]! + (z < 0 ? 0 : tokSqLen[z]!);
    const mask = tokSqMask[x]! | tokSqMask[y]! | (z < 0 ? 0 : tokSqMask[z]!);
    const shortest = Math.min(tokLen[x]!, tokLen[y]!, z < 0 ? 99 : tokLen[z]!);
    if (L < 5) return false;
    const near = L >= 8 && shortest >= 3 && !legal;
    if (t.length !== L && !(near && nearLengths(L, t.length))) return false;
    const joined = () => index.tokSq[x]! + index.tokSq[y]! + (z < 0 ? '' : index.tokSq[z]!);
    if (t.length === sqLen && qPartMask[i] === mask && joined() === t) return true;
    return (
      near &&
      jaroWinklerMaskBound(t.length, qPartMask[i]!, sqLen, mask) >= 0.95 - 1e-9 &&
      jaroWinkler(t, joined()) >= 0.95
    );
  }

  /** lettersBeyond for the run of name words (occurrences a..b) joined, without spaces. */
  function runBeyond(a: number, b: number, i: number): number {
    const { occRec, tokens } = index;
    const counts = qPartCounts;
    let beyond = 0;
    for (let y = a; y <= b; y++) {
      const w = tokens[occRec[y * 2]!]!;
      for (let k = 0; k < w.length; k++) {
        const code = w.charCodeAt(k);
        if (code === 32) continue;
        const c = Math.min(127, code);
        wordCounts[c]!++;
        if (wordCounts[c]! > counts[i * 128 + c]!) beyond++;
      }
    }
    wordCounts.fill(0);
    return beyond;
  }

  /**
   * How many letters of w (counted with repeats) query word qPart[i] has no room for: none of them can be
   * matched in a Jaro comparison with a run holding w.
   */
  function lettersBeyond(w: string, i: number): number {
    const counts = qPartCounts;
    let beyond = 0;
    for (let k = 0; k < w.length; k++) {
      const c = Math.min(127, w.charCodeAt(k));
      wordCounts[c]!++;
      if (wordCounts[c]! > counts[i * 128 + c]!) beyond++;
    }
    for (let k = 0; k < w.length; k++) wordCounts[Math.min(127, w.charCodeAt(k))] = 0;
    return beyond;
  }

  function partOf(id: number): boolean {
    if (partStamp[id] === mergeEpoch) return partMemo[id] === 1;
    const lw = index.tokSqLen[id]!;
    const wm = index.tokSqMask[id]!;
    let ok = false;
    let w: string | null = null;
    for (let i = 0; i < qPart.length && !ok; i++) {
      const t = qPart[i]!;
      const lt = t.length;
      if (lt > 60 || lw > 60) ok = true;
      else if (lw < lt && (wm & ~qPartMask[i]!) === 0) {
        w ??= index.tokSq[id]!;
        ok = t.includes(w);
      }
      if (!ok && lw >= 3 && lw <= lt && lt >= 5 && popcount(wm & ~qPartMask[i]!) <= nearBudget(lt)) {
        w ??= index.tokSq[id]!;
        ok = lettersBeyond(w, i) <= nearBudget(lt);
      }
    }
    partStamp[id] = mergeEpoch;
    partMemo[id] = ok ? 1 : 0;
    return ok;
  }

  /**
   * Weight of name words (occurrences from..to) that the scorer's merge would absorb into a word pairing
   * with a query word: a run of 2–3 name words, one of them agreeing, that spells a query word exactly or,
   * with 8+ letters, no legal form and words of 3+ letters, at Jaro-Winkler ≥ 0.95 (as mergeAgainst).
   */
  function mergeSlack(
    from: number,
    to: number,
    qSquashed: string[],
    vowelless: boolean,
    top: Float32Array,
  ): number {
    const { occRec, tokLen, tokKind, tokSqLen, tokSqMask } = index;
    let any = false;
    last.merged = false;
    for (let a = from; a + 1 < to; a++) {
      let agree = false;
      let other = false;
      let L = 0;
      let sqLen = 0;
      let runMask = 0;
      let shortest = 99;
      let legal = false;
      for (let b = a; b < Math.min(to, a + 3); b++) {
        if (top[b - from]! > 0) agree = true;
        else other = true;
        const id = occRec[b * 2]!;
        const len = tokLen[id]!;
        L += len;
        sqLen += tokSqLen[id]!;
        runMask |= tokSqMask[id]!;
        if (len < shortest) shortest = len;
        if (tokKind[b] === WordKind.Legal) legal = true;
        if (b === a || !agree || !other || L < 5) continue;
        const near = L >= 8 && shortest >= 3 && !legal;
        // Lengths alone rule out most runs (vowel-less names compare skeletons, whose lengths say nothing).
        const fit = qLenFit[Math.min(L, 1023)]!;
        if (!vowelless && fit !== 1 && !(near && fit === 2)) continue;
        let joined: string | null = null;
        let absorbed = false;
        const Lsq = sqLen;
        for (let i = 0; i < qSquashed.length && !absorbed; i++) {
          const t = qSquashed[i]!;
          if (t.length < 4) continue;
          const fits = t.length === L || (near && nearLengths(L, t.length));
          if (!fits && !vowelless) continue;
          // The joined string only when lengths and letters allow a match (t === joined, or the bound).
          const qm = qSqMask[i]!;
          if (t.length === Lsq && qm === runMask) {
            joined ??= joinName(a, b);
            absorbed = t === joined;
          }
          if (!absorbed && fits && near && jaroWinklerMaskBound(t.length, qm, Lsq, runMask) >= 0.95 - 1e-9) {
            joined ??= joinName(a, b);
            absorbed = jaroWinkler(t, joined) >= 0.95;
          }
          if (!absorbed && vowelless) {
            joined ??= joinName(a, b);
            absorbed = skeleton(t) === skeleton(joined);
          }
        }
        if (!absorbed) continue;
        if (!any) absorbedB.fill(0, 0, to - from);
        any = true;
        for (let x = a; x <= b; x++) if (top[x - from]! === 0) absorbedB[x - from] = 1;
      }
    }
    if (!any) return 0;
    last.merged = true;
    let slack = 0;
    for (let k = from; k < to; k++) if (absorbedB[k - from] === 1) slack += index.tokW[k]!;
    return slack;
  }

  /**
   * Word lengths (bits as in NameIndex.postSig) of the list words that may absorb a query run in runSlack:
   * 4+ letters and, unless a vowel-less spelling is involved (bit 0, or any length for a vowel-less query),
   * a length that fits a run's. All bits when the query is too long for the run tables.
   */
  function runLengthBits(vowelless: boolean): number {
    const r = qRuns;
    if (r.count < 0) return -1;
    if (r.count === 0) return 0;
    let bits = 1 | (1 << 31);
    for (let lt = 4; lt < 31; lt++) {
      for (let k = 0; k < r.count; k++) {
        if (vowelless || lt === r.len[k]! || (r.near[k]! && nearLengths(r.len[k]!, lt))) {
          bits |= 1 << lt;
          break;
        }
      }
    }
    return bits;
  }

  /**
   * Query runs of 2–3 words (5+ letters) the scorer's merge may join into one word, and the lengths a name
   * run must have to spell a query word (for mergeSlack). Up to 16 query words (runs fit a 32-bit mask);
   * longer queries take querySlack.
   */
  function prepareMerges(q: Prepared, qSquashed: string[]): void {
    mergeEpoch++;
    if (mergeEpoch === 0xffffffff) {
      runStamp.fill(0);
      partStamp.fill(0);
      mergeEpoch = 1;
    }
    qPart.length = 0;
    qPartMask.length = 0;
    qPartSkel.length = 0;
    qPartMax = 0;
    for (const t of qSquashed) {
      if (t.length < 4) continue;
      qPart.push(t);
      qPartMask.push(letterMask(t));
      if (qPart.length * 128 > qPartCounts.length) {
        const grown = new Uint8Array(qPartCounts.length * 2);
        grown.set(qPartCounts);
        qPartCounts = grown;
      }
      const at = (qPart.length - 1) * 128;
      qPartCounts.fill(0, at, at + 128);
      for (let k = 0; k < t.length; k++) {
        const c = Math.min(127, t.charCodeAt(k));
        if (qPartCounts[at + c]! < 255) qPartCounts[at + c]!++;
      }
      qPartMax = Math.max(qPartMax, t.length > 64 ? 999 : t.length);
    }
    qLenFit.fill(0);
    for (const t of qSquashed) {
      if (t.length < 4) continue;
      // nearLengths holds for every length over 64.
      if (qLenFit[65] === 0) qLenFit.fill(2, 65);
      for (let L = 8; L <= 64; L++) if (qLenFit[L] === 0 && nearLengths(L, t.length)) qLenFit[L] = 2;
    }
    for (const t of qSquashed) if (t.length >= 4) qLenFit[Math.min(t.length, 1023)] = 1;
    const n = q.tokens.length;
    const r = qRuns;
    r.count = 0;
    r.a.length = r.b.length = r.len.length = r.near.length = r.joined.length = r.skel.length = 0;
    r.mask.length = 0;
    qSqMask.length = 0;
    for (const t of qSquashed) qSqMask.push(letterMask(t));
    r.words.length = 0;
    if (n > 16) {
      r.count = -1;
      return;
    }
    for (let a = 0; a + 1 < n; a++) {
      let L = 0;
      let shortest = 99;
      let legal = false;
      let joined = '';
      let words = 0;
      for (let b = a; b < Math.min(n, a + 3); b++) {
        L += qSquashed[b]!.length;
        joined += qSquashed[b]!;
        words |= 1 << b;
        if (q.tokens[b]!.length < shortest) shortest = q.tokens[b]!.length;
        if (q.kinds[b] === WordKind.Legal) legal = true;
        if (b === a || L < 5) continue;
        r.a.push(a);
        r.b.push(b);
        r.len.push(L);
        r.near.push(L >= 8 && shortest >= 3 && !legal);
        r.joined.push(joined);
        r.mask.push(letterMask(joined));
        r.skel.push(null);
        r.words.push(words);
        r.count++;
      }
    }
  }

  /** Query runs (bit mask) that vocabulary word id would absorb, as querySlack tests them. */
  function runsAbsorbedBy(id: number, vowelless: boolean): number {
    const slot = id * 2 + (vowelless ? 1 : 0);
    if (runStamp[slot] === mergeEpoch) return runMemo[slot]!;
    let mask = 0;
    const lt = index.tokLen[id]!;
    if (lt >= 4) {
      const r = qRuns;
      let t: string | null = null;
      for (let k = 0; k < r.count; k++) {
        const L = r.len[k]!;
        const near = r.near[k]!;
        const fits = lt === L || (near && nearLengths(L, lt));
        if (!fits && !vowelless) continue;
        const joined = r.joined[k]!;
        const sqLen = index.tokSqLen[id]!;
        const sqMask = index.tokSqMask[id]!;
        let hit = false;
        if (sqLen === joined.length && sqMask === r.mask[k]) {
          t ??= index.tokSq[id]!;
          hit = t === joined;
        }
        if (
          !hit &&
          fits &&
          near &&
          jaroWinklerMaskBound(sqLen, sqMask, joined.length, r.mask[k]!) >= 0.95 - 1e-9
        ) {
          t ??= index.tokSq[id]!;
          hit = jaroWinkler(t, joined) >= 0.95;
        }
        if (!hit && vowelless) {
          t ??= index.tokSq[id]!;
          r.skel[k] ??= skeleton(joined);
          hit = skeleton(t) === r.skel[k];
        }
        if (hit) mask |= 1 << k;
      }
    }
    runStamp[slot] = mergeEpoch;
    runMemo[slot] = mask;
    return mask;
  }

  /** Set by runSlack and mergeSlack: whether they found a merge (even one that absorbs no weight). */
  const last = { merged: false };

  /** querySlack from the per-query run tables, memoised per vocabulary word. */
  function runSlack(
    q: Prepared,
    hitOf: Int32Array,
    best: Float32Array,
    from: number,
    to: number,
    vowelless: boolean,
  ): number {
    last.merged = false;
    let runs = 0;
    for (let y = from; y < to; y++) runs |= runsAbsorbedBy(index.occRec[y * 2]!, vowelless);
    if (runs === 0) return 0;
    const r = qRuns;
    let words = 0;
    for (let k = 0; k < r.count; k++) {
      if ((runs & (1 << k)) === 0) continue;
      for (let x = r.a[k]!; x <= r.b[k]!; x++) {
        const h = hitOf[x]!;
        if (h >= 0 && best[h]! > 0) {
          words |= r.words[k]!;
          break;
        }
      }
    }
    last.merged = words !== 0;
    let slack = 0;
    for (let i = 0; i < q.tokens.length; i++) {
      if ((words & (1 << i)) === 0) continue;
      const h = hitOf[i]!;
      if (h >= 0 && best[h]! === 0) slack += q.weights[i]!;
    }
    return slack;
  }

  function joinName(a: number, b: number): string {
    let s = '';
    for (let x = a; x <= b; x++) s += index.tokSq[index.occRec[x * 2]!]!;
    return s;
  }

  /** Weight of query words that the scorer's merge would absorb into a word pairing with a name word. */
  function querySlack(
    q: Prepared,
    qSquashed: string[],
    hitOf: Int32Array,
    best: Float32Array,
    from: number,
    to: number,
    vowelless: boolean,
  ): number {
    let slack = 0;
    const { occRec, tokLen } = index;
    const n = q.tokens.length;
    const agreeing = (x: number) => hitOf[x]! >= 0 && best[hitOf[x]!]! > 0;
    for (let i = 0; i < n; i++) {
      if (hitOf[i]! < 0 || agreeing(i)) continue;
      let absorbed = false;
      for (let a = Math.max(0, i - 2); a <= i && !absorbed; a++) {
        for (let b = Math.max(a + 1, i); b < Math.min(n, a + 3) && !absorbed; b++) {
          let agree = false;
          let L = 0;
          let shortest = 99;
          let legal = false;
          for (let x = a; x <= b; x++) {
            if (agreeing(x)) agree = true;
            L += qSquashed[x]!.length;
            if (q.tokens[x]!.length < shortest) shortest = q.tokens[x]!.length;
            if (q.kinds[x] === WordKind.Legal) legal = true;
          }
          if (!agree || L < 5) continue;
          const near = L >= 8 && shortest >= 3 && !legal;
          let joined: string | null = null;
          for (let y = from; y < to && !absorbed; y++) {
            const lt = tokLen[occRec[y * 2]!]!;
            if (lt < 4) continue;
            const fits = lt === L || (near && nearLengths(L, lt));
            if (!fits && !vowelless) continue;
            const t = index.tokSq[occRec[y * 2]!]!;
            joined ??= qSquashed.slice(a, b + 1).join('');
            if (
              t === joined ||
              (fits && near && jaroWinkler(t, joined) >= 0.95) ||
              (vowelless && skeleton(t) === skeleton(joined))
            ) {
              absorbed = true;
            }
          }
        }
      }
      if (absorbed) slack += q.weights[i]!;
    }
    return slack;
  }

  return {
    last,
    qRuns,
    qLenFit,
    prepare: prepareMerges,
    runLengthBits,
    runSlack,
    querySlack,
    mayMergeName,
    mergeSlack,
    absorbsRun,
    runsWith,
    mayJoin,
    nearMerge,
  };
}

export type Merges = ReturnType<typeof createMerges>;
