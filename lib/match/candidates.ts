/**
 * Candidate index: finds the few list names worth scoring for a query without scanning the list.
 * Built once per watchlist version. Compact: names are stored as token ids in typed arrays; fuzzy keys
 * (one-deletion variants and consonant skeletons) point at vocabulary tokens, not at names, so their
 * size grows with the vocabulary rather than the list.
 */

import { DeleteTable, WHOLE } from './delete-table';
import { type LegalFormClass, unglued } from './legal-forms';
import { ABJAD, SYLLABIC } from './normalize';
import { type Prepared, prepareVariants } from './prepare';
import { endingClass, hasVW, skeletonAs, skeletonReadings, soundKey } from './similarity';
import { BASE_WEIGHT, isPatronymic, PATRONYMIC_WEIGHT, WordKind } from './stopwords';
import { letterMask, WordBuckets } from './word-buckets';

export { jaroWinklerMaskBound, letterMask, popcount } from './word-buckets';

/** A Map value that is one id (the common case) or several: keeps the fuzzy maps small. */
type Ids = number | number[];

function addId(map: Map<string, Ids>, key: string, id: number): void {
  const cur = map.get(key);
  if (cur === undefined) map.set(key, id);
  else if (typeof cur === 'number') {
    if (cur !== id) map.set(key, [cur, id]);
  } else if (cur[cur.length - 1] !== id) cur.push(id);
}

function forIds(v: Ids | undefined, f: (id: number) => void): void {
  if (v === undefined) return;
  if (typeof v === 'number') f(v);
  else for (const id of v) f(id);
}

