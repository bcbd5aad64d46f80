import { describe, expect, it } from 'vitest';
import { legalForms, normalizeName } from '../../lib/match';
import { prepareName } from '../../lib/match/prepare';
import { WordKind } from '../../lib/match/stopwords';

describe('normalizeName', () => {
  it('folds case, diacritics, compatibility forms and punctuation', () => {
    expect(normalizeName('  Société  Générale, S.A. ')).toBe('societe generale sa');
    expect(normalizeName('ＡＢＣ Ｔｒａｄｉｎｇ')).toBe('abc trading');
    expect(normalizeName("O'Brien-Smith")).toBe('obrien smith');
  });
  it('reads a bare y or i between words, and e between hyphens, as "and", not as an initial', () => {
    expect(normalizeName('Empresa Cubana de Pescados y Mariscos')).toBe(
      'empresa cubana de pescados and mariscos',
    );
    expect(normalizeName('Lashkar I Jhangvi')).toBe('lashkar and jhangvi');
    expect(normalizeName('Lashkar-e-Taiba')).toBe('lashkar and taiba');
    // With a dot, or a bare e, it is an initial.
    expect(normalizeName('Carlos Y. Perez')).toBe('carlos y perez');
    expect(normalizeName('John E Smith')).toBe('john e smith');
    // Among other initials, it is one too.
    expect(normalizeName('Limited Liability Company I T C')).toBe('limited liability company i t c');
  });
  it('writes "servant of" and its article as abdul, however the name spells them', () => {
    for (const name of ['Abd al-Rahman', 'Abd Rahman', 'Abdulrahman', 'Abdurrahman', 'Abdirahman'])
      expect(normalizeName(name), name).toBe('abdul rahman');
    expect(normalizeName('عبد الرحمن')).toBe('abdul rhmn');
    expect(normalizeName('عبدالرحمن')).toBe('abdul rhmn');
    expect(normalizeName('Abdelaziz Bouteflika')).toBe('abdul aziz bouteflika');
    // A word of its own stays as it is written (Abdur pairs with abdul; a typo in it, Badur, with Abdur).
    expect(normalizeName('Abdur Rahman')).toBe('abdur rahman');
    // Allah's own name, and surnames built on the name, stay one word.
    expect(normalizeName('Abdullah')).toBe('abdullah');
    expect(normalizeName('Abdullahi Yusuf')).toBe('abdullahi yusuf');
    expect(normalizeName('Abdurakhmanov')).toBe('abdurakhmanov');
    expect(normalizeName('Abdullaev')).toBe('abdullaev');
  });
  it('writes the Arabic article al however a hyphened name writes it', () => {
    expect(normalizeName('Jamaat-ud-Dawa')).toBe('jamaat al dawa');
    expect(normalizeName('Hizb-ut-Tahrir')).toBe('hizb al tahrir');
    expect(normalizeName('Ayman az-Zawahiri')).toBe('ayman al zawahiri');
    expect(normalizeName('Ali ash-Shami')).toBe('ali al shami');
    // Not other hyphened words.
    expect(normalizeName('Jean-Luc Picard')).toBe('jean luc picard');
    expect(normalizeName('Lashkar-e-Taiba')).toBe('lashkar and taiba');
  });
  it('writes the short forms of business words in full, and not names or legal forms', () => {
    expect(normalizeName('Acme Intl Mfg Hldgs')).toBe('acme international manufacturing holdings');
    expect(normalizeName('Smith Bros Svcs')).toBe('smith brothers services');
    expect(normalizeName('St. Petersburg Tech')).toBe('saint petersburg technology');
    expect(normalizeName('Kontsern Kalashnikov')).toBe('concern kalashnikov');
    expect(normalizeName('Mohd Najib')).toBe('mohammed najib');
    // Dev, Eng and Gen are names and ranks too; Corp and Co are legal forms.
    expect(normalizeName('Dev Eng Gen Corp Co')).toBe('dev eng gen corp co');
  });
  it('transliterates Cyrillic, Greek, Arabic, Hebrew and CJK', () => {
    expect(normalizeName('Владимир Путин')).toBe('vladimir putin');
    expect(normalizeName('Νικόλαος')).toBe('nikolaos');
    // Greek letter pairs as ELOT 743 writes them, as on Greek passports and lists.
    expect(normalizeName('Βλαντίμιρ Πούτιν')).toBe('vlantimir poutin');
    expect(normalizeName('Ευάγγελος Βενιζέλος')).toBe('evangelos venizelos');
    expect(normalizeName('Παύλος Μπακογιάννης')).toBe('pavlos bakogiannis');
    expect(normalizeName('Αλέξης Τσίπρας')).toBe('alexis tsipras');
    expect(normalizeName('محمد')).toBe('mhmd');
    // Arabic ة ends a word on a (Sara, Osama), not h, and ا inside a word is a (any-ascii leaves it out).
    expect(normalizeName('سارة')).toBe('sara');
    expect(normalizeName('أسامة')).toBe('sama');
    expect(normalizeName('الشباب')).toBe('lshbab');
    // ض as dh, as any-ascii writes ذ and ظ, so it can be read as z as well as d (Reza, Ramadan).
    expect(normalizeName('رضا')).toBe('rdha');
    expect(normalizeName('משה')).toBe('msh');
    // A Hebrew word opens with b, k, p, not v, kh, f.
    expect(normalizeName('בנימין נתניהו')).toBe('bnymyn ntnyhv');
    expect(normalizeName('שמעון פרס')).toBe('smvn prs');
    expect(normalizeName('习近平')).toBe('xi jin ping');
    // An organisation's generic words and legal form in English, its own name in pinyin.
    expect(normalizeName('华为技术有限公司')).toBe('hua wei technology limited company');
    expect(normalizeName('深圳市公安局')).toBe('shenzhen city public security bureau');
    expect(normalizeName('김정은')).toBe('kim jong un');
  });
});

