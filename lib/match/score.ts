/**
 * Scores two prepared names: merges split words, aligns tokens one-to-one, and weighs agreement by how
 * rare the words are. Unmatched words on either side lower the score.
 */

import { ABJAD } from './normalize';
import type { Prepared } from './prepare';
import { jaroWinkler, skeleton, tokenSimilarity } from './similarity';
import { WordKind } from './stopwords';

export interface Pair {
  a: number;
  b: number;
  sim: number;
}

export interface Scored {
  score: number;
  /** The names after merging split words ("gazprom bank" → "gazprombank" when the other side has it). */
  a: Prepared;
  b: Prepared;
  pairs: Pair[];
}

/** Share of the weight the rarer side keeps when ≥ 2 real words agree (a missing middle name is common). */
export const LENIENT = 0.6;
/** With a single agreeing word, both sides count equally: "George Bush" is not "George Habbash". */
export const STRICT = 0.5;

const squash = (s: string) => (s.includes(' ') ? s.replace(/ /g, '') : s);

function isWord(kind: WordKind): boolean {
  return kind !== WordKind.Stop && kind !== WordKind.Title;
}

/**
 * Joins runs of 2–3 adjacent tokens of `x` that spell a single token of `y` ("gazprom bank" ↔
 * "gazprombank", "jsc argument" ↔ "jscargument", "xi jin ping" ↔ "xi jinping").
 */
function mergeAgainst(x: Prepared, y: Prepared, merged: readonly boolean[] = []): Prepared {
  if (x.tokens.length < 2) return x;
  if (!mayMerge(x, y)) return x;
  let out: Prepared | null = null;
  const targets = y.tokens.filter((t) => t.length >= 4).map(squash);
  if (targets.length === 0) return x;
  const vowelless = x.flags.some((f) => f & ABJAD) || y.flags.some((f) => f & ABJAD);
  const skeletons = vowelless ? targets.map(skeleton) : [];
  for (let i = 0; i < x.tokens.length - 1; i++) {
    for (let len = 3; len >= 2; len--) {
      if (i + len > x.tokens.length) continue;
      let joined = '';
      let shortest = 99;
      let legal = false;
      let again = false;
      let paired = false;
      for (let k = i; k < i + len; k++) {
        joined += squash(x.tokens[k]!);
        shortest = Math.min(shortest, x.tokens[k]!.length);
        if (x.kinds[k] === WordKind.Legal) legal = true;
        if (merged[k]) again = true;
        if (y.tokens.includes(x.tokens[k]!)) paired = true;
      }
      // A word the other name has as it is stays a word: "management ltd" is not a typo of "management"
      // when both names hold "management" and "ltd".
      if (paired) continue;
      // A word made by a merge is not merged again: "ao holding" → "aoholding", then "aoholding kom" ≈
      // "aoholding" would let the word "kom" hide in a spelling.
      if (joined.length < 5 || again) continue;
      // Near-equal joins only from real words: "Michael A." must not become "Michaela", and a legal form
      // must not lend its letters ("limited liability company pik" is not "… veles").
      const near = joined.length >= 8 && shortest >= 3 && !legal;
      const hit =
        targets.some(
          (t) =>
            t === joined || (near && nearLengths(t.length, joined.length) && jaroWinkler(t, joined) >= 0.95),
        ) ||
        (vowelless && skeletons.includes(skeleton(joined)));
      if (!hit) continue;
      if (!out) out = clone(x);
      spliceMerge(out, x, i, len, joined);
      const now = out.tokens.map((_, k) =>
        k < i ? merged[k] === true : k === i || merged[k + len - 1] === true,
      );
      return mergeAgainst(out, y, now); // at most a few merges; restart on the shorter list
    }
  }
  return out ?? x;
}

/**
 * May a run of words of length a be merged, with a typo or two, into a word of length b? Only when the
 * lengths differ by at most three letters: Jaro-Winkler alone (≥ 0.95) would let a whole extra word hide in
 * the merge ("akkumulyatornyi bloto" is not "akkumulyatornyi"). Words over 64 characters always may
 * (jaroWinkler compares their first 64).
 */
export function nearLengths(a: number, b: number): boolean {
  return a > 64 || b > 64 || Math.abs(a - b) <= 3;
}

/**
 * Cheap test on lengths alone: can any run of 2–3 words of x spell (exactly, or with Jaro-Winkler ≥ 0.95,
 * see nearLengths) a word of y? Vowel-less names compare
 * skeletons, whose lengths say nothing, so they always take the full path.
 */
function mayMerge(x: Prepared, y: Prepared): boolean {
  for (const f of x.flags) if (f & ABJAD) return true;
  for (const f of y.flags) if (f & ABJAD) return true;
  let maxT = 0;
  for (const t of y.tokens) {
    const L = squash(t).length;
    if (L >= 4 && L > maxT) maxT = L;
  }
  if (maxT === 0) return false;
  for (let i = 0; i + 1 < x.tokens.length; i++) {
    let L = 0;
    for (let k = i; k < Math.min(x.tokens.length, i + 3); k++) {
      L += squash(x.tokens[k]!).length;
      if (k === i || L < 5) continue;
      for (const t of y.tokens) {
        const lt = squash(t).length;
        if (lt >= 4 && (lt === L || (L >= 8 && nearLengths(L, lt)))) return true;
      }
    }
  }
  return false;
}

function clone(p: Prepared): Prepared {
  return {
    tokens: [...p.tokens],
    flags: [...p.flags],
    kinds: [...p.kinds],
    weights: [...p.weights],
    classes: [...p.classes],
    legal: p.legal,
  };
}