/** Minimum token length for typo keys: shorter words need an exact or skeleton hit. */
const FUZZY_MIN = 4;
export class NameIndex {
  /** Rows: one per name, or several for a name with several readings (see prepareVariants). */
  readonly size: number;
  /** The name (index into the constructor's list) each row reads. */
  readonly rowName: Uint32Array;
  readonly vocab = new Map<string, number>();
  readonly tokens: string[] = [];
  private df: Uint32Array = new Uint32Array(0);
  private rare: Float32Array = new Float32Array(0);
  /** Name i's tokens are tokIds[start[i] .. start[i+1]). */
  start!: Uint32Array;
  tokIds!: Uint32Array;
  tokKind!: Uint8Array;
  private tokFlags!: Uint8Array;
  /** Weight of each token occurrence (corpus rarity applied), as the scorer sees it. */
  tokW: Float32Array = new Float32Array(0);
  /** Sum of a name's token weights. */
  nameTotal: Float32Array = new Float32Array(0);
  /** Weight of a name's tokens that the candidate search never credits (legal forms, stopwords, initials). */
  nameOther: Float32Array = new Float32Array(0);
  /**
   * Per name, side by side for the search's bound loop (a name in 16 bytes): start, the first-letter bits
   * of its words that can pair with an initial (names, generic words, particles, initials), total (float
   * bits) and other (float bits), as rowRec and its Float32 view rowRecF. One more row at the end holds
   * the end of the last name: name n ends where n + 1 starts.
   */
  rowRec: Uint32Array = new Uint32Array(0);
  rowRecF: Float32Array = new Float32Array(0);
  /** Token occurrences as (id, weight as float bits) pairs: occRec and its Float32 view occRecF. */
  occRec: Uint32Array = new Uint32Array(0);
  occRecF: Float32Array = new Float32Array(0);
  /**
   * Legal-form class of each vocabulary token as legalClassCode (0: none), as the scorer pairs two legal
   * forms: the same word 1, the same class 0.8 (score.ts).
   */
  tokClass: Uint8Array = new Uint8Array(0);
  /** Bloom filter bit of each vocabulary token (tokenBit). */
  tokBit: Uint8Array = new Uint8Array(0);
  /** Bit of each vocabulary token's first letter (a–z: bits 0–25; anything else: bit 26). */
  tokFirstBit: Uint32Array = new Uint32Array(0);
  /** Script flags seen on each vocabulary token (OR over its occurrences). */
  vocabFlags: Uint8Array = new Uint8Array(0);
  private legalClass = new Map<number, LegalFormClass>();
  /** Vocabulary words that only ever occur as legal forms. */
  private legalOnly = new Set<number>();
  /**
   * Postings: names containing token t are post[postStart[t] .. postStart[t+1]), those where it is a word
   * (not only a legal form) first, up to postLegal[t]; each part in name order.
   */
  postStart: Uint32Array = new Uint32Array(0);
  post: Uint32Array = new Uint32Array(0);
  postLegal: Uint32Array = new Uint32Array(0);
  /**
   * Beside each posting, six words (POST_STRIDE) about its name: a 128-bit Bloom filter of its words but
   * legal forms (bits tokBit, by first letter and length), the lengths of its words of 4+ letters (bit
   * min(length, 31); bit 0: a word in a vowel-less script; bit 1, POST_BIT_SHARED: another word of the
   * name has the filter bit of the posting's word), and the lengths of its runs of 2–3 words holding the
   * posting's word (runLengths; all bits for a vowel-less name). Lets the search skip names that share
   * only one query word without reading them.
   */
  postSig: Uint32Array = new Uint32Array(0);
  /**
   * Beside each posting, the share of its name's weight that the posting's word carries (the heaviest
   * occurrence) and the share of the name's words the search never credits (legal forms, stopwords,
   * initials). A name that can agree with the query through this one word reaches at most their sum.
   */
  postShare: Float32Array = new Float32Array(0);
  /**
   * Beside each posting, where its name's words are: first occurrence · 64 + number of words (63: that many
   * or more, read rowRec for the end), or NO_ROW for an index too large to pack. Spares the search a read of
   * rowRec for the names it skips.
   */
  postRow: Uint32Array = new Uint32Array(0);
  /**
   * Beside each posting, the words on either side of the posting's word in its name (vocabulary ids, with
   * NEAR_LEGAL for a legal form; NO_WORD at either end), or POST_NEAR_MANY twice when the word is in the name
   * more than once. Every run of 2–3 words holding the posting's word holds one of them: the search can rule
   * out a merge from these two alone (merges.ts, nearMerge).
   */
  postNear: Uint32Array = new Uint32Array(0);
  /** Beside each posting, runLengths of its name's runs of three words holding its word only. */
  postRuns3: Uint32Array = new Uint32Array(0);
  private fuzzy!: DeleteTable;
  /** Words glued to a short legal form ("jscargument"), by what is left without it ("argument"). */
  private glued = new Map<string, Ids>();
  private skel = new Map<string, Ids>();
  /** Words written without vowels by their consonant skeleton of one or two letters (vowellessBySkeleton). */
  private vowellessSkel = new Map<string, Ids>();
  /** Words of one consonant by skeleton and ending (oneConsonantWords). */
  private oneConsonant = new Map<string, Ids>();
  /** Words of three letters or more by soundKey (soundAlike). */
  private sounds = new Map<string, Ids>();
  /** The vocabulary in buckets for the far-spelling scans (word-buckets.ts). */
  words!: WordBuckets;
  /** Length of each vocabulary token (capped at 255). */
  tokLen: Uint8Array = new Uint8Array(0);
  /**
   * Each vocabulary token without its spaces (the same string when it has none), its length (capped at
   * 255) and letterMask.
   */
  tokSq: string[] = [];
  tokSqLen: Uint8Array = new Uint8Array(0);
  tokSqMask: Uint32Array = new Uint32Array(0);

