/**
 * Schemas for the bundled rule set (assets/rules/*.json).
 * Every rule has a stable id, a source reference into the source index (meta.json) and a verification
 * level (P primary, S secondary, M unverified draft) copied from ../shared/domain/REFERENCE.md.
 */
import { z } from 'zod';
import { Category } from '../model';

export const Verification = z.enum(['P', 'S', 'M']);
export type Verification = z.infer<typeof Verification>;

/** Rule ids: lower-case dotted/hyphenated words, e.g. "sv.internet-surveillance.dpi". */
export const RuleId = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/);
/** YYYY-MM-DD, or YYYY-MM / YYYY when the source gives only a month or year. */
export const AsOf = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);

export const SourceRef = z.strictObject({
  /** Id in the source index of meta.json ("S11", "REF"). */
  ref: z.string().min(1),
  verification: Verification,
  /** Section of the domain reference the rule rests on ("f.2.4"). */
  section: z.string().optional(),
  /** Overrides the source's own date when the rule rests on a later fact. */
  asOf: AsOf.optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const SourceEntry = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  url: z.string().optional(),
  asOf: AsOf,
});

export const Strength = z.enum(['strong', 'medium', 'weak']);
export type Strength = z.infer<typeof Strength>;

/**
 * A phrase rule. `terms` are plain phrases (case-insensitive; spaces and hyphens interchangeable;
 * a trailing plural "s"/"es" tolerated), `patterns` are regular expressions (case-insensitive),
 * `casePatterns` are case-sensitive regular expressions (for acronyms such as "DPI").
 * All are matched on word boundaries. `guards` are case-insensitive regular expressions tested on
 * the text around a hit; any guard match drops the hit (false-positive protection).
 */
const TermRuleBase = {
  id: RuleId,
  title: z.string().min(1),
  strength: Strength,
  terms: z.array(z.string().min(1)).optional(),
  patterns: z.array(z.string().min(1)).optional(),
  casePatterns: z.array(z.string().min(1)).optional(),
  guards: z.array(z.string().min(1)).optional(),
  /** Case-insensitive regular expressions of which at least one must occur near the hit. */
  context: z.array(z.string().min(1)).optional(),
  /** Case-insensitive regular expressions that lower the hit by one strength when near it. */
  softeners: z.array(z.string().min(1)).optional(),
  why: z.string().min(1),
  action: z.string().min(1).optional(),
  prompts: z.array(RuleId).optional(),
  source: SourceRef,
};

export const SurveillanceRule = z.strictObject({
  ...TermRuleBase,
  category: Category,
  /** Sub-type within the category: "intrusion", "forensics". */
  subtype: z.string().optional(),
  /** The 2019 draft's item type this rule covers (verbatim name from REFERENCE a.4). */
  draftItems: z.array(z.string()).optional(),
  eccnHints: z.array(z.string()).optional(),
});
export type SurveillanceRule = z.infer<typeof SurveillanceRule>;

export const SurveillanceCategory = z.strictObject({
  id: Category,
  title: z.string(),
  description: z.string(),
  eccnHints: z.array(z.string()),
  source: SourceRef,
});

export const SurveillanceFile = z.strictObject({
  version: z.string(),
  categories: z.array(SurveillanceCategory),
  /** Defensive context ("anti-", "detection"): lowers a hit by one strength, never removes it. */
  defensive: z.strictObject({ patterns: z.array(z.string()), source: SourceRef }),
  /** The 2019 draft's eighteen item types (REFERENCE a.4), each covered by at least one rule. */
  draftItems: z.array(z.string()),
  rules: z.array(SurveillanceRule),
});
export type SurveillanceFile = z.infer<typeof SurveillanceFile>;

export const EndUserSignal = z.enum(['security-sector', 'government', 'military', 'soe', 'intermediary']);
export type EndUserSignal = z.infer<typeof EndUserSignal>;

export const EndUserRule = z.strictObject({
  ...TermRuleBase,
  kind: z.enum(['government-end-user', 'intermediary']),
  signal: EndUserSignal,
});
export type EndUserRule = z.infer<typeof EndUserRule>;

