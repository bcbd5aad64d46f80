/**
 * The matcher: a candidate index over every name (primary and aliases) of a watchlist, and a search that
 * scores only the names that can still reach the threshold. Every alias is scored on its own; an entry is
 * reported once, with the alias that matched best.
 *
 * Search, in four steps:
 * 1. Each query word is looked up in the vocabulary (exact, one-edit typo keys, consonant skeletons, split
 *    and joined spellings), giving the list tokens it may pair with and how well.
 * 2. Rare words first, the posting lists of query words are walked only while the words not yet walked
 *    could still carry a name to the threshold on their own. A name holding none of the walked words cannot
 *    match, so long posting lists ("mohammad", "trading") are never walked when the query has rarer words;
 *    and a name that shares a single name word with the query is held to the scorer's one-word score
 *    (a Bloom filter of first letters and lengths tells which names share another query word).
 * 3. Every name found gets an upper bound on its score from the words it shares with the query (both
 *    sides' coverage, as in score.ts, without the one-to-one alignment), each word credited with what it
 *    can pair with; names whose words a merge could join get the looser bound with merges.
 * 4. Names are scored best bound first; scoring stops when the next bound is below the threshold or cannot
 *    beat the `limit` results already found. Explanations are built for returned results only.
 */
import type { MatchExplanation, WatchlistEntry } from '../model';
import {
  BLOOM_WORDS,
  creditable,
  legalClassCode,
  letterMask,
  NameIndex,
  NO_ROW,
  POST_BIT_SHARED,
  POST_LENS,
  POST_RUNS,
  POST_STRIDE,
} from './candidates';
import { DEFAULT_MATCH_THRESHOLD } from './compare';
import { explain } from './explain';
import { nameForms } from './forms';
import { unglued } from './legal-forms';
import { createMerges, NEAR_MAYBE, NEAR_NONE, NEAR_SPELLS } from './merges';
import { ABJAD, SYLLABIC } from './normalize';
import { type Prepared, prepareForms } from './prepare';
import { LENIENT, type Scored, STRICT, scorePrepared } from './score';
import { hasVW, jaroWinkler, skeleton, skeletonAs, skeletonReadings, tokenSimilarity } from './similarity';
import { WordKind } from './stopwords';

export interface NameMatch {
  entryId: string;
  listId: string;
  matchedName: string;
  score: number;
  explanation: MatchExplanation;
}

export interface SearchOptions {
  /** Most entries to return (default 10). */
  limit?: number;
  /** Lowest score to return (default DEFAULT_MATCH_THRESHOLD). */
  minScore?: number;
  /** ISO alpha-2 country of the party: entries listed for it are preferred. */
  country?: string;
}

export interface MatcherOptions {
  /**
   * Most names fully scored per search. Default: no cap (the score bounds decide); set it only to trade
   * recall for a hard latency ceiling.
   */
  candidates?: number;
  /** How many of the list's most frequent words to look up when the matcher is built (COMMON_WORDS). */
  commonWords?: number;
}

export interface Matcher {
  readonly size: number;
  readonly nameCount: number;
  search(query: string, opts?: SearchOptions): NameMatch[];
}

/**
 * The same search without the index: every name scored. For benchmarks and tests that check the index finds
 * what a full scan finds. Not part of the public API.
 */
export const FULL_SCAN: unique symbol = Symbol('fullScan');
export type FullScan = (query: string, opts?: SearchOptions) => NameMatch[];

/**
 * Empties a matcher's search caches (words, joined runs, queries, names prepared for scoring), keeping what
 * it looked up when built: for a benchmark that warms the JIT and then measures first searches. Not part
 * of the public API.
 */
export const CLEAR_CACHES: unique symbol = Symbol('clearCaches');

/** Work counters of a matcher since it was built (for the benchmark). Not part of the public API. */
export const STATS: unique symbol = Symbol('stats');
export interface SearchStats {
  searches: number;
  /** Names reached through the posting lists. */
  touched: number;
  /** Names whose bound passed merge checks. */
  mergeChecks: number;
  /** Names whose upper bound reached the threshold. */
  candidates: number;
  /** Names fully scored. */
  scored: number;
}

/**
 * How many of the list's most frequent words a matcher looks up when it is built: about 80–110 ms of the
 * 100,000-name build, and the first searches with them (most searches) skip that work. On the benchmark,
 * 3,000 rather than 2,000 took about 4% off the median first search for 40 ms more build and 1.5 MB;
 * 4,000 about 3% more for as much again, 6,000 nothing more.
 */
const COMMON_WORDS = 3000;

/**
 * Similarity a word gets for being a part of a query word split in two ("group" in "grouppjsc") when it is
 * not otherwise like it: above 0, so that the search reaches the names holding it and counts it as agreeing
 * for the merge tests, and too small to lift a name that holds only that part.
 */
const SPLIT_PART = 1e-3;

/**
 * Longest query searched, in characters. Listed names run to about 200 (a Russian state institute's full
 * title); a longer "name" is a pasted page or field, and searching all of its words could take seconds.
 */
export const MAX_QUERY_CHARS = 256;

/** The query up to MAX_QUERY_CHARS, cut after its last whole word. */
function firstChars(query: string): string {
  if (query.length <= MAX_QUERY_CHARS) return query;
  const head = query.slice(0, MAX_QUERY_CHARS + 1);
  const space = head.search(/\s\S*$/);
  return space > 0 ? head.slice(0, space) : head.slice(0, MAX_QUERY_CHARS);
}

/** Added to the score of an entry listed for the party's country (never above 1). */
const COUNTRY_BOOST = 0.03;

/** Best row per entry so far: the row, its score (with country boost) and raw score, the query reading. */
type Found = Map<number, { n: number; score: number; raw: number; scored: Scored }>;

/**
 * The vocabulary words a query word pairs with (ids, and their similarity, in the order found), with what
 * the search needs of them: their names in all (postings), the best similarity and their Bloom filter bits
 * (NameIndex.tokBit).
 */
interface Pairs {
  ids: Int32Array;
  sims: Float32Array;
  count: number;
  top: number;
  /** Bloom filter bits (BLOOM_WORDS words) of the tokens. */
  sig: Uint32Array;
}

/** A query word's pairs, and whether it split into listed words. */
interface WordHits extends Pairs {
  /** Some of the pairs are parts of the word split in two (splitHits). */
  split: boolean;
  /** Some of those parts are legal forms only, the names' legal forms to be searched too. */
  legalParts: boolean;
}

/** What splitHits found: no split, a split, a split reaching names through legal forms only. */
enum Split {
  None,
  Parts,
  LegalParts,
}

interface Hit extends WordHits {
  /** Query token index. */
  i: number;
  /** While joinHits adds pairs: the pairs as a map (packed again when it is done). */
  map: Map<number, number> | null;
}

