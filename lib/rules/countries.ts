/**
 * Country and region detection in address blocks and free text, and the destination tier lookup.
 * Names come from i18n-iso-countries (16 languages, imported as static JSON so no loader code or fs runs)
 * plus the project's alias table and the embargoed regions' names in assets/rules/destinations.json.
 */
import codesJson from 'i18n-iso-countries/codes.json';
import ar from 'i18n-iso-countries/langs/ar.json';
import de from 'i18n-iso-countries/langs/de.json';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fa from 'i18n-iso-countries/langs/fa.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import it from 'i18n-iso-countries/langs/it.json';
import ja from 'i18n-iso-countries/langs/ja.json';
import ko from 'i18n-iso-countries/langs/ko.json';
import nl from 'i18n-iso-countries/langs/nl.json';
import pl from 'i18n-iso-countries/langs/pl.json';
import pt from 'i18n-iso-countries/langs/pt.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import tr from 'i18n-iso-countries/langs/tr.json';
import uk from 'i18n-iso-countries/langs/uk.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import type { CountryRef } from '../model';
import { loadRuleSet } from './load';
import type { CountryRule, RegionRule, TierId } from './schema';

type LangFile = { locale: string; countries: Record<string, string | string[]> };
const LANGS: LangFile[] = [en, fr, de, es, it, pt, ru, uk, zh, ar, fa, ja, ko, tr, nl, pl] as LangFile[];

interface NameInfo {
  code: string;
  /** Region id for embargoed regions (dest.region.crimea). */
  regionId?: string;
  addressOnly: boolean;
  caseSensitive: boolean;
  /** The name as listed (for case-sensitive comparison). */
  listed: string;
}

interface NameIndex {
  byKey: Map<string, NameInfo>;
  /** Names in scripts written without spaces (Han, kana, Hangul): found by substring. */
  unspaced: { name: string; info: NameInfo }[];
  maxTokens: number;
  alpha2: Set<string>;
  alpha3: Map<string, string>;
}

const SHARED_HEADS = new Set(['korea', 'congo', 'virgin islands', 'micronesia', 'saint martin', 'guinea']);

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Lower case, diacritics removed, punctuation to single spaces. */
export function nameKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const compact = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');

let index: NameIndex | undefined;

function buildIndex(): NameIndex {
  const rs = loadRuleSet();
  const byKey = new Map<string, NameInfo>();
  const unspaced: { name: string; info: NameInfo }[] = [];
  const ambiguous = new Set(rs.destinations.ambiguousNames.map(nameKey));
  let maxTokens = 1;
  const add = (name: string, info: Omit<NameInfo, 'listed'>) => {
    const key = nameKey(name);
    if (!key) return;
    const full: NameInfo = { ...info, listed: name };
    // Short names ("US", "UAE") are acronyms: case-sensitive, and two letters only in addresses.
    const c = compact(name);
    if (c.length <= 3 && /^[\p{Lu}.]+$/u.test(name.replace(/[.\s]/g, ''))) {
      full.caseSensitive = true;
      if (c.length <= 2) full.addressOnly = true;
    }
    if (ambiguous.has(key)) full.addressOnly = true;
    if (UNSPACED.test(name)) {
      unspaced.push({ name, info: full });
      return;
    }
    if (!byKey.has(key)) byKey.set(key, full);
    maxTokens = Math.max(maxTokens, key.split(' ').length);
  };
  // Regions first: "Crimea" must win over any country reading.
  for (const r of rs.destinations.regions) {
    for (const n of r.names)
      add(n, { code: r.country, regionId: r.id, addressOnly: false, caseSensitive: false });
  }
  for (const a of rs.destinations.aliases) {
    add(a.alias, {
      code: a.code,
      addressOnly: a.addressOnly ?? false,
      caseSensitive: a.caseSensitive ?? false,
    });
  }
  for (const lang of LANGS) {
    for (const [code, v] of Object.entries(lang.countries)) {
      for (const raw of Array.isArray(v) ? v : [v]) {
        // "КНДР (Корейская Народно-Демократическая Республика)": both the acronym and the long form.
        const parts = [raw];
        if (raw.includes('(')) {
          // "Myanmar (Burma)": the name without the brackets and, when it is a name, the bracketed part;
          // never a fragment such as "Islands" from "Cocos (Keeling) Islands" or "Islamic Republic of".
          parts.push(
            raw
              .replace(/\([^)]*\)/g, ' ')
              .replace(/\s+/g, ' ')
              .trim(),
          );
          for (const m of raw.matchAll(/\(([^)]+)\)/g)) {
            const inner = m[1]!.trim();
            if (!/\s(?:of|de|du|des|del|di|da)$/i.test(inner)) parts.push(inner);
          }
        }
        // "Syrien, Arabische Republik": the part before the comma is the everyday name, unless it is
        // shared by two countries ("Korea, Republic of", "Congo, …").
        const head = raw.split(',')[0]!.trim();
        if (raw.includes(',') && !SHARED_HEADS.has(nameKey(head))) parts.push(head);
        for (const n of parts) if (n) add(n, { code, addressOnly: false, caseSensitive: false });
      }
    }
  }
  const alpha2 = new Set<string>();
  const alpha3 = new Map<string, string>();
  for (const [a2, a3] of codesJson as string[][]) {
    alpha2.add(a2!);
    alpha3.set(a3!, a2!);
  }
  return { byKey, unspaced, maxTokens, alpha2, alpha3 };
}

function getIndex(): NameIndex {
  if (!index) index = buildIndex();
  return index;
}

/** English short name of a country code. */
export function countryName(code: string): string {
  const rule = loadRuleSet().countryByCode.get(code);
  if (rule) return rule.name;
  const v = (en as LangFile).countries[code];
  if (!v) return code;
  return Array.isArray(v) ? v[v.length - 1]! : v;
}

