/**
 * Salesforce Lightning Experience: Opportunity and Account record pages.
 *
 * Structure from Salesforce's own UTAM page objects (npm salesforce-pageobjects 9.0.0):
 * - records-lwc-highlights-panel ⟶(shadow) records-lwc-record-layout ⟶(shadow) .forcegenerated-record-layout2
 *   ⟶ records-highlights2, whose light children are [slot='primaryField'] (the record name) and
 *   [slot='secondaryFields'] records-highlights-details-item (the compact-layout fields).
 * - records-lwc-detail-panel ⟶(shadow) records-base-record-form ⟶ records-lwc-record-layout ⟶(shadow)
 *   records-record-layout-section ⟶ records-record-layout-row ⟶ records-record-layout-item; the item's
 *   `field-label` attribute is the label, its light child [slot='outputField'] the value.
 * - Dynamic Forms: record_flexipage-record-field, label `.test-id__field-label` inside its shadow root.
 * - Values: lightning-formatted-text / -rich-text / -lookup, force-lookup (records-hoverable-link inside),
 *   lightning-formatted-address (shadow: one `.slds-truncate` per address line inside an <a>).
 * Related lists (not covered by those page objects) follow the Lightning "Related List - Single" component:
 * lst-related-list-single-container … <article aria-label="Products"> … lst-customized-datatable /
 * lightning-datatable rows whose cells carry data-label = column label, or, in the tile display,
 * lst-template-list-item-factory items.
 *
 * With LWC's synthetic shadow the same tree is flat to an isolated-world content script; with native shadow it
 * is behind open shadow roots. The deep query helper covers both.
 */
