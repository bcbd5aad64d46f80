/**
 * Shared data model: zod schemas and the types inferred from them.
 * Every context (content script, service worker, side panel, popup, options, CLI) speaks these shapes.
 * The JSON contract for ScreenResult is in ../shared/DESIGN.md; keep it stable.
 */
import { z } from 'zod';

export const PartyRole = z.enum(['customer', 'end-user', 'intermediary', 'other']);
export type PartyRole = z.infer<typeof PartyRole>;

export const Party = z.object({
  name: z.string().min(1).max(500),
  role: PartyRole,
  /** ISO 3166-1 alpha-2 code where known. */
  country: z.string().length(2).optional(),
  /** The page label the name was read from ("Account Name", "End user"). */
  label: z.string().max(200).optional(),
});
export type Party = z.infer<typeof Party>;

export const Product = z.object({
  name: z.string().min(1).max(1000),
  description: z.string().max(5000).optional(),
});
export type Product = z.infer<typeof Product>;

export const CountryRef = z.object({
  code: z.string().length(2),
  name: z.string(),
  /** Where on the page it came from: "billing address", "shipping address", "country field", "description". */
  source: z.string(),
  /** Sub-national region when it matters (Crimea, DNR, LNR). */
  region: z.string().optional(),
  /** The page text it rests on. */
  evidence: z.string().max(2000).optional(),
});
export type CountryRef = z.infer<typeof CountryRef>;

/** Free text read from the page (description, notes, next step) with the label it sat under. */
export const TextField = z.object({
  label: z.string().max(200),
  value: z.string().max(20000),
});
export type TextField = z.infer<typeof TextField>;

export const SiteId = z.string().min(1).max(40);

export const PageKind = z.enum([
  'opportunity',
  'account',
  'deal',
  'company',
  'quote',
  'lead',
  'other',
  'none',
]);
export type PageKind = z.infer<typeof PageKind>;

/**
 * What the content script (or the CLI) extracted from one CRM record.
 * Raw: names and free text as on the page; countries may be filled by the extractor when an address
 * field is clearly a country, and are completed by lib/rules from addresses and text.
 */
export const DealContext = z.object({
  site: SiteId,
  pageKind: PageKind,
  url: z.string().max(4000),
  /** Stable record id within the site (Salesforce 18-char id, HubSpot object id …), for per-deal memory. */
  recordId: z.string().max(200).optional(),
  /** Opportunity/deal name. */
  title: z.string().max(1000).optional(),
  customer: z.string().max(500).optional(),
  parties: z.array(Party).max(200),
  products: z.array(Product).max(500),
  countries: z.array(CountryRef).max(200),
  /** Address blocks as shown, with the label ("Billing Address"). Used to find countries and regions. */
  addresses: z.array(TextField).max(50).default([]),
  /** Free-text fields (description, notes, next step) for intent and KYC phrases. */
  text: z.array(TextField).max(200).default([]),
});
export type DealContext = z.infer<typeof DealContext>;

export const FindingKind = z.enum([
  'restricted-party',
  'surveillance-item',
  'destination',
  'government-end-user',
  'intermediary',
  'red-flag',
]);
export type FindingKind = z.infer<typeof FindingKind>;

