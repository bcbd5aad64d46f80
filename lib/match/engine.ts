/**
 * The matcher: a candidate index over every name (primary and aliases) of a watchlist, and a search that
 * scores only the best candidates. Every alias is scored on its own; an entry is reported once, with the
 * alias that matched best.
 */
import type { MatchExplanation, WatchlistEntry } from '../model';
import { NameIndex } from './candidates';
import { DEFAULT_MATCH_THRESHOLD } from './compare';
import { explain } from './explain';
import { ABJAD, SYLLABIC } from './normalize';
import { prepareName } from './prepare';
import { LENIENT, scorePrepared } from './score';
import { tokenSimilarity } from './similarity';
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
  /** Most candidate names fully scored per search (default 24). */
  candidates?: number;
}

export interface Matcher {
  readonly size: number;
  readonly nameCount: number;
  search(query: string, opts?: SearchOptions): NameMatch[];
}

/** Added to the score of an entry listed for the party's country (never above 1). */
const COUNTRY_BOOST = 0.03;
/** A token posting list longer than this is only walked when the query has nothing rarer. */
const COMMON_POSTINGS = 4000;

export function createMatcher(entries: readonly WatchlistEntry[], options: MatcherOptions = {}): Matcher {
  const names: string[] = [];
  const nameEntry: number[] = [];
  const nameAlias: boolean[] = [];
  entries.forEach((e, i) => {
    e.names.forEach((n, k) => {
      names.push(n);
      nameEntry.push(i);
      nameAlias.push(k > 0);
    });
  });
  const index = new NameIndex(names);
  const entryOf = Uint32Array.from(nameEntry);
  const maxCandidates = options.candidates ?? 24;
  const acc = new Float32Array(names.length);
  const seen = new Uint32Array(names.length);
  let epoch = 0;
  const touched: number[] = [];

  function search(query: string, opts: SearchOptions = {}): NameMatch[] {
    const limit = opts.limit ?? 10;
    const minScore = opts.minScore ?? DEFAULT_MATCH_THRESHOLD;
    const q = prepareName(query, (t) => index.rarity(t));
    if (q.tokens.length === 0 || names.length === 0) return [];

    // Query words that can find candidates; legal forms and stopwords only when nothing else is there.
    // Generic words ("Trading", "Development") only when the query has no real name word: their posting
    // lists are long, and a name that shares only them cannot reach a match.
    let useful = q.tokens.map((_, i) => i).filter((i) => q.kinds[i] === WordKind.Name);
    if (useful.length === 0) useful = q.tokens.map((_, i) => i).filter((i) => isSearchable(q.kinds[i]!));
    if (useful.length === 0) useful = q.tokens.map((_, i) => i);
    const total = useful.reduce((s, i) => s + q.weights[i]!, 0) || 1;

    // Per query word: the vocabulary tokens it may pair with, and how well.
    const hits = useful.map((i) => {
      const found = new Map<number, number>();
      const t = q.tokens[i]!;
      const loose = (q.flags[i]! & (ABJAD | SYLLABIC)) !== 0 || t.length >= 6;
      index.similarTokens(t, loose, (id) => {
        if (found.has(id)) return;
        const sim =
          id === index.vocab.get(t) ? 1 : tokenSimilarity(t, index.tokens[id]!, q.flags[i]!, q.flags[i]!);
        if (sim > 0) found.set(id, sim);
      });
      splitHits(t, found);
      let count = 0;
      for (const id of found.keys()) count += index.postingCount(id);
      return { i, found, count };
    });
    joinHits(q.tokens, useful, hits);
    hits.sort((a, b) => a.count - b.count);

    epoch++;
    touched.length = 0;
    hits.forEach((h, rank) => {
      if (rank > 0 && h.count > COMMON_POSTINGS) return;
      const w = q.weights[h.i]!;
      const mark = epoch * 64 + (rank % 64);
      for (const [id, sim] of h.found) {
        for (const n of index.postings(id)) {
          if (seen[n] === mark) continue; // this query word already credited this name
          if (acc[n] === 0) touched.push(n);
          seen[n] = mark;
          acc[n] = acc[n]! + w * sim;
        }
      }
    });

    // Keep names that cover enough of the query to possibly reach minScore (see score.ts: the less-covered
    // side needs (minScore − λ) / (1 − λ)), with slack for merges and fuzzy estimates.
    const need = total * Math.max(0.15, (minScore - LENIENT) / (1 - LENIENT) - 0.25);
    let cands = touched.filter((n) => acc[n]! >= need);
    if (cands.length > maxCandidates) {
      cands.sort((a, b) => acc[b]! - acc[a]!);
      cands = cands.slice(0, maxCandidates);
    }
    for (const n of touched) acc[n] = 0;

    const best = new Map<number, { n: number; score: number; scored: ReturnType<typeof scorePrepared> }>();
    for (const n of cands) {
      const scored = scorePrepared(q, index.prepared(n));
      const e = entryOf[n]!;
      let score = scored.score;
      if (opts.country && entries[e]!.countries?.includes(opts.country.toUpperCase())) {
        score = Math.min(1, score + COUNTRY_BOOST);
      }
      if (score < minScore) continue;
      const prev = best.get(e);
      if (!prev || score > prev.score) best.set(e, { n, score, scored });
    }
    return [...best.entries()]
      .sort((a, b) => b[1].score - a[1].score)
      .slice(0, limit)
      .map(([e, r]) => {
        const entry = entries[e]!;
        const boosted = r.score !== r.scored.score;
        const note = boosted ? `listed for ${opts.country?.toUpperCase()}, as the party` : undefined;
        return {
          entryId: entry.id,
          listId: entry.listId,
          matchedName: names[r.n]!,
          score: Math.round(r.score * 1000) / 1000,
          explanation: explain({ ...r.scored, score: r.score }, names[r.n]!, nameAlias[r.n]!, note),
        };
      });
  }

  /** "gazprom bank" (or "jsc argument") in the query finds "gazprombank" ("jscargument") in the list. */
  function joinHits(
    tokens: string[],
    useful: number[],
    hits: { i: number; found: Map<number, number>; count: number }[],
  ) {
    for (let i = 0; i + 1 < tokens.length; i++) {
      const id = index.vocab.get(tokens[i]!.replace(/ /g, '') + tokens[i + 1]!.replace(/ /g, ''));
      if (id === undefined) continue;
      for (const h of hits) {
        if ((h.i === i || h.i === i + 1) && !h.found.has(id)) {
          h.found.set(id, 1);
          h.count += index.postingCount(id);
        }
      }
      if (!useful.includes(i) && !useful.includes(i + 1)) {
        hits.push({ i: useful[0] ?? i, found: new Map([[id, 1]]), count: index.postingCount(id) });
      }
    }
  }

  /** "gazprombank" in the query finds "gazprom bank" in the list. */
  function splitHits(t: string, found: Map<number, number>): void {
    if (t.length < 6 || index.vocab.has(t)) return;
    for (let k = 3; k <= t.length - 3; k++) {
      const left = index.vocab.get(t.slice(0, k));
      const right = index.vocab.get(t.slice(k));
      if (left !== undefined && right !== undefined) {
        found.set(left, 1);
        found.set(right, 1);
      }
    }
  }

  return { size: entries.length, nameCount: names.length, search };
}

function isSearchable(kind: WordKind): boolean {
  return (
    kind !== WordKind.Legal && kind !== WordKind.Stop && kind !== WordKind.Title && kind !== WordKind.Initial
  );
}