describe('legalForms', () => {
  it('recognises forms with their class, state-owned ones as soe', () => {
    expect(legalForms('ФГУП Рособоронэкспорт')).toEqual([{ form: 'fgup', cls: 'soe' }]);
    expect(legalForms('Federal State Unitary Enterprise Rosoboronexport')[0]?.cls).toBe('soe');
    expect(legalForms('Siemens Aktiengesellschaft')).toEqual([{ form: 'aktiengesellschaft', cls: 'jsc' }]);
    expect(legalForms('Grupo Bimbo S.A. de C.V.')).toEqual([{ form: 'sa de cv', cls: 'jsc' }]);
    expect(legalForms('OOO Stroytransgaz')[0]?.cls).toBe('llc');
    expect(legalForms('PJSC Sberbank')[0]?.cls).toBe('jsc');
  });
  it('recognises a form written with a typo, as CRM records often have them', () => {
    expect(legalForms('Limited Liability Comapny Krokus Nanoelektronika')).toEqual([
      { form: 'limited liability comapny', cls: 'llc' },
    ]);
    expect(legalForms('Ledra Trustee Services Limitde')).toEqual([{ form: 'limitde', cls: 'llc' }]);
    expect(legalForms('Federal State Unitray Enterprise Rosoboronexport')[0]?.cls).toBe('soe');
    // A one-word form with a typo only closes a longer name; a name word one letter from a form is a name.
    expect(legalForms('Compay Segundo')).toEqual([]);
    expect(legalForms('Segundo Compay')).toEqual([]);
    expect(legalForms('Acme Limites Trading')).toEqual([]);
  });
  it('reads no short legal form or stopword into a syllable of Chinese or Korean script', () => {
    // The legal form is read in English (han-glossary.ts), with the class of the Chinese form.
    expect(legalForms('大华技术股份有限公司')).toEqual([{ form: 'joint stock company', cls: 'jsc' }]);
    expect(legalForms('奥迪有限公司')).toEqual([{ form: 'limited company', cls: 'llc' }]);
    expect(legalForms('AO Rosneft')).toEqual([{ form: 'ao', cls: 'jsc' }]);
    // 刘德华 (Liu De Hua): "de" is a syllable of his name, not the Romance "de".
    expect(prepareName('刘德华').kinds).toEqual([WordKind.Name, WordKind.Name, WordKind.Name]);
  });
  it('does not take short forms for legal forms inside a name', () => {
    expect(legalForms('Banco Sa Nostra')).toEqual([]);
    expect(legalForms('Ao Jin Trading')).toEqual([{ form: 'ao', cls: 'jsc' }]);
  });
});

describe('legalForms: wider table', () => {
  it('classes Russian state institutions and foreign state enterprises as soe', () => {
    expect(legalForms('ФГБУ Росгидромет')[0]?.cls).toBe('soe');
    expect(legalForms('МУП Водоканал')[0]?.cls).toBe('soe');
    expect(legalForms('Государственное унитарное предприятие Крымэнерго')[0]?.cls).toBe('soe');
    expect(legalForms('China Petroleum 国有企业')[0]?.cls).toBe('soe');
    expect(legalForms('Deutsche Bahn Staatsbetrieb')[0]?.cls).toBe('soe');
    expect(legalForms('Petroleos Empresa Estatal')[0]?.cls).toBe('soe');
  });
  it('knows partnerships, cooperatives and sole traders of other legal systems', () => {
    expect(legalForms('Müller GmbH & Co. KG')[0]?.cls).toBe('lp');
    expect(legalForms('Agrar eG')[0]?.cls).toBe('coop');
    expect(legalForms('ИП Иванов')[0]?.cls).toBe('sp');
    expect(legalForms('Tirana Sh.p.k.')[0]?.cls).toBe('llc');
  });
  it('leaves surnames that spell short forms alone', () => {
    expect(legalForms('Nellie Pou')).toEqual([]);
    expect(legalForms('Chou Wen')).toEqual([]);
    expect(legalForms('AL-GADDAFI Muammar')).toEqual([]);
  });
});
