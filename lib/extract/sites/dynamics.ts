/**
 * Dynamics 365 Sales (model-driven app, Unified Interface): opportunity and account forms.
 *
 * URLs: <org>.crm<N>.dynamics.com/main.aspx?appid=…&pagetype=entityrecord&etn=opportunity|account&id=<guid>
 * (Microsoft's documented "open forms by using a URL" parameters). Older links name the table by its object
 * type code instead: etc=3 (opportunity), etc=1 (account). A form without `id` is a new, unsaved record.
 *
 * Structure: no saved live page; the selectors follow the `data-id` and `aria-label` attributes Unified Interface
 * puts on form controls, which Microsoft's own test tooling (EasyRepro) and many browser automations key on:
 * - h1[data-id="header_title"] holds the record name (title attribute), with the save status in a child span;
 * - each field is a div[data-id="<logical name>-FieldSectionItemContainer"] with label[id$="-field-label"] and a
 *   control whose data-id is "<logical name>.fieldControl-…": text-box-text (input/textarea), option-set-select,
 *   currency-text-input, date-time-input, and for lookups …LookupResultsDropdown_<name>_selected_tag_text;
 * - composite addresses (address1_composite) show all address lines in one multi-line control;
 * - subgrids (opportunityproductsGrid) render with the Power Apps grid control: role="grid", rows role="row",
 *   cells role="gridcell" with col-id = column logical name, headers role="columnheader".
 * Modelled, not copied: check against a live org when one is available.
 *
 * What we read: the form's fields (lookups, text, composites) in the header and every shown tab and section,
 * including quick-view forms (the account's address shown on the opportunity), and the product line items
 * subgrid. What we never read: the timeline (posts, emails, notes mention other parties), the site map, the
 * command bar and hidden tabs.
 */
import { ContextBuilder, partyRoleForLabel } from '../context';
import { recognizeCountry } from '../countries';
import {
  closestDeep,
  deepQuery,
  deepQueryAll,
  deepQueryAllFirst,
  type FieldHit,
  type FieldLayout,
  fieldsLabelled,
  isShown,
  normalizeLabel,
  readFields,
  visibleLine,
} from '../dom';
import { detectPage, type PageKindDetector, type PageMatch, type SiteAdapter } from '../site-adapter';

/** Tables we read, by logical name, and by the legacy object type code of old links. */
const TABLES: Record<string, PageMatch['pageKind']> = { opportunity: 'opportunity', account: 'account' };
const TYPE_CODES: Record<string, PageMatch['pageKind']> = { '3': 'opportunity', '1': 'account' };
const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** The form in view (the main form area, not the site map or a side pane); tried in order. */
const SCOPE_SELECTORS = [
  // Main form of the record page.
  '[data-id="editFormRoot"]',
  // Form area when the form is opened in the main content region without the editFormRoot wrapper.
  '#mainContent',
];

/** The record name in the form header; tried in order. */
const TITLE_SELECTORS = [
  // Unified Interface form header.
  'h1[data-id="header_title"]',
  // Record set navigator/dialog variant of the header.
  '[data-id="form-header"] h1',
];

/** Parts of the page that are never the record's own fields. */
const NOISE_SELECTORS = [
  // The timeline wall (posts, activities, notes).
  '[data-id="notescontrol"]',
  '[data-id^="timeline"]',
];

const FIELD_LAYOUTS: readonly FieldLayout[] = [
  {
    // Form fields, in the header (data-id="header_<name>-…") as in tabs, sections and quick-view forms: one
    // container per field.
    variant: 'FieldSectionItemContainer',
    item: '[data-id$="-FieldSectionItemContainer"]',
    label: { selector: 'label[id$="-field-label"], label' },
    value: [
      // Lookup: the selected record's name (e.g. parentaccountid.fieldControl-LookupResultsDropdown_
      // parentaccountid_selected_tag_text).
      '[data-id*="_selected_tag_text"]',
      // Text and multi-line text, composite address.
      'textarea[data-id*=".fieldControl"]',
      'input[data-id*=".fieldControl-text-box-text"]',
      // Option set: a select (classic) or a Fluent combobox button (2023+ controls).
      'select[data-id*=".fieldControl-option-set-select"]',
      'button[data-id*=".fieldControl-option-set-select"]',
      // Currency, number and date controls.
      'input[data-id*=".fieldControl"]',
    ],
  },
];