export interface FindCountriesOptions {
  /** Where the text came from ("billing address", "description"); copied into CountryRef.source. */
  source?: string;
  /**
   * Address mode: ambiguous names and bare ISO codes are accepted, an explicit country in the last
   * segment wins, and a US state + ZIP line means the United States.
   */
  address?: boolean;
}

interface Token {
  key: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push({ key: nameKey(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out.filter((t) => t.key);
}

function toRef(info: NameInfo, evidence: string, source: string): CountryRef {
  const ref: CountryRef = { code: info.code, name: countryName(info.code), source, evidence };
  if (info.regionId) {
    const r = loadRuleSet().regionById.get(info.regionId);
    if (r) ref.region = r.region;
  }
  return ref;
}

function accept(info: NameInfo, original: string, address: boolean): boolean {
  if (info.addressOnly && !address) return false;
  if (info.caseSensitive && compact(original) !== compact(info.listed)) return false;
  // In free text a Latin-script country name is a proper noun: "China", not "fine china".
  if (!address && /^\p{Ll}/u.test(original) && /^\p{Lu}/u.test(info.listed)) return false;
  return true;
}

/** Greedy longest-match scan of names in a text. */
function scanNames(text: string, address: boolean, source: string): CountryRef[] {
  const idx = getIndex();
  const toks = tokenize(text);
  const out: CountryRef[] = [];
  for (let i = 0; i < toks.length; ) {
    let found = 0;
    for (let n = Math.min(idx.maxTokens, toks.length - i); n >= 1; n--) {
      const key = toks
        .slice(i, i + n)
        .map((t) => t.key)
        .join(' ');
      const info = idx.byKey.get(key);
      if (!info) continue;
      const original = text.slice(toks[i]!.start, toks[i + n - 1]!.end);
      if (!accept(info, original, address)) continue;
      out.push(toRef(info, original, source));
      found = n;
      break;
    }
    i += found || 1;
  }
  for (const { name, info } of idx.unspaced) {
    const at = text.indexOf(name);
    if (at >= 0 && accept(info, name, address)) out.push(toRef(info, name, source));
  }
  return out;
}

const US_STATE =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
const US_ZIP_LINE = new RegExp(`(?<![\\p{L}])(?:${US_STATE})\\s+\\d{5}(?:-\\d{4})?(?!\\d)`, 'u');

function segmentCountry(seg: string, source: string): CountryRef | undefined {
  const idx = getIndex();
  const s = seg.trim().replace(/[.\s]+$/, '');
  if (!s) return undefined;
  if (/^[A-Z]{2}$/.test(s) && idx.alpha2.has(s))
    return { code: s, name: countryName(s), source, evidence: s };
  if (/^[A-Z]{3}$/.test(s) && idx.alpha3.has(s)) {
    const code = idx.alpha3.get(s)!;
    return { code, name: countryName(code), source, evidence: s };
  }
  const info = idx.byKey.get(nameKey(s));
  if (info && !info.regionId && accept(info, s, true)) return toRef(info, s, source);
  return undefined;
}

function dedupe(refs: CountryRef[]): CountryRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.code}|${r.region ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Countries (and embargoed regions such as Crimea) named in a text. In address mode the last segment
 * that is a country ("…, Tehran, Iran", "…, IR") decides the country; embargoed regions are always
 * reported as well, so "Simferopol, Crimea, Russia" gives both Russia and Ukraine (Crimea).
 */
export function findCountries(text: string, opts: FindCountriesOptions = {}): CountryRef[] {
  const source = opts.source ?? (opts.address ? 'address' : 'text');
  if (!text?.trim()) return [];
  const all = scanNames(text, !!opts.address, source);
  const regions = all.filter((r) => r.region);
  if (!opts.address) return dedupe(all);
  const segments = text.split(/[\n,;]+/);
  for (let i = segments.length - 1; i >= 0; i--) {
    const seg = segments[i]!;
    // "Korea, Democratic People's Republic of" spans two comma segments.
    if (i > 0) {
      const pair = segmentCountry(`${segments[i - 1]!.trim()}, ${seg.trim()}`, source);
      if (pair) return dedupe([...regions, pair]);
    }
    // "Cuba, NY 14727": a US state and ZIP after the town means the United States.
    const zip = US_ZIP_LINE.exec(seg);
    if (zip) return dedupe([...regions, { code: 'US', name: countryName('US'), source, evidence: zip[0] }]);
    const c = segmentCountry(seg, source);
    if (c) return dedupe([...regions, c]);
  }
  return dedupe(all);
}

export interface TierInfo {
  tier: TierId;
  rank: number;
  score: number;
  title: string;
  country?: CountryRule;
  region?: RegionRule;
}

/** The destination tier of a country code, or of an embargoed region when given. */
export function tierOf(code: string, region?: string): TierInfo {
  const rs = loadRuleSet();
  const tiers = new Map(rs.destinations.tiers.map((t) => [t.id, t]));
  if (region) {
    const r = rs.destinations.regions.find((x) => x.country === code && x.region === region);
    if (r) {
      const t = tiers.get(r.tier)!;
      return {
        tier: t.id,
        rank: t.rank,
        score: t.score,
        title: t.title,
        region: r,
        country: rs.countryByCode.get(code),
      };
    }
  }
  const c = rs.countryByCode.get(code);
  const t = tiers.get(c?.tier ?? 'other')!;
  return { tier: t.id, rank: t.rank, score: t.score, title: t.title, country: c };
}

/** Whether a code is in EAR Country Group D:1 (national security). */
export function isD1(code: string): boolean {
  return loadRuleSet().destinations.d1.codes.includes(code);
}
