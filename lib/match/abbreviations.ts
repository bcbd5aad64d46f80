/** Short forms written in full when a name is normalised (normalize.ts), the same on both sides. */
import type { RawToken } from './normalize';

/**
 * Short forms of business words that company names take (Acme Intl Mfg, Star Hldgs, Smith Bros), of
 * Muhammad (Mohd, Muhd), and the transliterated Russian words with an English one (Kontsern Kalashnikov,
 * Kalashnikov Concern): written in full, as most lists write them, so that they pair and weigh as the
 * words they stand for. Only short forms that stand for one word in names (not Dev, Eng or Gen, which are
 * also names and ranks), and not legal forms (Corp, Co, Ltd), which the legal-form table pairs by class.
 */
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    intl: 'international',
    natl: 'national',
    mfg: 'manufacturing',
    mfr: 'manufacturer',
    mfrs: 'manufacturers',
    svc: 'service',
    svcs: 'services',
    sys: 'systems',
    grp: 'group',
    hldg: 'holding',
    hldgs: 'holdings',
    mgmt: 'management',
    mgt: 'management',
    bros: 'brothers',
    assn: 'association',
    assoc: 'associates',
    tech: 'technology',
    eqpt: 'equipment',
    equip: 'equipment',
    dept: 'department',
    univ: 'university',
    inst: 'institute',
    acad: 'academy',
    lab: 'laboratory',
    labs: 'laboratories',
    comms: 'communications',
    info: 'information',
    pharma: 'pharmaceuticals',
    ctr: 'center',
    cntr: 'center',
    mktg: 'marketing',
    trdg: 'trading',
    transp: 'transport',
    shpg: 'shipping',
    engg: 'engineering',
    inds: 'industries',
    indus: 'industries',
    st: 'saint',
    mt: 'mount',
    kontsern: 'concern',
    institut: 'institute',
    zavod: 'plant',
    // Malaysian and Singaporean names write Muhammad short.
    mohd: 'mohammed',
    muhd: 'muhammad',
  }),
);

/** Writes the short forms of ABBREVIATIONS in full. */
export function expandAbbreviations(out: RawToken[]): RawToken[] {
  for (let i = 0; i < out.length; i++) {
    const t = out[i]!;
    const full = t.flags === 0 ? ABBREVIATIONS.get(t.text) : undefined;
    if (full) out[i] = { text: full, flags: 0 };
  }
  return out;
}
