/**
 * Country names as the official lists spell them → ISO 3166-1 alpha-2.
 * i18n-iso-countries knows the ISO names and common short forms; the table below adds the
 * spellings OFAC (add.csv "Country"), BIS (Entity List headings) and trade.gov (CSL addresses) use
 * that it does not know ("Korea, North", "Burma", "Region: Crimea" …).
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';

countries.registerLocale(en);

/** Keys are lower-case. `null` means "known, but no single country" (no warning). */
const ALIASES: Record<string, string | null> = {
  'bahamas, the': 'BS',
  brunei: 'BN',
  burma: 'MM',
  'congo, democratic republic of the': 'CD',
  'congo, republic of the': 'CG',
  'cote d ivoire': 'CI',
  "cote d'ivoire": 'CI',
  'korea, north': 'KP',
  'north korea': 'KP',
  'korea, south': 'KR',
  laos: 'LA',
  macau: 'MO',
  'man, isle of': 'IM',
  moldova: 'MD',
  'north macedonia, the republic of': 'MK',
  palestinian: 'PS',
  'west bank': 'PS',
  gaza: 'PS',
  syria: 'SY',
  micronesia: 'FM',
  'micronesia, federated states of': 'FM',
  'st. kitts and nevis': 'KN',
  'st. vincent and the grenadines': 'VC',
  'st. lucia': 'LC',
  prc: 'CN',
  "people's republic of china": 'CN',
  'u.a.e.': 'AE',
  uae: 'AE',
  'u.k.': 'GB',
  'u.s.': 'US',
  'u.s.a.': 'US',
  kosovo: 'XK',
  'crimea region of ukraine': 'UA',
  'crimea (occupied)': 'UA',
  crimea: 'UA',
  'region: crimea': 'UA',
  'region: gaza': 'PS',
  'region: north gaza': 'PS',
  'region: northern gaza': 'PS',
  'region: west bank': 'PS',
  'region: northern mali': 'ML',
  'region: china': 'CN',
  'region: russia': 'RU',
  // Disputed or multi-country regions and OFAC's own marker: known, no single code.
  'region: kafia kingi': null,
  'region: jammu and kashmir': null,
  'region: commonwealth of independent states': null,
  undetermined: null,
  // Dissolved in 2010 (no current ISO code); left without a code on purpose.
  'netherlands antilles': null,
};

const cache = new Map<string, string | null | undefined>();

export interface CountryLookup {
  /** ISO alpha-2, when the name maps to one country. */
  code?: string;
  /** True when the value is a recognised marker with no single country (no warning needed). */
  known: boolean;
}

/**
 * Map a country name or code to ISO alpha-2. Accepts ISO alpha-2/alpha-3 codes, English names
 * and the list spellings above. Empty input gives `{known: true}` (nothing to map).
 */
export function lookupCountry(value: string): CountryLookup {
  const v = value.trim();
  if (!v) return { known: true };
  const key = v.toLowerCase();
  let hit = cache.get(key);
  if (hit === undefined && !cache.has(key)) {
    hit = resolve(v, key);
    cache.set(key, hit);
  }
  if (hit === undefined) return { known: false };
  if (hit === null) return { known: true };
  return { code: hit, known: true };
}

function resolve(v: string, key: string): string | null | undefined {
  if (key in ALIASES) return ALIASES[key];
  if (/^[A-Za-z]{2}$/.test(v)) {
    const up = v.toUpperCase();
    return countries.isValid(up) ? up : undefined;
  }
  if (/^[A-Z]{3}$/.test(v) && countries.isValid(v)) return countries.alpha3ToAlpha2(v) ?? undefined;
  const direct = countries.getAlpha2Code(v, 'en');
  if (direct) return direct;
  // "Region: X" → X
  const region = /^region:\s*(.+)$/i.exec(v);
  if (region) return resolve(region[1]!, region[1]!.toLowerCase());
  // "Iran (Islamic Republic of)", trailing dots.
  const stripped = v
    .replace(/\(.*?\)/g, '')
    .replace(/[.]+$/, '')
    .trim();
  if (stripped && stripped !== v) return resolve(stripped, stripped.toLowerCase());
  return undefined;
}

/** Convenience: code or undefined. */
export function toIso2(value: string): string | undefined {
  return lookupCountry(value).code;
}