  /**
   * `counted` tells which names count towards the words' rarity: not the forms a listed name is also
   * indexed in (forms.ts), which repeat its words.
   */
  constructor(names: readonly string[], counted: (name: number) => boolean = () => true) {
    // Names are prepared one at a time straight into flat arrays: keeping 100,000 prepared names alive
    // until the end would cost more in garbage collection than the preparing itself.
    const rowName: number[] = [];
    const startList: number[] = [];
    const ids: number[] = [];
    const kinds: number[] = [];
    const flags: number[] = [];
    const dfList: number[] = [];
    /** The same counted over the names that count towards rarity. */
    const rareList: number[] = [];
    let countedNames = 0;
    /** 1 for a vocabulary word seen as a name's word (not a legal form) somewhere. */
    const asWord: number[] = [];
    for (let n = 0; n < names.length; n++) {
      const counts = counted(n);
      // A name in Han characters has several readings (Mandarin, Korean, Japanese): one row each.
      for (const p of prepareVariants(names[n]!)) {
        if (counts) countedNames++;
        rowName.push(n);
        startList.push(ids.length);
        const first = ids.length;
        for (let i = 0; i < p.tokens.length; i++) {
          const t = p.tokens[i]!;
          let id = this.vocab.get(t);
          if (id === undefined) {
            id = this.tokens.length;
            this.vocab.set(t, id);
            this.tokens.push(t);
            dfList.push(0);
            rareList.push(0);
            asWord.push(0);
          }
          // Count each token once per name for document frequency.
          let dup = false;
          for (let k = first; k < ids.length; k++) if (ids[k] === id) dup = true;
          if (!dup) dfList[id]!++;
          if (!dup && counts) rareList[id]!++;
          ids.push(id);
          kinds.push(p.kinds[i]!);
          flags.push(p.flags[i]!);
          const cls = p.classes[i];
          if (cls) this.legalClass.set(id, cls);
          else asWord[id] = 1;
        }
      }
    }
    this.size = rowName.length;
    this.rowName = Uint32Array.from(rowName);
    const start = new Uint32Array(this.size + 1);
    start.set(startList);
    this.legalOnly = new Set([...this.legalClass.keys()].filter((id) => asWord[id] === 0));
    this.tokClass = new Uint8Array(this.tokens.length);
    for (const [id, cls] of this.legalClass) this.tokClass[id] = legalClassCode(cls);
    start[this.size] = ids.length;
    this.start = start;
    this.tokIds = Uint32Array.from(ids);
    this.tokKind = Uint8Array.from(kinds);
    this.tokFlags = Uint8Array.from(flags);
    this.df = Uint32Array.from(dfList);
    this.buildPostings();
    this.buildRarity(rareList, countedNames);
    this.buildWeights();
    this.buildFuzzy();
    this.buildSignatures();
  }

  private buildWeights(): void {
    const n = this.tokIds.length;
    const w = new Float32Array(n);
    const vflags = new Uint8Array(this.tokens.length);
    const patronymic = Uint8Array.from(this.tokens, (t) => (isPatronymic(t) ? 1 : 0));
    for (let k = 0; k < n; k++) {
      const id = this.tokIds[k]!;
      const kind = this.tokKind[k]! as WordKind;
      const base = BASE_WEIGHT[kind];
      w[k] =
        kind === WordKind.Name
          ? base * this.rare[id]! * (patronymic[id] === 1 ? PATRONYMIC_WEIGHT : 1)
          : kind === WordKind.Generic
            ? base * this.rare[id]!
            : base;
      vflags[id] = vflags[id]! | this.tokFlags[k]!;
    }
    const total = new Float32Array(this.size);
    const other = new Float32Array(this.size);
    for (let r = 0; r < this.size; r++) {
      let t = 0;
      let o = 0;
      for (let k = this.start[r]!; k < this.start[r + 1]!; k++) {
        t += w[k]!;
        if (!creditable(this.tokKind[k]! as WordKind)) o += w[k]!;
      }
      total[r] = t;
      other[r] = o;
    }
    const rec = new Uint32Array((this.size + 1) * 4);
    const recF = new Float32Array(rec.buffer);
    for (let r = 0; r < this.size; r++) {
      rec[r * 4] = this.start[r]!;
      recF[r * 4 + 2] = total[r]!;
      recF[r * 4 + 3] = other[r]!;
    }
    rec[this.size * 4] = this.start[this.size]!;
    const occ = new Uint32Array(n * 2);
    const occF = new Float32Array(occ.buffer);
    for (let k = 0; k < n; k++) {
      occ[k * 2] = this.tokIds[k]!;
      occF[k * 2 + 1] = w[k]!;
    }
    const firstBit = new Uint32Array(this.tokens.length);
    for (let id = 0; id < firstBit.length; id++) firstBit[id] = letterMask(this.tokens[id]!.charAt(0));
    for (let r = 0; r < this.size; r++) {
      let f = 0;
      for (let k = this.start[r]!; k < this.start[r + 1]!; k++) {
        const kind = this.tokKind[k]! as WordKind;
        if (creditable(kind) || kind === WordKind.Initial) f |= firstBit[this.tokIds[k]!]!;
      }
      rec[r * 4 + 1] = f;
    }
    this.tokFirstBit = firstBit;
    this.rowRec = rec;
    this.rowRecF = recF;
    this.occRec = occ;
    this.occRecF = occF;
    this.tokW = w;
    this.nameTotal = total;
    this.nameOther = other;
    this.vocabFlags = vflags;
  }

