import { describe, expect, it } from 'vitest';
import { compareNames, createMatcher, DEFAULT_MATCH_THRESHOLD as T } from '../../lib/match';
import { nameForms } from '../../lib/match/forms';

const texts = (name: string) => nameForms(name);

describe('nameForms', () => {
  it('adds the name without its asides in parentheses, and an acronym that ends it', () => {
    expect(texts('National University of Defense Technology (NUDT)')).toEqual([
      'National University of Defense Technology (NUDT)',
      'National University of Defense Technology',
      'NUDT',
    ]);
    expect(texts('Huawei Device (Hong Kong) Co., Limited')).toEqual([
      'Huawei Device (Hong Kong) Co., Limited',
      'Huawei Device Co., Limited',
    ]);
    expect(texts('Russian Federal Nuclear Center-VNIIEF (RFNC-VNIIEF)')).toContain('RFNC-VNIIEF');
  });
  it('adds the other name an aside gives (a.k.a., f.k.a.), even when it is not closed', () => {
    expect(texts('LTS Holding Limited (f.k.a. IPP-International Petroleum Products Ltd.)')).toEqual([
      'LTS Holding Limited (f.k.a. IPP-International Petroleum Products Ltd.)',
      'LTS Holding Limited',
      'IPP-International Petroleum Products Ltd.',
    ]);
    expect(texts('Lukoil, OAO (a.k.a. Lukoil')).toContain('Lukoil');
  });
  it('does not take a place, a word in lower case or an acronym of a part for another name', () => {
    expect(texts('Ace Electronics (HK) Co., Limited')).not.toContain('HK');
    expect(texts('Lev Anatolyevich Yershov (Ershov)')).not.toContain('Ershov');
    // (CSSC) names the parent corporation, not this institute.
    expect(
      texts('China State Shipbuilding Corporation, Limited (CSSC) 716th Research Institute'),
    ).not.toContain('CSSC');
    expect(texts('Acme (USA) Inc')).toEqual(['Acme (USA) Inc', 'Acme Inc']);
    expect(texts('Gazprom Neft')).toEqual(['Gazprom Neft']);
  });
  it('adds a few forms at most, however many asides a name has', () => {
    const name = `Alpha Beta Gamma ${Array.from({ length: 1000 }, (_, i) => `(a.k.a. Delta ${i})`).join(' ')}`;
    expect(nameForms(name).length).toBeLessThanOrEqual(5);
  });
});

describe('names with asides, searched', () => {
  const m = createMatcher([
    { id: 'nudt', listId: 'l', names: ['National University of Defense Technology (NUDT)'] },
    { id: 'hw', listId: 'l', names: ['Huawei Device (Hong Kong) Co., Limited'] },
    {
      id: 'lts',
      listId: 'l',
      names: ['LTS Holding Limited (f.k.a. IPP-International Petroleum Products Ltd.)'],
    },
    { id: 'ace', listId: 'l', names: ['Ace Electronics (HK) Co., Limited'] },
  ]);
  it('finds the party by its name without the aside, by its acronym and by its former name', () => {
    const [full] = m.search('National University of Defense Technology');
    expect(full?.entryId).toBe('nudt');
    expect(full?.score).toBe(1);
    // The rep sees the name as the list gives it.
    expect(full?.matchedName).toBe('National University of Defense Technology (NUDT)');
    const [acronym] = m.search('NUDT');
    expect(acronym?.entryId).toBe('nudt');
    // The name that matched is the listed name, not an alias of it.
    expect(acronym?.explanation.alias).toBe(false);
    expect(m.search('Huawei Device Co. Ltd')[0]?.entryId).toBe('hw');
    expect(m.search('IPP International Petroleum Products')[0]?.entryId).toBe('lts');
  });
  it('does not find a party by the place in its aside', () => {
    expect(m.search('HK').map((r) => r.entryId)).not.toContain('ace');
  });
  it('compares names with asides the same way', () => {
    expect(
      compareNames('National University of Defense Technology (NUDT)', 'NUDT').score,
    ).toBeGreaterThanOrEqual(T);
    expect(
      compareNames(
        'Shanghai Academy of Spaceflight Technology',
        'Shanghai Academy of Spaceflight Technology (SAST)',
      ).score,
    ).toBe(1);
  });
});