/** Opportunity: the customer lookup. "Account" (parentaccountid) on the Sales forms, "Potential Customer" (customerid). */
const CUSTOMER_LABELS = ['Account', 'Potential Customer', 'Customer'];
const ACCOUNT_NAME_LABELS = ['Account Name'];
const TEXT_LABELS = [
  /^(?:description|current situation|customer need|proposed solution|notes?|export notes)$/i,
];
const ADDRESS_LABEL = /\baddress\b/i;
const COUNTRY_LABEL = /^(?:country(?:\/region)?|(?:destination|ship[- ]to|delivery) country)$/i;

/** Product line item subgrids, by their data-id (the subgrid control name on the form); tried in order. */
const PRODUCT_GRID_SELECTORS = [
  // Opportunity Products subgrid on the opportunity main form.
  '[data-id="opportunityproductsGrid"]',
  // Any other subgrid whose accessible name is the products list.
  '[data-id^="dataSetRoot_"][aria-label*="Product"]',
];
/** Product name columns (logical names): existing product, then write-in product. */
const PRODUCT_NAME_COLUMNS = ['productid', 'productname', 'productdescription'];
const PRODUCT_DESCRIPTION_COLUMNS = ['description'];
const PRODUCT_NAME_HEADERS = ['Existing Product', 'Product', 'Product Name', 'Write-In Product'];
const PRODUCT_DESCRIPTION_HEADERS = ['Description'];

function detect(url: URL): PageMatch | null {
  if (!/^\/main\.aspx$/i.test(url.pathname)) return null;
  const q = url.searchParams;
  if ((q.get('pagetype') ?? 'entityrecord').toLowerCase() !== 'entityrecord') return null;
  const etn = q.get('etn')?.toLowerCase();
  const kind = etn ? TABLES[etn] : TYPE_CODES[q.get('etc') ?? ''];
  if (!kind) return null;
  const id = GUID.exec(q.get('id') ?? '')?.[1]?.toLowerCase();
  return id ? { pageKind: kind, recordId: id } : { pageKind: kind };
}

function formDetector(description: string, kind: PageMatch['pageKind']): PageKindDetector {
  return {
    description,
    detect(url) {
      const m = detect(url);
      return m?.pageKind === kind ? m : null;
    },
  };
}

function pickScope(doc: Document): Document | Element {
  return deepQueryAllFirst(doc, SCOPE_SELECTORS).find(isShown) ?? doc;
}

function inNoise(el: Element): boolean {
  return NOISE_SELECTORS.some((s) => !!el.closest(s));
}

function readTitle(scope: Document | Element): string | undefined {
  const h1 = deepQueryAllFirst(scope, TITLE_SELECTORS).find(isShown);
  if (!h1) return undefined;
  // The title attribute is the bare name; the text also carries "- Saved" / "- Unsaved" in a child span.
  const attr = h1.getAttribute('title')?.trim();
  if (attr) return attr;
  const status = deepQuery(h1, '[data-id="header_save_status"], span');
  const text = visibleLine(h1);
  const s = status ? visibleLine(status) : '';
  return s && text.endsWith(s) ? text.slice(0, -s.length).trim() : text;
}

function addCountryField(b: ContextBuilder, label: string, value: string): void {
  const c = recognizeCountry(value);
  if (c) b.addCountry({ ...c, source: `${normalizeLabel(label)} field`, evidence: value });
  else b.addAddress(label, value);
}

/**
 * The value of a form control. Unified Interface sets input values as properties, not attributes, and they
 * carry no text: read the property (and the selected option of a select).
 */
function controlValue(el: Element): string {
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA')
    return ((el as HTMLInputElement).value ?? '').trim();
  if (el.tagName === 'SELECT') {
    const sel = el as HTMLSelectElement;
    return sel.options?.[sel.selectedIndex]?.text.trim() ?? '';
  }
  return '';
}

function isAddress(f: FieldHit): boolean {
  return ADDRESS_LABEL.test(f.label) || /_composite\b/.test(f.element.getAttribute('data-id') ?? '');
}

/** Column key → cell text for each shown row of a Power Apps grid (col-id) or a legacy grid (header order). */
function gridRows(grid: Element): Map<string, string>[] {
  const headers = deepQueryAll(grid, '[role="columnheader"]').map((h) => ({
    col: h.getAttribute('col-id') ?? '',
    label: normalizeLabel(h.getAttribute('aria-label') ?? visibleLine(h)),
  }));
  const rows: Map<string, string>[] = [];
  for (const row of deepQueryAll(grid, '[role="row"]')) {
    if (!isShown(row) || deepQuery(row, '[role="columnheader"]')) continue;
    const cells = new Map<string, string>();
    deepQueryAll(row, '[role="gridcell"]').forEach((cell, i) => {
      const text = visibleLine(cell);
      if (!text) return;
      const col = cell.getAttribute('col-id');
      if (col) cells.set(`col:${col}`, text);
      const header = (col ? headers.find((h) => h.col === col) : headers[i])?.label;
      if (header) cells.set(`label:${header}`, text);
    });
    if (cells.size > 0) rows.push(cells);
  }
  return rows;
}