  private buildSignatures(): void {
    this.tokBit = Uint8Array.from(this.tokens, tokenBit);
    const rowSig = new Uint32Array(this.size * 5);
    for (let n = 0; n < this.size; n++) {
      let lens = 0;
      const from = this.start[n]!;
      const to = this.start[n + 1]!;
      for (let k = from; k < to; k++) {
        const id = this.tokIds[k]!;
        const bit = this.tokBit[id]!;
        // A legal form pairs only with a legal form (score.ts): it stays out of the filter, which the
        // search tests only for query words that are not legal forms ("LIMITED Inc." as a name is not
        // in every "… Inc.").
        if (this.tokKind[k] !== WordKind.Legal) rowSig[n * 5 + (bit >>> 5)]! |= 1 << (bit & 31);
        const L = this.tokLen[id]!;
        if (L >= 4) lens |= 1 << Math.min(L, 31);
        if (this.vocabFlags[id]! & ABJAD) lens |= 1;
      }
      rowSig[n * 5 + POST_LENS] = lens;
    }
    const sig = new Uint32Array(this.post.length * POST_STRIDE);
    const share = new Float32Array(this.post.length * 2);
    const row = new Uint32Array(this.post.length);
    const near = new Uint32Array(this.post.length * 2);
    const runs3 = new Uint32Array(this.post.length);
    const packable = this.tokIds.length < 2 ** 26;
    for (let t = 0; t < this.tokens.length; t++) {
      for (let k = this.postStart[t]!; k < this.postStart[t + 1]!; k++) {
        const n = this.post[k]!;
        for (let x = 0; x < 5; x++) sig[k * POST_STRIDE + x] = rowSig[n * 5 + x]!;
        // A vowel-less name merges on skeletons, whose lengths say nothing.
        sig[k * POST_STRIDE + POST_RUNS] = rowSig[n * 5 + POST_LENS]! & 1 ? -1 : this.runLengths(n, t);
        runs3[k] = rowSig[n * 5 + POST_LENS]! & 1 ? -1 : this.runLengths(n, t, true);
        const count = this.start[n + 1]! - this.start[n]!;
        row[k] = packable ? this.start[n]! * 64 + Math.min(63, count) : NO_ROW;
        const total = this.nameTotal[n]!;
        let w = 0;
        // Words of the name (not legal forms) with the filter bit of t, t itself once left out.
        let sameBit = 0;
        let self = false;
        let at = -1;
        for (let j = this.start[n]!; j < this.start[n + 1]!; j++) {
          const id = this.tokIds[j]!;
          if (id === t) at = at < 0 ? j : POST_NEAR_MANY;
          if (id === t && this.tokW[j]! > w) w = this.tokW[j]!;
          if (this.tokKind[j] === WordKind.Legal || this.tokBit[id] !== this.tokBit[t]) continue;
          if (id === t && !self) self = true;
          else sameBit++;
        }
        if (sameBit > 0) sig[k * POST_STRIDE + POST_LENS]! |= POST_BIT_SHARED;
        near[k * 2] = at === POST_NEAR_MANY ? at : at > this.start[n]! ? this.nearWord(at - 1) : NO_WORD;
        near[k * 2 + 1] =
          at === POST_NEAR_MANY ? at : at + 1 < this.start[n + 1]! ? this.nearWord(at + 1) : NO_WORD;
        // Rounded up a little so that float32 storage never makes the share smaller than it is.
        share[k * 2] = total > 0 ? Math.min(1, w / total + 1e-6) : 1;
        share[k * 2 + 1] = total > 0 ? Math.min(1, this.nameOther[n]! / total + 1e-6) : 1;
      }
    }
    this.postSig = sig;
    this.postShare = share;
    this.postRow = row;
    this.postNear = near;
    this.postRuns3 = runs3;
  }

