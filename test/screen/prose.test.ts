import { describe, expect, it } from 'vitest';
import {
  fieldPhrase,
  itemPhrase,
  joinSentences,
  lcFirst,
  listPhrase,
  quote,
  sentence,
} from '../../lib/screen/prose';

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

describe('reason labels', () => {
  it('lower-cases only ordinary capitalised words inside a sentence', () => {
    expect(lcFirst('Deep packet inspection')).toBe('deep packet inspection');
    expect(lcFirst('Body-worn camera')).toBe('body-worn camera');
    expect(lcFirst('IMSI catcher or cell-site simulator')).toBe('IMSI catcher or cell-site simulator');
    expect(lcFirst('StingRay or Hailstorm')).toBe('StingRay or Hailstorm');
  });

  it('names an item with its category, and where a hit was read', () => {
    expect(itemPhrase('Deep packet inspection', 'internet-surveillance')).toBe(
      'Deep packet inspection (internet surveillance)',
    );
    expect(itemPhrase('Facial recognition (non-English term)', 'biometric-identification')).toBe(
      'Facial recognition (biometric identification)',
    );
    expect(fieldPhrase('Description')).toBe('the description');
    expect(fieldPhrase('Title')).toBe('the deal title');
    expect(fieldPhrase('Product')).toBe('a product line');
    expect(fieldPhrase('Product description: FaceFind')).toBe('the description of “FaceFind”');
  });

  it('quotes page text as written, shortened when long', () => {
    expect(quote('Novatek Border Systems')).toBe('“Novatek Border Systems”');
    expect(quote('x'.repeat(100), 10)).toBe(`“${'x'.repeat(9)}…”`);
  });

  it('names lists calmly', () => {
    expect(
      listPhrase({ id: 'dealscreen-demo', name: 'DealScreen demo watchlist (fictional)', origin: 'bundled' }),
    ).toBe('the DealScreen demo watchlist');
    expect(listPhrase({ id: 't', name: 'Team watchlist', origin: 'user' })).toBe('the list “Team watchlist”');
  });
});
