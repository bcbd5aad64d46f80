/**
 * Candidate index: finds the few list names worth scoring for a query without scanning the list.
 * Built once per watchlist version. Compact: names are stored as token ids in typed arrays; fuzzy keys
 * (one-deletion variants and consonant skeletons) point at vocabulary tokens, not at names, so their
 * size grows with the vocabulary rather than the list.
 */
import type { LegalFormClass } from './legal-forms';
import { type Prepared, prepareName } from './prepare';
import { skeleton } from './similarity';
import { BASE_WEIGHT, WordKind } from './stopwords';

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

/** Every string made by deleting one character (SymSpell-style typo keys). */
export function deletes(t: string, f: (d: string) => void): void {
  for (let i = 0; i < t.length; i++) f(t.slice(0, i) + t.slice(i + 1));
}

/** Minimum token length for typo keys: shorter words need an exact or skeleton hit. */
const FUZZY_MIN = 4;

export class NameIndex {
  readonly size: number;
  readonly vocab = new Map<string, number>();
  readonly tokens: string[] = [];
  private df: Uint32Array = new Uint32Array(0);
  private rare: Float32Array = new Float32Array(0);
  /** Name i's tokens are tokIds[start[i] .. start[i+1]). */
  private start: Uint32Array;
  private tokIds: Uint32Array;
  private tokKind: Uint8Array;
  private tokFlags: Uint8Array;
  private legalClass = new Map<number, LegalFormClass>();
  /** Postings: names containing token t are post[postStart[t] .. postStart[t+1]). */
  private postStart: Uint32Array = new Uint32Array(0);
  private post: Uint32Array = new Uint32Array(0);
  private fuzzy = new Map<string, Ids>();
  private skel = new Map<string, Ids>();

  constructor(names: readonly string[]) {
    this.size = names.length;
    const start = new Uint32Array(names.length + 1);
    const ids: number[] = [];
    const kinds: number[] = [];
    const flags: number[] = [];
    const dfList: number[] = [];
    for (let n = 0; n < names.length; n++) {
      start[n] = ids.length;
      const p = prepareName(names[n]!);
      const first = ids.length;
      for (let i = 0; i < p.tokens.length; i++) {
        const t = p.tokens[i]!;
        let id = this.vocab.get(t);
        if (id === undefined) {
          id = this.tokens.length;
          this.vocab.set(t, id);
          this.tokens.push(t);
          dfList.push(0);
        }
        // Count each token once per name for document frequency.
        let dup = false;
        for (let k = first; k < ids.length; k++) if (ids[k] === id) dup = true;
        if (!dup) dfList[id]!++;
        ids.push(id);
        kinds.push(p.kinds[i]!);
        flags.push(p.flags[i]!);
        const cls = p.classes[i];
        if (cls) this.legalClass.set(id, cls);
      }
    }
    start[names.length] = ids.length;
    this.start = start;
    this.tokIds = Uint32Array.from(ids);
    this.tokKind = Uint8Array.from(kinds);
    this.tokFlags = Uint8Array.from(flags);
    this.df = Uint32Array.from(dfList);
    this.buildPostings();
    this.buildRarity();
    this.buildFuzzy();
  }

  private buildPostings(): void {
    const v = this.tokens.length;
    const postStart = new Uint32Array(v + 1);
    for (let t = 0; t < v; t++) postStart[t + 1] = postStart[t]! + this.df[t]!;
    const fill = postStart.slice(0, v);
    const post = new Uint32Array(postStart[v]!);
    for (let n = 0; n < this.size; n++) {
      for (let k = this.start[n]!; k < this.start[n + 1]!; k++) {
        const t = this.tokIds[k]!;
        // Names are visited in order, so a repeated token in one name shows as the same last entry.
        const at = fill[t]!;
        if (at > postStart[t]! && post[at - 1] === n) continue;
        post[at] = n;
        fill[t] = at + 1;
      }
    }
    this.postStart = postStart;
    this.post = post;
  }

  /**
   * Rarity in 0.15..1 from inverse document frequency: "mohammad" or "trading" in a list of thousands weigh
   * far less than a rare surname. In a short list every word stays close to 1.
   */
  private buildRarity(): void {
    const n = this.size + 1;
    const max = Math.log(n / 1.5);
    const rare = new Float32Array(this.tokens.length);
    for (let t = 0; t < rare.length; t++) {
      const r = max > 0 ? Math.log(n / (this.df[t]! + 0.5)) / max : 1;
      rare[t] = Math.min(1, Math.max(0.15, r));
    }
    this.rare = rare;
  }

  private buildFuzzy(): void {
    for (let id = 0; id < this.tokens.length; id++) {
      const t = this.tokens[id]!;
      if (t.includes(' ') || this.legalClass.has(id)) continue;
      if (t.length >= FUZZY_MIN) deletes(t, (d) => addId(this.fuzzy, d, id));
      const k = skeleton(t);
      if (k.length >= 2) addId(this.skel, k, id);
    }
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

  /** Vocabulary tokens within one edit of `q`, or sharing its consonant skeleton. */
  similarTokens(q: string, withSkeleton: boolean, f: (id: number) => void): void {
    forIds(this.vocab.get(q), f);
    if (q.length >= FUZZY_MIN) {
      forIds(this.fuzzy.get(q), f); // q = vocab token minus one letter
      deletes(q, (d) => {
        forIds(this.vocab.get(d), f); // q = vocab token plus one letter
        forIds(this.fuzzy.get(d), f); // one substitution or transposition
      });
    }
    if (withSkeleton) {
      const k = skeleton(q);
      const ids = k.length >= 2 ? this.skel.get(k) : undefined;
      // A skeleton shared by very many words ("mhmd") says little; the typo keys cover those.
      if (typeof ids === 'number' || (ids && ids.length <= 32)) forIds(ids, f);
    }
  }

  /** Rebuilds name n as a Prepared with corpus weights, for scoring. */
  prepared(n: number): Prepared {
    const from = this.start[n]!;
    const to = this.start[n + 1]!;
    const p: Prepared = { tokens: [], flags: [], kinds: [], weights: [], classes: [], legal: [] };
    for (let k = from; k < to; k++) {
      const id = this.tokIds[k]!;
      const kind = this.tokKind[k]! as WordKind;
      p.tokens.push(this.tokens[id]!);
      p.flags.push(this.tokFlags[k]!);
      p.kinds.push(kind);
      const base = BASE_WEIGHT[kind];
      p.weights.push(kind === WordKind.Name || kind === WordKind.Generic ? base * this.rare[id]! : base);
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
      this.postStart.byteLength +
      this.df.byteLength +
      this.rare.byteLength
    );
  }
}