  /** postNear's value for the word at occurrence k: its id, with NEAR_LEGAL when it is a legal form there. */
  private nearWord(k: number): number {
    return this.tokIds[k]! | (this.tokKind[k] === WordKind.Legal ? NEAR_LEGAL : 0);
  }

  /** Does vocabulary word id only ever occur as a legal form? */
  isLegalOnly(id: number): boolean {
    return this.legalOnly.has(id);
  }

  /**
   * Lengths (bit min(length, 31), without spaces, 5+ letters) of name n's runs of 2–3 words holding token
   * t: the runs the scorer could merge into one word of the other name (mergeAgainst) with t among them.
   * Of the runs of three only when `three`.
   */
  private runLengths(n: number, t: number, three = false): number {
    const from = this.start[n]!;
    const to = this.start[n + 1]!;
    let runs = 0;
    for (let a = from; a + 1 < to; a++) {
      let run = this.tokSqLen[this.tokIds[a]!]!;
      let holds = this.tokIds[a] === t;
      for (let b = a + 1; b < Math.min(to, a + 3); b++) {
        run += this.tokSqLen[this.tokIds[b]!]!;
        if (this.tokIds[b] === t) holds = true;
        if (holds && run >= 5 && (!three || b === a + 2)) runs |= 1 << Math.min(run, 31);
      }
    }
    return runs;
  }

  /** First token occurrence of name n (its tokens are occurrences start(n) .. start(n + 1)). */
  startOf(n: number): number {
    return this.start[n]!;
  }

  tokenIdAt(k: number): number {
    return this.tokIds[k]!;
  }

  private buildPostings(): void {
    const v = this.tokens.length;
    const postStart = new Uint32Array(v + 1);
    for (let t = 0; t < v; t++) postStart[t + 1] = postStart[t]! + this.df[t]!;
    // Whether token occurrence k is the first of its token in its name, and whether the name holds that
    // token as a word (not only as a legal form).
    const firstOf = new Uint8Array(this.tokIds.length);
    const asWord = new Uint8Array(this.tokIds.length);
    const words = new Uint32Array(v);
    for (let n = 0; n < this.size; n++) {
      const from = this.start[n]!;
      const to = this.start[n + 1]!;
      for (let k = from; k < to; k++) {
        const t = this.tokIds[k]!;
        const word = this.tokKind[k] !== WordKind.Legal;
        let first = k;
        for (let j = from; j < k; j++) {
          if (this.tokIds[j] === t) {
            first = j;
            break;
          }
        }
        if (first === k) firstOf[k] = 1;
        if (word && asWord[first] === 0) {
          asWord[first] = 1;
          words[t]!++;
        }
      }
    }
    const postLegal = new Uint32Array(v);
    const fillWord = postStart.slice(0, v);
    const fillLegal = new Uint32Array(v);
    for (let t = 0; t < v; t++) fillLegal[t] = postLegal[t] = postStart[t]! + words[t]!;
    const post = new Uint32Array(postStart[v]!);
    for (let n = 0; n < this.size; n++) {
      for (let k = this.start[n]!; k < this.start[n + 1]!; k++) {
        if (firstOf[k] === 0) continue;
        const t = this.tokIds[k]!;
        if (asWord[k] === 1) post[fillWord[t]!++] = n;
        else post[fillLegal[t]!++] = n;
      }
    }
    this.postStart = postStart;
    this.postLegal = postLegal;
    this.post = post;
  }

  /**
   * Rarity in 0.15..1 from inverse document frequency: "mohammad" or "trading" in a list of thousands weigh
   * far less than a rare surname. In a short list every word stays close to 1.
   */
  private buildRarity(df: readonly number[], names: number): void {
    const n = names + 1;
    const max = Math.log(n / 1.5);
    const rare = new Float32Array(this.tokens.length);
    for (let t = 0; t < rare.length; t++) {
      const r = max > 0 ? Math.log(n / (df[t]! + 0.5)) / max : 1;
      rare[t] = Math.min(1, Math.max(0.15, r));
    }
    this.rare = rare;
  }