function pick(
  cells: Map<string, string>,
  cols: readonly string[],
  labels: readonly string[],
): string | undefined {
  for (const c of cols) {
    const v = cells.get(`col:${c}`);
    if (v) return v;
  }
  for (const l of labels) {
    const v = cells.get(`label:${normalizeLabel(l)}`);
    if (v) return v;
  }
  return undefined;
}

function readProducts(scope: Document | Element, b: ContextBuilder): void {
  for (const grid of deepQueryAllFirst(scope, PRODUCT_GRID_SELECTORS).filter(isShown)) {
    for (const cells of gridRows(grid)) {
      const name = pick(cells, PRODUCT_NAME_COLUMNS, PRODUCT_NAME_HEADERS);
      if (name) b.addProduct(name, pick(cells, PRODUCT_DESCRIPTION_COLUMNS, PRODUCT_DESCRIPTION_HEADERS));
    }
  }
}

/** Regions whose changes never alter what we read: the timeline and the site map. */
const QUIET_SELECTORS = [...NOISE_SELECTORS, '[data-id="navbar-container"]'];

export const dynamics: SiteAdapter = {
  id: 'dynamics',
  name: 'Dynamics 365',
  // One host per Dataverse region (crm = North America, crm2 South America, crm3 Canada, crm4 EMEA, crm5 Asia
  // Pacific, crm6 Oceania, crm7 Japan, crm8 India, crm11 UK, crm12 France, crm14 South Africa, crm15 UAE,
  // crm16 Germany, crm17 Switzerland, crm19 Norway, crm20 Korea, crm21 Singapore). Match patterns cannot say
  // "crm<N>", so each is listed. Sovereign clouds (GCC High, China) are left to custom domains.
  matches: [
    'https://*.crm.dynamics.com/*',
    ...[2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 19, 20, 21].map(
      (n) => `https://*.crm${n}.dynamics.com/*`,
    ),
  ],
  pageKinds: [
    formDetector(
      'Opportunity form main.aspx?pagetype=entityrecord&etn=opportunity&id=<guid> (or etc=3)',
      'opportunity',
    ),
    formDetector('Account form main.aspx?pagetype=entityrecord&etn=account&id=<guid> (or etc=1)', 'account'),
  ],
  // A growing timeline or feed must not re-run the extraction: only batches that touch anything else do.
  mutationsMatter(records) {
    return records.some((r) => {
      const el = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
      return !el || !QUIET_SELECTORS.some((s) => closestDeep(el, s));
    });
  },
  extract(doc, url) {
    const page = detectPage(dynamics, url);
    if (!page) return null;
    const scope = pickScope(doc);
    const b = new ContextBuilder(dynamics.id, page.pageKind, url.href, page.recordId);
    const title = readTitle(scope);
    b.setTitle(title);

    const fields = readFields(scope, FIELD_LAYOUTS)
      .filter((f) => !inNoise(f.item))
      .map((f) => (f.value ? f : { ...f, value: controlValue(f.element) }));
    if (page.pageKind === 'account') {
      b.setCustomer(title, 'Account Name');
      b.setCustomer(fieldsLabelled(fields, ACCOUNT_NAME_LABELS)[0]?.value, 'Account Name');
    } else {
      const customer = fieldsLabelled(fields, CUSTOMER_LABELS)[0];
      if (customer) b.setCustomer(customer.value.split('\n').join(' '), customer.label);
    }

    for (const f of fields) {
      if (!f.value) continue;
      const role = partyRoleForLabel(f.label);
      if (role) b.addParty(f.value.split('\n').join(' '), role, f.label);
      else if (COUNTRY_LABEL.test(f.label)) addCountryField(b, f.label, f.value);
      else if (isAddress(f)) b.addAddress(f.label, f.value);
    }
    for (const f of fieldsLabelled(fields, TEXT_LABELS)) b.addText(f.label, f.value);

    readProducts(scope, b);

    if (!b.title && !b.customer) return null;
    return b.build();
  },
};

export default dynamics;
