/**
 * One-deletion typo keys (SymSpell-style) for the vocabulary, as a hash table over typed arrays: every
 * word that is a vocabulary word with one character deleted, by a 32-bit hash of its characters. No key
 * strings are built, at build time or when looking up: a lookup hashes the query word with one position
 * skipped. Two different keys may share a hash; the caller scores every word it gets back, so a rare
 * extra word costs a comparison and changes nothing.
 */

const NONE = -1;

/** FNV-1a over the UTF-16 code units of s, leaving out position `skip` (NONE: the whole word). */
export function hashSkipping(s: string, skip: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    if (i === skip) continue;
    h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

export class DeleteTable {
  private readonly mask: number;
  /** Bucket b's entries are start[b] .. start[b + 1] in hashes and ids. */
  private readonly start: Uint32Array;
  private readonly hashes: Uint32Array;
  private readonly ids: Uint32Array;

  /** Keys for every word of `words` that `include` accepts (by id, its index in `words`). */
  constructor(words: readonly string[], include: (id: number) => boolean) {
    const keyHash: number[] = [];
    const keyId: number[] = [];
    for (let id = 0; id < words.length; id++) {
      if (!include(id)) continue;
      const t = words[id]!;
      for (let i = 0; i < t.length; i++) {
        // Deleting either of two equal neighbours gives the same key.
        if (i > 0 && t.charCodeAt(i) === t.charCodeAt(i - 1)) continue;
        keyHash.push(hashSkipping(t, i));
        keyId.push(id);
      }
    }
    let size = 1;
    while (size < keyHash.length) size *= 2;
    this.mask = size - 1;
    const start = new Uint32Array(size + 1);
    for (const h of keyHash) start[(h & this.mask) + 1]!++;
    for (let b = 0; b < size; b++) start[b + 1]! += start[b]!;
    const fill = start.slice(0, size);
    this.hashes = new Uint32Array(keyHash.length);
    this.ids = new Uint32Array(keyHash.length);
    for (let k = 0; k < keyHash.length; k++) {
      const at = fill[keyHash[k]! & this.mask]!++;
      this.hashes[at] = keyHash[k]!;
      this.ids[at] = keyId[k]!;
    }
    this.start = start;
  }

  /** Calls f with the words that are s (position `skip` left out, NONE for none) plus one character. */
  forEach(s: string, skip: number, f: (id: number) => void): void {
    const h = hashSkipping(s, skip);
    const b = h & this.mask;
    for (let k = this.start[b]!; k < this.start[b + 1]!; k++) if (this.hashes[k] === h) f(this.ids[k]!);
  }

  get byteLength(): number {
    return this.start.byteLength + this.hashes.byteLength + this.ids.byteLength;
  }
}

export const WHOLE = NONE;
