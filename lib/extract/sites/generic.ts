/**
 * Generic adapter: CRMs that are not in the registry (self-hosted and open-source CRMs, ERP sales screens,
 * quote pages), used for "screen this page" (activeTab) and for the rep's own CRM domains.
 *
 * It reads label/value pairs wherever a page puts them — forms (<label for>, a label wrapping its control, a
 * label next to a control), definition lists, two-column tables, label/value sibling elements (SuiteCRM
 * `.label` + `.detail-view-field`, EspoCRM `.cell > label + .field`, Krayin attribute grids), "Label: value"
 * text — and line-item tables whose header names a product column. Labels come in English, German, French and
 * Spanish (../generic/labels.ts).
 *
 * It must not invent a deal from any page. It returns a context only with strong evidence:
 * - a customer/account label with a value, plus products or a country or an address; or
 * - a deal-like heading ("Opportunity: …", "Angebot AN-…", "Devis n° …") plus at least one party, product,
 *   country or address.
 * Navigation, footers, scripts, menus and hidden elements are ignored; the walk and the text kept are capped
 * (../generic/scan.ts), so a huge page costs a bounded amount.
 */
import { ContextBuilder } from '../context';
import { recognizeCountry } from '../countries';
import { composedParent, deepQueryAll, isShown, visibleLine } from '../dom';
import { dealHeadingKind, labelKind, MAX_LABEL_LENGTH, partyRoleOf } from '../generic/labels';
import { type GenericField, type ScanLimits, scanPage } from '../generic/scan';
import { detectPage, type PageKindDetector, type PageMatch, type SiteAdapter } from '../site-adapter';

/** Characters of free text (descriptions, notes) kept per page. */
const MAX_TEXT_CHARS = 20_000;
/** Lines of a multi-line product field read as separate products. */
const MAX_PRODUCT_LINES = 50;
const HEADINGS = "h1, h2, h3, [role='heading']";
const MAX_HEADINGS = 30;

type Kind = PageMatch['pageKind'];

/** Record words in URLs and module names → page kind. */
const URL_WORDS: [RegExp, Kind][] = [
  [
    /^(?:aos_)?quotes?$|^quotations?$|^angebote?$|^devis$|^presupuestos?$|^cotizacion(?:es)?$|^offers?$/i,
    'quote',
  ],
  [/^opportunit(?:y|ies)$|^verkaufschancen?$|^opportunites?$|^oportunidad(?:es)?$/i, 'opportunity'],
  [/^deals?$|^leads?$|^affaires?$|^negocios?$|^orders?$|^auftr(?:a|ä)ge$|^pedidos?$|^commandes?$/i, 'deal'],
  [
    /^accounts?$|^companies$|^organi[sz]ations?$|^kunden$|^clients?$|^clientes$|^cuentas$|^comptes$/i,
    'account',
  ],
];

function kindOfWord(word: string): Kind | null {
  for (const [re, kind] of URL_WORDS) if (re.test(word)) return kind;
  return null;
}

const RECORD_ID = /^[\w-]{1,64}$/;

const pageKinds: readonly PageKindDetector[] = [
  {
    // EspoCRM (and other Backbone-style SPAs) route in the hash: #Opportunity/view/<id>.
    description: 'Hash route #<Module>/view/<id> (EspoCRM): Opportunity, Quote, Account',
    detect(url) {
      const m = /^#\/?([A-Za-z]+)\/view\/([\w-]{1,64})/.exec(url.hash);
      const kind = m ? kindOfWord(m[1]!) : null;
      return m && kind ? { pageKind: kind, recordId: m[2]! } : null;
    },
  },
  {
    // SuiteCRM / SugarCRM: index.php?module=Opportunities&action=DetailView&record=<uuid>.
    description:
      'Query route ?module=<Module>&record=<id> (SuiteCRM, SugarCRM CE): Opportunities, AOS_Quotes, Accounts',
    detect(url) {
      const module = url.searchParams.get('module');
      const kind = module ? kindOfWord(module) : null;
      if (!kind) return null;
      const id = url.searchParams.get('record');
      return id && RECORD_ID.test(id) ? { pageKind: kind, recordId: id } : { pageKind: kind };
    },
  },
  {
    // REST-style paths: /opportunities/42, /admin/leads/view/7 (Krayin), /deals/123, /angebote/AN-2024-0117.
    description:
      'Path with a record word then an id: /opportunities/<id>, /leads/view/<id>, /quotes/<id>, /angebote/<id>',
    detect(url) {
      const parts = url.pathname.split('/').filter(Boolean);
      for (let i = parts.length - 1; i >= 0; i--) {
        const kind = kindOfWord(decodeURIComponent(parts[i]!));
        if (!kind) continue;
        const rest = parts.slice(i + 1).filter((p) => !/^(?:view|show|edit|detail|details)$/i.test(p));
        const id = rest.find((p) => /\d/.test(p) && RECORD_ID.test(p));
        return id ? { pageKind: kind, recordId: id } : { pageKind: kind };
      }
      return null;
    },
  },
];

