/**
 * Turns rule hits and party matches into findings and a deal risk.
 *
 * Scoring follows the reference's example (REFERENCE f.6), tuned as documented here:
 *   P product   = per surveillance category strong 3 / medium 1 (weak 1 only next to a security-sector
 *                 end user), summed over categories, capped at 4. Weak terms alone produce nothing:
 *                 "camera", "analytics", "tracking" never raise a finding by themselves.
 *   E end user  = security sector 3, other government / police / military / state-owned 1; a military
 *                 end user with an arms-embargoed destination counts 3. When every known destination is
 *                 the United States, E is 0: the State guidance is about foreign government end users.
 *   I intent    = strong phrase 4 (targeting people, covert use, hidden end user), KYC phrase 2.
 *   D destination = tier score (embargo 4, Russia/Belarus and D:5 3, targeted 1); D:1 with a
 *                 security-sector end user 3; a government end user where OFAC blocks the government 4.
 *   R party     = listed-party match 4 (2 for curated entries that are still unverified, M).
 * Deal risk is the highest of the combinations below and of the findings' own severities (info counts
 * as none), and each finding that takes part in a combination is raised to that combination's level.
 * The risk's reasons (at most five, most severe first) say what was found and where, in the page's
 * words: "Shipping address is in Iran, under a comprehensive US embargo." A reason that only repeats
 * the parties, items, end user or places of an earlier one is left out. The level and reasons are kept
 * with the result as its risk basis (risk.ts), so the risk can be worked out again without a name match
 * the rep marks as not this entity: a match only ever counts through its own combination and reason.
 */
import { legalForms } from '../match';
import type {
  CountryRef,
  DealContext,
  Finding,
  RiskBasis,
  RiskLevel,
  Severity,
  Source,
  Watchlist,
  WatchlistEntry,
} from '../model';
import { entryFingerprint, hash } from '../record/fingerprint';
import { countryName, isD1, type TierInfo, tierOf } from '../rules/countries';
import type { RuleHits } from '../rules/evaluate';
import { loadRuleSet, promptTexts } from '../rules/load';
import type { EndUserRule, IntentRule, Strength, SurveillanceRule } from '../rules/schema';
import type { Hit } from '../rules/text';
import { CURATED_LIST_ID, DEMO_LIST_ID, isUnverifiedCurated } from './lists';
import {
  curatedListing,
  fieldPhrase,
  itemPhrase,
  joinSentences,
  lcFirst,
  listPhrase,
  quote,
  ucFirst,
} from './prose';
import { type Risk, riskFrom } from './risk';
import type { VendorMention } from './vendors';

export interface PartyMatch {
  list: Watchlist;
  entry: WatchlistEntry;
  partyName: string;
  field: string;
  matchedName: string;
  score: number;
  explanation: Finding['match'] extends infer M ? (M extends { explanation?: infer X } ? X : never) : never;
  /** Other entries of the same list that the name is also close to. */
  others: string[];
}

type Group = 'party' | 'vendor' | 'item' | 'end-user' | 'intermediary' | 'intent' | 'destination';

/**
 * One line of the deal risk's reasons: what was found, in the page's words. `facts` name what it covers
 * (a party match, the items, the end user, a destination), so a later reason that only repeats them is
 * left out.
 */
interface Reason {
  text: string;
  facts: string[];
}

interface Draft {
  group: Group;
  finding: Finding;
  /** The reason this finding gives when no combination already covers it. */
  reason?: Reason;
}

interface Combo {
  level: Exclude<RiskLevel, 'none'>;
  reasons: Reason[];
  groups: Group[];
  /** Only findings with these rule ids take part (all of the group when absent). */
  only?: (f: Finding) => boolean;
  prompts?: string[];
  /** The one finding this combination rests on (a name match): set aside with it. */
  finding?: string;
}

const SEV_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1, info: 0 };
const LEVEL_RANK: Record<RiskLevel, number> = { high: 3, medium: 2, low: 1, none: 0 };
const KIND_RANK: Record<Finding['kind'], number> = {
  'restricted-party': 0,
  destination: 1,
  'red-flag': 2,
  'surveillance-item': 3,
  'government-end-user': 4,
  intermediary: 5,
};

const maxSev = (a: Severity, b: Severity): Severity => (SEV_RANK[a] >= SEV_RANK[b] ? a : b);
const strengthScore = (s: Strength) => (s === 'strong' ? 3 : s === 'medium' ? 1 : 0);
const STRENGTH_RANK: Record<Strength, number> = { strong: 2, medium: 1, weak: 0 };

/** The span of `name` that a normalised form ("fgup", "s a de c v") was read from, as written. */
function originalSpan(name: string, form: string): string | undefined {
  const words = form.split(/\s+/).filter(Boolean);
  if (!words.length) return undefined;
  const letters = words.map((w) =>
    [...w].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\.?'),
  );
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${letters.join('[\\s.,_-]*')}\\.?(?![\\p{L}\\p{N}])`, 'iu');
  return re.exec(name)?.[0];
}

function findingId(ruleId: string, evidence: string): string {
  return `${ruleId}#${hash(evidence.normalize('NFKC').trim().toLowerCase()).slice(0, 10)}`;
}

