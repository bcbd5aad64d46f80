/**
 * HubSpot CRM: deal and company record pages.
 *
 * URLs: app.hubspot.com (US data centre) and app-eu1.hubspot.com (EU data centre), record pages under
 * /contacts/<portalId>/record/<objectTypeId>/<recordId>, where 0-3 is the deal object and 0-2 the company object
 * (HubSpot's documented object type ids; the same ids appear in its CRM API). Old links of the form
 * /contacts/<portalId>/deal/<id> and /contacts/<portalId>/company/<id> still open records.
 *
 * Structure: a React app without shadow DOM. We had no saved live page; the selectors below follow the
 * test attributes HubSpot's UI carries and that public browser automations and extensions key on
 * (data-selenium-test="highlightTitle", data-selenium-test="property-input-<internal name>", data-test-id on
 * cards), and the three-column record layout HubSpot documents (left: record highlight + "About this …" card,
 * middle: overview and activity timeline, right: association cards such as Companies and Line items). They are
 * modelled, not copied: check them against a live portal when one is available.
 *
 * What we read: the record name; every property in the "About" card (custom properties such as "End user" or
 * "Reseller" become parties by their label); the associated companies with their association labels (HubSpot
 * association labels such as "Primary", "Reseller", "End customer" give the party's role); line items; address
 * properties (single multi-line properties, or the split Street/City/…/Country company properties composed into
 * one block). What we never read: the activity timeline (emails and notes mention other companies and products
 * that are not parties to this deal), navigation and search.
 */
import { ContextBuilder, partyRoleForLabel } from '../context';
import { recognizeCountry } from '../countries';
import {
  closestDeep,
  deepQueryAll,
  deepQueryAllFirst,
  deepQueryFirst,
  type FieldHit,
  type FieldLayout,
  firstValue,
  isShown,
  normalizeLabel,
  readFields,
  visibleLine,
} from '../dom';
import { detectPage, pathDetector, type SiteAdapter } from '../site-adapter';

const PORTAL = String.raw`\d{1,12}`;
const ID = String.raw`(?<id>\d{1,20})`;
/** Optional tail HubSpot adds to record URLs: a trailing slash, or /view/<n> (the record's view tab). */
const TAIL = String.raw`(?:/view/\d+)?/?$`;

/** The record in view; tried in order, else the whole document. */
const SCOPE_SELECTORS = [
  // Record page root of the current record layout.
  '[data-test-id="record-page"]',
  // Older record pages (the "profile" layout before 2022).
  '[data-selenium-test="profile-page"]',
];

/** The record name. */
const TITLE_SELECTORS = [
  // Record highlight card, current and older layouts (the test attribute survived the 2022 redesign).
  '[data-selenium-test="highlightTitle"]',
  // Record highlight card title by test id (newer builds).
  '[data-test-id="record-highlight-title"]',
];

const FIELD_LAYOUTS: readonly FieldLayout[] = [
  {
    // "About this deal" / "About this company" card: one row per property, keyed by the property's internal
    // name. View mode shows the value as text; inline edit swaps in an input or textarea.
    variant: 'property-input row',
    item: '[data-selenium-test^="property-input-"]',
    label: { selector: '[data-test-id="property-label"], label' },
    value: ['[data-test-id="property-value"]', 'textarea', 'input:not([type="hidden"])'],
  },
];

/** Association cards in the right sidebar, by object: tried in order. */
const COMPANY_CARD_SELECTORS = [
  // Companies association card of the current layout.
  '[data-test-id="association-card-companies"]',
  // Older sidebar ("crm-card" per associated object type).
  '[data-selenium-test="crm-card-COMPANY"]',
];
const LINE_ITEM_CARD_SELECTORS = [
  // Line items card on deal records.
  '[data-test-id="association-card-line_items"]',
  // Older sidebar.
  '[data-selenium-test="crm-card-LINE_ITEM"]',
];
/** One associated record inside an association card. */
const ASSOCIATED_RECORD = '[data-test-id="associated-record"]';
const ASSOCIATED_NAME_SELECTORS = ['[data-test-id="associated-record-name"]', 'a'];
/** Association labels shown as tags under the associated record's name ("Primary", "Reseller", …). */
const ASSOCIATION_LABEL = '[data-test-id="association-label"]';
/** HubSpot marks the deal's main company with the built-in "Primary" association label. */
const PRIMARY_LABEL = /^primary(?: company)?$/i;
/** Line items: one row per line item, tried in order. */
const LINE_ITEM_ROW_SELECTORS = ['[data-test-id="line-item"]', 'tbody tr'];
const LINE_ITEM_NAME_SELECTORS = ['[data-test-id="line-item-name"]', 'a', 'td'];
const LINE_ITEM_DESCRIPTION_SELECTORS = ['[data-test-id="line-item-description"]'];

