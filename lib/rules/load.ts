/**
 * Loads the bundled rule set (assets/rules/*.json): validates it with zod once, resolves every rule's
 * source reference into a full Source (title, url, as-of date, verification) and compiles the phrases.
 * Static JSON imports only, so this runs unchanged in the MV3 service worker, a page and Node.
 */
import destinationsJson from '../../assets/rules/destinations.json';
import endUsersJson from '../../assets/rules/end-users.json';
import intentJson from '../../assets/rules/intent.json';
import metaJson from '../../assets/rules/meta.json';
import promptsJson from '../../assets/rules/prompts.json';
import surveillanceJson from '../../assets/rules/surveillance.json';
import type { Source } from '../model';
import {
  type CountryRule,
  DestinationFile,
  EndUserFile,
  type EndUserRule,
  IntentFile,
  type IntentRule,
  MetaFile,
  PromptFile,
  type PromptRule,
  type RegionRule,
  type SourceRef,
  SurveillanceFile,
  type SurveillanceRule,
} from './schema';
import { type Compiled, compileRule } from './text';

export interface LoadedRuleSet {
  version: string;
  asOf: string;
  meta: MetaFile;
  surveillance: SurveillanceFile;
  destinations: DestinationFile;
  endUsers: EndUserRule[];
  intents: IntentRule[];
  prompts: Map<string, PromptRule>;
  compiled: {
    surveillance: Compiled<SurveillanceRule>[];
    endUsers: Compiled<EndUserRule>[];
    intents: Compiled<IntentRule>[];
    defensive: RegExp[];
  };
  countryByCode: Map<string, CountryRule>;
  regionById: Map<string, RegionRule>;
  /** Every rule by id (surveillance, end users, intermediaries, intent, countries, regions, tiers). */
  ruleById: Map<string, { id: string; title: string; source: SourceRef }>;
  resolveSource(ref: SourceRef): Source;
}

let cached: LoadedRuleSet | undefined;

/** The parsed and compiled rule set (parsed once per context). */
export function loadRuleSet(): LoadedRuleSet {
  if (cached) return cached;
  const meta = MetaFile.parse(metaJson);
  const surveillance = SurveillanceFile.parse(surveillanceJson);
  const destinations = DestinationFile.parse(destinationsJson);
  const endUsers = EndUserFile.parse(endUsersJson).rules;
  const intents = IntentFile.parse(intentJson).rules;
  const prompts = new Map(PromptFile.parse(promptsJson).prompts.map((p) => [p.id, p]));
  const sources = new Map(meta.sources.map((s) => [s.id, s]));

  function resolveSource(ref: SourceRef): Source {
    const s = sources.get(ref.ref);
    if (!s) throw new Error(`rule set: unknown source ${ref.ref}`);
    const out: Source = { title: s.title, asOf: ref.asOf ?? s.asOf, verification: ref.verification };
    if (s.url) out.url = s.url;
    return out;
  }

  const ruleById = new Map<string, { id: string; title: string; source: SourceRef }>();
  for (const r of [...surveillance.rules, ...endUsers, ...intents]) ruleById.set(r.id, r);
  for (const c of destinations.countries) ruleById.set(c.id, { id: c.id, title: c.name, source: c.source });
  for (const r of destinations.regions) ruleById.set(r.id, { id: r.id, title: r.region, source: r.source });
  for (const t of destinations.tiers)
    ruleById.set(`tier.${t.id}`, { id: `tier.${t.id}`, title: t.title, source: t.source });

  cached = {
    version: meta.version,
    asOf: meta.asOf,
    meta,
    surveillance,
    destinations,
    endUsers,
    intents,
    prompts,
    compiled: {
      surveillance: surveillance.rules.map(compileRule),
      endUsers: endUsers.map(compileRule),
      intents: intents.map(compileRule),
      defensive: surveillance.defensive.patterns.map((p) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${p})`, 'iu')),
    },
    countryByCode: new Map(destinations.countries.map((c) => [c.code, c])),
    regionById: new Map(destinations.regions.map((r) => [r.id, r])),
    ruleById,
    resolveSource,
  };
  return cached;
}

/** The rule-set version shown in results and exports. */
export function ruleSetVersion(): string {
  return loadRuleSet().version;
}

/** Prompt texts for prompt ids, in order, without duplicates ("Step label: text"). */
export function promptTexts(ids: readonly string[]): string[] {
  const rs = loadRuleSet();
  const out: string[] = [];
  for (const id of ids) {
    const p = rs.prompts.get(id);
    if (!p) continue;
    const t = `${p.step}: ${p.text}`;
    if (!out.includes(t)) out.push(t);
  }
  return out;
}
