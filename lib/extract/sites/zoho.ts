/**
 * Zoho CRM: Deals (API name Potentials) and Accounts detail views.
 *
 * URLs: crm.zoho.<dc>/crm/org<orgId>/tab/Potentials/<recordId> and …/tab/Accounts/<recordId> for the data
 * centres zoho.com, zoho.eu, zoho.in and zoho.com.au. Single-organization accounts may omit the org<orgId>
 * segment (/crm/tab/Potentials/<id>). Record ids are long numbers.
 *
 * Structure: no saved live page. The selectors follow Zoho CRM's detail view as seen in its public UI and help
 * pages: a header with the record name, field sections of label/value pairs whose elements carry the field API
 * name (ids such as label_Account_Name / value_Account_Name, and data-zcqa test hooks), and related lists
 * (Notes, Products, Emails, Open Activities…) below. The class names crm-detail-field / crm-detail-label /
 * crm-detail-value are our model of the current (Lyte) view; the label_/value_ table cells are the classic view.
 * Modelled, not copied: check against a live org when one is available.
 *
 * What we read: the record name, every field (custom fields such as "End User" or "Reseller" become parties by
 * their label; "Account Name" is the customer of a deal), the Billing/Shipping/Mailing address fields composed
 * into blocks, the Description, the Notes related list (notes the reps wrote on the record) and the Products
 * related list. What we never read: Emails and activities related lists, the Timeline tab, the top band.
 */
import { ContextBuilder, partyRoleForLabel } from '../context';
import { recognizeCountry } from '../countries';
import {
  closestDeep,
  deepQueryAll,
  deepQueryAllFirst,
  type FieldHit,
  type FieldLayout,
  fieldsLabelled,
  firstValue,
  isShown,
  normalizeLabel,
  readFields,
  visibleLine,
  visibleText,
} from '../dom';
import { detectPage, pathDetector, type SiteAdapter } from '../site-adapter';

const ORG = String.raw`(?:org\d{1,20}/)?`;
const ID = String.raw`(?<id>\d{5,25})`;

/** The record detail view; tried in order, else the whole document. */
const SCOPE_SELECTORS = [
  // Current detail view container.
  '[data-zcqa="detailView"]',
  // Classic detail view.
  '#dv_container',
];

const TITLE_SELECTORS = [
  // Current detail view header.
  '[data-zcqa="dv_record_title"]',
  // Classic header: the record name span carries the name field's API name.
  '#subvalue_Deal_Name, #subvalue_Potential_Name, #subvalue_Account_Name',
];

const FIELD_LAYOUTS: readonly FieldLayout[] = [
  {
    // Current (Lyte) detail view: one crm-detail-field per field, with label and value elements.
    variant: 'crm-detail-field',
    item: '.crm-detail-field',
    label: { selector: '.crm-detail-label' },
    value: ['.crm-detail-value', 'textarea', 'input:not([type="hidden"])'],
  },
  {
    // Classic detail view: a table row with td#label_<API name> and td#value_<API name>.
    variant: 'label_/value_ table row',
    item: 'tr',
    label: { selector: 'td[id^="label_"]' },
    value: ['td[id^="value_"]'],
  },
];

const CUSTOMER_LABELS = ['Account Name'];
const TEXT_LABELS = [/^(?:description|notes?|next step|export notes)$/i];
const COUNTRY_LABEL = /^(?:country|(?:destination|ship[- ]to|delivery) country)$/i;
/** Zoho's standard split address fields, composed into one block per prefix in postal order. */
const ADDRESS_GROUPS = ['Billing', 'Shipping', 'Mailing', 'Other'].map((prefix) => ({
  label: `${prefix} Address`,
  parts: [
    [`${prefix} Street`],
    [`${prefix} City`, `${prefix} State`, `${prefix} Code`],
    [`${prefix} Country`],
  ],
}));
const PART_LABELS = new Set(ADDRESS_GROUPS.flatMap((g) => g.parts.flat()).map(normalizeLabel));

/** Related lists by their name; each holds rows (table or note items). */
const RELATED_LIST = (name: string) => [
  // Current view: related list container named by its API name.
  `[data-zcqa="relatedlist_${name}"]`,
  // Classic view.
  `#relatedlist_${name}`,
];
const NOTE_SELECTORS = ['[data-zcqa="note-content"]', '.noteContent'];
const PRODUCT_NAME_COLUMNS = ['Product Name', 'Product'];
const PRODUCT_DESCRIPTION_COLUMNS = ['Description', 'Product Description'];

function composeAddress(fields: readonly FieldHit[], parts: readonly string[][]): string {
  return parts
    .map((line) =>
      line
        .map((l) => firstValue(fields, [l]))
        .filter(Boolean)
        .join(line.length > 1 ? ', ' : ''),
    )
    .filter(Boolean)
    .join('\n');
}

