import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../lib/match';
import type { WatchlistEntry } from '../../lib/model';

const entries: WatchlistEntry[] = [
  { id: '1', listId: 'test', names: ['GAZPROMBANK', 'Gazprom Bank OAO'], countries: ['RU'] },
  {
    id: '2',
    listId: 'test',
    names: ['FEDERAL STATE UNITARY ENTERPRISE ROSOBORONEXPORT', 'ФГУП Рособоронэкспорт'],
  },
  { id: '3', listId: 'test', names: ['MADURO MOROS, Nicolas'], countries: ['VE'] },
  { id: '4', listId: 'test', names: ['EMMA LLC'] },
  { id: '5', listId: 'test', names: ['HABBASH, George'] },
  { id: '6', listId: 'test', names: ['11420 CORP.'] },
  { id: '7', listId: 'test', names: ['MOHAMMAD, Ali Rezaei', 'REZAEI, Mohammad Ali'], countries: ['IR'] },
  { id: '8', listId: 'test', names: ['ALPHA INTERNATIONAL TRADING GROUP LLC'] },
];
const m = createMatcher(entries);
const ids = (q: string, opts = {}) => m.search(q, opts).map((r) => r.entryId);

describe('matcher.search', () => {
  it('finds entries through any alias and reports the alias', () => {
    const [hit] = m.search('Рособоронэкспорт');
    expect(hit?.entryId).toBe('2');
    expect(m.search('gazprom bank')[0]?.entryId).toBe('1');
  });
  it('finds a name made of initials and generic words as itself', () => {
    const listed = ['I A C INTERNATIONAL INC.', 'M AND S TRADING', 'STAR SHIP MANAGEMENT LTD-BZE'];
    const own = createMatcher(listed.map((n, i) => ({ id: String(i), listId: 'test', names: [n] })));
    listed.forEach((n, i) => {
      const [hit] = own.search(n);
      expect(hit?.entryId, n).toBe(String(i));
      expect(hit?.score, n).toBe(1);
    });
  });
  it('finds typos and reordered names', () => {
    expect(ids('Nicolas Madura Moros')).toEqual(['3']);
    expect(ids('Ali Rezai Mohammad')).toEqual(['7']);
  });
  it('finds a Chinese company listed in English by its Chinese name', () => {
    const chinese = createMatcher([
      { id: 'hw', listId: 'test', names: ['Huawei Technologies Co., Ltd.'] },
      { id: 'dh', listId: 'test', names: ['Zhejiang Dahua Technology Co., Ltd.'] },
      { id: 'ce', listId: 'test', names: ['China Electronics Technology Group Corporation'] },
      { id: 'ps', listId: 'test', names: ['Xinjiang Public Security Department'] },
    ]);
    const found = (q: string) => chinese.search(q).map((r) => r.entryId);
    // Its own name in pinyin, its generic words and legal form in English.
    expect(found('华为技术有限公司')).toEqual(['hw']);
    expect(found('浙江大华技术股份有限公司')).toEqual(['dh']);
    expect(found('中国电子科技集团公司')).toEqual(['ce']);
    expect(found('新疆公安厅')).toEqual(['ps']);
    // Generic words alone do not carry a match.
    expect(found('东方技术有限公司')).toEqual([]);
  });
  it('finds a listed Russian name typed without its patronymic', () => {
    const russians = createMatcher([
      { id: 'm', listId: 'test', names: ['MILLER, Alexey Borisovich'] },
      { id: 'd', listId: 'test', names: ['MEDVEDEV, Dmitry Anatolyevich'] },
      { id: 'k', listId: 'test', names: ['KOVALCHUK, Yury Valentinovich'] },
      { id: 'o', listId: 'test', names: ['MILLER, Olga Borisovna'] },
    ]);
    expect(russians.search('Alexei Miller').map((r) => r.entryId)).toEqual(['m']);
    expect(russians.search('Dmitri Medvedev').map((r) => r.entryId)).toEqual(['d']);
    expect(russians.search('Yuri Kovalchuk').map((r) => r.entryId)).toEqual(['k']);
  });
  it('keeps known false positives out', () => {
    expect(ids('emma daniels')).toEqual([]);
    expect(ids('George Bush')).toEqual([]);
    expect(ids('BELLETECH CORP')).toEqual([]);
    expect(ids('Beta International Trading Group')).toEqual([]);
  });
  it('fills an explanation for every match', () => {
    const [hit] = m.search('FGUP Rosoboronexport');
    expect(hit?.explanation.legalForms).toContain('soe');
    expect(hit?.explanation.summary.length).toBeGreaterThan(10);
  });
  it('prefers entries listed for the party country without excluding others', () => {
    const plain = m.search('Gazprombank', { minScore: 0 })[0]!;
    const ru = m.search('Gazprombank', { country: 'ru', minScore: 0 })[0]!;
    expect(ru.score).toBeGreaterThanOrEqual(plain.score);
    expect(m.search('Nicolas Maduro Moros', { country: 'RU' }).map((r) => r.entryId)).toEqual(['3']);
  });
  it('respects limit and minScore', () => {
    expect(m.search('Gazprombank', { limit: 0 })).toEqual([]);
    expect(m.search('Gazprombank', { minScore: 1.01 })).toEqual([]);
  });
  it('copes with an empty list and an empty query', () => {
    expect(createMatcher([]).search('anything')).toEqual([]);
    expect(m.search('  ')).toEqual([]);
  });
});

describe('matcher.search: spellings the scorer merges', () => {
  const list = createMatcher([
    { id: 'a', listId: 't', names: ['ABDULLAH'] },
    { id: 'b', listId: 't', names: ['DISTRIBUIDORA BANK LLC'] },
    { id: 'c', listId: 't', names: ['FELICIA SMITH'] },
    { id: 'd', listId: 't', names: ['金正恩'] },
  ]);
  const ids = (q: string) => list.search(q).map((r) => r.entryId);
  it('finds names written as one word in another script or spacing', () => {
    expect(ids('عبد الله')).toEqual(['a']);
    expect(ids('Distribuidorabank')).toEqual(['b']);
    expect(ids('Kim Jong Un')).toEqual(['d']);
  });
  it('does not merge words that only have the right length', () => {
    expect(ids('Feliciaayala')).toEqual([]);
  });
});

describe('a very long query', () => {
  it('searches its first 256 characters, cut after a whole word', () => {
    const m = createMatcher([
      { id: 'g', listId: 'l', names: ['Gazprom Neft'] },
      { id: 'r', listId: 'l', names: ['Rosneft Trading'] },
    ]);
    // A pasted page: the name at its start is searched, the one 13,000 characters on is not.
    const pasted = `Gazprom Neft ${'lorem ipsum dolor sit amet '.repeat(500)}Rosneft Trading`;
    expect(m.search(pasted, { minScore: 0.5 }).map((x) => x.entryId)).toEqual(['g']);
    // A word cut at the limit is left out rather than searched in part.
    const cut = `${'a '.repeat(127)}Gazprom`;
    expect(cut.length).toBeGreaterThan(256);
    expect(m.search(cut, { minScore: 0.01 })).toEqual([]);
    expect(m.search('Gazprom', { minScore: 0.5 }).map((x) => x.entryId)).toEqual(['g']);
  });
});