function firstLine(s: string): string {
  return s.split('\n')[0]?.trim() ?? '';
}

/** The page's headings that are shown, first ones first (capped). */
function headings(doc: Document, regions: Element[]): string[] {
  const out: string[] = [];
  for (const h of deepQueryAll(doc, HEADINGS)) {
    if (out.length >= MAX_HEADINGS) break;
    if (h.closest('nav, footer, [role="navigation"], [role="contentinfo"]') || !isShown(h)) continue;
    const t = visibleLine(h);
    if (t && t.length <= 300) {
      out.push(t);
      regions.push(h);
    }
  }
  return out;
}

/** What the last extraction of a document read, to tell which later mutations can matter. */
interface Watched {
  regions: Set<Node>;
  /** Every ancestor of a region: an attribute change there (class, hidden) can show or hide it. */
  ancestors: Set<Node>;
  list: Element[];
}
const watched = new WeakMap<Document, Watched>();

function remember(doc: Document, regions: Element[]): void {
  const set = new Set<Node>(regions);
  const ancestors = new Set<Node>();
  for (const r of regions)
    for (let p = composedParent(r); p && !ancestors.has(p); p = composedParent(p)) ancestors.add(p);
  watched.set(doc, { regions: set, ancestors, list: regions });
}

/** Text that could make a field appear: a label, "Label: value", or a deal-like heading. */
function labelish(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 300) return false;
  if (t.length <= MAX_LABEL_LENGTH && labelKind(t)) return true;
  const colon = t.search(/[:：]/);
  if (colon > 0 && colon <= MAX_LABEL_LENGTH && labelKind(t.slice(0, colon))) return true;
  return dealHeadingKind(t) !== null;
}

/** Added nodes bring a label (bounded walk; a big subtree counts as relevant: a page re-rendered). */
function addsLabel(doc: Document, node: Node): boolean {
  if (node.nodeType === 3) return labelish(node.nodeValue ?? '');
  if (node.nodeType !== 1) return false;
  const tag = (node as Element).tagName;
  if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'LINK' || tag === 'META') return false;
  // Form controls arriving (an edit form opened) change what a label reads.
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return true;
  const walker = doc.createTreeWalker(node, 4);
  let k = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (++k > 500) return true;
    if (labelish(n.nodeValue ?? '')) return true;
  }
  return false;
}

function inRegion(w: Watched, node: Node): boolean {
  for (
    let cur: Node | null = node;
    cur;
    cur = cur.nodeType === 1 ? composedParent(cur as Element) : cur.parentNode
  ) {
    if (w.regions.has(cur)) return true;
    if (cur.nodeType === 11) cur = (cur as ShadowRoot).host ?? null;
  }
  return false;
}

/**
 * Could these mutations change the generic extraction? Yes when they touch what it read (a field's label or
 * value, a line-item table, a heading), hide or show it, remove it, or add text that is a label or a deal
 * heading. A clock, a notification badge or an activity feed do none of that.
 */
export function genericMutationsMatter(records: readonly MutationRecord[], doc: Document): boolean {
  const w = watched.get(doc);
  if (w?.list.some((r) => !r.isConnected)) return true;
  for (const m of records) {
    if (w && inRegion(w, m.target)) return true;
    if (m.type === 'attributes') {
      if (w?.ancestors.has(m.target)) return true;
      continue;
    }
    if (m.type === 'characterData') {
      if (labelish(m.target.nodeValue ?? '')) return true;
      continue;
    }
    for (const n of Array.from(m.addedNodes)) if (addsLabel(doc, n)) return true;
  }
  return false;
}