/** Default and common custom properties. Labels are what HubSpot shows, in English. */
const COMPANY_NAME_LABELS = ['Company name', 'Name'];
const TEXT_LABELS = [/^(?:deal )?description$/i, /^(?:about|notes?|next step|export notes)$/i];
/** Single properties that hold a whole address or just a country. */
const ADDRESS_LABEL = /\baddress\b/i;
const COUNTRY_LABEL = /^(?:country(?:\/region)?|(?:destination|ship[- ]to|delivery) country)$/i;
/**
 * Company address properties (HubSpot's default company properties address, address2, city, state, zip,
 * country), composed into one block in postal order so the country ends it.
 */
const ADDRESS_PARTS = {
  label: 'Company address',
  street: ['Street address', 'Street address 2'],
  city: ['City'],
  region: ['State/Region'],
  postal: ['Postal code'],
  country: ['Country/Region'],
};

function composeAddress(fields: readonly FieldHit[]): string {
  const line = (labels: readonly string[]) => labels.map((l) => firstValue(fields, [l])).filter(Boolean);
  const cityLine = [...line(ADDRESS_PARTS.city), ...line(ADDRESS_PARTS.region)].join(', ');
  const postal = line(ADDRESS_PARTS.postal).join(' ');
  return [
    ...line(ADDRESS_PARTS.street),
    [cityLine, postal].filter(Boolean).join(' '),
    ...line(ADDRESS_PARTS.country),
  ]
    .filter(Boolean)
    .join('\n');
}

const PART_LABELS = new Set(
  [
    ...ADDRESS_PARTS.street,
    ...ADDRESS_PARTS.city,
    ...ADDRESS_PARTS.region,
    ...ADDRESS_PARTS.postal,
    ...ADDRESS_PARTS.country,
  ].map(normalizeLabel),
);

/** A property that holds only a country: a country (when recognised), else an address line for lib/rules. */
function addCountryField(b: ContextBuilder, label: string, value: string): void {
  const c = recognizeCountry(value);
  if (c) b.addCountry({ ...c, source: `${normalizeLabel(label)} field`, evidence: value });
  else b.addAddress(label, value);
}

function pickScope(doc: Document): Document | Element {
  return deepQueryAllFirst(doc, SCOPE_SELECTORS).find(isShown) ?? doc;
}

function readCompanies(scope: Document | Element, b: ContextBuilder, isDeal: boolean): void {
  const card = deepQueryAllFirst(scope, COMPANY_CARD_SELECTORS).find(isShown);
  if (!card) return;
  const companies = deepQueryAll(card, ASSOCIATED_RECORD)
    .filter(isShown)
    .map((el) => {
      const nameEl = deepQueryFirst(el, ASSOCIATED_NAME_SELECTORS);
      const labels = deepQueryAll(el, ASSOCIATION_LABEL).map((l) => visibleLine(l));
      return { name: nameEl ? visibleLine(nameEl) : '', labels };
    })
    .filter((c) => c.name);
  if (isDeal) {
    // The customer: the company labelled Primary, else the only (or first) associated company.
    const primary = companies.find((c) => c.labels.some((l) => PRIMARY_LABEL.test(l))) ?? companies[0];
    if (primary) b.setCustomer(primary.name, 'Primary company');
  }
  for (const c of companies) {
    for (const l of c.labels) {
      const role = partyRoleForLabel(l);
      if (role) b.addParty(c.name, role, l);
    }
    // Another company on the deal with no label that names a role is still a party to screen.
    const isCustomer = isDeal && c.name === b.customer;
    if (!isCustomer && !c.labels.some((l) => partyRoleForLabel(l))) b.addParty(c.name, 'other', 'Company');
  }
}

