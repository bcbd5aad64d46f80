/**
 * The bundled lists (curated surveillance vendors, fictional demo list) and a matcher cache keyed by
 * (list id, version), so repeated screens of the same lists never rebuild an index.
 */
import curatedJson from '../../assets/lists/curated-surveillance.json';
import demoJson from '../../assets/lists/demo-watchlist.json';
import { createMatcher, type Matcher } from '../match';
import { Watchlist, type WatchlistEntry } from '../model';

export const CURATED_LIST_ID = 'dealscreen-curated';
export const DEMO_LIST_ID = 'dealscreen-demo';

let curated: Watchlist | undefined;
let demo: Watchlist | undefined;

/** The curated list of surveillance vendors and end users of concern (each entry cited). */
export function curatedList(): Watchlist {
  curated ??= Watchlist.parse(curatedJson);
  return curated;
}

/** The bundled demo watchlist: fictional companies used by the demo deal pages. */
export function demoList(): Watchlist {
  demo ??= Watchlist.parse(demoJson);
  return demo;
}

/**
 * A curated entry whose listing the project has not confirmed (verification M). Its matches are medium and
 * ask the rep to check the current Consolidated Screening List; confirmed entries (P or S, such as the
 * Entity List entries cited to the Federal Register) are high, like any other listed party.
 */
export function isUnverifiedCurated(list: Pick<Watchlist, 'id'>, entry: WatchlistEntry): boolean {
  return list.id === CURATED_LIST_ID && entry.source?.verification === 'M';
}

const MAX_CACHED = 16;
const cache = new Map<string, Matcher>();

/** A matcher for a list, built once per (id, version) and kept for later screens (small LRU). */
export function matcherFor(list: Watchlist): Matcher {
  const key = `${list.id}@${list.version}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  // An older version of the same list is stale: drop it.
  for (const k of cache.keys()) if (k.startsWith(`${list.id}@`)) cache.delete(k);
  const m = createMatcher(list.entries);
  cache.set(key, m);
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return m;
}