  private buildFuzzy(): void {
    const len = new Uint8Array(this.tokens.length);
    const sqLen = new Uint8Array(this.tokens.length);
    const sqMask = new Uint32Array(this.tokens.length);
    const squashed: string[] = new Array(this.tokens.length);
    /** 1 for the words that get one-deletion typo keys, glued-form keys, skeletons and buckets. */
    const keyed = new Uint8Array(this.tokens.length);
    const skeletons: string[][] = new Array(this.tokens.length).fill([]);
    const vwSkeletons: string[] = new Array(this.tokens.length).fill('');
    for (let id = 0; id < this.tokens.length; id++) {
      const t = this.tokens[id]!;
      len[id] = Math.min(255, t.length);
      const sq = t.includes(' ') ? t.replace(/ /g, '') : t;
      squashed[id] = sq;
      sqLen[id] = Math.min(255, sq.length);
      sqMask[id] = letterMask(sq);
      // Legal forms pair only with legal forms (exactly or by class): no typo keys, unless the same word
      // is also a name's word somewhere ("COMPANY" alone is a name).
      if (t.includes(' ') || this.legalOnly.has(id)) continue;
      keyed[id] = 1;
      unglued(t, (rest) => addId(this.glued, rest, id));
      // Each way the word's consonants may be read (skeletonReadings), and with v and w as consonants,
      // listed apart (VW_KEY) as it pairs only with words that have one too.
      const readings = skeletonReadings(t, this.vocabFlags[id]!);
      skeletons[id] = readings;
      const vw = hasVW(t) ? skeletonAs(t, 'w') : '';
      vwSkeletons[id] = vw;
      for (const k of vw ? [...readings, VW_KEY + vw] : readings) {
        const L = k.startsWith(VW_KEY) ? k.length - 1 : k.length;
        if (L >= 2) addId(this.skel, k, id);
        if (L === 1) addId(this.oneConsonant, k + endingClass(t), id);
        if (L >= 1 && L <= 2 && this.vocabFlags[id]! & (ABJAD | SYLLABIC)) addId(this.vowellessSkel, k, id);
      }
      if (t.length >= 3) addId(this.sounds, soundKey(t), id);
    }
    this.fuzzy = new DeleteTable(
      this.tokens,
      (id) => keyed[id] === 1 && this.tokens[id]!.length >= FUZZY_MIN,
    );
    this.words = new WordBuckets(
      this.tokens,
      this.vocabFlags,
      skeletons,
      vwSkeletons,
      (id) => keyed[id] === 1,
    );
    this.tokLen = len;
    this.tokSq = squashed;
    this.tokSqLen = sqLen;
    this.tokSqMask = sqMask;
  }

  /**
   * Up to n vocabulary words that occur in the most names, most frequent first: the name words (not legal
   * forms only, no spaces) a query looks up.
   */
  mostFrequent(n: number): number[] {
    const ids: number[] = [];
    for (let id = 0; id < this.tokens.length; id++)
      if (this.df[id]! >= 2 && !this.legalOnly.has(id) && !this.tokens[id]!.includes(' ')) ids.push(id);
    ids.sort((a, b) => this.df[b]! - this.df[a]! || a - b);
    return ids.slice(0, n);
  }

  rarity(token: string): number {
    const id = this.vocab.get(token);
    return id === undefined ? 1 : this.rare[id]!;
  }

  postings(tokenId: number): Uint32Array {
    return this.post.subarray(this.postStart[tokenId]!, this.postStart[tokenId + 1]!);
  }

  postingCount(tokenId: number): number {
    return this.postStart[tokenId + 1]! - this.postStart[tokenId]!;
  }

