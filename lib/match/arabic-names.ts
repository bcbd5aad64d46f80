/**
 * How Arabic names are written in Arabic script and in Latin spellings, made alike when a name is
 * normalised (normalize.ts): letters any-ascii writes in a way that loses what the Latin spellings show,
 * the article al in its many spellings, and "servant of" names (Abd al-Rahman, Abdul Rahman).
 */
import type { RawToken } from './normalize';

/**
 * Arabic ة (ta marbuta) ends a word on a: سارة is Sara, أسامة Osama, فاطمة Fatima (or Fatimah, which still
 * pairs on its consonants). any-ascii writes h, a consonant the Latin spellings mostly leave out.
 */
const TA_MARBUTA = /\u0629/g;

/**
 * Arabic ض is written dh, as any-ascii writes ذ and ظ: d in Arabic spellings (Ramadan, Fadl), dh in Gulf and
 * Iraqi ones (Ridha), z in Persian and Urdu ones (Reza, Morteza, Ramazan), which skeletons read it as
 * (similarity.ts). any-ascii writes d, and the z would be lost.
 */
const DAD = /\u0636/g;

/**
 * Arabic ا inside a word is the long vowel a (شباب, Shabab; ناصر, Nasser), which any-ascii leaves out: the
 * letters either side then read as one doubled letter (shbb), and the vowel the Latin spelling must have
 * is lost. At the start of a word it carries any vowel (ابراهيم, Ibrahim; احمد, Ahmad), and before ل it may
 * be the article's, which is not said (ذوالفقار, Zulfiqar; ابوالفضل, Abolfazl): both stay out.
 */
const LONG_A = /(?<=[\u0621-\u064a])\u0627(?!\u0644)/g;

/** A word in Arabic script with the letters above written as Latin spellings need them, for any-ascii. */
export function arabicLetters(word: string): string {
  return word.replace(LONG_A, 'a').replace(TA_MARBUTA, 'a').replace(DAD, 'dh');
}

/**
 * The Arabic article between hyphens, as Latin spellings write it before the sun letters (Abd-ur-Rahman,
 * Jamaat-ud-Dawa, Hizb-ut-Tahrir, Ahl-as-Sunnah) and with other vowels (Harkat-ul-Mujahideen, Nasr-ed-Din):
 * al, as the other spellings of the same names write it (Abd al-Rahman, Jamaat al-Dawa).
 */
export const HYPHEN_ARTICLE = /-[aeu](?:[lrsdtzn]|sh|th|dh)-/g;

/**
 * The article written as the sun letter it turns into, hyphened to a word that starts with it (Ayman
 * az-Zawahiri, Salah ed-Din, ash-Shami, as-Sayed): al, as al-Zawahiri writes it.
 */
export const SUN_ARTICLE = /(?<![a-z])[aeu](sh|th|dh|[tdnrsz])-(?=\1)/g;

/**
 * "Servant of" and the article, as names write them apart or run together with the name (Abd al-Rahman,
 * Abd Rahman, Abdulrahman, Abdurrahman, عبد الرحمن): abdul and the name, as the most usual spelling writes
 * them, so the spellings pair word for word. Abdel, Abdur and the other spellings of it as a word of its
 * own pair with abdul as they are (one letter apart), and keep what a typo in them leaves (Badur).
 */
export const ABDUL = 'abdul';

/**
 * The same run together with the name (Abdulrahman, Abdurrahman, Abdelaziz, Abdirahman, Abdolreza): the
 * name after abd, a vowel and the article's l, or the sun letter the article turns into (ur-Rahman,
 * us-Salam), doubled or not. Not Allah's own name (Abdullah, Abdullahi: one name), and not a surname built
 * on one (Abdurakhmanov, Abdullaev), whose spellings pair as whole words.
 */
const ABD_RUN = /^abd[aeiou](?:l([a-z]{4,})|([rsdtzn])\2?([a-z]{3,}))$/;
const NOT_ABD_RUN = /^abd[aeiou]l?l?ah|(?:ov|ev|ova|eva)$/;

/** The name in a "servant of" word run together with it (ABD_RUN), or null. */
function abdName(t: string): string | null {
  if (t.length < 8 || NOT_ABD_RUN.test(t)) return null;
  const m = ABD_RUN.exec(t);
  if (!m) return null;
  return m[1] ?? `${m[2]}${m[3]}`;
}

/** Arabic عبد (abdul), alone or run together with the article ال and the name after it. */
export const ABD = '\u0639\u0628\u062f';
export const ARABIC_ABD = /^\u0639\u0628\u062f(?=\u0627\u0644.{2,}$)/;
export const ARABIC_ARTICLE = /^\u0627\u0644.{2,}$/;

/** Writes abd, abd al and the runs of ABD_RUN as abdul (see ABDUL). */
export function joinAbd(out: RawToken[]): RawToken[] {
  const res: RawToken[] = [];
  for (let i = 0; i < out.length; i++) {
    const t = out[i]!;
    if (t.flags !== 0) res.push(t);
    else if (t.text === 'abd') {
      res.push({ text: ABDUL, flags: 0 });
      if (out[i + 1]?.text === 'al' && i + 2 < out.length) i++;
    } else {
      const name = abdName(t.text);
      if (name === null) res.push(t);
      else res.push({ text: ABDUL, flags: 0 }, { text: name, flags: 0 });
    }
  }
  return res;
}
