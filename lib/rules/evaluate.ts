/**
 * Rule evaluation: one DealContext against the bundled rule set. Returns raw rule hits grouped by
 * rule group; lib/screen turns them into findings and a deal risk.
 */
import type { CountryRef, DealContext } from '../model';
import { countryName, findCountries } from './countries';
import { loadRuleSet } from './load';
import type { EndUserRule, IntentRule, SurveillanceRule } from './schema';
import { type Hit, scanField } from './text';

export interface RuleHits {
  /** Every country of the deal: given by the extractor, from parties, addresses and free text. */
  countries: CountryRef[];
  items: Hit<SurveillanceRule>[];
  endUsers: Hit<EndUserRule>[];
  intents: Hit<IntentRule>[];
}

interface Field {
  label: string;
  value: string;
  /** Text read together with this field for guards and context (a product's name or description). */
  companion?: string;
}

function dedupeCountries(refs: CountryRef[]): CountryRef[] {
  const seen = new Set<string>();
  const out: CountryRef[] = [];
  for (const r of refs) {
    const k = `${r.code}|${r.region ?? ''}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r);
  }
  return out;
}

/** Complete the deal's countries from the extractor's list, party countries, addresses and free text. */
export function dealCountries(ctx: DealContext): CountryRef[] {
  const refs: CountryRef[] = [];
  for (const c of ctx.countries) {
    // A country field may itself name a region ("Crimea"): let the detector read its evidence.
    const fromEvidence = c.evidence ? findCountries(c.evidence, { address: true, source: c.source }) : [];
    refs.push(c.region ? c : { ...c, ...(fromEvidence.find((r) => r.code === c.code && r.region) ?? {}) });
  }
  for (const p of ctx.parties) {
    if (p.country) {
      const code = p.country.toUpperCase();
      refs.push({ code, name: countryName(code), source: `party: ${p.name}`, evidence: p.country });
    }
  }
  for (const a of ctx.addresses ?? [])
    refs.push(...findCountries(a.value, { address: true, source: a.label }));
  const free: Field[] = [
    ...(ctx.title ? [{ label: 'Title', value: ctx.title }] : []),
    ...(ctx.text ?? []),
    ...ctx.products.flatMap((p) =>
      p.description ? [{ label: `Product description: ${p.name}`, value: p.description }] : [],
    ),
  ];
  for (const f of free) refs.push(...findCountries(f.value, { source: f.label }));
  return dedupeCountries(refs);
}

/** Text fields that describe what is sold: product names and descriptions, the deal title and notes. */
function itemFields(ctx: DealContext): Field[] {
  const out: Field[] = [];
  for (const p of ctx.products) {
    out.push({ label: 'Product', value: p.name, companion: p.description });
    if (p.description)
      out.push({ label: `Product description: ${p.name}`, value: p.description, companion: p.name });
  }
  if (ctx.title) out.push({ label: 'Title', value: ctx.title });
  for (const t of ctx.text ?? []) out.push(t);
  return out;
}

/** Party names, deal title and notes: where end users and intermediaries show up. */
function partyFields(ctx: DealContext): Field[] {
  const out: Field[] = [];
  const names = new Set<string>();
  if (ctx.customer) {
    names.add(ctx.customer);
    out.push({ label: 'Customer', value: ctx.customer });
  }
  for (const p of ctx.parties) {
    if (names.has(p.name)) continue;
    names.add(p.name);
    out.push({ label: p.label ?? `Party (${p.role})`, value: p.name });
  }
  if (ctx.title) out.push({ label: 'Title', value: ctx.title });
  for (const t of ctx.text ?? []) out.push(t);
  return out;
}

function textFields(ctx: DealContext): Field[] {
  const out: Field[] = [];
  if (ctx.title) out.push({ label: 'Title', value: ctx.title });
  for (const t of ctx.text ?? []) out.push(t);
  for (const p of ctx.products)
    if (p.description) out.push({ label: `Product description: ${p.name}`, value: p.description });
  return out;
}

const RANK = { strong: 2, medium: 1, weak: 0 } as const;

/**
 * Overlapping hits in the same field keep only the stronger one: "Ministry of Internal Affairs" hides the
 * weak "Ministry", "riot police" hides "police", "body-worn camera" hides "camera".
 */
export function dropOverlaps<H extends Hit>(hits: H[]): H[] {
  const keep = hits.map(() => true);
  for (let i = 0; i < hits.length; i++) {
    for (let j = i + 1; j < hits.length; j++) {
      const a = hits[i]!;
      const b = hits[j]!;
      if (a.field !== b.field || a.start >= b.end || b.start >= a.end) continue;
      const ra = RANK[a.strength];
      const rb = RANK[b.strength];
      const la = a.end - a.start;
      const lb = b.end - b.start;
      // Equal strengths from different rules are different signals ("Trading FZE": a trading company
      // and a free-zone company): both stay.
      if (ra === rb && a.rule.id !== b.rule.id) continue;
      if (ra > rb || (ra === rb && la > lb)) keep[j] = false;
      else if (rb > ra || lb > la) keep[i] = false;
    }
  }
  return hits.filter((_, i) => keep[i]);
}

/** Evaluate the rule set over one deal. `disabled` switches off surveillance categories and rule groups. */
export function evaluate(ctx: DealContext, disabled: ReadonlySet<string> = new Set()): RuleHits {
  const rs = loadRuleSet();
  const items: Hit<SurveillanceRule>[] = [];
  const endUsers: Hit<EndUserRule>[] = [];
  const intents: Hit<IntentRule>[] = [];
  const sv = rs.compiled.surveillance.filter(
    (c) => !disabled.has(c.rule.category) && !disabled.has('surveillance'),
  );
  if (sv.length) {
    for (const f of itemFields(ctx)) items.push(...scanField(sv, f, { defensive: rs.compiled.defensive }));
  }
  const eu = rs.compiled.endUsers.filter(
    (c) => !disabled.has(c.rule.kind === 'intermediary' ? 'intermediaries' : 'end-users'),
  );
  if (eu.length) {
    for (const f of partyFields(ctx)) endUsers.push(...scanField(eu, f));
    // Free-trade zones show up in addresses.
    const ftz = eu.filter((c) => c.rule.id === 'int.free-trade-zone');
    for (const a of ctx.addresses ?? []) endUsers.push(...scanField(ftz, a));
  }
  if (!disabled.has('intent')) {
    for (const f of textFields(ctx)) intents.push(...scanField(rs.compiled.intents, f));
  }
  const countries = disabled.has('destinations') ? [] : dealCountries(ctx);
  return {
    countries,
    items: dropOverlaps(items),
    endUsers: dropOverlaps(endUsers),
    intents: dropOverlaps(intents),
  };
}
