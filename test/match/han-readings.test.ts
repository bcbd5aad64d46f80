import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../lib/match';
import { japaneseReadings, koreanReading } from '../../lib/match/han-readings';

describe('Han readings', () => {
  it('reads Hanja as Hangul, the first character as a surname', () => {
    expect(koreanReading('金正恩')).toBe('김정은');
    expect(koreanReading('金')).toBe('금');
    expect(normalizeName(koreanReading('朴正熙') ?? '')).toBe('park jong hui');
  });
  it('gives no reading when a character is not in the table', () => {
    expect(koreanReading('金正龘')).toBeNull();
    expect(japaneseReadings('山田龘')).toEqual([]);
  });
  it('splits kanji names where Japanese names usually split', () => {
    expect(japaneseReadings('山田太郎')).toEqual(['yamata taro']);
    expect(japaneseReadings('田中 花子')).toEqual(['tanaka hanako']);
    expect(japaneseReadings('森花子')).toEqual(['mori hanako', 'morihana ko']);
  });
});