/** The strongest hit per rule (first on the page among equals). */
function bestPerRule<R extends { id: string }>(hits: Hit<R & Hit['rule']>[]): Hit<R & Hit['rule']>[] {
  const best = new Map<string, Hit<R & Hit['rule']>>();
  for (const h of hits) {
    const cur = best.get(h.rule.id);
    if (!cur || STRENGTH_RANK[h.strength] > STRENGTH_RANK[cur.strength]) best.set(h.rule.id, h);
  }
  return [...best.values()];
}

const DEFAULT_ACTION = {
  item: 'Ask what the customer will use it for and who the end user is, and work through the questions below before quoting.',
  endUser:
    'Find out which unit will use the product and for what, and go through the questions below before quoting.',
  intermediary:
    'Ask who the ultimate end user is and get it in writing; screen the intermediary and the end user.',
  intentStrong: 'Hold the deal and hand the notes to compliance before any further step.',
  intentMedium: 'Ask the customer about it, record the answer, and involve compliance if it is not settled.',
  party:
    'Compare the address, country and other details with the list entry. If it may be the same party, stop and contact compliance.',
};

export interface BuildInput {
  ctx: DealContext;
  hits: RuleHits;
  matches: PartyMatch[];
  threshold: number;
  /** Switched-off categories and rule groups (settings). */
  disabled?: ReadonlySet<string>;
  /** Curated-list companies named in product lines or deal text. */
  vendors?: VendorMention[];
  /** The curated list (for vendor-mention findings). */
  curated?: Watchlist;
}

export interface BuildOutput {
  findings: Finding[];
  risk: Risk;
  /** What the risk rests on, to work it out again without the name matches a rep sets aside. */
  basis: RiskBasis;
}

