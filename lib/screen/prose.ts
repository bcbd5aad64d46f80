/**
 * Small text helpers for what the rep reads: whole sentences joined with their punctuation, page text
 * quoted as written, and the short labels the deal-risk reasons are made of. Calm wording only: a reason
 * says what was found and where, never that a deal is allowed or not.
 */
import type { Watchlist, WatchlistEntry } from '../model';
import { CURATED_LIST_ID, DEMO_LIST_ID } from './lists';

/** Ends in sentence punctuation, possibly followed by a closing quote or bracket. */
const ENDS_SENTENCE = /[.!?…]["'”’)\]]*$/;

/** Text ending in a full stop (unless it already ends a sentence). Empty stays empty. */
export function sentence(s: string): string {
  const t = s.trim();
  if (!t) return '';
  return ENDS_SENTENCE.test(t) ? t : `${t}.`;
}

/** Joins parts as sentences: each ends in punctuation, one space between, empty parts dropped. */
export function joinSentences(...parts: (string | false | 0 | null | undefined)[]): string {
  return parts
    .map((p) => (p ? sentence(p) : ''))
    .filter(Boolean)
    .join(' ');
}

/** Page text in curly quotes, shortened when long. */
export function quote(t: string, max = 60): string {
  const s = t.replace(/\s+/g, ' ').trim();
  return `“${s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s}”`;
}

/** Upper-case first letter. */
export const ucFirst = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/**
 * Lower-case first letter for use inside a sentence, but only for an ordinary capitalised word
 * ("Deep packet inspection" → "deep packet inspection"); acronyms and brand spellings ("IMSI catcher",
 * "StingRay") stay as written.
 */
export function lcFirst(s: string): string {
  const first = /^\S+/.exec(s)?.[0] ?? '';
  return /^\p{Lu}[\p{Ll}-]*$/u.test(first) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

const CATEGORY_SHORT: Record<string, string> = {
  sensors: 'sensors',
  'biometric-identification': 'biometric identification',
  'data-analytics': 'data analytics',
  'internet-surveillance': 'internet surveillance',
  'location-tracking': 'location tracking',
  'recording-devices': 'recording devices',
};

/** "Deep packet inspection (internet surveillance)": an item rule's title with its category. */
export function itemPhrase(title: string, category: string): string {
  const t = title.replace(/\s*\(non-English term\)$/, '');
  return `${t} (${CATEGORY_SHORT[category] ?? category.replace(/-/g, ' ')})`;
}

/** Where a text hit sat, as a phrase: "the description", "the deal title", "a product line". */
export function fieldPhrase(label: string): string {
  const l = label.trim();
  if (/^title$/i.test(l)) return 'the deal title';
  if (/^product$/i.test(l)) return 'a product line';
  const pd = /^product description: (.+)$/i.exec(l);
  if (pd) return `the description of ${quote(pd[1]!, 40)}`;
  if (/^customer$/i.test(l)) return 'the customer name';
  const party = /^party \((.+)\)$/i.exec(l);
  if (party) return `the ${party[1]!.replace(/-/g, ' ')} name`;
  return l.length <= 30 ? `the ${l.toLowerCase()}` : 'the deal text';
}

/** How a list is named in a reason: "the DealScreen demo watchlist", "the list “Team watchlist”". */
export function listPhrase(list: Pick<Watchlist, 'id' | 'name' | 'origin'>): string {
  if (list.id === DEMO_LIST_ID) return 'the DealScreen demo watchlist';
  if (list.id === CURATED_LIST_ID) return 'the DealScreen curated list';
  const name = list.name.replace(/\s*\([^)]*\)\s*$/, '').trim() || list.name;
  return list.origin === 'bundled' ? `the ${name}` : `the list ${quote(name, 80)}`;
}

/**
 * Where a curated entry is listed, from its programs: "the BIS Entity List", or the curated list itself
 * with what is known about it (an OFAC designation, or an unverified entry).
 */
export function curatedListing(entry: WatchlistEntry, unverified: boolean): string {
  if (unverified)
    return 'the DealScreen curated list (unverified entry: check the current Consolidated Screening List)';
  const programs = entry.programs ?? [];
  if (programs.some((p) => /entity list/i.test(p) && !/unverified/i.test(p))) return 'the BIS Entity List';
  if (programs.some((p) => /^OFAC/.test(p))) return 'the DealScreen curated list (OFAC designations)';
  return 'the DealScreen curated list';
}
