/**
 * Stable, synchronous fingerprints for list entries and texts. Pure: runs in the service worker, in pages
 * and in Node, so the screener (which fills Finding.match.fingerprint) and the side panel agree.
 */
import type { z } from 'zod';
import type { FindingMatch, WatchlistEntry } from '../model';

type Match = z.infer<typeof FindingMatch>;

/** FNV-1a, twice with different offsets, as 16 hex digits. Not cryptographic: change detection only. */
export function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

const canon = (values: readonly string[] | undefined) =>
  [...new Set((values ?? []).map((v) => v.normalize('NFKC').trim().toLocaleLowerCase()))].sort();

/**
 * What a "not this entity" decision rests on: the entry's names (primary and aliases), countries,
 * programs and type. Any change to those raises the dismissal again; a change elsewhere in the list
 * (another entry, the list's date) does not.
 */
export function entryFingerprint(entry: Pick<WatchlistEntry, 'names' | 'countries' | 'programs' | 'type'>) {
  return hash(
    JSON.stringify([canon(entry.names), canon(entry.countries), canon(entry.programs), entry.type ?? '']),
  );
}

/**
 * The fingerprint of the entry behind a name match: the screener's when it gave one, otherwise one made
 * from what the finding carries (list, entry, the entry's matched name and the list version), so a
 * dismissal still comes back when the entry's primary name or the list version changes.
 */
export function matchFingerprint(match: Match): string {
  return (
    match.fingerprint ??
    `m:${hash(JSON.stringify([match.listId, match.entryId, match.name, match.listVersion ?? '']))}`
  );
}