function readLineItems(scope: Document | Element, b: ContextBuilder): void {
  const card = deepQueryAllFirst(scope, LINE_ITEM_CARD_SELECTORS).find(isShown);
  if (!card) return;
  for (const row of deepQueryAllFirst(card, LINE_ITEM_ROW_SELECTORS).filter(isShown)) {
    const nameEl = deepQueryFirst(row, LINE_ITEM_NAME_SELECTORS);
    const descEl = deepQueryFirst(row, LINE_ITEM_DESCRIPTION_SELECTORS);
    if (nameEl) b.addProduct(visibleLine(nameEl), descEl ? visibleLine(descEl) : undefined);
  }
}

/** Regions whose changes never alter what we read: the activity timeline and the global navigation. */
const QUIET_SELECTORS = ['[data-test-id="timeline"]', '[data-test-id="timeline-item"]', '#hs-nav-v4', 'nav'];

export const hubspot: SiteAdapter = {
  id: 'hubspot',
  name: 'HubSpot',
  // The whole app host, not only /contacts/*: HubSpot moves between its apps without a page load, and the
  // content script must already be there when the rep opens a deal from, say, the sales workspace.
  matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  pageKinds: [
    pathDetector(
      'Deal record /contacts/<portal>/record/0-3/<id> (object type id 0-3 = deals)',
      'deal',
      new RegExp(`^/contacts/${PORTAL}/record/0-3/${ID}${TAIL}`),
    ),
    pathDetector(
      'Company record /contacts/<portal>/record/0-2/<id> (object type id 0-2 = companies)',
      'company',
      new RegExp(`^/contacts/${PORTAL}/record/0-2/${ID}${TAIL}`),
    ),
    pathDetector(
      'Legacy deal link /contacts/<portal>/deal/<id>',
      'deal',
      new RegExp(`^/contacts/${PORTAL}/deal/${ID}/?$`),
    ),
    pathDetector(
      'Legacy company link /contacts/<portal>/company/<id>',
      'company',
      new RegExp(`^/contacts/${PORTAL}/company/${ID}/?$`),
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
    const page = detectPage(hubspot, url);
    if (!page) return null;
    const scope = pickScope(doc);
    const b = new ContextBuilder(hubspot.id, page.pageKind, url.href, page.recordId);
    const isDeal = page.pageKind === 'deal';

    const titleEl = deepQueryAllFirst(scope, TITLE_SELECTORS).find(isShown);
    const title = titleEl ? visibleLine(titleEl) : undefined;
    b.setTitle(title);

    const fields = readFields(scope, FIELD_LAYOUTS);
    if (!isDeal) {
      // A company record: the company is the customer.
      b.setCustomer(title, 'Company name');
      b.setCustomer(firstValue(fields, COMPANY_NAME_LABELS), 'Company name');
    }
    readCompanies(scope, b, isDeal);

    for (const f of fields) {
      if (!f.value) continue;
      const label = normalizeLabel(f.label);
      const role = partyRoleForLabel(f.label);
      if (role) b.addParty(f.value.split('\n').join(' '), role, f.label);
      else if (PART_LABELS.has(label)) continue;
      else if (COUNTRY_LABEL.test(f.label)) addCountryField(b, f.label, f.value);
      else if (ADDRESS_LABEL.test(f.label)) b.addAddress(f.label, f.value);
    }
    const composed = composeAddress(fields);
    if (composed) b.addAddress(ADDRESS_PARTS.label, composed);
    for (const f of fields) {
      if (f.value && TEXT_LABELS.some((re) => re.test(f.label.trim()))) b.addText(f.label, f.value);
    }

    readLineItems(scope, b);

    if (!b.title && !b.customer) return null;
    return b.build();
  },
};

export default hubspot;