  /**
   * The vocabulary words one edit from `q` that start with another letter (a changed, added, dropped or
   * swapped first letter), and `q` itself. With WordBuckets.pairableTokens over q's first letter these are
   * all the words within one edit, for 5 typo-key lookups instead of 2·length + 1.
   */
  firstLetterEdits(q: string, f: (id: number) => void): void {
    forIds(this.vocab.get(q), f);
    this.fuzzy.forEach(q, WHOLE, f); // a letter added anywhere, the first included
    forIds(this.vocab.get(q.slice(1)), f); // the first letter dropped
    this.fuzzy.forEach(q, 0, f); // the first letter changed
    this.fuzzy.forEach(q, 1, f); // the first two letters swapped
  }

  /**
   * Vocabulary words that are q with a short legal form glued on ("argument" → "jscargument"), or that q
   * is with one taken off ("jscargument" → "argument", "argumentllc").
   */
  gluedWords(q: string, f: (id: number) => void): void {
    forIds(this.glued.get(q), f);
    unglued(q, (rest) => {
      forIds(this.vocab.get(rest), f);
      forIds(this.glued.get(rest), f);
    });
  }

  /**
   * Vocabulary words sharing the consonant skeleton k, when at most 32 do or `all`; with `vw`, k is a
   * reading with v and w as consonants (skeletonAs(t, 'w')), and so are theirs.
   */
  skeletonNeighbours(f: (id: number) => void, k: string, vw = false, all = false): void {
    const ids = k.length >= 2 ? this.skel.get(vw ? VW_KEY + k : k) : undefined;
    // A skeleton shared by very many words ("mhmd") says little for a word with vowels: the typo keys
    // cover those. A word written without vowels pairs with every one of them (tokenSimilarity).
    if (typeof ids === 'number' || (ids && (all || ids.length <= 32))) forIds(ids, f);
  }

  /** Vocabulary tokens within one edit of `q`. */
  similarTokens(q: string, f: (id: number) => void): void {
    forIds(this.vocab.get(q), f);
    if (q.length >= FUZZY_MIN - 1) {
      this.fuzzy.forEach(q, WHOLE, f); // q = vocab token minus one letter
      for (let i = 0; i < q.length; i++) {
        forIds(this.vocab.get(q.slice(0, i) + q.slice(i + 1)), f); // q = vocab token plus one letter
        if (q.length >= FUZZY_MIN) this.fuzzy.forEach(q, i, f); // one substitution or transposition
      }
    }
  }

  /**
   * Vocabulary words written without vowels with this consonant skeleton of one or two letters, which
   * tokenSimilarity pairs with any word of that skeleton ("ly", علي, with "Ali"; the skeleton buckets,
   * WordBuckets.farSkeletons, hold skeletons of three letters or more).
   */
  vowellessBySkeleton(k: string, f: (id: number) => void, vw = false): void {
    if (k.length >= 1 && k.length <= 2) forIds(this.vowellessSkel.get(vw ? VW_KEY + k : k), f);
  }

  /**
   * Vocabulary words of the one consonant `k` that end like `q` (endingClass): those tokenSimilarity pairs
   * with q written without vowels ("ly", علي: Ali, Aly, Eli).
   */
  oneConsonantWords(q: string, k: string, f: (id: number) => void, vw = false): void {
    if (k.length === 1) forIds(this.oneConsonant.get((vw ? VW_KEY + k : k) + endingClass(q)), f);
  }

  /** Vocabulary words spelt to sound like `q` (soundKey: Iouri, Yury; Kovaltchouk, Kovalchuk). */
  soundAlike(q: string, f: (id: number) => void): void {
    if (q.length >= 3) forIds(this.sounds.get(soundKey(q)), f);
  }

  /** Vocabulary words with this exact consonant skeleton (at most 64 of them). */
  skeletonTokens(k: string, f: (id: number) => void): void {
    if (k.length < 2) return;
    const ids = this.skel.get(k);
    if (typeof ids === 'number' || (ids && ids.length <= 64)) forIds(ids, f);
  }

  /** Rebuilds name n as a Prepared with corpus weights, for scoring (cached: candidates repeat). */
  prepared(n: number): Prepared {
    let p = this.cache.get(n);
    if (p) return p;
    if (this.cache.size >= 8192) this.cache.clear();
    p = this.build(n);
    this.cache.set(n, p);
    return p;
  }