function addCountryField(b: ContextBuilder, label: string, value: string): void {
  const line = firstLine(value);
  const c = recognizeCountry(line);
  if (c) {
    b.addCountry({ code: c.code, name: c.name, source: 'country field', evidence: line.slice(0, 2000) });
  } else {
    // Not in the content script's small English list ("Russland", "Irán"): kept as an address block, where the
    // background's multilingual country finder (lib/rules/countries.ts) reads it.
    b.addAddress(label, value);
  }
}

function addField(b: ContextBuilder, f: GenericField, budget: { text: number }): void {
  const role = partyRoleOf(f.kind);
  if (role === 'customer') {
    b.setCustomer(firstLine(f.value), f.label);
    return;
  }
  if (role) {
    b.addParty(firstLine(f.value), role, f.label);
    return;
  }
  switch (f.kind) {
    case 'address':
      b.addAddress(f.label, f.value);
      break;
    case 'country':
      addCountryField(b, f.label, f.value);
      break;
    case 'product':
      for (const line of f.value.split('\n').slice(0, MAX_PRODUCT_LINES)) if (line.trim()) b.addProduct(line);
      break;
    case 'title':
      b.setTitle(firstLine(f.value));
      break;
    case 'description':
    case 'text': {
      if (budget.text <= 0) break;
      const v = f.value.slice(0, budget.text);
      budget.text -= v.length;
      b.addText(f.label, v);
      break;
    }
  }
}

export interface GenericExtractOptions {
  limits?: ScanLimits;
}

/** The generic extraction, with the scan limits exposed for tests. */
export function extractGeneric(doc: Document, url: URL, opts: GenericExtractOptions = {}) {
  const scan = scanPage(doc, opts.limits);
  const regions = [...scan.regions];
  const heads = headings(doc, regions);
  remember(doc, regions);
  let dealHeading: string | undefined;
  let headingKind: Kind | null = null;
  for (const h of heads) {
    const k = dealHeadingKind(h);
    if (k) {
      dealHeading = h;
      headingKind = k;
      break;
    }
  }
  const page = detectPage(generic, url);
  const b = new ContextBuilder(generic.id, page?.pageKind ?? headingKind ?? 'deal', url.href, page?.recordId);

  const budget = { text: MAX_TEXT_CHARS };
  for (const f of scan.fields) if (f.kind === 'title') addField(b, f, budget);
  b.setTitle(dealHeading);
  for (const f of scan.fields) if (f.kind !== 'title') addField(b, f, budget);

  for (const item of scan.lineItems) {
    const { product, description, country } = item.cells;
    const name = product?.value ?? description?.value;
    if (name) b.addProduct(firstLine(name), product ? description?.value : undefined);
    if (country) addCountryField(b, country.label, country.value);
    for (const kind of ['end-user', 'intermediary', 'customer'] as const) {
      const cell = item.cells[kind];
      const role = partyRoleOf(kind);
      if (cell && role) b.addParty(firstLine(cell.value), role, cell.label);
    }
  }
  if (!b.title && heads[0]) b.setTitle(heads[0]);

  const ctx = b.build();
  const hasPlace = ctx.countries.length > 0 || ctx.addresses.length > 0;
  const strong =
    (!!ctx.customer && (ctx.products.length > 0 || hasPlace)) ||
    (!!dealHeading && (ctx.parties.length > 0 || ctx.products.length > 0 || hasPlace));
  return { context: strong ? ctx : null, scan, dealHeading };
}

export const generic: SiteAdapter = {
  id: 'generic',
  name: 'Any CRM page (generic)',
  // No patterns: the generic adapter never runs on its own. It runs on "screen this page" (activeTab) and on
  // the origins the rep added in the options (registered at run time with scripting.registerContentScripts).
  matches: [],
  pageKinds,
  extract(doc, url) {
    return extractGeneric(doc, url).context;
  },
  mutationsMatter: genericMutationsMatter,
};

export default generic;
