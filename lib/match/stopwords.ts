/**
 * Words that say little about who a party is. They stay in the name (and in the explanation) but carry
 * little weight, so "International Trading Group" can never make a match on its own.
 */

/** Articles, prepositions and conjunctions in the languages common on lists. */
const STOP = new Set(
  'the of and for to in on at by a an de del della dei des du la le les los las el il lo da do dos das di y e et und und der die das von van den ten ter zu al aal ul ud ut ur'.split(
    ' ',
  ),
);
// "al", "el", "van", "von", "de" are name particles too: they are stopwords only because they are so common.
// "ul", "ud", "ut", "ur" are the Arabic article as South Asian spellings write it (Harkat ul-Mujahideen,
// Jamaat ud Dawa, Hizb ut-Tahrir).

/**
 * Honorifics and titles that precede names ("President Putin", "Sheikh", "Dr."), and the generational and
 * professional suffixes that follow them ("Jr.", "III", "Esq.").
 */
const TITLES = new Set(
  'jr jnr sr snr ii iii iv esq mr mrs ms miss mx dr prof professor sir madam madame mme monsieur herr frau senor senora sheikh shaikh sheik haji hajji hadji mullah maulana maulvi mawlawi sayyid syed imam president presidente prasident predsjednik presedintele presiden prezident elnok gen colonel col lieutenant lt admiral adm minister ambassador his her excellency hon honorable honourable rev reverend father mufti qari'.split(
    ' ',
  ),
);

/** Generic business words: present in thousands of company names, never identifying on their own. */
const BUSINESS_WORDS =
  'international intl trading trade traders group groups holding holdings industries industry industrial services service general import export imports exports enterprise enterprises global worldwide technologies technology tech solutions systems system engineering investment investments development management commercial partners associates consulting consultants logistics shipping national products production manufacturing research center centre institute bureau office agency firm business ventures venture capital resources energy network networks communications communication telecom telecommunications telecommunication digital software information media supply supplies equipment machinery materials electronics electronic company org organization organisation department ministry united new east west north south middle far asia europe america american african china chinese russian iran iranian overseas sea air marine maritime transport transportation petroleum oil gas bank establishment est factory plant works store shop mart import-export';

/**
 * Chinese provinces, regions and the largest cities, which open most Chinese company names ("Zhejiang
 * Dahua Technology", "Hangzhou Hikvision …") and which people leave out: they say where, not who.
 */
const PLACES =
  'beijing shanghai tianjin chongqing guangdong zhejiang jiangsu shandong henan hebei hunan hubei sichuan fujian anhui jiangxi liaoning heilongjiang shaanxi shanxi yunnan guizhou guangxi hainan gansu qinghai ningxia xinjiang xizang hongkong macau macao shenzhen hangzhou guangzhou nanjing wuhan chengdu suzhou xiamen qingdao dalian ningbo hefei changsha zhengzhou shenyang harbin wuxi dongguan foshan zhuhai';

/**
 * What Russian and Soviet-style organisation names call themselves, transliterated or abbreviated, which
 * people leave out ("Istok" for NPP Istok, "Rosneft" for NK Rosneft): NK (oil company), NPO (scientific
 * production association), NPP (scientific production enterprise), OKB (experimental design bureau), NII
 * and TsNII ((central) research institute), NTTs (scientific technical centre), concern (Kontsern
 * Kalashnikov), zavod (plant), kombinat, institut, obyedinenie (association), predpriyatie (enterprise),
 * korporatsiya, and "scientific" of their English names.
 */
const ORG_WORDS =
  'nk npo npp okb nii tsnii ntts concern kontsern zavod kombinat institut obedinenie obyedinenie obedineniye obyedineniye predpriyatie predpriyatiye korporatsiya scientific';

/** The words of WordKind.Generic: business words, places and organisation words, in one set. */
const GENERIC = new Set(`${BUSINESS_WORDS} ${PLACES} ${ORG_WORDS}`.split(' '));

/** Name particles: part of the name, but shared by a great many names (Abu, Bin, Abd). */
const PARTICLES = new Set('abu bin ibn bint ben abd abdul abdel ould mac mc st saint san santa'.split(' '));

export enum WordKind {
  Name = 0,
  Legal = 1,
  Stop = 2,
  Title = 3,
  Generic = 4,
  Particle = 5,
  Initial = 6,
}

export function wordKind(token: string): WordKind {
  if (token.length === 1 && /[a-z]/.test(token)) return WordKind.Initial;
  if (TITLES.has(token)) return WordKind.Title;
  if (STOP.has(token)) return WordKind.Stop;
  if (GENERIC.has(token)) return WordKind.Generic;
  if (PARTICLES.has(token)) return WordKind.Particle;
  return WordKind.Name;
}

/**
 * A Russian, Ukrainian or Belarusian patronymic: Vladimirovich, Sergeyevna, Oleksiyovych, Petrivna,
 * Aliaksandrawna, and their French, German and Dutch spellings (Vladimirovitch, Wladimirowitsch,
 * Wladimirowitsj). Lists give it in full ("PUTIN, Vladimir Vladimirovich") and people leave it out
 * ("Vladimir Putin"), so it weighs less than a given name or surname. A surname with the same ending
 * (Abramovich) weighs less too: it is then no stronger evidence than a patronymic, and "Roman Abramovich"
 * still matches on both words.
 */
const PATRONYMIC = /(?:[aeo][vw]it?s?ch|[aeo][vw]itsj|[eo]vych|[aeo][uvw]na|ichna|[iy]vna)$/;

export function isPatronymic(token: string): boolean {
  return token.length >= 7 && PATRONYMIC.test(token);
}

/**
 * Share of a name word's weight a patronymic keeps: low enough that a name typed without it and spelt
 * another way (Alexei Miller, Dmitri Medvedev; فلاديمير بوتين) still matches, high enough that another
 * father's name (Ivan Sergeyevich Petrov, Ivan Ivanovich Petrov: 0.83) keeps two people apart.
 */
export const PATRONYMIC_WEIGHT = 0.4;

/** Weight of a word before corpus rarity is applied. */
export const BASE_WEIGHT: Record<WordKind, number> = {
  [WordKind.Name]: 1,
  [WordKind.Legal]: 0.12,
  [WordKind.Stop]: 0.1,
  [WordKind.Title]: 0.1,
  [WordKind.Generic]: 0.3,
  [WordKind.Particle]: 0.35,
  [WordKind.Initial]: 0.3,
};

/** Human label for the explanation. */
export const KIND_LABEL: Record<WordKind, string> = {
  [WordKind.Name]: 'name',
  [WordKind.Legal]: 'legal form',
  [WordKind.Stop]: 'stopword',
  [WordKind.Title]: 'title',
  [WordKind.Generic]: 'generic word',
  [WordKind.Particle]: 'particle',
  [WordKind.Initial]: 'initial',
};
