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
 */
import { legalForms } from '../match';
import type {
  CountryRef,
  DealContext,
  Finding,
  RiskLevel,
  Severity,
  Source,
  Watchlist,
  WatchlistEntry,
} from '../model';
import { entryFingerprint, hash } from '../record/fingerprint';
import { countryName, isD1, tierOf } from '../rules/countries';
import type { RuleHits } from '../rules/evaluate';
import { loadRuleSet, promptTexts } from '../rules/load';
import type { EndUserRule, IntentRule, Strength, SurveillanceRule } from '../rules/schema';
import type { Hit } from '../rules/text';
import { CURATED_LIST_ID, DEMO_LIST_ID, isUnverifiedCurated } from './lists';
import { joinSentences } from './prose';
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

interface Draft {
  group: Group;
  finding: Finding;
}

interface Combo {
  level: Exclude<RiskLevel, 'none'>;
  reason: string;
  groups: Group[];
  /** Only findings with these rule ids take part (all of the group when absent). */
  only?: (f: Finding) => boolean;
  prompts?: string[];
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
  risk: { level: RiskLevel; reasons: string[] };
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

  // ---- findings: listed parties ---------------------------------------------------------------------
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
    drafts.push({
      group: 'party',
      finding: {
        id: `rp.${m.list.id}.${m.entry.id}#${hash(m.partyName.toLowerCase()).slice(0, 10)}`,
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
  const matchedEntries = new Set(matches.filter((m) => m.list.id === CURATED_LIST_ID).map((m) => m.entry.id));
  for (const v of curated ? vendors : []) {
    if (matchedEntries.has(v.entry.id)) continue;
    const unverified = isUnverifiedCurated(curated!, v.entry);
    drafts.push({
      group: 'vendor',
      finding: {
        id: findingId('rp.curated-vendor', `${v.entry.id}:${v.matched}`),
        kind: 'restricted-party',
        severity: unverified ? 'low' : 'medium',
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
  // Labels that make the reasons concrete: what was found, in the page's own words.
  const q = (t: string | undefined) => (t ? `"${t.length > 60 ? `${t.slice(0, 57)}…` : t}"` : '');
  const byStrength = <H extends Hit>(hs: H[]) =>
    [...hs].sort((a, b) => STRENGTH_RANK[b.strength] - STRENGTH_RANK[a.strength]);
  const itemLabel = q(byStrength(itemHits.filter((h) => h.strength !== 'weak' || E >= 3))[0]?.matched);
  const euLabel = q(byStrength(euHits)[0]?.matched ?? soeForms[0]?.form);
  const intentLabel = q(byStrength(intentHits)[0]?.matched);
  const placesOf = (keep: (t: (typeof destScores)[number]) => boolean) =>
    [
      ...new Set(
        destScores
          .filter(keep)
          .map((t) =>
            t.ref.region ? `${t.ref.region} (${countryName(t.ref.code)})` : countryName(t.ref.code),
          ),
      ),
    ].join(', ');
  const places = (min: number) =>
    [
      ...new Set(
        destScores
          .filter((t) => t.score >= min || (min === 3 && t.info.tier === 'russia-belarus'))
          .map((t) =>
            t.ref.region ? `${t.ref.region} (${countryName(t.ref.code)})` : countryName(t.ref.code),
          ),
      ),
    ].join(', ');
  const firstMatch = matches[0];
  const matchLabel = firstMatch
    ? `${q(firstMatch.partyName)} resembles ${firstMatch.entry.names[0]} on ${firstMatch.list.name}`
    : '';
  const listed = matches.some((m) => !isUnverifiedCurated(m.list, m.entry));
  add(listed, {
    level: 'high',
    reason: `A party name matches an entry on a restricted-party or watch list: ${matchLabel}.`,
    groups: ['party'],
    // An unverified curated entry's match stays medium beside a confirmed one.
    only: (f) => f.severity === 'high',
  });
  add(!listed && matches.length > 0, {
    level: 'medium',
    reason: `A party name matches an unverified entry on the curated list of surveillance vendors: ${matchLabel}.`,
    groups: ['party'],
  });
  add(D >= 4, {
    level: 'high',
    reason: [
      tiers.some((t) => t.info.tier === 'embargo')
        ? `The deal touches ${placesOf((t) => t.info.tier === 'embargo')}: a comprehensive US embargo.`
        : '',
      blockedGovernment
        ? `A government end user (${euLabel}) in ${placesOf((t) => !!t.info.country?.governmentBlocked)}, whose government OFAC blocks.`
        : '',
    ]
      .filter(Boolean)
      .join(' '),
    groups: blockedGovernment ? ['destination', 'end-user'] : ['destination'],
    only: (f) => f.severity === 'high' || f.kind === 'government-end-user',
    prompts: ['escalate.compliance'],
  });
  add(ruBy, {
    level: 'high',
    reason: `The deal touches ${tiers
      .filter((t) => t.info.tier === 'russia-belarus')
      .map((t) => countryName(t.ref.code))
      .filter((v, i, a) => a.indexOf(v) === i)
      .join(' and ')}, where almost any software or support needs a licence.`,
    groups: ['destination'],
    only: (f) => f.severity === 'high',
  });
  add(I >= 4, {
    level: 'high',
    reason: `The deal text says ${intentLabel}: targeting people, covert use or a hidden end user.`,
    groups: ['intent'],
    only: (f) => f.severity === 'high',
  });
  add(P >= 3 && E >= 3, {
    level: 'high',
    reason: `A surveillance item (${itemLabel}) goes to a government security-sector end user (${euLabel}).`,
    groups: ['item', 'end-user'],
    only: (f) => strongItem(f) && strongEU(f),
    prompts: ['dd.state-5-contract', 'dd.state-7-post-sale', 'escalate.compliance'],
  });
  add(P >= 3 && D >= 3, {
    level: 'high',
    reason: `A surveillance item (${itemLabel}) goes to a high-risk destination (${places(3)}).`,
    groups: ['item', 'destination'],
    only: strongItem,
    prompts: ['escalate.licence-check', 'escalate.compliance'],
  });
  add(I >= 2 && (P >= 3 || D >= 3 || E >= 3), {
    level: 'high',
    reason: `A red flag in the deal text (${intentLabel}) comes together with ${[
      P >= 3 ? `a surveillance item (${itemLabel})` : '',
      E >= 3 ? `a sensitive end user (${euLabel})` : '',
      D >= 3 ? `a high-risk destination (${places(3)})` : '',
    ]
      .filter(Boolean)
      .join(' and ')}.`,
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
  add(I >= 2, {
    level: 'medium',
    reason: `The deal text contains a red flag (${intentLabel}).`,
    groups: ['intent'],
  });
  add(P >= 3 && (E >= 1 || D >= 1 || X), {
    level: 'medium',
    reason: `A surveillance item (${itemLabel}) comes together with ${[
      E >= 1 ? `a government end user (${euLabel})` : '',
      X ? 'an intermediary' : '',
      D >= 1 ? `a sanctioned destination (${places(1)})` : '',
    ]
      .filter(Boolean)
      .join(' and ')}.`,
    groups: ['item', 'end-user', 'intermediary', 'destination'],
    only: (f) => (f.kind === 'surveillance-item' ? strongItem(f) : true),
  });
  add(P >= 1 && E >= 1 && !(P >= 3), {
    level: 'medium',
    reason: `A possible surveillance item (${itemLabel}) goes to a government or state-owned end user (${euLabel}).`,
    groups: ['item', 'end-user'],
  });
  add(E >= 3 && D >= 1, {
    level: 'medium',
    reason: `A security-sector or military end user (${euLabel}) sits in a sanctioned or high-risk destination (${places(1)}).`,
    groups: ['end-user', 'destination'],
  });
  add(D >= 3 && (P >= 1 || E >= 1 || X), {
    level: 'medium',
    reason: `A high-risk destination (${places(3)}) comes together with ${[
      P >= 1 ? `a possible surveillance item (${itemLabel})` : '',
      E >= 1 ? `a government end user (${euLabel})` : '',
      X ? 'an intermediary' : '',
    ]
      .filter(Boolean)
      .join(' and ')}.`,
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
  const candidates: RiskLevel[] = [
    ...combos.map((c) => c.level),
    ...findings.map((f): RiskLevel => (f.severity === 'info' ? 'none' : f.severity)),
  ];
  const level = candidates.reduce<RiskLevel>((a, b) => (LEVEL_RANK[b] > LEVEL_RANK[a] ? b : a), 'none');
  // The reasons are the combinations at the deal's level; lower ones would only repeat them.
  const reasons = [...new Set(combos.filter((c) => c.level === level).map((c) => c.reason))];
  if (!reasons.length) {
    for (const f of findings) if (f.severity === level) reasons.push(`${f.title}.`);
  }
  return { findings, risk: { level, reasons } };
}

export type { CountryRef };