/** Column label → cell text for each shown body row of a related list table. */
function tableRows(list: Element): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  for (const table of deepQueryAll(list, 'table')) {
    const headers = deepQueryAll(table, 'thead th').map((th) => normalizeLabel(visibleLine(th)));
    for (const row of deepQueryAll(table, 'tbody tr').filter(isShown)) {
      const cells = new Map<string, string>();
      Array.from(row.children).forEach((cell, i) => {
        const label = cell.getAttribute('data-label') ?? headers[i];
        if (label) cells.set(normalizeLabel(label), visibleLine(cell));
      });
      out.push(cells);
    }
  }
  return out;
}

function pick(cells: Map<string, string>, labels: readonly string[]): string | undefined {
  for (const l of labels) {
    const v = cells.get(normalizeLabel(l));
    if (v) return v;
  }
  return undefined;
}

/** Regions whose changes never alter what we read: the Emails related list, the Timeline tab, the top band. */
const QUIET_SELECTORS = [
  '[data-zcqa="relatedlist_Emails"]',
  '#relatedlist_Emails',
  '.dv-timeline',
  '#crm-topband',
];

export const zoho: SiteAdapter = {
  id: 'zoho',
  name: 'Zoho CRM',
  // One host per Zoho data centre (US, EU, India, Australia).
  matches: [
    'https://crm.zoho.com/*',
    'https://crm.zoho.eu/*',
    'https://crm.zoho.in/*',
    'https://crm.zoho.com.au/*',
  ],
  pageKinds: [
    pathDetector(
      'Deal detail view /crm/org<orgId>/tab/Potentials/<id> (Deals module, API name Potentials)',
      'deal',
      new RegExp(`^/crm/${ORG}tab/(?:Potentials|Deals)/${ID}/?$`),
    ),
    pathDetector(
      'Account detail view /crm/org<orgId>/tab/Accounts/<id>',
      'account',
      new RegExp(`^/crm/${ORG}tab/Accounts/${ID}/?$`),
    ),
  ],
  // A growing timeline or feed must not re-run the extraction: only batches that touch anything else do.
  mutationsMatter(records) {
    return records.some((r) => {
      const el = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
      return !el || !QUIET_SELECTORS.some((s) => closestDeep(el, s));
    });
  },
  extract(doc, url) {
    const page = detectPage(zoho, url);
    if (!page) return null;
    const scope = deepQueryAllFirst(doc, SCOPE_SELECTORS).find(isShown) ?? doc;
    const b = new ContextBuilder(zoho.id, page.pageKind, url.href, page.recordId);
    const titleEl = deepQueryAllFirst(scope, TITLE_SELECTORS).find(isShown);
    const title = titleEl ? visibleLine(titleEl) : undefined;
    b.setTitle(title);

    // Fields inside related lists (their tables are rows too) are not the record's own.
    const fields = readFields(scope, FIELD_LAYOUTS).filter(
      (f) => !f.item.closest('[data-zcqa^="relatedlist_"], [id^="relatedlist_"]'),
    );
    if (page.pageKind === 'account') b.setCustomer(title, 'Account Name');
    const customer = fieldsLabelled(fields, CUSTOMER_LABELS)[0];
    if (customer) b.setCustomer(customer.value.split('\n').join(' '), customer.label);

    for (const f of fields) {
      if (!f.value) continue;
      const role = partyRoleForLabel(f.label);
      if (role) b.addParty(f.value.split('\n').join(' '), role, f.label);
      else if (PART_LABELS.has(normalizeLabel(f.label))) continue;
      else if (COUNTRY_LABEL.test(f.label)) {
        const c = recognizeCountry(f.value);
        if (c) b.addCountry({ ...c, source: `${normalizeLabel(f.label)} field`, evidence: f.value });
        else b.addAddress(f.label, f.value);
      } else if (/\baddress\b/i.test(f.label)) b.addAddress(f.label, f.value);
    }
    for (const g of ADDRESS_GROUPS) {
      const block = composeAddress(fields, g.parts);
      if (block) b.addAddress(g.label, block);
    }
    for (const f of fieldsLabelled(fields, TEXT_LABELS)) b.addText(f.label, f.value);

    const notes = deepQueryAllFirst(scope, RELATED_LIST('Notes')).find(isShown);
    if (notes) for (const n of deepQueryAllFirst(notes, NOTE_SELECTORS)) b.addText('Note', visibleText(n));

    const products = deepQueryAllFirst(scope, RELATED_LIST('Products')).find(isShown);
    if (products) {
      for (const cells of tableRows(products)) {
        const name = pick(cells, PRODUCT_NAME_COLUMNS);
        if (name) b.addProduct(name, pick(cells, PRODUCT_DESCRIPTION_COLUMNS));
      }
    }

    if (!b.title && !b.customer) return null;
    return b.build();
  },
};

export default zoho;
