import { describe, expect, it } from 'vitest';
import { findCountries, isD1, loadRuleSet, tierOf } from '../../lib/rules';

const codes = (text: string, address = true) =>
  findCountries(text, { address }).map((c) => c.code + (c.region ? `/${c.region}` : ''));

describe('findCountries', () => {
  it.each([
    ['Valiasr St 1234\nTehran\nIran', ['IR']],
    ['Zand Blvd, Shiraz, IR', ['IR']],
    ['Kim Il Sung Square\nPyongyang\nDPRK', ['KP']],
    ["Korea, Democratic People's Republic of", ['KP']],
    ['Yangon\nBurma', ['MM']],
    ['ul. Tverskaya 1, Moscow, Russian Federation', ['RU']],
    ['ул. Тверская 1, Москва, Россия', ['RU']],
    ['Minsk, Belarus', ['BY']],
    ['Simferopol', ['UA/Crimea']],
    ['Sevastopol, Krym', ['UA/Crimea']],
    ['Krim, Ukraine', ['UA/Crimea', 'UA']],
    ['Donetsk 83000', ['UA/DNR']],
    ['Luhansk Oblast', ['UA/LNR']],
    ['Calle 23, La Habana, Cuba', ['CU']],
    ['Damascus, Syrian Arab Republic', ['SY']],
    ['Damaskus, Syrien', ['SY']],
    ["Téhéran, Iran (République islamique d')", ['IR']],
    ['北京市朝阳区, 中国', ['CN']],
    ['طهران، إيران', ['IR']],
    ['Jebel Ali Free Zone, Dubai, UAE', ['AE']],
    ['Caracas 1060, Venezuela', ['VE']],
    ['Addis Ababa, ETH', ['ET']],
    ['Atlanta, GA 30303', ['US']],
    ['53 Genesee St, Cuba, NY 14727', ['US']],
    ['Tbilisi 0108\nGeorgia', ['GE']],
    ['Kowloon, Hong Kong SAR', ['HK']],
    ['Road Town, Tortola, British Virgin Islands', ['VG']],
    ['Baotou, Inner Mongolia', ['CN']],
    ['Yangon, Myanmar (Burma)', ['MM']],
  ])('address %j', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('free text: proper nouns only, no ambiguous names, no bare codes', () => {
    expect(codes('The end user is located in Iran.', false)).toEqual(['IR']);
    expect(codes('Fine china and a turkey for Jordan, from Chad in Georgia.', false)).toEqual([]);
    expect(codes('Call us at the IN office; it is OK.', false)).toEqual([]);
    expect(codes('Office in New Mexico', false)).toEqual(['US']);
    expect(codes('Warehouse in Lugansk', false)).toEqual(['UA/LNR']);
    expect(codes('Partner in the DPRK', false)).toEqual(['KP']);
  });

  it('evidence is the page text', () => {
    const [c] = findCountries('Shipping to Persia please', { address: true, source: 'Shipping Address' });
    expect(c).toMatchObject({ code: 'IR', evidence: 'Persia', source: 'Shipping Address', name: 'Iran' });
  });
});

describe('tiers', () => {
  it.each([
    ['CU', 'embargo'],
    ['IR', 'embargo'],
    ['KP', 'embargo'],
    ['SY', 'embargo'],
    ['RU', 'russia-belarus'],
    ['BY', 'russia-belarus'],
    ['CN', 'arms-embargo'],
    ['VE', 'arms-embargo'],
    ['ET', 'arms-embargo'],
    ['KH', 'other'],
    ['ML', 'targeted'],
    ['DE', 'other'],
  ])('%s is %s', (code, tier) => {
    expect(tierOf(code).tier).toBe(tier);
  });

  it('regions: Crimea, DNR and LNR are in the embargo tier, the rest of Ukraine is not', () => {
    expect(tierOf('UA', 'Crimea').tier).toBe('embargo');
    expect(tierOf('UA', 'DNR').tier).toBe('embargo');
    expect(tierOf('UA', 'LNR').tier).toBe('embargo');
    expect(tierOf('UA').tier).toBe('other');
  });

  it('Country Groups follow the July 2026 snapshot (D:5 has 22 members, E:1 three, Iran not in D:1)', () => {
    const rs = loadRuleSet();
    const d5 = rs.destinations.countries.filter((c) => c.groups.includes('D:5')).map((c) => c.code);
    expect(d5).toHaveLength(22);
    expect(d5).not.toContain('KH');
    const e1 = rs.destinations.countries.filter((c) => c.groups.includes('E:1')).map((c) => c.code);
    expect(e1.sort()).toEqual(['IR', 'KP', 'SY']);
    expect(isD1('IR')).toBe(false);
    expect(isD1('NI')).toBe(true);
    expect(rs.destinations.d1.codes).toHaveLength(24);
  });
});
