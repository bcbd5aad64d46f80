import { describe, expect, it } from 'vitest';
import { legalForms, normalizeName } from '../../lib/match';

describe('normalizeName', () => {
  it('folds case, diacritics, compatibility forms and punctuation', () => {
    expect(normalizeName('  Société  Générale, S.A. ')).toBe('societe generale sa');
    expect(normalizeName('ＡＢＣ Ｔｒａｄｉｎｇ')).toBe('abc trading');
    expect(normalizeName("O'Brien-Smith")).toBe('obrien smith');
  });
  it('transliterates Cyrillic, Greek, Arabic, Hebrew and CJK', () => {
    expect(normalizeName('Владимир Путин')).toBe('vladimir putin');
    expect(normalizeName('Νικόλαος')).toBe('nikolaos');
    expect(normalizeName('محمد')).toBe('mhmd');
    expect(normalizeName('משה')).toBe('msh');
    expect(normalizeName('习近平')).toBe('xi jin ping');
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
  it('does not take short forms for legal forms inside a name', () => {
    expect(legalForms('Banco Sa Nostra')).toEqual([]);
    expect(legalForms('Ao Jin Trading')).toEqual([{ form: 'ao', cls: 'jsc' }]);
  });
});
