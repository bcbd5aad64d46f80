import { describe, expect, it } from 'vitest';
import { joinSentences, sentence } from '../../lib/screen/prose';

describe('sentence joining', () => {
  it('ends a sentence once, whatever the part ends with', () => {
    expect(sentence('Demo entry: fictional company')).toBe('Demo entry: fictional company.');
    expect(sentence('Listed on Nov 4, 2021.')).toBe('Listed on Nov 4, 2021.');
    expect(sentence('Is it the same party?')).toBe('Is it the same party?');
    expect(sentence('It says “stop.”')).toBe('It says “stop.”');
    expect(sentence('(See § 744.11.)')).toBe('(See § 744.11.)');
    expect(sentence('  ')).toBe('');
  });

  it('joins parts with one space, dropping empty and switched-off parts', () => {
    expect(
      joinSentences(
        'Demo entry: fictional company used by the demo deal pages',
        'This list is fictional demo data',
      ),
    ).toBe('Demo entry: fictional company used by the demo deal pages. This list is fictional demo data.');
    expect(joinSentences('One.', undefined, false, 0, '', 'Two')).toBe('One. Two.');
    expect(joinSentences('A sentence ending in an abbreviation Co.', 'Next')).toBe(
      'A sentence ending in an abbreviation Co. Next.',
    );
  });
});
