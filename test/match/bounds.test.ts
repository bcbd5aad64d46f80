import { describe, expect, it } from 'vitest';
import { jaroWinklerMaskBound, letterMask, NameIndex } from '../../lib/match/candidates';
import {
  editDistance,
  firstSound,
  jaroWinkler,
  skeletonAs,
  soundKey,
  tokenSimilarity,
  vowelGaps,
} from '../../lib/match/similarity';

/** Deterministic PRNG so the words are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words over a small alphabet, so that near pairs are common. */
function words(r: () => number, n: number, alphabet = 'aeiknorstvw'): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const len = 3 + Math.floor(r() * 9);
    let w = '';
    for (let k = 0; k < len; k++) w += alphabet[Math.floor(r() * alphabet.length)];
    out.push(w);
  }
  return out;
}

/** Plain optimal-string-alignment distance, as the reference for the typed-array one. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('search bounds', () => {
  const r = rng(11);
  const vocab = [...new Set(words(r, 3000))];

  it('edit distance matches the plain dynamic programme', () => {
    for (let k = 0; k < 2000; k++) {
      const a = vocab[Math.floor(r() * vocab.length)]!;
      const b = vocab[Math.floor(r() * vocab.length)]!;
      expect(editDistance(a, b)).toBe(osa(a, b));
    }
  });

  it('the bit-parallel edit distance agrees on tiny alphabets, long words and transpositions', () => {
    const rand = rng(5);
    const word = (alphabet: string, max: number) => {
      let w = '';
      const len = Math.floor(rand() * (max + 1));
      for (let k = 0; k < len; k++) w += alphabet[Math.floor(rand() * alphabet.length)];
      return w;
    };
    for (let k = 0; k < 3000; k++) {
      const alphabet = ['ab', 'abc', 'abcdefgh', 'aeiouyé'][k % 4]!;
      const a = word(alphabet, k % 3 === 0 ? 40 : 12);
      const b = k % 5 === 0 ? a.slice(0, 3) + a.slice(4, 5) + a.slice(3, 4) + a.slice(5) : word(alphabet, 40);
      expect(editDistance(a, b)).toBe(osa(a, b));
      expect(editDistance(b, a)).toBe(osa(a, b));
    }
  });

  it('the letter-set Jaro-Winkler bound is never below the real value', () => {
    for (let k = 0; k < 5000; k++) {
      const a = vocab[Math.floor(r() * vocab.length)]!;
      const b = vocab[Math.floor(r() * vocab.length)]!;
      const ub = jaroWinklerMaskBound(a.length, letterMask(a), b.length, letterMask(b));
      expect(ub).toBeGreaterThanOrEqual(jaroWinkler(a, b) - 1e-9);
    }
  });

  it("the quick first-sound test agrees with soundKey's first letter", () => {
    const r = rng(17);
    for (const w of words(r, 20_000, 'tcshdjzkhpqowyeiuab')) {
      expect(firstSound(w), w).toBe(soundKey(w).charCodeAt(0));
    }
  });

  it("the vowels between a skeleton's consonants line up with its consonants, however v, w, ch, dh, th, q and j are read", () => {
    for (const w of words(rng(14), 20_000, 'acdeiouywvhkqstj')) {
      for (const vw of ['f', 's', 'z', 'd', 'g', 'p', 'e', 'l', 'h', 'w', ''] as const) {
        expect(vowelGaps(w, vw).length, `${w} ${vw}`).toBe(skeletonAs(w, vw).length + 1);
      }
    }
  });

  it('far-typo and sound-alike lookups drop no word that tokenSimilarity pairs', () => {
    // Also over a larger alphabet, where three edits change the letter set by up to six letters
    // (falicia / fabrizia).
    const wide = [...new Set(words(rng(12), 3000, 'abcdefiklmnoprstuz'))];
    // And over three letters, where a word holds a letter four times or more ("bananaan").
    const narrow = [...new Set(words(rng(13), 1500, 'abn'))];
    for (const list of [vocab, [...wide, 'fabrizia', 'distriecor'], narrow]) {
      const index = new NameIndex(list);
      for (const q of [...list.slice(0, 300), 'falicia', 'distribuidora']) {
        if (q.length < 5) continue;
        const lo = Math.ceil(q.length * 0.6);
        const hi = Math.floor(q.length / 0.6);
        const out: number[] = [];
        index.words.pairableTokens(q, q[0]!, lo, hi, 27, out);
        // Words spelt to sound alike (soundKey) pair however far apart their letters: the search reads
        // them from their own table.
        index.soundAlike(q, (id) => out.push(id));
        const got = new Set(out);
        for (let id = 0; id < index.tokens.length; id++) {
          const t = index.tokens[id]!;
          if (t[0] !== q[0] || t.length < lo || t.length > hi) continue;
          if (tokenSimilarity(q, t, 0, 0) > 0) expect(got.has(id), `${q} / ${t}`).toBe(true);
        }
      }
    }
  });
});