import { ContextBuilder, partyRoleForLabel } from '../context';
import {
  deepQuery,
  deepQueryAll,
  deepQueryAllFirst,
  deepQueryFirst,
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
import { detectPage, type PageMatch, pathDetector, type SiteAdapter } from '../site-adapter';

/**
 * Record ids in Lightning URLs. Real ids are 15 or 18 characters (3-character key prefix + base-62);
 * we accept up to 20 so that test ids such as 006RISKY000000001AAA are not rejected. Being lenient costs
 * nothing: the path around it already pins the page down.
 */
const ID = '(?<id>[a-zA-Z0-9]{15,20})';

/** Key prefixes of the record ids we read, for URLs without the object name (/lightning/r/<id>/view). */
const KEY_PREFIX: Record<string, PageMatch['pageKind']> = { '006': 'opportunity', '001': 'account' };

/** The record page shown, out of the pages Lightning keeps mounted; tried in order, else the whole document. */
const SCOPE_SELECTORS = [
  // Standard navigation: Lightning keeps recently visited pages mounted and hides all but the active one
  // (one.app shell: div.oneContent.active); a stale hidden page must not leak into the current record.
  'div.oneContent.active',
];

/** The record name in the page header. */
const TITLE_SELECTORS = [
  // Lightning highlights panel (records-highlights2): the name is slotted into primaryField (UTAM primaryFieldContent).
  "records-highlights2 [slot='primaryField']",
  // Mobile/compact highlights (records-highlights2-mobile, same slot).
  "records-highlights2-mobile [slot='primaryField']",
  // SLDS page header of older Aura record pages (force:highlightsPanel).
  '.slds-page-header__title',
];

const FIELD_LAYOUTS: readonly FieldLayout[] = [
  {
    // Record Detail from the page layout (records-lwc-detail-panel): UTAM records-recordLayoutItem.
    variant: 'records-record-layout-item',
    item: 'records-record-layout-item[field-label]',
    label: { attr: 'field-label' },
    // View mode: [slot='outputField']. Inline edit: the control inside [slot*='input'] (UTAM inputField), so
    // what the rep types is screened before it is saved.
    value: [
      "[slot='outputField']",
      "[slot*='input'] >>> textarea",
      "[slot*='input'] >>> input:not([type='hidden'])",
    ],
  },
  {
    // Dynamic Forms (fields placed one by one in Lightning App Builder): UTAM record-flexipage-recordField.
    variant: 'record_flexipage-record-field',
    item: 'record_flexipage-record-field',
    label: { selector: '.test-id__field-label' },
    value: ["[slot='outputField']"],
  },
  {
    // Highlights panel compact-layout fields: UTAM records-highlightsDetailsItem. The label is the
    // .slds-text-title in its shadow; the value is the .fieldComponent around the slot for the light children.
    variant: 'records-highlights-details-item',
    item: 'records-highlights-details-item',
    label: { selector: '.slds-text-title' },
    value: ['.fieldComponent'],
  },
  {
    // lightning-output-field in record forms of custom components: UTAM lightning-outputField.
    variant: 'lightning-output-field',
    item: 'lightning-output-field',
    label: { selector: '.slds-form-element__label' },
    value: [
      'lightning-formatted-address',
      'lightning-formatted-lookup',
      'lightning-formatted-rich-text',
      'lightning-formatted-text',
      'lightning-formatted-name',
    ],
  },
];

/** Opportunity: the customer is the Account Name lookup (force-lookup / records-record-layout-lookup). */
const CUSTOMER_LABELS = ['Account Name', 'Account'];
/** Free-text fields worth reading for intent and KYC phrases. */
const TEXT_LABELS = [/^(?:description|account description|next step|notes?|comments?)$/i];
const ADDRESS_LABEL = /\baddress\b/i;

/** Related list cards: tried in order. */
const RELATED_LIST_SELECTORS = [
  // Lightning "Related List - Single" (lst-related-list-single-container … <article aria-label="Products">).
  'lst-related-list-single-container >>> article[aria-label]',
  // Aura related list card (force:relatedListSingleContainer) on older pages.
  'article.forceRelatedListCardDesktop',
  // Any other container that labels an SLDS card (Related List - Enhanced, custom related lists).
  'article.slds-card[aria-label]',
];
/** The list's name when the article carries no aria-label. */
const RELATED_LIST_TITLE_SELECTORS = ['h2 .slds-card__header-title', 'h2 a span[title]', 'h2'];
/** Line-item lists of an opportunity (OpportunityLineItem is labelled "Products" or "Opportunity Product"). */
const PRODUCT_LIST_TITLE =
  /^(?:opportunity )?products?$|^(?:opportunity |quote )?line items?$|^opportunity product$/i;
/** Rows of a related list, by display: tried in order. */
const PRODUCT_ROW_SELECTORS = [
  // Table display (lst-customized-datatable / lightning-datatable): body rows; cells carry data-label.
  'tbody tr',
  // Tile display (lst-primary-display-card): one factory per record.
  'lst-template-list-item-factory',
  // SLDS tiles of Aura related lists.
  'article.slds-tile',
];
const PRODUCT_NAME_COLUMNS = ['Product', 'Product Name', 'Name'];
const PRODUCT_DESCRIPTION_COLUMNS = ['Line Description', 'Product Description', 'Description'];
/** Tile display: the record name link, then label/value pairs. */
const TILE_TITLE_SELECTORS = ['h3 a', '.slds-tile__title', 'a'];
const TILE_FIELD_LABEL = 'dt, .slds-item_label, .slds-item--label';

/** A field value as one line (lookups and names render on one line; a few wrap). */
function oneLine(s: string): string {
  return s.split('\n').join(' ');
}

function pickScope(doc: Document): Document | Element {
  for (const s of SCOPE_SELECTORS) {
    const shown = deepQueryAll(doc, s).find(isShown);
    if (shown) return shown;
  }
  return doc;
}

function listTitle(article: Element): string {
  const aria = article.getAttribute('aria-label');
  if (aria) return aria;
  const h = deepQueryFirst(article, RELATED_LIST_TITLE_SELECTORS);
  return h ? visibleLine(h) || (h.getAttribute('title') ?? '') : '';
}

function cleanListTitle(t: string): string {
  // "Products (2)", "Products (10+)"
  return t.replace(/\(\s*\d+\+?\s*\)\s*$/, '').trim();
}

/** Column label → cell text for one table row, from data-label, else from the header row's order. */
function rowCells(row: Element): Map<string, string> {
  const cells = new Map<string, string>();
  const tds = Array.from(row.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
  let headers: string[] | null = null;
  tds.forEach((cell, i) => {
    let label = cell.getAttribute('data-label');
    if (!label) {
      if (!headers) {
        const table = row.closest('table');
        headers = table
          ? Array.from(table.querySelectorAll('thead th')).map(
              (th) => th.getAttribute('aria-label') ?? visibleLine(th) ?? '',
            )
          : [];
      }
      label = headers[i] ?? '';
    }
    if (label) cells.set(normalizeLabel(label), visibleLine(cell));
  });
  return cells;
}

function pick(cells: Map<string, string>, labels: readonly string[]): string | undefined {
  for (const l of labels) {
    const v = cells.get(normalizeLabel(l));
    if (v) return v;
  }
  return undefined;
}

function tileCells(tile: Element): Map<string, string> {
  const cells = new Map<string, string>();
  for (const label of deepQueryAll(tile, TILE_FIELD_LABEL)) {
    const value = label.nextElementSibling;
    if (value) cells.set(normalizeLabel(visibleLine(label)), visibleLine(value));
  }
  return cells;
}

function readProducts(scope: Document | Element, b: ContextBuilder): void {
  const lists = deepQueryAllFirst(scope, RELATED_LIST_SELECTORS).filter(
    (a) => isShown(a) && PRODUCT_LIST_TITLE.test(cleanListTitle(listTitle(a))),
  );
  for (const list of lists) {
    const rows = deepQueryAllFirst(list, PRODUCT_ROW_SELECTORS);
    for (const row of rows) {
      if (row.tagName === 'TR') {
        const cells = rowCells(row);
        const name = pick(cells, PRODUCT_NAME_COLUMNS);
        if (name) b.addProduct(name, pick(cells, PRODUCT_DESCRIPTION_COLUMNS));
      } else {
        const titleEl = deepQueryFirst(row, TILE_TITLE_SELECTORS);
        const name = titleEl ? visibleLine(titleEl) : '';
        if (name) b.addProduct(name, pick(tileCells(row), PRODUCT_DESCRIPTION_COLUMNS));
      }
    }
  }
}

function addressText(f: FieldHit): string {
  const formatted = f.element.matches('lightning-formatted-address')
    ? f.element
    : deepQuery(f.element, 'lightning-formatted-address');
  return visibleText(formatted ?? f.element);
}

function isAddressField(f: FieldHit): boolean {
  return ADDRESS_LABEL.test(f.label) || !!deepQuery(f.element, 'lightning-formatted-address');
}

export const salesforce: SiteAdapter = {
  id: 'salesforce',
  name: 'Salesforce Lightning',
  // Lightning Experience always runs on <MyDomain>.lightning.force.com (sandboxes: <MyDomain>--<sandbox>.sandbox.
  // lightning.force.com, covered by the wildcard). <MyDomain>.my.salesforce.com/lightning/... redirects there,
  // so it needs no content script and no host permission.
  matches: ['https://*.lightning.force.com/*'],
  pageKinds: [
    pathDetector(
      'Opportunity record page /lightning/r/Opportunity/<id>/view',
      'opportunity',
      new RegExp(`^/lightning/r/Opportunity/${ID}/view/?$`),
    ),
    pathDetector(
      'Account record page /lightning/r/Account/<id>/view',
      'account',
      new RegExp(`^/lightning/r/Account/${ID}/view/?$`),
    ),
    {
      description: 'Record page without the object name /lightning/r/<id>/view (kind from the id key prefix)',
      detect(url) {
        const m = new RegExp(`^/lightning/r/${ID}/view/?$`).exec(url.pathname);
        const id = m?.groups?.id;
        const kind = id ? KEY_PREFIX[id.slice(0, 3)] : undefined;
        return id && kind ? { pageKind: kind, recordId: id } : null;
      },
    },
  ],
  extract(doc, url) {
    const page = detectPage(salesforce, url);
    if (!page) return null;
    const scope = pickScope(doc);
    const b = new ContextBuilder(salesforce.id, page.pageKind, url.href, page.recordId);

    const titleEl = deepQueryAllFirst(scope, TITLE_SELECTORS).find(isShown);
    const title = titleEl ? visibleLine(titleEl) : undefined;
    b.setTitle(title);

    const fields = readFields(scope, FIELD_LAYOUTS);
    if (page.pageKind === 'account') {
      // The account is the customer: its name is the record name in the header.
      b.setCustomer(title, 'Account Name');
      b.setCustomer(firstValue(fields, ['Account Name']), 'Account Name');
    } else {
      const customer = fieldsLabelled(fields, CUSTOMER_LABELS)[0];
      if (customer) b.setCustomer(oneLine(customer.value), customer.label);
    }

    for (const f of fields) {
      if (!f.value) continue;
      const role = partyRoleForLabel(f.label);
      if (role) {
        b.addParty(oneLine(f.value), role, f.label);
      } else if (isAddressField(f)) {
        b.addAddress(f.label, addressText(f));
      }
    }
    for (const f of fieldsLabelled(fields, TEXT_LABELS)) b.addText(f.label, f.value);

    readProducts(scope, b);

    // Nothing identifies a record yet: the page is still rendering (or this is not a record page after all).
    if (!b.title && !b.customer) return null;
    return b.build();
  },
};

export default salesforce;