export const EndUserFile = z.strictObject({
  version: z.string(),
  rules: z.array(EndUserRule),
});

export const IntentClass = z.enum(['human-rights', 'covert', 'kyc']);
export type IntentClass = z.infer<typeof IntentClass>;

export const IntentRule = z.strictObject({
  ...TermRuleBase,
  class: IntentClass,
});
export type IntentRule = z.infer<typeof IntentRule>;

export const IntentFile = z.strictObject({
  version: z.string(),
  rules: z.array(IntentRule),
});

export const TierId = z.enum(['embargo', 'russia-belarus', 'arms-embargo', 'targeted', 'other']);
export type TierId = z.infer<typeof TierId>;

export const Tier = z.strictObject({
  id: TierId,
  /** Rank: 0 stop and escalate … 3 everything else (REFERENCE f.5). */
  rank: z.number().int().min(0).max(3),
  title: z.string(),
  /** Destination score used by the deal-risk combination (REFERENCE f.6). */
  score: z.number().int().min(0).max(4),
  why: z.string(),
  action: z.string(),
  prompts: z.array(RuleId),
  source: SourceRef,
});

export const CountryRule = z.strictObject({
  /** "dest.ir" */
  id: RuleId,
  code: z.string().length(2),
  name: z.string(),
  tier: TierId,
  /** EAR Country Groups (D:1 … E:2) and ITAR §126.1, as of the source date. */
  groups: z.array(z.string()),
  /** OFAC programs (OFAC naming) that bear on the country, with dates where the reference gives them. */
  programs: z.array(z.string()),
  /** OFAC blocks the government itself (Venezuela): a government end user there is a stop signal. */
  governmentBlocked: z.boolean().optional(),
  note: z.string().optional(),
  source: SourceRef,
});
export type CountryRule = z.infer<typeof CountryRule>;

export const RegionRule = z.strictObject({
  /** "dest.region.crimea" */
  id: RuleId,
  country: z.string().length(2),
  region: z.string(),
  tier: TierId,
  /** Names and city names that place an address in the region (many spellings and scripts). */
  names: z.array(z.string()),
  programs: z.array(z.string()),
  source: SourceRef,
});
export type RegionRule = z.infer<typeof RegionRule>;

export const CountryAlias = z.strictObject({
  alias: z.string(),
  code: z.string().length(2),
  /** Only recognised in address blocks (too ambiguous in free text). */
  addressOnly: z.boolean().optional(),
  /** Match case-sensitively (acronyms such as "UAE", "DPRK"). */
  caseSensitive: z.boolean().optional(),
});

export const DestinationFile = z.strictObject({
  version: z.string(),
  tiers: z.array(Tier),
  countries: z.array(CountryRule),
  regions: z.array(RegionRule),
  /** Project aliases on top of i18n-iso-countries names (sorted by alias). */
  aliases: z.array(CountryAlias),
  /** Country names that are also ordinary words, people's or US place names: address blocks only. */
  ambiguousNames: z.array(z.string()),
  /** D:1 members: a D:1 destination combined with a government security end user counts as tier 1 (f.5). */
  d1: z.strictObject({ codes: z.array(z.string().length(2)), source: SourceRef }),
});
export type DestinationFile = z.infer<typeof DestinationFile>;

export const PromptRule = z.strictObject({
  id: RuleId,
  /** Short label of the step ("State guidance, step 2: review the end user"). */
  step: z.string(),
  text: z.string().min(1),
  source: SourceRef,
});
export type PromptRule = z.infer<typeof PromptRule>;

export const PromptFile = z.strictObject({
  version: z.string(),
  prompts: z.array(PromptRule),
});

export const MetaFile = z.strictObject({
  version: z.string(),
  asOf: AsOf,
  title: z.string(),
  note: z.string(),
  sources: z.array(SourceEntry),
});
export type MetaFile = z.infer<typeof MetaFile>;