export function createMatcher(entries: readonly WatchlistEntry[], options: MatcherOptions = {}): Matcher {
  // Each listed name in each of its forms (forms.ts: without its asides, its acronym), shown as listed.
  const names: string[] = [];
  /** Where each name's listed form is in names: itself for a listed form (they alone count for rarity). */
  const listedAt: number[] = [];
  const nameEntry: number[] = [];
  const nameAlias: boolean[] = [];
  entries.forEach((e, i) => {
    e.names.forEach((n, k) => {
      const at = names.length;
      for (const form of nameForms(n)) {
        names.push(form);
        listedAt.push(at);
        nameEntry.push(i);
        nameAlias.push(k > 0);
      }
    });
  });
  const index = new NameIndex(names, (n) => listedAt[n] === n);
  const entryOf = Uint32Array.from(index.rowName, (name) => nameEntry[name]!);
  const maxCandidates = options.candidates ?? Number.POSITIVE_INFINITY;
  const stats: SearchStats = { searches: 0, touched: 0, mergeChecks: 0, candidates: 0, scored: 0 };
  const countryOf = entries.map((e) => new Set((e.countries ?? []).map((c) => c.toUpperCase())));
  // Scratch space reused across searches.
  const seen = new Uint8Array(index.size);
  /** Names reached by the current search (the first nTouched). */
  const touched = new Uint32Array(index.size);
  /** postRow of each name reached (where its words are), for the bound loop's early reads. */
  const touchedRow = new Uint32Array(index.size);
  /** Written by the first reads before the bound loop and the walk's merge tests (see there), never read. */
  let readFirst = new Float64Array(64);
  /** Postings whose names the walk tests for merges once it has walked a word (posting · 4 + tests). */
  let pendingAt = new Uint32Array(64);
  let nPending = 0;
  let epoch = 0;
  const slotOf = new Int32Array(index.tokens.length).fill(-1);
  let sims = new Float32Array(64);
  const queryCache = new Map<string, Prepared[]>();
  /** Set by lookup when a split or joined spelling found a token: the scorer may then merge words. */
  let joined = false;
  /** Set by lookup when a query word splits into listed words ("grouppjsc": group, pjsc). */
  let split = false;
  /** similar() per query word (keyed by the word alone for the usual flags 0, to spare building a key). */
  const wordCache = new Map<string, WordHits>();
  /** The list's most frequent words, looked up when the matcher is built and kept (see COMMON_WORDS). */
  const common = new Map<string, WordHits>();
  /** joinedWords results per run of query words. */
  const joinCache = new Map<string, number[]>();
  /** The same for Latin runs (flags 0), near and not, keyed by the run alone (one string hashed, not two). */
  const joinNear = new Map<string, number[]>();
  const joinExact = new Map<string, number[]>();
  /** pairableTokens and nearTokens output: vocabulary ids. */
  const farScratch: number[] = [];
  /** The scorer's merges, per query reading (merges.ts). */
  const merges = createMerges(index);
  /** Vocabulary words of the current query (stamped with idEpoch), legal forms left out. */
  const qIdStamp = new Uint32Array(index.tokens.length);
  // Per-query arrays, grown as needed: per hit (weight, name word or not, best similarity, the current
  // name's best similarity to it, as a name word) and per query token (its hit).
  let scratchHitW = new Float32Array(16);
  let scratchHitName = new Uint8Array(16);
  let scratchHitTop = new Float32Array(16);
  let scratchBest = new Float32Array(16);
  let scratchBestName = new Float32Array(16);
  /** The Bloom filter bits of the other hits, while one hit's postings are walked. */
  const scratchOther = new Int32Array(BLOOM_WORDS);
  let scratchHitOf = new Int32Array(16);
  // Per legal form of the query: its vocabulary id, legalClassCode, weight when not looked up, and how well
  // the current name's legal forms can pair with it.
  const scratchLegId: number[] = [];
  const scratchLegCls: number[] = [];
  const scratchLegW: number[] = [];
  const scratchLegBest: number[] = [];
  /** Per word of the current name (up to 64), its best similarity to any hit. */
  const scratchNameTop = new Float32Array(64);
  function growScratch(hits: number, tokens: number): void {
    if (hits > scratchHitW.length) {
      const n = hits * 2;
      scratchHitW = new Float32Array(n);
      scratchHitName = new Uint8Array(n);
      scratchHitTop = new Float32Array(n);
      scratchBest = new Float32Array(n);
      scratchBestName = new Float32Array(n);
    }
    if (tokens > scratchHitOf.length) scratchHitOf = new Int32Array(tokens * 2);
  }
  let idEpoch = 0;

  /** Each query token's vocabulary id (-1 when not listed), per prepared query (they are cached). */
  const queryIds = new WeakMap<Prepared, Int32Array>();
  function vocabIds(q: Prepared): Int32Array {
    let ids = queryIds.get(q);
    if (!ids) {
      ids = new Int32Array(q.tokens.length);
      for (let i = 0; i < ids.length; i++) ids[i] = index.vocab.get(q.tokens[i]!) ?? -1;
      queryIds.set(q, ids);
    }
    return ids;
  }

  function prepareQuery(query: string): Prepared[] {
    let q = queryCache.get(query);
    if (q) return q;
    q = prepareForms(query, (t) => index.rarity(t));
    if (queryCache.size >= 512) queryCache.clear();
    queryCache.set(query, q);
    return q;
  }

  /**
   * The vocabulary words a query word pairs with, and how well (exact, one-edit keys, skeletons, far typos,
   * split spellings). Cached per word: the same names and words come back in query after query.
   */
  function similar(t: string, flags: number): WordHits {
    const key = flags === 0 ? t : `${flags}|${t}`;
    const cached = wordCache.get(key) ?? (flags === 0 ? common.get(t) : undefined);
    if (cached) return cached;
    const hits = lookUpWord(t, flags);
    if (wordCache.size >= 4096) wordCache.clear();
    wordCache.set(key, hits);
    return hits;
  }

  function lookUpWord(t: string, flags: number): WordHits {
    const found = new Map<number, number>();
    const loose = (flags & (ABJAD | SYLLABIC)) !== 0 || t.length >= 6;
    const exact = index.vocab.get(t);
    const visit = (id: number) => {
      if (found.has(id)) return;
      found.set(id, id === exact ? 1 : tokenSimilarity(t, index.tokens[id]!, flags, index.vocabFlags[id]!));
    };
    const vowelless = (flags & (ABJAD | SYLLABIC)) !== 0;
    const skel = skeleton(t);
    // The ways its consonants may be read (skeletonReadings: Hebrew ו as u; in Arabic script ذ as z, ق as
    // gh, ج as g, without the article; in Latin ch as sh, without a closing -ah or -at), and with v and w as
    // consonants (وحید, Vahid), which pairs only with words that have a v or w too.
    const readings = skeletonReadings(t, flags, skel);
    const vw = hasVW(t) ? skeletonAs(t, 'w') : null;
    // One edit away: typo keys (only those changing the first letter when the far scan below runs).
    if (t.length >= 5 && !vowelless) index.firstLetterEdits(t, visit);
    else index.similarTokens(t, visit);
    if (loose) {
      for (const k of readings) index.skeletonNeighbours(visit, k, false, vowelless);
      if (vw) index.skeletonNeighbours(visit, vw, true, vowelless);
    }
    // A listed initial of its first letter ("SMITH, K." for Kevin Smith), which the scorer pairs with it.
    const initial = index.vocab.get(t.charAt(0));
    if (initial !== undefined && t.length > 1) visit(initial);
    // Another transliteration of the same sounds (Iouri, Yury), however far apart the letters.
    index.soundAlike(t, visit);
    // A short legal form glued on either side ("JSCARGUMENT" for Argument): another first letter and
    // several letters apart, out of reach of the typo keys and the scans below.
    index.gluedWords(t, visit);
    // Vowel-less spellings pair on similar consonant skeletons (mhmd/mohammed, bhmny/bahmani).
    for (const k of readings) index.words.farSkeletons(vowelless, visit, k);
    if (vw) index.words.farSkeletons(vowelless, visit, vw, true);
    // A word with vowels also pairs with one written without them on a short skeleton ("ali", علي), and
    // the other way, a word of one consonant with the words of it that end alike ("ly": Ali, Aly, Eli).
    for (const k of readings) {
      if (!vowelless) index.vowellessBySkeleton(k, visit);
      else index.oneConsonantWords(t, k, visit);
    }
    if (vw && !vowelless) index.vowellessBySkeleton(vw, visit, true);
    else if (vw) index.oneConsonantWords(t, vw, visit, true);
    // Two or more edits apart, words still pair when long enough (davis/davidson, becker/bender).
    if (t.length >= 5) {
      const far = farScratch;
      far.length = 0;
      const lo = Math.ceil(t.length * 0.6);
      const hi = Math.floor(t.length / 0.6);
      index.words.pairableTokens(t, firstLetters(t), lo, hi, 27, far);
      for (let x = 0; x < far.length; x++) visit(far[x]!);
    }
    for (const [id, sim] of found) if (sim <= 0) found.delete(id);
    const split = splitHits(t, flags, found);
    return { ...pack(found), split: split !== Split.None, legalParts: split === Split.LegalParts };
  }

  /** Step 1: per query word, the vocabulary tokens it may pair with and their similarity. */
  function lookup(q: Prepared): Hit[] {
    let words = q.tokens.map((_, i) => i).filter((i) => creditable(q.kinds[i]!));
    if (words.length === 0) words = q.tokens.map((_, i) => i);
    const hits = words.map((i): Hit => {
      const t = q.tokens[i]!;
      if (
        q.kinds[i] === WordKind.Name ||
        q.kinds[i] === WordKind.Generic ||
        q.kinds[i] === WordKind.Particle
      ) {
        const word = similar(t, q.flags[i]!);
        if (word.split) joined = split = true;
        return { ...word, i, map: null };
      }
      const found = new Map<number, number>();
      const id = index.vocab.get(t);
      if (id !== undefined) found.set(id, 1);
      return { ...pack(found), split: false, legalParts: false, i, map: null };
    });
    joinHits(q, hits);
    for (const h of hits) {
      if (h.map) Object.assign(h, pack(h.map), { map: null });
    }
    return hits;
  }

  function search(query: string, opts: SearchOptions = {}): NameMatch[] {
    const limit = opts.limit ?? 10;
    const minScore = opts.minScore ?? DEFAULT_MATCH_THRESHOLD;
    if (limit <= 0 || names.length === 0) return [];
    const country = opts.country?.toUpperCase();
    const found: Found = new Map();
    stats.searches++;
    for (const q of prepareQuery(firstChars(query))) collect(q, limit, minScore, country, found);
    return results(found, limit, country);
  }

  /** Adds to `found` the entries whose names score at least minScore against one reading of the query. */
  function collect(q: Prepared, limit: number, minScore: number, country: string | undefined, found: Found) {
    if (q.tokens.length === 0) return;
    const floor = minScore - (country ? COUNTRY_BOOST : 0);

    joined = split = false;
    const hits = lookup(q);
    const nq = hits.length;
    let totalQ = 0;
    for (const w of q.weights) totalQ += w;
    if (totalQ === 0) return;
    // Weight of query tokens no hit stands for (legal forms, stopwords, initials): assume they all agree.
    let free = totalQ;
    for (const h of hits) free -= q.weights[h.i]!;
    free = Math.max(0, free);
    const hasInitial = q.kinds.some((k) => k === WordKind.Initial);
    const vowelless = q.flags.some((f) => (f & ABJAD) !== 0);

    // Similarities by vocabulary slot: sims[slot * nq + hit] (hits keep their lookup order here).
    const usedIds: number[] = [];
    for (let h = 0; h < nq; h++) {
      for (const id of hits[h]!.ids) {
        if (slotOf[id]! < 0) {
          slotOf[id] = usedIds.length;
          usedIds.push(id);
        }
      }
    }
    if (sims.length < usedIds.length * nq) sims = new Float32Array(usedIds.length * nq * 2);
    sims.fill(0, 0, usedIds.length * nq);
    for (let h = 0; h < nq; h++) {
      const { ids, sims: hs } = hits[h]!;
      for (let k = 0; k < ids.length; k++) {
        const at = slotOf[ids[k]!]! * nq + h;
        if (hs[k]! > sims[at]!) sims[at] = hs[k]!;
      }
    }

    // Step 2: walk posting lists rarest first while the unwalked words could still reach the floor.
    // score ≤ λ·max(covA, covB) + (1 − λ)·min(covA, covB) ≤ LENIENT + (1 − LENIENT)·covA.
    const needCov = Math.max(0, (floor - LENIENT) / (1 - LENIENT));
    const order = hits.map((_, h) => h).sort((a, b) => hits[a]!.count - hits[b]!.count);
    let suffix = free;
    for (const h of order) suffix += q.weights[hits[h]!.i]!;
    epoch++;
    if (epoch === 0x100) {
      seen.fill(0);
      epoch = 1;
    }
    let nTouched = 0;
    const qSquashed = q.tokens.map((t) => (t.includes(' ') ? t.replace(/ /g, '') : t));
    merges.prepare(q, qSquashed);
    growScratch(nq, q.tokens.length);
    const hitW = scratchHitW;
    const hitName = scratchHitName;
    const hitTop = scratchHitTop;
    for (let h = 0; h < nq; h++) {
      const hit = hits[h]!;
      hitW[h] = q.weights[hit.i]!;
      hitName[h] = q.kinds[hit.i] === WordKind.Name ? 1 : 0;
      hitTop[h] = hit.top;
    }
    // A name sharing words with one query word only (hit h) reaches at most free + hitW[h] of the query's
    // weight, plus what merges add (see runSlack): when that is short of needCov, a name holding none of
    // the other hits' tokens (Bloom filter) and no word a query run could merge into (lengths) is skipped.
    // Without merges, a name agreeing with one query name word only scores at most
    // (STRICT + (1 − STRICT)·covA) · min(1, 0.05 + its similarity) (score.ts), and half that with none.
    const runLens = merges.runLengthBits(vowelless);
    const strict = !joined;
    // Names agreeing through one hit alone can be skipped by their weight share (below) when only hits
    // pair with name words: no initials (they pair with any word of their letter), no other query word
    // found in the list, and all hits name or generic words.
    let shareSkip = !hasInitial;
    for (let i = 0; i < q.tokens.length && shareSkip; i++) {
      if (!creditable(q.kinds[i]!)) {
        if (q.kinds[i] !== WordKind.Legal && vocabIds(q)[i]! >= 0) shareSkip = false;
      }
    }
    for (const h of hits) if (!creditable(q.kinds[h.i]!)) shareSkip = false;
    // Run lengths of name words the scorer could merge into a query word (qLenFit; bit 31: 31 or more,
    // set whenever a query word has 4+ letters, as qLenFit marks every length over 64).
    // A vowel-less query merges on skeletons, whose lengths say nothing.
    let nameRuns = vowelless ? -1 : 0;
    for (let L = 5; L <= 65; L++) if (merges.qLenFit[L]! > 0) nameRuns |= 1 << Math.min(L, 31);
    /** Most a name can score sharing words with these hits only (weight acc of the query can agree). */
    const oneWordCap = (acc: number, names: number, top: number) =>
      scoreCap(Math.min(1, acc / totalQ), 1, !strict, names, top);
    // The exact merge tests below read a name's words: for queries short enough for the run tables.
    const precise = merges.qRuns.count >= 0;
    let restNames = 0;
    let restTop = 0;
    for (let h = 0; h < nq; h++) {
      if (hitName[h] === 1) {
        restNames++;
        if (hitTop[h]! > restTop) restTop = hitTop[h]!;
      }
    }
    /** Are hits g and h the same word written twice in the query (the same pairs, weight and kind)? */
    const twin = (g: number, h: number) =>
      hits[g]!.ids === hits[h]!.ids && hitW[g] === hitW[h] && hitName[g] === hitName[h];
    const walked: number[] = [];
    for (const h of order) {
      if (oneWordCap(suffix, restNames, restTop) < floor - 1e-6) break;
      suffix -= q.weights[hits[h]!.i]!;
      if (hitName[h] === 1) {
        restNames--;
        restTop = 0;
        for (let j = 0; j < nq; j++)
          if (j !== h && hitName[j] === 1 && hitTop[j]! > restTop) restTop = hitTop[j]!;
      }
      // A word written twice in the query ("Mohammad Ali Mohammad"): its second walk would read the same
      // postings and decide the same.
      if (walked.some((g) => twin(g, h))) continue;
      walked.push(h);
      const alone = oneWordCap(free + hitW[h]!, hitName[h]!, hitTop[h]!) < floor - 1e-6;
      // With it, the query may agree as a whole: then the score is not halved for want of a name word.
      const whole = free + hitW[h]! > totalQ - 1e-6;
      // With no merge possible either way, a name agreeing through this one word scores at most
      // 0.5·(covA + covB)·f (scoreCap, strict), covB at most sim·share + other (NameIndex.postShare) for
      // the similarity of the name's word to it: the share it needs. The scorer pairs the query word with
      // one word of the name, so a name holding several of its spellings is judged by each posting alone.
      const shareNeed = (sim: number) =>
        shareSkip
          ? (2 * (floor - 1e-6)) / (hitName[h] === 1 ? Math.min(1, 0.05 + sim) : whole ? 1 : 0.5) -
            Math.min(1, (free + hitW[h]!) / totalQ) -
            1e-6
          : Number.NEGATIVE_INFINITY;
      const other = scratchOther;
      other.fill(0);
      let twice = false;
      for (let j = 0; j < nq; j++) {
        if (j === h) continue;
        if (twin(h, j)) {
          twice = true;
          continue;
        }
        // A name holding a word of a hit walked before was reached then (this hit's filter bits were among
        // the others), so only the hits still to walk can make a name worth reaching here.
        if (walked.some((g) => g === j || twin(g, j))) continue;
        for (let x = 0; x < BLOOM_WORDS; x++) other[x]! |= hits[j]!.sig[x]!;
        // The filter leaves out the names' legal forms: a legal form searched for may be in any name.
        if (q.kinds[hits[j]!.i] === WordKind.Legal) other.fill(-1);
      }
      // Written twice, the word agrees with both only in a name holding two of its spellings (the same one
      // twice, or two): another word with the filter bit of the posting's word (POST_BIT_SHARED, below), or
      // one with another bit of its spellings.
      const { post, postStart, postSig, postShare, occRec } = index;
      // A skipped name agrees through this hit only: a query run merging into one of its words counts only
      // when it holds this hit's word (runSlack).
      const runsOfHit = precise ? merges.runsWith(hits[h]!.i) : 0;
      // A word pairs only with words, a legal form only with legal forms (score.ts): a name holding a word
      // only as a legal form ("LLC" in "… LLC" for the name "LLC Company") pairs with no query word through
      // it. It can merge it into a query word only exactly, so only with the other part of a split query
      // word ("grouppjsc"), which reaches the name itself unless it is a legal form too.
      const wordsOnly = creditable(q.kinds[hits[h]!.i]!) && !hits[h]!.legalParts;
      const { postLegal, postRow, postNear, postRuns3 } = index;
      const { ids, sims } = hits[h]!;
      const wordLen = q.tokens[hits[h]!.i]!.length;
      for (let x = 0; x < ids.length; x++) {
        const id = ids[x]!;
        // The posting's own word: a name reached through a near spelling agrees no better than it does.
        const top = sims[x]!;
        // A listed initial ("k" for Kevin) pairs at `top` and merges only exactly, with a word of the run
        // that this hit reaches by its own postings: a name it reaches agrees through it at `top` at most.
        const share = index.tokLen[id] === 1 && wordLen > 1 ? top : 1;
        const aloneHere = alone || oneWordCap(free + share * hitW[h]!, hitName[h]!, top) < floor - 1e-6;
        const needB = shareNeed(top);
        let i0 = other[0]!;
        let i1 = other[1]!;
        let i2 = other[2]!;
        let i3 = other[3]!;
        if (twice) {
          const sig = hits[h]!.sig;
          i0 |= sig[0]!;
          i1 |= sig[1]!;
          i2 |= sig[2]!;
          i3 |= sig[3]!;
        }
        // Another query word pairing with this posting's word (or one of its bit), the word written twice
        // among them, agrees with the name only through another word of that bit (POST_BIT_SHARED): the
        // name's one word pairs with one query word. (Two query words of one first letter both pair with a
        // listed initial.)
        let shared = 0;
        const bit = index.tokBit[id]!;
        const bitW = bit >>> 5;
        const bitMask = 1 << (bit & 31);
        const holding = bitW === 0 ? i0 : bitW === 1 ? i1 : bitW === 2 ? i2 : i3;
        if ((holding & bitMask) !== 0) {
          if (bitW === 0) i0 &= ~bitMask;
          else if (bitW === 1) i1 &= ~bitMask;
          else if (bitW === 2) i2 &= ~bitMask;
          else i3 &= ~bitMask;
          shared = POST_BIT_SHARED;
        }
        for (let k = postStart[id]!, end = wordsOnly ? postLegal[id]! : postStart[id + 1]!; k < end; k++) {
          const n = post[k]!;
          const p = k * POST_STRIDE;
          if (
            (postSig[p]! & i0) === 0 &&
            (postSig[p + 1]! & i1) === 0 &&
            (postSig[p + 2]! & i2) === 0 &&
            (postSig[p + 3]! & i3) === 0 &&
            (postSig[p + POST_LENS]! & shared) === 0 &&
            (aloneHere || top * postShare[k * 2]! + postShare[k * 2 + 1]! < needB)
          ) {
            // Lengths first, then (when they allow a merge) the name's words themselves.
            const lens = postSig[p + POST_LENS]!;
            // Vowel-less spellings on either side merge on skeletons (score.ts).
            const vl = vowelless || (lens & 1) !== 0;
            const lensFit = (lens & runLens) !== 0 || (vl && lens !== 0);
            const runsFit = !alone && (postSig[p + POST_RUNS]! & nameRuns) !== 0;
            if (!lensFit && !runsFit) continue;
            // The words beside this one may decide a merge of name words without reading the name.
            let near = runsFit ? NEAR_MAYBE : NEAR_NONE;
            if (precise && runsFit && !vl) {
              // A run of three holding the word must have a length that fits a query word.
              const three = (postRuns3[k]! & nameRuns) !== 0;
              near = merges.nearMerge(id, postNear[k * 2]!, postNear[k * 2 + 1]!, three, k >= postLegal[id]!);
            }
            if (precise && near !== NEAR_SPELLS) {
              if ((!lensFit && near === NEAR_NONE) || seen[n] === epoch) continue;
              // The name's words decide, read once this word's postings are walked (below).
              if (nPending === pendingAt.length) {
                const grown = new Uint32Array(nPending * 2);
                grown.set(pendingAt);
                pendingAt = grown;
              }
              pendingAt[nPending++] = k * 4 + (lensFit ? 1 : 0) + (near === NEAR_MAYBE ? 2 : 0);
              continue;
            }
          }
          if (seen[n] === epoch) continue;
          seen[n] = epoch;
          touchedRow[nTouched] = postRow[k]!;
          touched[nTouched++] = n;
        }
        if (nPending === 0) continue;
        // The names whose words decide whether a merge can raise them: their first words read in one pass,
        // loads that do not wait for each other, then each name tested with its words in cache.
        if (nPending > readFirst.length) readFirst = new Float64Array(nPending * 2);
        for (let x = 0; x < nPending; x++) {
          const row = postRow[pendingAt[x]! >>> 2]!;
          readFirst[x] = row === NO_ROW ? 0 : occRec[(row >>> 6) * 2]!;
        }
        for (let x = 0; x < nPending; x++) {
          const k = pendingAt[x]! >>> 2;
          const n = post[k]!;
          if (seen[n] === epoch) continue;
          const vl = vowelless || (postSig[k * POST_STRIDE + POST_LENS]! & 1) !== 0;
          const test = pendingAt[x]! & 3;
          if (
            !((test & 1) !== 0 && merges.absorbsRun(n, postRow[k]!, runsOfHit, vl)) &&
            !((test & 2) !== 0 && merges.mayJoin(n, postRow[k]!, id, vl))
          )
            continue;
          seen[n] = epoch;
          touchedRow[nTouched] = postRow[k]!;
          touched[nTouched++] = n;
        }
        nPending = 0;
      }
    }

    // Step 3: an upper bound per name from the words it shares with the query.
    const best = scratchBest;
    /** Names whose bound reaches the floor, with the bound without merges (to order equal bounds). */
    const cands: { n: number; ub: number; tight: number }[] = [];
    const qLen = qSquashed.map((t) => t.length);
    const hitOf = scratchHitOf;
    hitOf.fill(-1, 0, q.tokens.length);
    hits.forEach((h, k) => {
      hitOf[h.i] = k;
    });
    let qMaxLen = 0;
    for (const L of qLen) if (L >= 4 && L > qMaxLen) qMaxLen = L;
    const nameTop = scratchNameTop;
    /** The bound with merges: initials, legal forms and stopwords on either side count as agreeing. */
    const mergedCap = (accA: number, accB: number, totalB: number, otherB: number) =>
      scoreCap(
        Math.min(1, accA / totalQ),
        hasInitial || totalB === 0 ? 1 : Math.min(1, (accB + otherB) / totalB),
        true,
        0,
        0,
      );
    // What the query's words that are not looked up (initials, legal forms, stopwords) can pair with, for
    // the tight bound: an initial pairs with a word of its letter (0.7), a legal form with the same legal
    // form (1) or one of its class (0.8), a stopword or title only with the same word.
    idEpoch++;
    if (idEpoch === 0xffffffff) {
      qIdStamp.fill(0);
      idEpoch = 1;
    }
    let qInitAll = 0;
    let qCredFirst = 0;
    const qLegId = scratchLegId;
    const qLegCls = scratchLegCls;
    const qLegW = scratchLegW;
    const qLegBest = scratchLegBest;
    qLegId.length = qLegCls.length = qLegW.length = qLegBest.length = 0;
    let qStopW = 0;
    const qInitBits: number[] = [];
    const qInitW: number[] = [];
    const qIds = vocabIds(q);
    for (let i = 0; i < q.tokens.length; i++) {
      const kind = q.kinds[i]!;
      const bit = letterMask(q.tokens[i]!.charAt(0));
      if (kind === WordKind.Legal) {
        qLegId.push(qIds[i]!);
        qLegCls.push(legalClassCode(q.classes[i]));
        // Only legal forms not looked up add to the query's side here (a looked-up one is a hit).
        qLegW.push(hitOf[i]! >= 0 ? 0 : q.weights[i]!);
        qLegBest.push(0);
      } else {
        const id = qIds[i]!;
        if (id >= 0) qIdStamp[id] = idEpoch;
        if (kind === WordKind.Initial) qInitAll |= bit;
        else if (creditable(kind)) qCredFirst |= bit;
      }
      if (hitOf[i]! >= 0) continue;
      const w = q.weights[i]!;
      if (kind === WordKind.Legal) continue;
      if (kind === WordKind.Initial) {
        qInitBits.push(bit);
        qInitW.push(w);
      } else qStopW += w;
    }
    const bestName = scratchBestName;
    const { rowRec, rowRecF, occRec, occRecF, tokLen, vocabFlags, tokKind, tokFirstBit, tokClass } = index;
    // Each name's record, first word and first word's kind read once before the loop below, name after
    // name: loads that do not wait for each other, so their cache misses overlap instead of coming one at a
    // time.
    if (nTouched > readFirst.length) readFirst = new Float64Array(nTouched * 2);
    for (let x = 0; x < nTouched; x++) {
      const row = touchedRow[x]!;
      readFirst[x] =
        rowRecF[touched[x]! * 4 + 2]! + (row === NO_ROW ? 0 : occRec[(row >>> 6) * 2]! + tokKind[row >>> 6]!);
    }
    for (let x = 0; x < nTouched; x++) {
      const n = touched[x]!;
      for (let h = 0; h < nq; h++) {
        best[h] = 0;
        bestName[h] = 0;
      }
      for (let j = 0; j < qLegBest.length; j++) qLegBest[j] = 0;
      let accB = 0;
      /** Weight of the name's words that agree with a hit, each in full. */
      let accBAgree = 0;
      let accBT = 0;
      const from = rowRec[n * 4]!;
      const end = rowRec[n * 4 + 4]!;
      const to = Math.min(end, from + 64);
      let nMaxLen = 0;
      let nLens = 0;
      let nameVowelless = false;
      /** Two neighbouring words agree (a query word split in two may be both). */
      let pairAgrees = false;
      let prevTop = 0;
      for (let k = from; k < end; k++) {
        const id = occRec[k * 2]!;
        const L = tokLen[id]!;
        if (L >= 4) {
          if (L > nMaxLen) nMaxLen = L;
          nLens |= 1 << Math.min(L, 31);
        }
        if (vocabFlags[id]! & ABJAD) {
          nameVowelless = true;
          nLens |= 1;
        }
        const slot = slotOf[id]!;
        const kind = tokKind[k]!;
        let top = 0;
        if (slot >= 0) {
          const base = slot * nq;
          const isName = kind === WordKind.Name;
          for (let h = 0; h < nq; h++) {
            const s = sims[base + h]!;
            if (s > best[h]!) best[h] = s;
            if (isName && s > bestName[h]!) bestName[h] = s;
            if (s > top) top = s;
          }
        }
        if (k < to) nameTop[k - from] = top;
        if (top > 0 && prevTop > 0) pairAgrees = true;
        prevTop = top;
        const w = occRecF[k * 2 + 1]!;
        accB += top * w;
        if (top > 0) accBAgree += w;
        // The tight credit of this word: what any query word (looked up or not) can pair it with.
        let topT = top;
        if (kind === WordKind.Legal) {
          topT = 0;
          const cls = tokClass[id]!;
          for (let j = 0; j < qLegId.length; j++) {
            const pair = qLegId[j] === id ? 1 : qLegCls[j] === cls ? 0.8 : 0;
            if (pair > topT) topT = pair;
            if (pair > qLegBest[j]!) qLegBest[j] = pair;
          }
        } else {
          if (qIdStamp[id] === idEpoch) topT = 1;
          else if (topT < 0.7) {
            const bit = tokFirstBit[id]!;
            if (kind === WordKind.Initial ? qCredFirst & bit : creditable(kind) && qInitAll & bit) topT = 0.7;
          }
        }
        accBT += topT * w;
      }
      // Sharing no word, only legal forms or stopwords can agree: the score is halved, at most 0.5.
      if (accB === 0 && !hasInitial && floor > 0.5) continue;
      let accA = free;
      let accAT = qStopW;
      let wordSim = 0;
      let words = 0;
      for (let h = 0; h < nq; h++) {
        const b = best[h]!;
        accA += b * hitW[h]!;
        if (b > wordSim && hitName[h] === 1) wordSim = b;
        // Only a pair of name words on both sides counts as an agreeing word (score.ts).
        if (bestName[h]! > 0 && hitName[h] === 1) words++;
      }
      const rf = rowRec[n * 4 + 1]!;
      for (let j = 0; j < qLegW.length; j++) accAT += qLegBest[j]! * qLegW[j]!;
      for (let i = 0; i < qInitBits.length; i++) if (rf & qInitBits[i]!) accAT += qInitW[i]!;
      accAT += accA - free;
      const totalB = rowRecF[n * 4 + 2]!;
      const otherB = rowRecF[n * 4 + 3]!;
      // Without merges, every query word and name word is credited only with what it can pair with
      // (tight); a merge can fold initials, legal forms and stopwords into a word, so with one possible the
      // loose bound holds (they all count as agreeing). The merge tests below find each possible merge for
      // queries short enough for the run tables; for longer ones, a split or joined spelling found in the
      // list makes every name take the loose bound.
      const tight = scoreCap(
        Math.min(1, accAT / totalQ),
        totalB === 0 ? 1 : Math.min(1, accBT / totalB),
        false,
        words,
        wordSim,
      );
      let ub = joined && merges.qRuns.count < 0 ? mergedCap(accA, accB, totalB, otherB) : tight;
      // The scorer may merge a run of 2–3 words next to an agreeing word into one token that pairs with a
      // longer word on the other side ("distribuidora bank" ≈ "distribuidora"): count such words as agreeing.
      // Merges raise the bound to at most LENIENT + (1 − LENIENT)·covA with covA counting the query words a
      // merge absorbs (runSlack: only non-agreeing hit words, and only with a word of a fitting length).
      // The merged word can pair better than any of its parts ("neft ag" is "neftag", "neft" only 0.87 like
      // it): with a merge, the words that agree count in full on both sides. A bound that already reaches
      // the floor is raised too: the candidates are scored best bound first and the scoring stops at the
      // limit-th score, so a bound must never be below the score.
      let maxSlackA = 0;
      let raiseA = 0;
      for (let h = 0; h < nq; h++) {
        if (best[h] === 0) maxSlackA += hitW[h]!;
        else raiseA += (1 - best[h]!) * hitW[h]!;
      }
      if (accB > 0 && (accA + raiseA + maxSlackA) / totalQ >= needCov - 1e-5) {
        const vl = vowelless || nameVowelless;
        // A query word split in two ("grouppjsc") merges two neighbouring name words that both agree.
        let merged = split && pairAgrees;
        // Query words a merge into one of the name's words absorbs (exact per word, memoised per query);
        // only a word of a length that fits a query run (or a vowel-less one) can absorb one.
        let slackA = 0;
        if (merges.qRuns.count >= 0) {
          if ((nLens & runLens) !== 0) {
            slackA = merges.runSlack(q, hitOf, best, from, to, vl);
            if (merges.last.merged) merged = true;
          }
        } else if (nMaxLen >= 4) slackA = merges.querySlack(q, qSquashed, hitOf, best, from, to, vl);
        // Name words a merge absorbs raise covB only: worth finding only when covA can reach needCov, and
        // only when two neighbouring name words, one agreeing, can both be part of a query word.
        let slackB = 0;
        if (
          qMaxLen >= 4 &&
          (accA + raiseA + slackA) / totalQ >= needCov - 1e-5 &&
          (vl || merges.mayMergeName(from, to, nameTop))
        ) {
          stats.mergeChecks++;
          slackB = merges.mergeSlack(from, to, qSquashed, vl, nameTop);
          if (merges.last.merged) merged = true;
        }
        if (merged || slackA > 0 || slackB > 0)
          ub = Math.max(ub, mergedCap(accA + raiseA + slackA, accBAgree + slackB, totalB, otherB));
      }
      if (ub >= floor - 1e-6) cands.push({ n, ub, tight });
    }
    for (const id of usedIds) slotOf[id] = -1;

    stats.touched += nTouched;
    stats.candidates += cands.length;
    // Step 4: score best bound first.
    // Among equal bounds (a merge makes many names 1), names that need no merge to score well come first:
    // the limit-th score is then reached sooner.
    cands.sort((a, b) => b.ub - a.ub || b.tight - a.tight);
    let scored = 0;
    let kth = -1; // the limit-th best score found, once there are that many (-1: recompute)
    for (const c of cands) {
      if (found.size >= limit) {
        if (kth < 0) kth = kthBest(found, limit);
        if (kth >= c.ub + (country ? COUNTRY_BOOST : 0) - 1e-6) break;
      }
      if (scored++ >= maxCandidates) break;
      stats.scored++;
      const scoredC = scorePrepared(q, index.prepared(c.n));
      const raw = scoredC.score;
      const e = entryOf[c.n]!;
      const score = country && countryOf[e]!.has(country) ? Math.min(1, raw + COUNTRY_BOOST) : raw;
      if (score < minScore) continue;
      const prev = found.get(e);
      if (!prev || score > prev.score) {
        found.set(e, { n: c.n, score, raw, scored: scoredC });
        // A score at or below the limit-th best leaves the limit best unchanged.
        if (score > kth) kth = -1;
      }
    }
  }

  function kthBest(found: Found, k: number): number {
    const scores = [...found.values()].map((r) => r.score).sort((a, b) => b - a);
    return scores[k - 1] ?? 0;
  }

  function results(found: Found, limit: number, country: string | undefined): NameMatch[] {
    return [...found.entries()]
      .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
      .slice(0, limit)
      .map(([e, r]) => {
        const entry = entries[e]!;
        const scored = r.scored;
        const name = index.rowName[r.n]!;
        const note = r.score !== r.raw ? `listed for ${country}, as the party` : undefined;
        return {
          entryId: entry.id,
          listId: entry.listId,
          matchedName: names[listedAt[name]!]!,
          score: Math.round(r.score * 1000) / 1000,
          explanation: explain(
            { ...scored, score: r.score },
            names[listedAt[name]!]!,
            nameAlias[name]!,
            note,
          ),
        };
      });
  }

  let allPrepared: Prepared[] | undefined;
  const fullScan: FullScan = (query, opts = {}) => {
    const limit = opts.limit ?? 10;
    const minScore = opts.minScore ?? DEFAULT_MATCH_THRESHOLD;
    if (limit <= 0 || names.length === 0) return [];
    const country = opts.country?.toUpperCase();
    const found: Found = new Map();
    allPrepared ??= Array.from({ length: index.size }, (_, n) => index.build(n));
    for (const q of prepareQuery(firstChars(query))) {
      if (q.tokens.length === 0) continue;
      for (let n = 0; n < index.size; n++) {
        const scored = scorePrepared(q, allPrepared[n]!);
        const raw = scored.score;
        const e = entryOf[n]!;
        const score = country && countryOf[e]!.has(country) ? Math.min(1, raw + COUNTRY_BOOST) : raw;
        if (score < minScore) continue;
        const prev = found.get(e);
        if (!prev || score > prev.score) found.set(e, { n, score, raw, scored });
      }
    }
    return results(found, limit, country);
  };

  /** The pairs in `found` (its order kept), with their posting count, best similarity and Bloom bits. */
  function pack(found: Map<number, number>): Pairs {
    const ids = new Int32Array(found.size);
    const sims = new Float32Array(found.size);
    let k = 0;
    let count = 0;
    let top = 0;
    const sig = new Uint32Array(BLOOM_WORDS);
    for (const [id, sim] of found) {
      ids[k] = id;
      sims[k++] = sim;
      count += index.postingCount(id);
      if (sim > top) top = sim;
      const bit = index.tokBit[id]!;
      sig[bit >>> 5]! |= 1 << (bit & 31);
    }
    return { ids, sims, count, top: Math.fround(top), sig };
  }

  /** Hit h's similarity to vocabulary word id (0 when it does not pair). */
  function simOf(h: Hit, id: number): number {
    if (h.map) return h.map.get(id) ?? 0;
    for (let k = 0; k < h.ids.length; k++) if (h.ids[k] === id) return h.sims[k]!;
    return 0;
  }

  /** Hit h's pairs as a map joinHits may add to (packed again after it). */
  function own(h: Hit): Map<number, number> {
    if (!h.map) {
      h.map = new Map();
      for (let k = 0; k < h.ids.length; k++) h.map.set(h.ids[k]!, h.sims[k]!);
    }
    return h.map;
  }

  /**
   * The vocabulary words a run of query words joined into `joined` can merge into, as (id, similarity)
   * pairs: the same spelling, the same consonant skeleton for vowel-less runs, and (near) Jaro-Winkler ≥
   * 0.95 within three letters. Cached per run: the same runs come back in query after query.
   */
  function joinedWords(joined: string, flags: number, near: boolean): number[] {
    const cache = flags !== 0 ? joinCache : near ? joinNear : joinExact;
    const key = flags !== 0 ? `${flags}|${near ? 1 : 0}|${joined}` : joined;
    const cached = cache.get(key);
    if (cached) return cached;
    const out: number[] = [];
    const id = index.vocab.get(joined);
    if (id !== undefined) out.push(id, 1);
    // Vowel-less runs merge on the consonant skeleton ("bd llh" = Abdullah).
    if (flags & ABJAD) {
      index.skeletonTokens(skeleton(joined), (v) => {
        const sim = tokenSimilarity(joined, index.tokens[v]!, flags, index.vocabFlags[v]!);
        out.push(v, Math.max(sim, 0.92));
      });
    }
    if (near) {
      const L = joined.length;
      const far = farScratch;
      far.length = 0;
      const firsts = firstLetters(joined);
      index.words.nearTokens(joined, firsts, L - 3, L + 3, 4, 0.95, far);
      // Words one edit away with another first letter (swapped, dropped, added or changed): the scan above
      // reads only words of the run's first letter.
      index.firstLetterEdits(joined, (v) => {
        if (v !== id && !firsts.includes(index.tokens[v]!.charAt(0))) far.push(v);
      });
      for (let x = 0; x < far.length; x++) {
        const v = far[x]!;
        const t = index.tokens[v]!;
        if (t.length < 4 || jaroWinkler(t, joined) < 0.95) continue;
        const sim = tokenSimilarity(joined, t, flags, index.vocabFlags[v]!);
        if (sim > 0) out.push(v, sim);
      }
    }
    if (cache.size >= 4096) cache.clear();
    cache.set(key, out);
    return out;
  }

  /**
   * "gazprom bank" (or "jsc argument") in the query finds "gazprombank" ("jscargument") in the list, and a
   * run of 2–3 query words nearly spelling one list word finds it too (the scorer merges such runs).
   */
  function joinHits(q: Prepared, hits: Hit[]) {
    const tokens = q.tokens;
    let joinedHit = false;
    for (let i = 0; i + 1 < tokens.length; i++) {
      let joined = '';
      let shortest = 99;
      let flags = 0;
      let legal = false;
      for (let end = i; end < Math.min(tokens.length, i + 3); end++) {
        joined += tokens[end]!.replace(/ /g, '');
        shortest = Math.min(shortest, tokens[end]!.length);
        flags |= q.flags[end]!;
        if (q.kinds[end] === WordKind.Legal) legal = true;
        if (end === i || joined.length < 5) continue;
        const credit = (id: number, sim: number) => {
          let credited = false;
          for (const h of hits) {
            if (h.i >= i && h.i <= end && simOf(h, id) < sim) {
              own(h).set(id, sim);
              credited = true;
            } else if (h.i >= i && h.i <= end) credited = true;
          }
          if (!credited && hits[0] && simOf(hits[0], id) < sim) own(hits[0]).set(id, sim);
        };
        const near = joined.length >= 8 && shortest >= 3 && !legal;
        const found = joinedWords(joined, flags, near);
        for (let x = 0; x < found.length; x += 2) credit(found[x]!, found[x + 1]!);
        if (found.length > 0) joinedHit = true;
      }
    }
    if (joinedHit) joined = true;
  }

  /** "gazprombank" in the query finds "gazprom bank" in the list. */
  function splitHits(t: string, flags: number, found: Map<number, number>): Split {
    let split = Split.None;
    // Written without vowels, a part may have two letters ("bdllh", عبدالله: "bd llh", عبد الله); a merge
    // makes a word of five letters or more (score.ts).
    const part = flags & (ABJAD | SYLLABIC) ? 2 : 3;
    if (t.length < Math.max(5, part * 2)) return split;
    // A part pairs with the whole word only once the name's parts are merged. The parts are kept
    // (SPLIT_PART) so that the search reaches the names holding them, each credited with its own
    // similarity. A merge with a legal form must spell the word exactly (score.ts), so the other part
    // reaches every such name: "group" for "grouppjsc", not "pjsc" in every "… PJSC".
    const legal = (ids: readonly number[]) => ids.every((id) => index.isLegalOnly(id));
    const reach = (a: readonly number[], b: readonly number[]) => {
      const legalA = legal(a);
      const legalB = legal(b);
      for (const id of legalA ? b : legalB ? a : [...a, ...b]) {
        if (found.has(id)) continue;
        const sim = tokenSimilarity(t, index.tokens[id]!, flags, index.vocabFlags[id]!);
        found.set(id, Math.max(SPLIT_PART, sim));
      }
      // Both parts legal forms ("ooollc"): the names are reached through a legal form.
      if (legalA && legalB) split = Split.LegalParts;
      else if (split === Split.None) split = Split.Parts;
    };
    // A short legal form glued on ("OOOTRANS" / "OOO TRANS", "NEFTAG" / "NEFT AG"), even one of two letters.
    unglued(t, (rest, form) => {
      const left = index.vocab.get(form);
      const right = index.vocab.get(rest);
      if (left !== undefined && right !== undefined) reach([left], [right]);
    });
    // A listed word may still be another name written apart, but only the legal form is looked for:
    // splitting every listed word would pair "johnson" with "john". Written without vowels, names run
    // together and apart both ways (عبدالله, عبد الله), so the listed word is split too.
    if (part === 3 && index.vocab.has(t)) return split;
    for (let k = part; k <= t.length - part; k++) {
      const a = t.slice(0, k);
      const b = t.slice(k);
      const left = index.vocab.get(a);
      const right = index.vocab.get(b);
      if (left !== undefined && right !== undefined) {
        reach([left], [right]);
        continue;
      }
      // Three listed words run together ("kayleighmiriammaxim"): the scorer merges runs of up to three.
      if (left !== undefined) {
        for (let j = part; j <= b.length - part; j++) {
          const b1 = index.vocab.get(b.slice(0, j));
          const b2 = b1 === undefined ? undefined : index.vocab.get(b.slice(j));
          if (b2 !== undefined) reach([left], [b1!, b2]);
        }
      }
      // One part listed, the other a typo away ("energetikatradnig": energetika, trading): the scorer merges
      // such a run of name words when it is within Jaro-Winkler 0.95 of the query word (8 letters or more).
      const listed = left ?? right;
      const typo = left === undefined ? a : b;
      if (listed === undefined || t.length < 8 || typo.length < 4) continue;
      const near: number[] = [];
      index.similarTokens(typo, (id) => near.push(id));
      if (near.length > 0) reach([listed], near);
    }
    return split;
  }

  // The words queries share most are the list's most frequent ones (given names, surnames, company words):
  // looked up once here, a search with them skips their first look-up.
  for (const id of index.mostFrequent(options.commonWords ?? COMMON_WORDS)) {
    const t = index.tokens[id]!;
    common.set(t, lookUpWord(t, 0));
  }

  const matcher = { size: entries.length, nameCount: names.length, search };
  Object.defineProperty(matcher, FULL_SCAN, { value: fullScan, enumerable: false });
  Object.defineProperty(matcher, STATS, { value: stats, enumerable: false });
  Object.defineProperty(matcher, CLEAR_CACHES, {
    value: () => {
      wordCache.clear();
      joinCache.clear();
      joinNear.clear();
      joinExact.clear();
      queryCache.clear();
      index.clearCache();
    },
    enumerable: false,
  });
  return matcher;
}

