/**
 * lib/screen public API: screen a DealContext against the bundled rule set, the curated list of
 * surveillance vendors, the demo list and the user's watchlists, and answer the popup's quick lookup.
 * Pure: runs in the MV3 service worker, in pages and in Node.
 */
import { DEFAULT_MATCH_THRESHOLD } from '../match';
import type {
  CountryRef,
  DealContext,
  LookupResult,
  ScreenResult,
  Severity,
  Source,
  Watchlist,
} from '../model';
import { countryName, findCountries, tierOf } from '../rules/countries';
import { evaluate } from '../rules/evaluate';
import { loadRuleSet } from '../rules/load';
import { scanField } from '../rules/text';
import { build, type PartyMatch } from './build';
import { curatedList, demoList, isUnverifiedCurated, matcherFor } from './lists';
import { joinSentences } from './prose';
import { vendorMentions } from './vendors';

export type { LookupResult } from '../model';
export { CURATED_LIST_ID, curatedList, DEMO_LIST_ID, demoList } from './lists';
export { MAX_REASONS, type Risk, riskFrom } from './risk';

export interface ScreenerOptions {
  /** The user's watchlists (may be large, up to ~50k entries). */
  lists?: Watchlist[];
  /** Name-match threshold (default DEFAULT_MATCH_THRESHOLD). */
  threshold?: number;
  /**
   * Rule categories switched off in settings: surveillance categories ('sensors', …, or 'surveillance'
   * for all) and rule groups ('destinations', 'end-users', 'intermediaries', 'intent', 'restricted-parties').
   */
  disabledCategories?: string[];
  /** Include the bundled demo watchlist (fictional, used by the demo pages). Default true. */
  includeDemoList?: boolean;
}

export interface ListInfo {
  id: string;
  name: string;
  asOf?: string;
  size: number;
  origin: string;
}

export interface Screener {
  screen(ctx: DealContext, now?: Date): ScreenResult;
  lookup(query: string, opts?: { limit?: number }): LookupResult[];
  ruleSetVersion: string;
  lists: ListInfo[];
}

const SEV_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1, info: 0 };