function spliceMerge(out: Prepared, x: Prepared, i: number, len: number, joined: string): void {
  let flags = 0;
  let weight = 0;
  for (let k = i; k < i + len; k++) {
    flags |= x.flags[k]!;
    weight = Math.max(weight, x.kinds[k] === WordKind.Legal ? 0 : x.weights[k]!);
  }
  out.tokens.splice(i, len, joined);
  out.flags.splice(i, len, flags);
  out.kinds.splice(i, len, WordKind.Name);
  out.weights.splice(i, len, weight || 1);
  out.classes.splice(i, len, null);
}

function pairSim(a: Prepared, i: number, b: Prepared, j: number): number {
  const ka = a.kinds[i]!;
  const kb = b.kinds[j]!;
  const ta = a.tokens[i]!;
  const tb = b.tokens[j]!;
  if (ka === WordKind.Legal || kb === WordKind.Legal) {
    if (ka !== kb) return 0;
    if (ta === tb) return 1;
    return a.classes[i] === b.classes[j] ? 0.8 : 0;
  }
  if (!isWord(ka) || !isWord(kb)) return ta === tb ? 1 : 0;
  if (ka === WordKind.Initial && kb === WordKind.Initial) return ta === tb ? 1 : 0;
  return tokenSimilarity(ta, tb, a.flags[i]!, b.flags[j]!);
}

// Scratch space for align: candidate pairs (a, b, similarity, weight), their order, and used flags.
let candA = new Int32Array(256);
let candB = new Int32Array(256);
let candSim = new Float64Array(256);
let candW = new Float64Array(256);
let order = new Int32Array(256);
let usedA = new Uint8Array(64);
let usedB = new Uint8Array(64);

/**
 * One-to-one alignment, best pairs first (greedy is exact enough for names of a few words): pairs by
 * similarity, then by the weight they carry, then in reading order.
 */
function align(a: Prepared, b: Prepared): Pair[] {
  const na = a.tokens.length;
  const nb = b.tokens.length;
  if (na * nb > candA.length) {
    const size = na * nb * 2;
    candA = new Int32Array(size);
    candB = new Int32Array(size);
    candSim = new Float64Array(size);
    candW = new Float64Array(size);
    order = new Int32Array(size);
  }
  let c = 0;
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      const sim = pairSim(a, i, b, j);
      if (sim <= 0) continue;
      candA[c] = i;
      candB[c] = j;
      candSim[c] = sim;
      candW[c] = b.weights[j]! + a.weights[i]!;
      // Insertion sort (stable): after every pair with a higher similarity, or equal and more weight.
      let k = c;
      while (k > 0) {
        const o = order[k - 1]!;
        const ds = sim - candSim[o]!;
        if (ds < 0 || (ds === 0 && candW[c]! - candW[o]! <= 0)) break;
        order[k] = o;
        k--;
      }
      order[k] = c;
      c++;
    }
  }
  const pairs: Pair[] = [];
  if (c === 0) return pairs;
  if (na > usedA.length) usedA = new Uint8Array(na * 2);
  if (nb > usedB.length) usedB = new Uint8Array(nb * 2);
  usedA.fill(0, 0, na);
  usedB.fill(0, 0, nb);
  const most = Math.min(na, nb);
  for (let k = 0; k < c && pairs.length < most; k++) {
    const o = order[k]!;
    const i = candA[o]!;
    const j = candB[o]!;
    if (usedA[i] === 1 || usedB[j] === 1) continue;
    usedA[i] = 1;
    usedB[j] = 1;
    pairs.push({ a: i, b: j, sim: candSim[o]! });
  }
  return pairs;
}

function sum(xs: number[]): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
}

export function scorePrepared(a0: Prepared, b0: Prepared): Scored {
  const a = mergeAgainst(a0, b0);
  const b = mergeAgainst(b0, a);
  const pairs = align(a, b);
  const totalA = sum(a.weights);
  const totalB = sum(b.weights);
  if (pairs.length === 0 || totalA === 0 || totalB === 0) return { score: 0, a, b, pairs };
  let gotA = 0;
  let gotB = 0;
  let words = 0;
  for (const p of pairs) {
    gotA += p.sim * a.weights[p.a]!;
    gotB += p.sim * b.weights[p.b]!;
    const ka = a.kinds[p.a]!;
    const kb = b.kinds[p.b]!;
    // Only real name words count: generic words ("International", "Trading") never carry a match.
    if (ka === WordKind.Name && kb === WordKind.Name) words++;
  }
  const covA = gotA / totalA;
  const covB = gotB / totalB;
  const hi = Math.max(covA, covB);
  const lo = Math.min(covA, covB);
  const lambda = words >= 2 ? LENIENT : STRICT;
  let score = lambda * hi + (1 - lambda) * lo;
  // One agreeing word must agree closely: "Fallon" ≈ "Tallon" alone is not the same party.
  if (words === 1) {
    let top = 0;
    for (const p of pairs) if (a.kinds[p.a] === WordKind.Name && p.sim > top) top = p.sim;
    score *= Math.min(1, 0.05 + top);
  }
  // Agreement only on legal forms, stopwords or initials is no evidence of the same party, unless every
  // word agrees, exactly ("I A C International Inc." is itself).
  if (words === 0 && !(lo > 1 - 1e-9 && pairs.every((p) => p.sim === 1))) score *= 0.5;
  return { score: Math.min(1, Math.max(0, score)), a, b, pairs };
}
