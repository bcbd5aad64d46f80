import { describe, expect, it } from 'vitest';
import { DeleteTable, hashSkipping, WHOLE } from '../../lib/match/delete-table';

describe('one-deletion typo keys', () => {
  const words = ['becker', 'beker', 'bekcer', 'anna', 'ana', 'smith'];
  const table = new DeleteTable(words, (id) => words[id]!.length >= 4);
  const found = (s: string, skip: number) => {
    const out: string[] = [];
    table.forEach(s, skip, (id) => out.push(words[id]!));
    return out.sort();
  };

  it('finds the listed words one letter longer than the looked-up spelling', () => {
    expect(found('beker', WHOLE)).toEqual(['becker', 'bekcer']);
    expect(found('smth', WHOLE)).toEqual(['smith']);
    // "anna" gives the key "ana" once, however its double letter is dropped; "ana" itself has no keys.
    expect(found('ana', WHOLE)).toEqual(['anna']);
  });

  it('looks up a spelling with one position left out, without building it', () => {
    // "bxcker" without its second letter is "bcker", a key of "becker".
    expect(found('bxcker', 1)).toEqual(['becker']);
    expect(hashSkipping('bxcker', 1)).toBe(hashSkipping('bcker', WHOLE));
  });
});