export const Severity = z.enum(['high', 'medium', 'low', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Category = z.enum([
  'sensors',
  'biometric-identification',
  'data-analytics',
  'internet-surveillance',
  'location-tracking',
  'recording-devices',
]);
export type Category = z.infer<typeof Category>;

export const Verification = z.enum(['P', 'S', 'M']);

export const Source = z.object({
  title: z.string(),
  url: z.string().optional(),
  asOf: z.string(),
  /** P primary, S secondary, M unverified draft (see ../shared/domain/REFERENCE.md). */
  verification: Verification.optional(),
});
export type Source = z.infer<typeof Source>;

export const TokenPair = z.object({
  query: z.string(),
  candidate: z.string(),
  score: z.number(),
  weight: z.number().optional(),
});

export const MatchExplanation = z.object({
  /** Which name (primary or alias) of the entry matched. */
  matchedName: z.string(),
  alias: z.boolean(),
  pairs: z.array(TokenPair),
  /** Tokens set aside as legal forms ("LLC", "OOO") or stopwords, with little weight. */
  ignored: z.array(z.string()),
  unmatched: z.array(z.string()),
  /** Legal-form classes seen (e.g. "soe" for a state-owned form). */
  legalForms: z.array(z.string()).default([]),
  summary: z.string(),
});
export type MatchExplanation = z.infer<typeof MatchExplanation>;

export const FindingMatch = z.object({
  listId: z.string(),
  entryId: z.string(),
  name: z.string(),
  score: z.number(),
  listName: z.string().optional(),
  explanation: MatchExplanation.optional(),
  /** Version of the list the entry was read from (Watchlist.version, or the bundled list's version). */
  listVersion: z.string().optional(),
  /**
   * Fingerprint of the list entry's names, countries, programs and type (lib/record/fingerprint.ts
   * `entryFingerprint`). A "not this entity" dismissal is raised again when it changes.
   */
  fingerprint: z.string().optional(),
});

export const Finding = z.object({
  id: z.string(),
  kind: FindingKind,
  severity: Severity,
  title: z.string(),
  /** The page text it rests on. */
  evidence: z.string(),
  /** The words inside `evidence` that triggered the rule, so the UI can highlight them. */
  term: z.string().optional(),
  /** Where on the page the evidence was read ("Product", "Shipping Address", "Account Name"). */
  field: z.string().optional(),
  /** Why it matters, in one or two plain sentences. */
  why: z.string().optional(),
  /** What to do next. */
  action: z.string().optional(),
  /** The rule that fired. */
  ruleId: z.string().optional(),
  category: Category.optional(),
  /** ECCNs that may be relevant: a hint for compliance, never a classification. */
  eccnHints: z.array(z.string()).optional(),
  match: FindingMatch.optional(),
  source: Source,
  prompts: z.array(z.string()),
});
export type Finding = z.infer<typeof Finding>;

export const RiskLevel = z.enum(['none', 'low', 'medium', 'high']);
export type RiskLevel = z.infer<typeof RiskLevel>;

/**
 * What the deal risk rests on, so it can be worked out again without the name matches a rep marks as not
 * this entity (lib/screen/risk.ts): the level that combinations of findings reach, and every reason the
 * risk could give, most severe first.
 */
export const RiskBasis = z.object({
  /** The level combinations of findings reach (a finding's own severity counts on top of it). */
  floor: RiskLevel,
  reasons: z.array(
    z.object({
      text: z.string(),
      /** What it covers (a party match, the items, the end user, a place): a reason that only repeats earlier ones is left out. */
      facts: z.array(z.string()),
      /** The one finding it rests on (a name match): the reason goes when that finding is set aside. */
      finding: z.string().optional(),
    }),
  ),
});
export type RiskBasis = z.infer<typeof RiskBasis>;

export const ScreenResult = z.object({
  site: SiteId,
  pageKind: PageKind,
  url: z.string().optional(),
  recordId: z.string().optional(),
  context: z.object({
    customer: z.string().optional(),
    title: z.string().optional(),
    parties: z.array(Party),
    products: z.array(Product),
    countries: z.array(CountryRef),
  }),
  findings: z.array(Finding),
  risk: z.object({ level: RiskLevel, reasons: z.array(z.string()) }),
  /** What `risk` rests on (absent in results stored by older versions). */
  riskBasis: RiskBasis.optional(),
  ruleSetVersion: z.string().optional(),
  lists: z
    .array(z.object({ id: z.string(), name: z.string(), asOf: z.string().optional(), size: z.number() }))
    .optional(),
  screenedAt: z.string().optional(),
});
export type ScreenResult = z.infer<typeof ScreenResult>;

export const EntryType = z.enum(['entity', 'individual', 'vessel', 'aircraft', 'unknown']);

export const WatchlistEntry = z.object({
  id: z.string().min(1),
  listId: z.string().min(1),
  /** Primary name first, then aliases. */
  names: z.array(z.string().min(1)).min(1),
  type: EntryType.optional(),
  /** ISO alpha-2 codes. */
  countries: z.array(z.string()).optional(),
  programs: z.array(z.string()).optional(),
  notes: z.string().optional(),
  url: z.string().optional(),
  /** Citation (Federal Register, list date) for curated entries. */
  source: Source.optional(),
});
export type WatchlistEntry = z.infer<typeof WatchlistEntry>;

export const Watchlist = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** "user", "import:ofac-sdn", "import:csl", "bundled", "managed", "subscription". */
  origin: z.string(),
  source: z.string().optional(),
  /** Date of the list's data (YYYY-MM-DD), when known. */
  asOf: z.string().optional(),
  updatedAt: z.string(),
  /** Bumped on every change: matcher indexes are keyed by (id, version). */
  version: z.number().int().nonnegative(),
  readOnly: z.boolean().optional(),
  subscription: z
    .object({
      url: z.string().url(),
      format: z.string(),
      everyHours: z.number().positive(),
      lastOk: z.string().optional(),
      lastError: z.string().optional(),
    })
    .optional(),
  entries: z.array(WatchlistEntry),
});
export type Watchlist = z.infer<typeof Watchlist>;

/** One answer of the popup's quick lookup. */
export const LookupResult = z.object({
  kind: FindingKind,
  title: z.string(),
  detail: z.string(),
  severity: Severity,
  score: z.number().optional(),
  category: Category.optional(),
  source: Source,
  match: FindingMatch.optional(),
});
export type LookupResult = z.infer<typeof LookupResult>;