function listSource(list: Watchlist): Source {
  const s: Source = { title: list.name, asOf: list.asOf ?? list.updatedAt.slice(0, 10) };
  if (list.source && /^https?:\/\//.test(list.source)) s.url = list.source;
  return s;
}

export function build({
  ctx,
  hits,
  matches,
  disabled = new Set(),
  vendors = [],
  curated,
}: BuildInput): BuildOutput {
  const rs = loadRuleSet();
  const catTitle = new Map(rs.surveillance.categories.map((c) => [c.id, c.title]));
  const drafts: Draft[] = [];

  // ---- scores -------------------------------------------------------------------------------------
  const countries = hits.countries;
  const usOnly = countries.length > 0 && countries.every((c) => c.code === 'US' && !c.region);
  const tiers = countries.map((c) => ({ ref: c, info: tierOf(c.code, c.region) }));
  const armsEmbargo = tiers.some(
    (t) => t.info.tier === 'arms-embargo' || t.info.tier === 'embargo' || t.info.tier === 'russia-belarus',
  );

  // Weak hits only support: when a stronger hit of the same group exists they add nothing but noise.
  const supportOnly = <R extends Hit['rule']>(hs: Hit<R>[]) =>
    hs.some((h) => h.strength !== 'weak') ? hs.filter((h) => h.strength !== 'weak') : hs;
  const euHits = supportOnly(
    bestPerRule<EndUserRule>(hits.endUsers.filter((h) => h.rule.kind === 'government-end-user')),
  );
  const soeForms: { name: string; form: string; field: string }[] = [];
  const partyNames = [
    ...(ctx.customer ? [{ name: ctx.customer, field: 'Customer' }] : []),
    ...ctx.parties.map((p) => ({ name: p.name, field: p.label ?? `Party (${p.role})` })),
  ];
  const seenNames = new Set<string>();
  for (const p of disabled.has('end-users') ? [] : partyNames) {
    if (seenNames.has(p.name)) continue;
    seenNames.add(p.name);
    for (const f of legalForms(p.name)) {
      if (f.cls === 'soe')
        soeForms.push({ name: p.name, form: originalSpan(p.name, f.form) ?? f.form, field: p.field });
    }
  }
  const euScore = (h: Hit<EndUserRule>) => {
    if (h.rule.signal === 'security-sector') return strengthScore(h.strength);
    if (h.rule.signal === 'military' && armsEmbargo && h.strength !== 'weak') return 3;
    return h.strength === 'weak' ? 0 : 1;
  };
  let E = Math.max(0, ...euHits.map(euScore), soeForms.length ? 1 : 0);
  const eRaw = E;
  if (usOnly) E = 0;

  const itemHits = supportOnly(bestPerRule<SurveillanceRule>(hits.items));
  const perCat = new Map<string, number>();
  for (const h of itemHits) {
    const s = h.strength === 'weak' ? (E >= 3 ? 1 : 0) : strengthScore(h.strength);
    perCat.set(h.rule.category, Math.max(perCat.get(h.rule.category) ?? 0, s));
  }
  const P = Math.min(
    4,
    [...perCat.values()].reduce((a, b) => a + b, 0),
  );

  const intentHits = bestPerRule<IntentRule>(hits.intents);
  const I = Math.max(
    0,
    ...intentHits.map((h) => (h.strength === 'strong' ? 4 : h.strength === 'medium' ? 2 : 0)),
  );

  const intHits = bestPerRule<EndUserRule>(hits.endUsers.filter((h) => h.rule.kind === 'intermediary'));
  const roleIntermediaries = disabled.has('intermediaries')
    ? []
    : ctx.parties.filter((p) => p.role === 'intermediary');
  const X = intHits.length + roleIntermediaries.length > 0;

  let D = 0;
  let blockedGovernment = false;
  const destScores = tiers.map((t) => {
    let s = t.info.score;
    if (isD1(t.ref.code) && eRaw >= 3 && !usOnly) s = Math.max(s, 3);
    if (t.info.country?.governmentBlocked && eRaw >= 1) {
      s = 4;
      blockedGovernment = true;
    }
    D = Math.max(D, s);
    return { ...t, score: s };
  });
  const ruBy = tiers.some((t) => t.info.tier === 'russia-belarus');

  // ---- labels for the reasons: what was found, in the page's own words ------------------------------
  const ROLE: Record<string, string> = {
    customer: 'Customer',
    'end-user': 'End user',
    intermediary: 'Intermediary',
    other: 'Party',
  };
  /** "Customer “Novatek Border Systems”": a party named with its role on the deal. */
  const partyWho = (name: string) => {
    const role =
      name === ctx.customer ? 'customer' : (ctx.parties.find((p) => p.name === name)?.role ?? 'other');
    return `${ROLE[role] ?? 'Party'} ${quote(name)}`;
  };
  /** The whole party name a hit was read from, when it was read from one. */
  const partyOf = (h: Hit) => partyNames.find((p) => p.field === h.field && p.name.includes(h.matched))?.name;
  /** The party name, or for a hit in free text the words and where they were. */
  const partyNameOf = (h: Hit) => partyOf(h) ?? `${quote(h.matched)} in ${fieldPhrase(h.field)}`;
  const EU_KIND: Record<string, string> = {
    'security-sector': 'security-sector',
    government: 'government',
    military: 'military',
    soe: 'state-owned',
  };
  const placeOf = (ref: CountryRef) =>
    ref.region ? `${ref.region} (${countryName(ref.code)})` : countryName(ref.code);
  const destFact = (ref: CountryRef) => `dest:${ref.code}|${ref.region ?? ''}`;
  /** "Shipping address is in Iran", "The description mentions Iran": a country and where it was read. */
  const placeClause = (ref: CountryRef) => {
    const src = ref.source.trim();
    const place = placeOf(ref);
    const party = /^party: (.+)$/i.exec(src);
    if (party) return `${partyWho(party[1]!)} is in ${place}`;
    if (/address/i.test(src)) return `${ucFirst(src.split(' ').map(lcFirst).join(' '))} is in ${place}`;
    if (/country/i.test(src)) return `The deal's country is ${place}`;
    return `${ucFirst(fieldPhrase(src))} mentions ${place}`;
  };
  /** What the destination's tier means, to follow a place: "under a comprehensive US embargo". */
  const tierClause = ({ ref, info }: { ref: CountryRef; info: TierInfo }) => {
    const c = info.country;
    switch (info.tier) {
      case 'embargo':
        if (ref.region) return 'under a US region-wide embargo';
        if (c?.programs.some((p) => /comprehensive \(/.test(p))) return 'under a comprehensive US embargo';
        return c?.groups.includes('E:1')
          ? 'a terrorist-supporting country under the EAR (Country Group E:1)'
          : 'under a US embargo';
      case 'russia-belarus':
        return 'where almost any software or support needs a licence';
      case 'arms-embargo':
        return c?.governmentBlocked
          ? 'under a US arms embargo, and OFAC blocks its government'
          : 'under a US arms embargo';
      case 'targeted':
        return 'under targeted US sanctions';
      default:
        return 'a national-security concern (Country Group D:1)';
    }
  };
  /** The same, short, for a list of places: "Iran (comprehensive US embargo)". */
  const tierShort = ({ ref, info }: { ref: CountryRef; info: TierInfo }) => {
    switch (info.tier) {
      case 'embargo':
        if (ref.region) return 'US region-wide embargo';
        return info.country?.programs.some((p) => /comprehensive \(/.test(p))
          ? 'comprehensive US embargo'
          : 'US embargo';
      case 'russia-belarus':
        return 'broad US export restrictions';
      case 'arms-embargo':
        return 'US arms embargo';
      case 'targeted':
        return 'targeted US sanctions';
      default:
        return 'Country Group D:1';
    }
  };

  // ---- findings: listed parties ---------------------------------------------------------------------
  const partyReasons: { id: string; level: 'high' | 'medium'; reason: Reason }[] = [];
  for (const m of matches) {
    const curated = m.list.id === CURATED_LIST_ID;
    const demo = m.list.id === DEMO_LIST_ID;
    const unverified = isUnverifiedCurated(m.list, m.entry);
    const source = m.entry.source ?? listSource(m.list);
    const score = Math.round(m.score * 100) / 100;
    const why = curated
      ? joinSentences(
          m.entry.notes ?? 'A surveillance vendor or end user of concern',
          'A close name match needs checking before the deal goes on',
        )
      : demo
        ? joinSentences(m.entry.notes ?? 'Demo entry', 'This list is fictional demo data')
        : `"${m.partyName}" is close to "${m.matchedName}" on the list "${m.list.name}" (score ${score}).`;
    const also = m.others.length ? `The name is also close to: ${[...new Set(m.others)].join(', ')}` : '';
    const id = `rp.${m.list.id}.${m.entry.id}#${hash(m.partyName.toLowerCase()).slice(0, 10)}`;
    partyReasons.push({
      id,
      level: unverified ? 'medium' : 'high',
      reason: {
        text: `${partyWho(m.partyName)} resembles ${quote(m.entry.names[0]!, 80)} on ${
          curated ? curatedListing(m.entry, unverified) : listPhrase(m.list)
        }.`,
        facts: [`party:${id}`],
      },
    });
    drafts.push({
      group: 'party',
      finding: {
        id,
        kind: 'restricted-party',
        severity: unverified ? 'medium' : 'high',
        title: `Possible match on ${m.list.name}: ${m.entry.names[0]}`,
        evidence: m.partyName,
        term: m.partyName,
        field: m.field,
        why: joinSentences(why, also),
        action: unverified
          ? 'Check the current Consolidated Screening List for this company (the bundled entry is unverified); if it is the same party, contact compliance before going on.'
          : DEFAULT_ACTION.party,
        ruleId: curated ? 'rp.curated' : demo ? 'rp.demo' : 'rp.user-list',
        match: {
          listId: m.list.id,
          entryId: m.entry.id,
          name: m.matchedName,
          score,
          listName: m.list.name,
          explanation: m.explanation,
          listVersion: String(m.list.version),
          fingerprint: entryFingerprint(m.entry),
        },
        source,
        prompts: promptTexts([
          'screen.all-parties',
          'screen.ownership',
          'kyc.a2-inquire',
          'escalate.compliance',
        ]),
      },
    });
  }

  // ---- findings: curated vendors named in product lines or notes -----------------------------------
  // Low at most: selling or integrating a listed company's products is not itself a dealing with the listed
  // company, and the reference treats vendor names as context signals (f.1). Combinations still raise it.
  const matchedEntries = new Set(matches.filter((m) => m.list.id === CURATED_LIST_ID).map((m) => m.entry.id));
  for (const v of curated ? vendors : []) {
    if (matchedEntries.has(v.entry.id)) continue;
    const unverified = isUnverifiedCurated(curated!, v.entry);
    drafts.push({
      group: 'vendor',
      reason: {
        text: `${ucFirst(fieldPhrase(v.field))} names ${quote(v.matched)}, a company on ${curatedListing(v.entry, unverified)}.`,
        facts: [`vendor:${v.entry.id}`],
      },
      finding: {
        id: findingId('rp.curated-vendor', `${v.entry.id}:${v.matched}`),
        kind: 'restricted-party',
        severity: unverified ? 'info' : 'low',
        title: `Deal names a company on the curated list of surveillance vendors: ${v.entry.names[0]}`,
        evidence: v.evidence,
        term: v.matched,
        field: v.field,
        why: joinSentences(
          v.entry.notes ?? 'A surveillance vendor of concern',
          'The deal names this company or its products; dealings with it, or with resellers of its products, need a compliance check',
        ),
        action:
          'Find out what role the company plays (supplier, partner, end user) and ask compliance before quoting. A vendor name alone is a signal, not a finding about the customer.',
        ruleId: 'rp.curated-vendor',
        match: {
          listId: curated!.id,
          entryId: v.entry.id,
          name: v.matched,
          score: 1,
          listName: curated!.name,
          listVersion: String(curated!.version),
          fingerprint: entryFingerprint(v.entry),
        },
        source: v.entry.source ?? listSource(curated!),
        prompts: promptTexts(['dd.state-4-stakeholders', 'screen.all-parties']),
      },
    });
  }

  // ---- findings: surveillance items --------------------------------------------------------------
  for (const h of itemHits) {
    if (h.strength === 'weak' && E < 3) continue; // weak terms produce nothing by themselves
    const r = h.rule;
    drafts.push({
      group: 'item',
      reason: {
        text: `${itemPhrase(r.title, r.category)}: ${quote(h.matched)} in ${fieldPhrase(h.field)}.`,
        facts: ['item'],
      },
      finding: {
        id: findingId(r.id, h.matched),
        kind: 'surveillance-item',
        severity: h.strength === 'strong' ? 'low' : 'info',
        title: `${r.title} (${catTitle.get(r.category) ?? r.category})`,
        evidence: h.evidence,
        term: h.matched,
        field: h.field,
        why: joinSentences(
          r.why,
          h.lowered && 'The wording suggests a defensive or limited use, so it counts for less',
        ),
        action: r.action ?? DEFAULT_ACTION.item,
        ruleId: r.id,
        category: r.category,
        eccnHints: r.eccnHints?.length ? r.eccnHints : undefined,
        source: rs.resolveSource(r.source),
        prompts: promptTexts(r.prompts ?? ['dd.state-1-capabilities']),
      },
    });
  }

  // ---- findings: government end users -------------------------------------------------------------
  for (const h of euHits) {
    if (h.strength === 'weak' && P < 3) continue;
    const r = h.rule;
    const base: Severity = usOnly
      ? 'info'
      : r.signal === 'security-sector' && h.strength === 'strong'
        ? 'low'
        : 'info';
    drafts.push({
      group: 'end-user',
      reason: {
        text: partyOf(h)
          ? `${ucFirst(EU_KIND[r.signal] ?? 'government')} end user (${partyOf(h)}): ${lcFirst(r.title)}.`
          : `${ucFirst(fieldPhrase(h.field))} points to a ${EU_KIND[r.signal] ?? 'government'} end user (${lcFirst(r.title)}).`,
        facts: ['eu'],
      },
      finding: {
        id: findingId(r.id, h.matched),
        kind: 'government-end-user',
        severity: base,
        title: `${r.title}: ${h.matched}`,
        evidence: h.evidence,
        term: h.matched,
        field: h.field,
        why: joinSentences(
          r.why,
          usOnly &&
            'All destinations found are in the United States; the State guidance is about foreign government end users',
        ),
        action: r.action ?? DEFAULT_ACTION.endUser,
        ruleId: r.id,
        source: rs.resolveSource(r.source),
        prompts: promptTexts(r.prompts ?? ['dd.state-2-end-user']),
      },
    });
  }
  const soeRule = rs.endUsers.find((r) => r.id === 'eu.soe-legal-form');
  if (soeRule) {
    const seen = new Set<string>();
    const soeTextHits = new Set(euHits.filter((h) => h.rule.signal === 'soe').map((h) => h.evidence));
    for (const s of soeForms) {
      if (seen.has(s.name) || soeTextHits.has(s.name)) continue;
      seen.add(s.name);
      drafts.push({
        group: 'end-user',
        reason: { text: `State-owned end user (${s.name}): ${lcFirst(soeRule.title)}.`, facts: ['eu'] },
        finding: {
          id: findingId(soeRule.id, s.name),
          kind: 'government-end-user',
          severity: 'info',
          title: `${soeRule.title}: ${s.form}`,
          evidence: s.name,
          term: s.form,
          field: s.field,
          why: soeRule.why,
          action: DEFAULT_ACTION.endUser,
          ruleId: soeRule.id,
          source: rs.resolveSource(soeRule.source),
          prompts: promptTexts(soeRule.prompts ?? []),
        },
      });
    }
  }

  // ---- findings: intermediaries -------------------------------------------------------------------
  for (const h of intHits) {
    const r = h.rule;
    drafts.push({
      group: 'intermediary',
      reason: {
        text: partyOf(h)
          ? `Intermediary (${partyOf(h)}): ${lcFirst(r.title)}.`
          : `${ucFirst(fieldPhrase(h.field))} points to an intermediary (${lcFirst(r.title)}).`,
        facts: ['int'],
      },
      finding: {
        id: findingId(r.id, h.matched),
        kind: 'intermediary',
        severity: r.id === 'int.distributor' ? 'info' : 'low',
        title: `${r.title}: ${h.matched}`,
        evidence: h.evidence,
        term: h.matched,
        field: h.field,
        why: r.why,
        action: r.action ?? DEFAULT_ACTION.intermediary,
        ruleId: r.id,
        source: rs.resolveSource(r.source),
        prompts: promptTexts(r.prompts ?? ['dd.sole-end-user']),
      },
    });
  }
  const roleRule = rs.endUsers.find((r) => r.id === 'int.party-role');
  if (roleRule && !intHits.length) {
    for (const p of roleIntermediaries) {
      drafts.push({
        group: 'intermediary',
        reason: { text: `Intermediary ${quote(p.name)}: ${lcFirst(roleRule.title)}.`, facts: ['int'] },
        finding: {
          id: findingId(roleRule.id, p.name),
          kind: 'intermediary',
          severity: 'info',
          title: `${roleRule.title}: ${p.name}`,
          evidence: p.name,
          term: p.name,
          field: p.label ?? 'Intermediary',
          why: roleRule.why,
          action: DEFAULT_ACTION.intermediary,
          ruleId: roleRule.id,
          source: rs.resolveSource(roleRule.source),
          prompts: promptTexts(roleRule.prompts ?? []),
        },
      });
    }
  }

  // ---- findings: intent and KYC phrases -------------------------------------------------------------
  for (const h of intentHits) {
    const r = h.rule;
    const strong = h.strength === 'strong';
    drafts.push({
      group: 'intent',
      finding: {
        id: findingId(r.id, h.matched),
        kind: 'red-flag',
        severity: strong ? 'high' : 'medium',
        title: r.source.verification === 'M' ? `${r.title} (derived red flag)` : r.title,
        evidence: h.evidence,
        term: h.matched,
        field: h.field,
        why: r.why,
        action: r.action ?? (strong ? DEFAULT_ACTION.intentStrong : DEFAULT_ACTION.intentMedium),
        ruleId: r.id,
        source: rs.resolveSource(r.source),
        prompts: promptTexts(r.prompts ?? ['kyc.a2-inquire']),
      },
    });
  }

  // ---- findings: destinations ----------------------------------------------------------------------
  const tierById = new Map(rs.destinations.tiers.map((t) => [t.id, t]));
  const seenDest = new Set<string>();
  for (const t of destScores) {
    const tier = tierById.get(t.info.tier)!;
    const boosted = t.score > t.info.score;
    if (t.info.tier === 'other' && !boosted) continue;
    const key = `${t.ref.code}|${t.ref.region ?? ''}`;
    if (seenDest.has(key)) continue;
    seenDest.add(key);
    const rule = t.info.region ?? t.info.country;
    const ruleId = rule?.id ?? `tier.${tier.id}`;
    const place = t.ref.region ? `${t.ref.region} (${countryName(t.ref.code)})` : countryName(t.ref.code);
    const severity: Severity =
      t.score >= 4 || t.info.tier === 'russia-belarus' ? 'high' : t.score >= 3 && boosted ? 'medium' : 'low';
    const notes: string[] = [];
    if (t.info.country?.note && !t.ref.region) notes.push(t.info.country.note);
    if (boosted && t.info.country?.governmentBlocked)
      notes.push('A government end user was found, and OFAC blocks this government.');
    else if (boosted)
      notes.push(
        'A D:1 country (national-security concern) with a security-sector end user counts like an arms-embargoed one.',
      );
    const groups = t.info.country?.groups?.length
      ? `Country Groups: ${t.info.country.groups.join(', ')}`
      : '';
    const title =
      t.info.tier === 'other' ? `National-security concern (D:1): ${place}` : `${tier.title}: ${place}`;
    drafts.push({
      group: 'destination',
      reason: { text: `${placeClause(t.ref)}, ${tierClause(t)}.`, facts: [destFact(t.ref)] },
      finding: {
        id: findingId(ruleId, t.ref.evidence ?? t.ref.code),
        kind: 'destination',
        severity,
        title,
        evidence: t.ref.evidence ?? `${t.ref.name} (${t.ref.source})`,
        term: t.ref.evidence,
        field: t.ref.source,
        why: joinSentences(tier.why, ...notes, groups),
        action: tier.action,
        ruleId,
        source: rs.resolveSource(rule?.source ?? tier.source),
        prompts: promptTexts(tier.prompts.length ? tier.prompts : ['escalate.licence-check']),
      },
    });
  }

  // ---- combinations ---------------------------------------------------------------------------------
  const combos: Combo[] = [];
  const add = (cond: boolean, c: Combo) => {
    if (cond) combos.push(c);
  };
  const strongItem = (f: Finding) => f.kind !== 'surveillance-item' || SEV_RANK[f.severity] >= SEV_RANK.low;
  const strongEU = (f: Finding) => f.kind !== 'government-end-user' || f.severity === 'low' || E >= 3;
  // The strongest hit of each group names it in the reasons, in the page's own words.
  const byStrength = <H extends Hit>(hs: H[]) =>
    [...hs].sort((a, b) => STRENGTH_RANK[b.strength] - STRENGTH_RANK[a.strength]);
  const topItem = byStrength(itemHits.filter((h) => h.strength !== 'weak' || E >= 3))[0];
  const itemLabel = topItem ? itemPhrase(topItem.rule.title, topItem.rule.category) : 'A surveillance item';
  const topEU = byStrength(euHits)[0];
  const euName = topEU ? partyNameOf(topEU) : (soeForms[0]?.name ?? 'unnamed');
  const euKind = topEU ? (EU_KIND[topEU.rule.signal] ?? 'government') : 'state-owned';
  const topIntent = byStrength(intentHits)[0];
  const intentClause = topIntent
    ? `${ucFirst(fieldPhrase(topIntent.field))} says ${quote(topIntent.matched)} (${lcFirst(topIntent.rule.title)})`
    : 'The deal text has a red flag';
  const intName = intHits[0] ? partyNameOf(intHits[0]) : roleIntermediaries[0]?.name;
  const intPhrase = intName ? `an intermediary (${intName})` : 'an intermediary';
  /** Destinations at or above a score, each once: "Iran (comprehensive US embargo)". */
  const destsAt = (min: number) => {
    const seen = new Set<string>();
    return destScores.filter((t) => {
      const k = destFact(t.ref);
      if (seen.has(k) || !(t.score >= min || (min === 3 && t.info.tier === 'russia-belarus'))) return false;
      seen.add(k);
      return true;
    });
  };
  const destList = (min: number) => destsAt(min).map((t) => `${placeOf(t.ref)} (${tierShort(t)})`);
  const destFacts = (min: number) => destsAt(min).map((t) => destFact(t.ref));
  const and = (xs: string[]) =>
    xs.length <= 2 ? xs.join(' and ') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

  // Listed parties: one combination per match, so an unverified curated entry stays medium beside a
  // confirmed one.
  for (const p of partyReasons) {
    combos.push({
      level: p.level,
      reasons: [p.reason],
      groups: ['party'],
      only: (f) => f.id === p.id,
      finding: p.id,
    });
  }
  const embargoed = destsAt(0).filter((t) => t.info.tier === 'embargo');
  const blocked = destsAt(0).filter((t) => t.info.country?.governmentBlocked);
  add(D >= 4, {
    level: 'high',
    reasons: [
      ...embargoed.map((t) => ({
        text: `${placeClause(t.ref)}, ${tierClause(t)}.`,
        facts: [destFact(t.ref)],
      })),
      ...(blockedGovernment
        ? [
            {
              text: `The deal has a government end user (${euName}) and goes to ${and(blocked.map((t) => placeOf(t.ref)))}, whose government OFAC blocks.`,
              facts: ['eu', ...blocked.map((t) => destFact(t.ref))],
            },
          ]
        : []),
    ],
    groups: blockedGovernment ? ['destination', 'end-user'] : ['destination'],
    only: (f) => f.severity === 'high' || f.kind === 'government-end-user',
    prompts: ['escalate.compliance'],
  });
  add(ruBy, {
    level: 'high',
    reasons: destsAt(0)
      .filter((t) => t.info.tier === 'russia-belarus')
      .map((t) => ({ text: `${placeClause(t.ref)}, ${tierClause(t)}.`, facts: [destFact(t.ref)] })),
    groups: ['destination'],
    only: (f) => f.severity === 'high',
  });
  // Before the intent-only line, which it covers.
  add(I >= 2 && (P >= 3 || D >= 3 || E >= 3), {
    level: 'high',
    reasons: [
      {
        text: `${intentClause}, on a deal with ${and(
          [
            P >= 3 ? lcFirst(itemLabel) : '',
            E >= 3 ? `a ${euKind} end user (${euName})` : '',
            ...(D >= 3 ? destList(3) : []),
          ].filter(Boolean),
        )}.`,
        facts: [
          'intent',
          ...(P >= 3 ? ['item'] : []),
          ...(E >= 3 ? ['eu'] : []),
          ...(D >= 3 ? destFacts(3) : []),
        ],
      },
    ],
    groups: ['intent', 'item', 'end-user', 'destination'],
    only: (f) =>
      f.kind === 'red-flag' ||
      (f.kind === 'surveillance-item'
        ? P >= 3 && strongItem(f)
        : f.kind === 'government-end-user'
          ? E >= 3 && strongEU(f)
          : D >= 3),
    prompts: ['kyc.a6-refrain', 'escalate.compliance'],
  });
  add(I >= 4, {
    level: 'high',
    reasons: [{ text: `${intentClause}.`, facts: ['intent'] }],
    groups: ['intent'],
    only: (f) => f.severity === 'high',
  });
  add(P >= 3 && E >= 3, {
    level: 'high',
    reasons: [
      {
        text: `${itemLabel} is going to a government security-sector end user (${euName}).`,
        facts: ['item', 'eu'],
      },
    ],
    groups: ['item', 'end-user'],
    only: (f) => strongItem(f) && strongEU(f),
    prompts: ['dd.state-5-contract', 'dd.state-7-post-sale', 'escalate.compliance'],
  });
  add(P >= 3 && D >= 3, {
    level: 'high',
    reasons: [
      {
        text: `${itemLabel} is going to ${and(destList(3))}.`,
        facts: ['item', ...destFacts(3)],
      },
    ],
    groups: ['item', 'destination'],
    only: strongItem,
    prompts: ['escalate.licence-check', 'escalate.compliance'],
  });
  add(I >= 2, {
    level: 'medium',
    reasons: [{ text: `${intentClause}.`, facts: ['intent'] }],
    groups: ['intent'],
  });
  add(P >= 3 && (E >= 1 || D >= 1 || X), {
    level: 'medium',
    // One line per partner, so a partner an earlier line named is not repeated.
    reasons: [
      ...(E >= 1
        ? [{ text: `${itemLabel} is going to a ${euKind} end user (${euName}).`, facts: ['item', 'eu'] }]
        : []),
      ...(X ? [{ text: `${itemLabel} is going through ${intPhrase}.`, facts: ['item', 'int'] }] : []),
      ...(D >= 1
        ? [{ text: `${itemLabel} is going to ${and(destList(1))}.`, facts: ['item', ...destFacts(1)] }]
        : []),
    ],
    groups: ['item', 'end-user', 'intermediary', 'destination'],
    only: (f) => (f.kind === 'surveillance-item' ? strongItem(f) : true),
  });
  add(P >= 1 && E >= 1 && !(P >= 3), {
    level: 'medium',
    reasons: [
      {
        text: `A possible surveillance item, ${lcFirst(itemLabel)}, is going to a ${euKind} end user (${euName}).`,
        facts: ['item', 'eu'],
      },
    ],
    groups: ['item', 'end-user'],
  });
  add(E >= 3 && D >= 1, {
    level: 'medium',
    reasons: [
      {
        text: `A ${euKind} end user (${euName}) is in ${and(destList(1))}.`,
        facts: ['eu', ...destFacts(1)],
      },
    ],
    groups: ['end-user', 'destination'],
  });
  add(D >= 3 && (P >= 1 || E >= 1 || X), {
    level: 'medium',
    reasons: [
      ...(P >= 1
        ? [
            {
              text: `A possible surveillance item, ${lcFirst(itemLabel)}, is going to ${and(destList(3))}.`,
              facts: ['item', ...destFacts(3)],
            },
          ]
        : []),
      ...(E >= 1
        ? [
            {
              text: `A ${euKind} end user (${euName}) is in ${and(destList(3))}.`,
              facts: ['eu', ...destFacts(3)],
            },
          ]
        : []),
      ...(X
        ? [
            {
              text: `The deal goes to ${and(destList(3))} through ${intPhrase}.`,
              facts: ['int', ...destFacts(3)],
            },
          ]
        : []),
    ],
    groups: ['destination', 'item', 'end-user', 'intermediary'],
  });

  // ---- apply combinations ----------------------------------------------------------------------------
  for (const c of combos) {
    for (const d of drafts) {
      if (!c.groups.includes(d.group)) continue;
      if (c.only && !c.only(d.finding)) continue;
      d.finding.severity = maxSev(d.finding.severity, c.level);
      if (c.prompts) d.finding.prompts = [...new Set([...d.finding.prompts, ...promptTexts(c.prompts)])];
    }
  }
  const findings = drafts
    .map((d) => d.finding)
    .sort(
      (a, b) =>
        SEV_RANK[b.severity] - SEV_RANK[a.severity] ||
        KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
        a.title.localeCompare(b.title),
    );

  // ---- deal risk ---------------------------------------------------------------------------------------
  // The highest of the combinations and of the findings' own severities (a name match's combination is
  // its own severity, so only the others make the floor). Reasons, most severe first: the combinations,
  // then findings no combination speaks for. A reason that rests on one name match alone names it, so
  // riskFrom can leave it out when the rep marks the match as not this entity.
  const floor = combos
    .filter((c) => c.finding === undefined)
    .reduce<RiskLevel>((a, c) => (LEVEL_RANK[c.level] > LEVEL_RANK[a] ? c.level : a), 'none');
  const pool: { rank: number; reason: Reason; finding?: string }[] = [
    ...combos.flatMap((c) =>
      c.reasons.map((reason) => ({ rank: LEVEL_RANK[c.level] + 0.5, reason, finding: c.finding })),
    ),
    ...drafts.flatMap((d) =>
      d.reason && d.finding.severity !== 'info'
        ? [{ rank: SEV_RANK[d.finding.severity], reason: d.reason, finding: d.finding.match && d.finding.id }]
        : [],
    ),
  ].sort((a, b) => b.rank - a.rank);
  // Kept out of the basis: reasons that can never be given, because an earlier reason that always counts
  // (no name match of its own, its text not seen before) already covers all they say.
  const always = new Set<string>();
  const texts = new Set<string>();
  const basis: RiskBasis = { floor, reasons: [] };
  for (const { reason, finding } of pool) {
    const firstText = !texts.has(reason.text);
    texts.add(reason.text);
    if (reason.facts.every((f) => always.has(f))) continue;
    basis.reasons.push(finding === undefined ? { ...reason } : { ...reason, finding });
    if (finding === undefined && firstText) for (const f of reason.facts) always.add(f);
  }
  return { findings, risk: riskFrom(findings, basis), basis };
}

export type { CountryRef };