/** Sound-alike first letters the scorer does not penalise (see SAME_SOUND in similarity.ts). */
const ALIKE: Record<string, string> = {
  v: 'w',
  w: 'v',
  c: 'k',
  k: 'cq',
  q: 'k',
  i: 'ye',
  y: 'ij',
  j: 'y',
  e: 'i',
  o: 'u',
  u: 'o',
  f: 'p',
  p: 'f',
};

function firstLetters(t: string): string {
  return t[0]! + (ALIKE[t[0]!] ?? '');
}

/**
 * Most a name can score (score.ts) with these coverages of the query (covA) and of the name (covB): with
 * fewer than two agreeing name words on both sides and no merge, the weaker side counts as much as the
 * stronger, the one word must agree closely (its best similarity wordSim), and with none the score is
 * halved unless both are whole. Merges can create name words, so with one possible (merged) the looser
 * bound holds.
 */
function scoreCap(covA: number, covB: number, merged: boolean, words: number, wordSim: number): number {
  const lambda = merged || words >= 2 ? LENIENT : STRICT;
  const ub = lambda * Math.max(covA, covB) + (1 - lambda) * Math.min(covA, covB);
  if (merged || words >= 2) return ub;
  if (words === 1) return ub * Math.min(1, 0.05 + wordSim);
  // With none, halved unless every word of both may agree exactly (a name of initials and generic words).
  return Math.min(covA, covB) > 1 - 1e-5 ? ub : ub * 0.5;
}