  private cache = new Map<number, Prepared>();

  /** Forgets the names prepared for scoring. */
  clearCache(): void {
    this.cache.clear();
  }

  build(n: number): Prepared {
    const from = this.start[n]!;
    const to = this.start[n + 1]!;
    const p: Prepared = { tokens: [], flags: [], kinds: [], weights: [], classes: [], legal: [] };
    for (let k = from; k < to; k++) {
      const id = this.tokIds[k]!;
      const kind = this.tokKind[k]! as WordKind;
      p.tokens.push(this.tokens[id]!);
      p.flags.push(this.tokFlags[k]!);
      p.kinds.push(kind);
      p.weights.push(this.tokW[k]!);
      const cls = kind === WordKind.Legal ? (this.legalClass.get(id) ?? null) : null;
      p.classes.push(cls);
      if (cls) p.legal.push(cls);
    }
    return p;
  }

  /** Approximate heap bytes of the typed arrays (the Maps add roughly as much again per key). */
  get typedBytes(): number {
    return (
      this.start.byteLength +
      this.tokIds.byteLength +
      this.tokKind.byteLength +
      this.tokFlags.byteLength +
      this.post.byteLength +
      this.postLegal.byteLength +
      this.postSig.byteLength +
      this.postShare.byteLength +
      this.postRow.byteLength +
      this.postNear.byteLength +
      this.postRuns3.byteLength +
      this.rowRec.byteLength +
      this.tokFirstBit.byteLength +
      this.tokClass.byteLength +
      this.occRec.byteLength +
      this.postStart.byteLength +
      this.df.byteLength +
      this.rare.byteLength +
      this.tokW.byteLength +
      this.nameTotal.byteLength +
      this.nameOther.byteLength
    );
  }
}

/**
 * Marks a skeleton read with v and w as consonants (skeletonAs(t, 'w')) in the skeleton tables, which hold
 * the other readings too: no skeleton holds it (normalisation leaves letters and digits only).
 */
const VW_KEY = '=';

/** Words of NameIndex.postSig per posting: the Bloom filter (BLOOM_WORDS), then lengths and runs. */
export const BLOOM_WORDS = 4;
export const POST_LENS = 4;
export const POST_RUNS = 5;
export const POST_STRIDE = 6;

/**
 * Bit of NameIndex.postSig's lengths word: another word of the name (the same word again, or one of the same
 * first letter and length band; legal forms left out) has the Bloom filter bit of the posting's word.
 */
export const POST_BIT_SHARED = 2;

/** NameIndex.postRow of an index too large to pack where a name's words are. */
export const NO_ROW = 0xffffffff;

/** NameIndex.postNear: no word on that side. */
export const NO_WORD = 0xffffffff;

/** NameIndex.postNear: bit set beside a word's id when the word is a legal form in that name. */
export const NEAR_LEGAL = 1 << 30;

/** NameIndex.postNear, both sides: the posting's word is in the name more than once. */
export const POST_NEAR_MANY = 0xfffffffe;

const classCodes = new Map<LegalFormClass, number>();

/** A small number per legal-form class (0: none), the same for the index and the query. */
export function legalClassCode(cls: LegalFormClass | null | undefined): number {
  if (!cls) return 0;
  let code = classCodes.get(cls);
  if (code === undefined) {
    code = classCodes.size + 1;
    classCodes.set(cls, code);
  }
  return code;
}

/** Token kinds the candidate search looks up and credits (the others can pair with anything of their kind). */
export function creditable(kind: WordKind): boolean {
  return kind === WordKind.Name || kind === WordKind.Generic || kind === WordKind.Particle;
}

/**
 * Bit (0–127) of a vocabulary token in the names' Bloom filters (NameIndex.postSig), from its first letter
 * and length: the words a query word pairs with (typos, spellings) mostly share both, so a query word with
 * many spellings still sets few bits, and the filter stays selective.
 */
export function tokenBit(token: string): number {
  return Math.imul(token.charCodeAt(0) * 64 + Math.min(token.length, 63), 0x9e3779b1) >>> 25;
}
