/**
 * Minimal country recognition for the last line of an address block, so the extractor can fill
 * DealContext.countries when an address plainly ends in a country. It is deliberately small (it ships in the
 * content script): lib/rules does the full job (aliases in many scripts, regions, free text) on the
 * background side. A name not listed here is simply left for lib/rules.
 */

/** ISO 3166-1 alpha-2 → English short name, as used in CountryRef.name. */
const NAMES: Record<string, string> = {
  AE: 'United Arab Emirates',
  AF: 'Afghanistan',
  AM: 'Armenia',
  AR: 'Argentina',
  AT: 'Austria',
  AU: 'Australia',
  AZ: 'Azerbaijan',
  BE: 'Belgium',
  BH: 'Bahrain',
  BR: 'Brazil',
  BY: 'Belarus',
  CA: 'Canada',
  CH: 'Switzerland',
  CN: 'China',
  CU: 'Cuba',
  CZ: 'Czechia',
  DE: 'Germany',
  DK: 'Denmark',
  EG: 'Egypt',
  ES: 'Spain',
  ET: 'Ethiopia',
  FI: 'Finland',
  FR: 'France',
  GB: 'United Kingdom',
  GE: 'Georgia',
  HK: 'Hong Kong',
  IE: 'Ireland',
  IL: 'Israel',
  IN: 'India',
  IQ: 'Iraq',
  IR: 'Iran',
  IT: 'Italy',
  JO: 'Jordan',
  JP: 'Japan',
  KG: 'Kyrgyzstan',
  KP: 'North Korea',
  KR: 'South Korea',
  KW: 'Kuwait',
  KZ: 'Kazakhstan',
  LB: 'Lebanon',
  LY: 'Libya',
  MA: 'Morocco',
  MM: 'Myanmar',
  MX: 'Mexico',
  MY: 'Malaysia',
  NL: 'Netherlands',
  NO: 'Norway',
  NZ: 'New Zealand',
  OM: 'Oman',
  PK: 'Pakistan',
  PL: 'Poland',
  PT: 'Portugal',
  QA: 'Qatar',
  RU: 'Russia',
  SA: 'Saudi Arabia',
  SD: 'Sudan',
  SE: 'Sweden',
  SG: 'Singapore',
  SY: 'Syria',
  TH: 'Thailand',
  TJ: 'Tajikistan',
  TM: 'Turkmenistan',
  TR: 'Türkiye',
  TW: 'Taiwan',
  UA: 'Ukraine',
  US: 'United States',
  UZ: 'Uzbekistan',
  VE: 'Venezuela',
  VN: 'Vietnam',
  YE: 'Yemen',
  ZA: 'South Africa',
};

/** Other spellings seen in CRM address fields (Salesforce state/country picklists use the ISO names). */
const ALIASES: Record<string, string> = {
  uae: 'AE',
  'u.a.e.': 'AE',
  'iran, islamic republic of': 'IR',
  'islamic republic of iran': 'IR',
  'russian federation': 'RU',
  'korea, democratic people’s republic of': 'KP',
  "korea, democratic people's republic of": 'KP',
  'democratic people’s republic of korea': 'KP',
  "democratic people's republic of korea": 'KP',
  dprk: 'KP',
  'korea, republic of': 'KR',
  'republic of korea': 'KR',
  'syrian arab republic': 'SY',
  'venezuela, bolivarian republic of': 'VE',
  'viet nam': 'VN',
  'czech republic': 'CZ',
  turkey: 'TR',
  turkiye: 'TR',
  burma: 'MM',
  'united states of america': 'US',
  usa: 'US',
  'u.s.a.': 'US',
  'u.s.': 'US',
  'united kingdom of great britain and northern ireland': 'GB',
  uk: 'GB',
  'great britain': 'GB',
  'people’s republic of china': 'CN',
  "people's republic of china": 'CN',
  prc: 'CN',
  'hong kong sar': 'HK',
  'taiwan, province of china': 'TW',
};

const AMBIGUOUS_TAILS = new Set(['georgia']);

const BY_NAME = new Map<string, string>();
for (const [code, name] of Object.entries(NAMES)) BY_NAME.set(name.toLowerCase(), code);
for (const [alias, code] of Object.entries(ALIASES)) BY_NAME.set(alias, code);

export function countryName(code: string): string | undefined {
  return NAMES[code.toUpperCase()];
}

/**
 * Recognise a whole string as a country: an English name, a listed alias, or an upper-case ISO alpha-2 code
 * (Salesforce orgs without country picklists often store "US", "AE"). Returns null otherwise.
 */
export function recognizeCountry(text: string, allowCodes = true): { code: string; name: string } | null {
  const t = text
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/[.,;]+$/, '');
  if (!t) return null;
  if (allowCodes && /^[A-Z]{2}$/.test(t) && NAMES[t]) return { code: t, name: NAMES[t] };
  const code = BY_NAME.get(t.toLowerCase());
  return code ? { code, name: NAMES[code]! } : null;
}

/** The country an address block ends with: its last line, or the part after its last comma. */
export function countryOfAddress(address: string): { code: string; name: string; evidence: string } | null {
  const lines = address
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const last = lines[lines.length - 1];
  if (!last) return null;
  const whole = recognizeCountry(last);
  if (whole) return { ...whole, evidence: last };
  // "Dubai, United Arab Emirates" on one line. Codes and names that are also US states are not trusted here:
  // "Chicago, IL" is Illinois, not Israel; "Atlanta, Georgia" is not the country.
  const tail = last.split(',').pop();
  const part = tail && !AMBIGUOUS_TAILS.has(tail.trim().toLowerCase()) ? recognizeCountry(tail, false) : null;
  return part ? { ...part, evidence: last } : null;
}