export function createScreener(opts: ScreenerOptions = {}): Screener {
  const rs = loadRuleSet();
  const threshold = opts.threshold ?? DEFAULT_MATCH_THRESHOLD;
  const disabled = new Set(opts.disabledCategories ?? []);
  const lists: Watchlist[] = [
    curatedList(),
    ...(opts.includeDemoList === false ? [] : [demoList()]),
    ...(opts.lists ?? []),
  ];
  const listInfo: ListInfo[] = lists.map((l) => ({
    id: l.id,
    name: l.name,
    asOf: l.asOf,
    size: l.entries.length,
    origin: l.origin,
  }));

  function matchParties(ctx: DealContext): PartyMatch[] {
    if (disabled.has('restricted-parties')) return [];
    const parties: { name: string; field: string; country?: string }[] = [];
    const seen = new Set<string>();
    const push = (name: string, field: string, country?: string) => {
      const k = name.trim().toLowerCase();
      if (!k || seen.has(k)) return;
      seen.add(k);
      parties.push({ name: name.trim(), field, country });
    };
    if (ctx.customer)
      push(ctx.customer, 'Customer', ctx.parties.find((p) => p.name === ctx.customer)?.country);
    for (const p of ctx.parties) push(p.name, p.label ?? `Party (${p.role})`, p.country);
    const best = new Map<string, PartyMatch>();
    for (const list of lists) {
      if (!list.entries.length) continue;
      const matcher = matcherFor(list);
      const byId = new Map(list.entries.map((e) => [e.id, e]));
      for (const p of parties) {
        for (const m of matcher.search(p.name, { limit: 3, minScore: threshold, country: p.country })) {
          const entry = byId.get(m.entryId);
          if (!entry) continue;
          // One finding per party and list: the best entry (other close entries are named in it).
          const key = `${list.id}|${p.name.toLowerCase()}`;
          const cur = best.get(key);
          if (cur && cur.score >= m.score) {
            if (cur.entry.id !== entry.id) cur.others.push(entry.names[0]!);
            continue;
          }
          const others = cur ? [cur.entry.names[0]!, ...cur.others] : [];
          best.set(key, {
            list,
            entry,
            partyName: p.name,
            field: p.field,
            matchedName: m.matchedName,
            score: m.score,
            explanation: m.explanation,
            others,
          });
        }
      }
    }
    return [...best.values()];
  }

  function screen(ctx: DealContext, now: Date = new Date()): ScreenResult {
    const hits = evaluate(ctx, disabled);
    const matches = matchParties(ctx);
    const curated = curatedList();
    const vendors = disabled.has('restricted-parties') ? [] : vendorMentions(ctx, curated);
    const { findings, risk, basis } = build({ ctx, hits, matches, threshold, disabled, vendors, curated });
    const result: ScreenResult = {
      site: ctx.site,
      pageKind: ctx.pageKind,
      url: ctx.url,
      context: {
        customer: ctx.customer,
        title: ctx.title,
        parties: ctx.parties,
        products: ctx.products,
        countries: hits.countries,
      },
      findings,
      risk,
      riskBasis: basis,
      ruleSetVersion: rs.version,
      lists: listInfo.map(({ id, name, asOf, size }) => ({ id, name, asOf, size })),
      screenedAt: now.toISOString(),
    };
    if (ctx.recordId) result.recordId = ctx.recordId;
    return result;
  }

  function lookup(query: string, o: { limit?: number } = {}): LookupResult[] {
    const q = query.trim();
    if (q.length < 2) return [];
    const limit = o.limit ?? 10;
    const out: LookupResult[] = [];
    const field = { label: 'Lookup', value: q };
    // Names against every list; near misses (down to 0.25 below the threshold) shown as low.
    for (const list of lists) {
      if (!list.entries.length) continue;
      const byId = new Map(list.entries.map((e) => [e.id, e]));
      for (const m of matcherFor(list).search(q, { limit, minScore: Math.max(0.5, threshold - 0.25) })) {
        const entry = byId.get(m.entryId);
        if (!entry) continue;
        const unverified = isUnverifiedCurated(list, entry);
        const source: Source = entry.source ?? {
          title: list.name,
          asOf: list.asOf ?? list.updatedAt.slice(0, 10),
        };
        out.push({
          kind: 'restricted-party',
          title: entry.names[0]!,
          detail: joinSentences(
            `${list.name}${m.score < threshold ? ' (near miss, below the match threshold)' : ''}`,
            entry.notes,
            entry.countries?.length && `Countries: ${entry.countries.join(', ')}`,
            entry.programs?.length && `Programs: ${entry.programs.join(', ')}`,
            unverified && 'Unverified entry: check the current Consolidated Screening List',
          ),
          severity: m.score < threshold ? 'low' : unverified ? 'medium' : 'high',
          score: Math.round(m.score * 100) / 100,
          source,
          match: {
            listId: list.id,
            entryId: entry.id,
            name: m.matchedName,
            score: Math.round(m.score * 100) / 100,
            listName: list.name,
            explanation: m.explanation,
            listVersion: String(list.version),
          },
        });
      }
    }
    // Products against the surveillance categories.
    const catTitle = new Map(rs.surveillance.categories.map((c) => [c.id, c.title]));
    const seenRules = new Set<string>();
    for (const h of scanField(rs.compiled.surveillance, field, {
      defensive: rs.compiled.defensive,
      ignoreContext: true,
    })) {
      if (seenRules.has(h.rule.id)) continue;
      seenRules.add(h.rule.id);
      out.push({
        kind: 'surveillance-item',
        title: h.strength === 'weak' ? `${h.rule.title} (weak signal: nothing on its own)` : h.rule.title,
        detail: joinSentences(
          catTitle.get(h.rule.category),
          h.rule.why,
          h.rule.eccnHints?.length && `ECCN hints (not a classification): ${h.rule.eccnHints.join(', ')}`,
        ),
        severity: h.strength === 'strong' ? 'medium' : h.strength === 'medium' ? 'low' : 'info',
        category: h.rule.category,
        source: rs.resolveSource(h.rule.source),
      });
    }
    // Countries against the tiers.
    const refs: CountryRef[] = /^[A-Za-z]{2}$/.test(q)
      ? [{ code: q.toUpperCase(), name: countryName(q.toUpperCase()), source: 'lookup' }]
      : [];
    refs.push(...findCountries(q, { address: true, source: 'lookup' }));
    const seenC = new Set<string>();
    for (const c of refs) {
      const key = `${c.code}|${c.region ?? ''}`;
      if (seenC.has(key) || countryName(c.code) === c.code) continue;
      seenC.add(key);
      const t = tierOf(c.code, c.region);
      const tier = rs.destinations.tiers.find((x) => x.id === t.tier)!;
      const rule = t.region ?? t.country;
      const groups = t.country?.groups.length ? `Country Groups: ${t.country.groups.join(', ')}` : '';
      const programs = t.country?.programs.length ? `Programs: ${t.country.programs.join('; ')}` : '';
      out.push({
        kind: 'destination',
        title: `${c.region ? `${c.region} (${countryName(c.code)})` : countryName(c.code)}: ${tier.title}`,
        detail: joinSentences(groups, programs, !c.region && t.country?.note, tier.why),
        severity:
          t.tier === 'embargo' || t.tier === 'russia-belarus' ? 'high' : t.tier === 'other' ? 'info' : 'low',
        source: rs.resolveSource(rule?.source ?? tier.source),
      });
    }
    // End users, intermediaries and red-flag phrases.
    const seenEU = new Set<string>();
    for (const h of scanField(rs.compiled.endUsers, field)) {
      if (h.strength === 'weak' || seenEU.has(h.rule.id)) continue;
      seenEU.add(h.rule.id);
      out.push({
        kind: h.rule.kind,
        title: h.rule.title,
        detail: h.rule.why,
        severity: h.rule.signal === 'security-sector' ? 'medium' : 'low',
        source: rs.resolveSource(h.rule.source),
      });
    }
    for (const h of scanField(rs.compiled.intents, field)) {
      if (seenEU.has(h.rule.id)) continue;
      seenEU.add(h.rule.id);
      out.push({
        kind: 'red-flag',
        title: h.rule.title,
        detail: h.rule.why,
        severity: h.strength === 'strong' ? 'high' : 'medium',
        source: rs.resolveSource(h.rule.source),
      });
    }
    return out
      .sort((a, b) => SEV_RANK[b.severity] - SEV_RANK[a.severity] || (b.score ?? 0) - (a.score ?? 0))
      .slice(0, limit);
  }

  return { screen, lookup, ruleSetVersion: rs.version, lists: listInfo };
}
