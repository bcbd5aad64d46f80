/**
 * Shared helpers that turn what an adapter read from the page into a valid DealContext:
 * trimming, length limits of the model (so the background's zod check never rejects a page),
 * de-duplication, party roles from field labels, countries from address blocks.
 * Pure: no DOM. Used by every site adapter.
 */
import type { CountryRef, DealContext, PageKind, Party, PartyRole, Product, TextField } from '../model';
import { countryOfAddress } from './countries';

/** Optional tail of a party label: "End User Name", "Distributor Account", "End User (final)". */
const TAIL = String.raw`(?:\s+(?:name|account|company|organi[sz]ation))?(?:\s*\([^)]*\))?`;
const whole = (alternatives: string) => new RegExp(`^(?:${alternatives})${TAIL}$`, 'i');

/**
 * Field labels that name another party on the deal, by role. The whole label must match (so "End User Country"
 * or "Partner Type" are not parties), case-insensitively. "End user" and its synonyms come from export-control
 * vocabulary (end user, ultimate consignee); the intermediary labels are the channel fields CRMs ship
 * (Salesforce "Primary Partner") or orgs commonly add.
 */
export const PARTY_LABELS: readonly { role: PartyRole; label: RegExp }[] = [
  {
    role: 'end-user',
    label: whole(
      'end[ -]?users?|end[ -]?customers?|final (?:user|customer)|ultimate (?:consignee|end[ -]?user)',
    ),
  },
  {
    role: 'intermediary',
    label: whole(
      '(?:primary |channel |sales |implementation )?partners?|distributors?|resellers?|var|value[- ]added reseller|intermediar(?:y|ies)|intermediate consignee|consignee|(?:freight )?forwarder|agent|(?:system )?integrator',
    ),
  },
  // Owners of the customer matter for screening (50 % rule, state ownership): kept as "other" parties.
  {
    role: 'other',
    label: whole('parent account|ultimate parent(?: account| company)?|parent company'),
  },
];

/** The party role a field label implies, or null when the label does not name a party. */
export function partyRoleForLabel(label: string): PartyRole | null {
  const l = label.replace(/[\s\u00a0]+/g, ' ').trim();
  for (const { role, label: re } of PARTY_LABELS) if (re.test(l)) return role;
  return null;
}

function clamp(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) : s;
}

function oneLine(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Where a country came from, from the address label: "Billing Address" → "billing address". */
function sourceOf(label: string): string {
  const l = oneLine(label).toLowerCase();
  return l.includes('address') ? l : `${l} address`;
}

export class ContextBuilder {
  title?: string;
  customer?: string;
  private readonly parties: Party[] = [];
  private readonly products: Product[] = [];
  private readonly countries: CountryRef[] = [];
  private readonly addresses: TextField[] = [];
  private readonly text: TextField[] = [];

  constructor(
    private readonly site: string,
    private readonly pageKind: PageKind,
    private readonly url: string,
    private readonly recordId?: string,
  ) {}

  setTitle(v: string | undefined): this {
    const t = v ? oneLine(v) : '';
    if (t && !this.title) this.title = clamp(t, 1000);
    return this;
  }

  /** Sets the customer (first one wins) and adds it as a party with role customer. */
  setCustomer(v: string | undefined, label?: string): this {
    const t = v ? oneLine(v) : '';
    if (!t || this.customer) return this;
    this.customer = clamp(t, 500);
    this.addParty(t, 'customer', label);
    return this;
  }

  addParty(name: string, role: PartyRole, label?: string, country?: string): this {
    const n = clamp(oneLine(name), 500);
    if (!n || this.parties.length >= 200) return this;
    if (this.parties.some((p) => p.role === role && p.name.toLowerCase() === n.toLowerCase())) return this;
    const p: Party = { name: n, role };
    if (label) p.label = clamp(oneLine(label), 200);
    if (country && country.length === 2) p.country = country.toUpperCase();
    this.parties.push(p);
    return this;
  }

  addProduct(name: string, description?: string): this {
    const n = clamp(oneLine(name), 1000);
    if (!n || this.products.length >= 500) return this;
    const d = description ? clamp(oneLine(description), 5000) : '';
    if (this.products.some((p) => p.name === n && (p.description ?? '') === d)) return this;
    this.products.push(d ? { name: n, description: d } : { name: n });
    return this;
  }

  addCountry(ref: CountryRef): this {
    if (this.countries.length >= 200) return this;
    if (this.countries.some((c) => c.code === ref.code && c.source === ref.source)) return this;
    this.countries.push(ref);
    return this;
  }

  /** An address block as shown (lines kept); its country is added when the last line names one. */
  addAddress(label: string, value: string): this {
    const v = value
      .split('\n')
      .map((l) => oneLine(l))
      .filter(Boolean)
      .join('\n');
    if (!v || this.addresses.length >= 50) return this;
    const l = clamp(oneLine(label), 200);
    if (this.addresses.some((a) => a.label === l && a.value === v)) return this;
    this.addresses.push({ label: l, value: clamp(v, 20000) });
    const c = countryOfAddress(v);
    if (c)
      this.addCountry({ code: c.code, name: c.name, source: sourceOf(l), evidence: clamp(c.evidence, 2000) });
    return this;
  }

  addText(label: string, value: string): this {
    const v = value.trim();
    if (!v || this.text.length >= 200) return this;
    const l = clamp(oneLine(label), 200);
    if (this.text.some((t) => t.label === l && t.value === v)) return this;
    this.text.push({ label: l, value: clamp(v, 20000) });
    return this;
  }

  /** True when nothing at all was found (the record has not rendered yet, or this is not a record). */
  get empty(): boolean {
    return (
      !this.title &&
      !this.customer &&
      this.parties.length === 0 &&
      this.products.length === 0 &&
      this.addresses.length === 0 &&
      this.text.length === 0
    );
  }

  build(): DealContext {
    const ctx: DealContext = {
      site: this.site,
      pageKind: this.pageKind,
      url: clamp(this.url, 4000),
      parties: this.parties,
      products: this.products,
      countries: this.countries,
      addresses: this.addresses,
      text: this.text,
    };
    if (this.recordId) ctx.recordId = clamp(this.recordId, 200);
    if (this.title) ctx.title = this.title;
    if (this.customer) ctx.customer = this.customer;
    return ctx;
  }
}

/**
 * JSON with object keys sorted, for change detection ("did the extracted context change?").
 * Arrays keep their order: order on the page is meaningful.
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = (v as Record<string, unknown>)[k];
      return out;
    }
    return v;
  });
}
