/**
 * Pipedrive: deal and organization detail views.
 *
 * URLs: <company>.pipedrive.com/deal/<id> and /organization/<id> (the addresses Pipedrive shows and documents
 * for its detail views; ids are numeric).
 *
 * Structure: no saved live page. Pipedrive's detail view is a React app without shadow DOM: a header (title,
 * value, stage bar, Won/Lost), a left sidebar of collapsible sections (Summary, Details with custom fields,
 * Products, Organization, Person) and the main area with the composer tabs (Notes, Activity, Email, Files),
 * pinned notes and the History flow. The selectors below follow that layout with the data-testid hooks its
 * markup uses; they are modelled on the public UI and its help-centre screenshots, not copied: check them
 * against a live account when one is available.
 *
 * What we read: the title, every sidebar field (custom fields such as "End user" or "Reseller" become parties by
 * their label; the Organization field is the customer), the organization's address, the products section and
 * pinned notes (notes the rep pinned to the deal). What we never read: the History flow (emails, activities and
 * other notes mention other companies), navigation and search.
 */
import { ContextBuilder, partyRoleForLabel } from '../context';
import { recognizeCountry } from '../countries';
import {
  closestDeep,
  deepQueryAllFirst,
  deepQueryFirst,
  type FieldLayout,
  fieldsLabelled,
  isShown,
  normalizeLabel,
  readFields,
  visibleLine,
  visibleText,
} from '../dom';
import { detectPage, pathDetector, type SiteAdapter } from '../site-adapter';

const ID = String.raw`(?<id>\d{1,15})`;

/** The detail view in the main area; tried in order, else the whole document. */
const SCOPE_SELECTORS = [
  // Deal / organization detail view.
  '[data-testid="deal-details"], [data-testid="organization-details"]',
  // Older detail view container.
  '.detailView',
];

const TITLE_SELECTORS = [
  // Detail view header.
  '[data-testid="header-title"]',
  // Older detail view header.
  '.detailView h1',
];

const FIELD_LAYOUTS: readonly FieldLayout[] = [
  {
    // Sidebar field rows (Summary, Details, Organization sections), current detail view. Inline edit replaces the
    // value with an input.
    variant: 'sidebar-field',
    item: '[data-testid="sidebar-field"]',
    label: { selector: '[data-testid="sidebar-field-label"]' },
    value: ['[data-testid="sidebar-field-value"]', 'textarea', 'input:not([type="hidden"])'],
  },
  {
    // Older detail view: .fieldsList > .item with .key and .value.
    variant: 'fieldsList item',
    item: '.fieldsList .item',
    label: { selector: '.key' },
    value: ['.value'],
  },
];

/** The customer on a deal: the linked organization. */
const CUSTOMER_LABELS = ['Organization', 'Organization name'];
const ORGANIZATION_NAME_LABELS = ['Name', 'Organization name'];
const TEXT_LABELS = [/^(?:description|notes?|background|export notes)$/i];
const ADDRESS_LABEL = /\baddress\b/i;
const COUNTRY_LABEL = /^(?:country|(?:destination|ship[- ]to|delivery) country)$/i;

/** Products section of a deal, then its rows: tried in order. */
const PRODUCT_SECTION_SELECTORS = [
  '[data-testid="sidebar-section"][data-section="products"]',
  '.productsList',
];
const PRODUCT_ROW_SELECTORS = ['[data-testid="product-row"]', 'li'];
const PRODUCT_NAME_SELECTORS = ['[data-testid="product-name"]', 'a'];
const PRODUCT_DESCRIPTION_SELECTORS = ['[data-testid="product-description"]'];

/** Notes the rep pinned to the record (shown above the History flow). */
const PINNED_NOTE_SELECTORS = ['[data-testid="pinned-notes"] [data-testid="note-content"]'];

/** Regions whose changes never alter what we read: the History flow and the main navigation. */
const QUIET_SELECTORS = ['[data-testid="flow"]', '[data-testid="main-navigation"]'];

export const pipedrive: SiteAdapter = {
  id: 'pipedrive',
  name: 'Pipedrive',
  matches: ['https://*.pipedrive.com/*'],
  pageKinds: [
    pathDetector('Deal detail view /deal/<id>', 'deal', new RegExp(`^/deal/${ID}/?$`)),
    pathDetector(
      'Organization detail view /organization/<id>',
      'company',
      new RegExp(`^/organization/${ID}/?$`),
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
    const page = detectPage(pipedrive, url);
    if (!page) return null;
    const scope = deepQueryAllFirst(doc, SCOPE_SELECTORS).find(isShown) ?? doc;
    const b = new ContextBuilder(pipedrive.id, page.pageKind, url.href, page.recordId);
    const titleEl = deepQueryAllFirst(scope, TITLE_SELECTORS).find(isShown);
    const title = titleEl ? visibleLine(titleEl) : undefined;
    b.setTitle(title);

    const fields = readFields(scope, FIELD_LAYOUTS);
    if (page.pageKind === 'company') {
      b.setCustomer(title, 'Organization name');
      b.setCustomer(fieldsLabelled(fields, ORGANIZATION_NAME_LABELS)[0]?.value, 'Organization name');
    } else {
      b.setCustomer(fieldsLabelled(fields, CUSTOMER_LABELS)[0]?.value, 'Organization');
    }
    for (const f of fields) {
      if (!f.value) continue;
      const role = partyRoleForLabel(f.label);
      if (role) b.addParty(f.value.split('\n').join(' '), role, f.label);
      else if (COUNTRY_LABEL.test(f.label)) {
        const c = recognizeCountry(f.value);
        if (c) b.addCountry({ ...c, source: `${normalizeLabel(f.label)} field`, evidence: f.value });
        else b.addAddress(f.label, f.value);
      } else if (ADDRESS_LABEL.test(f.label)) b.addAddress(f.label, f.value);
    }
    for (const f of fieldsLabelled(fields, TEXT_LABELS)) b.addText(f.label, f.value);
    for (const note of deepQueryAllFirst(scope, PINNED_NOTE_SELECTORS).filter(isShown)) {
      b.addText('Pinned note', visibleText(note));
    }

    const section = deepQueryAllFirst(scope, PRODUCT_SECTION_SELECTORS).find(isShown);
    if (section) {
      for (const row of deepQueryAllFirst(section, PRODUCT_ROW_SELECTORS).filter(isShown)) {
        const nameEl = deepQueryFirst(row, PRODUCT_NAME_SELECTORS);
        const descEl = deepQueryFirst(row, PRODUCT_DESCRIPTION_SELECTORS);
        if (nameEl) b.addProduct(visibleLine(nameEl), descEl ? visibleLine(descEl) : undefined);
      }
    }

    if (!b.title && !b.customer) return null;
    return b.build();
  },
};

export default pipedrive;
