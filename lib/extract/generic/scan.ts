/**
 * Finds label/value pairs and line-item tables on a page the generic adapter knows nothing about.
 *
 * Cost matters: this runs in the content script on the rep's main thread, on pages of any size, on every
 * batch of mutations. So it walks text nodes with the browser's native TreeWalker (no per-node callbacks),
 * looks each short text up in a Map of known labels (./labels), and does the structural work (where is the
 * value?) only for the few texts that are labels. Everything is capped: text nodes walked, fields kept, table
 * rows read, characters of value kept.
 *
 * Shadow roots: the document and every open shadow root (from the shared helper's deepShadowRoots) are walked.
 * Small-scope lookups (a control inside a value cell, the rows of a grid) go through the shared helper.
 */
import {
  composedParent,
  deepQuery,
  deepQueryAll,
  deepShadowRoots,
  isHiddenElement,
  valueText,
  visibleLine,
  visibleText,
} from '../dom';
import { type LabelKind, labelKind, MAX_LABEL_LENGTH } from './labels';

export interface ScanLimits {
  /** Text nodes walked, over the document and its shadow roots. */
  maxTextNodes: number;
  /** Label/value pairs kept. */
  maxFields: number;
  /** Body rows read per line-item table. */
  maxRows: number;
  /** Characters kept per value. */
  maxValueChars: number;
}

export const DEFAULT_LIMITS: ScanLimits = {
  maxTextNodes: 60_000,
  maxFields: 300,
  maxRows: 300,
  maxValueChars: 4000,
};

export interface GenericField {
  kind: LabelKind;
  /** The label as shown, trimmed. */
  label: string;
  /** The value as shown (lines kept). */
  value: string;
}

export interface LineItem {
  /** Column kind → cell text, for the columns we know. */
  cells: Partial<Record<LabelKind, { label: string; value: string }>>;
}

export interface ScanResult {
  fields: GenericField[];
  lineItems: LineItem[];
  /** Text nodes walked (for tests and the bench: the cap is visible). */
  walked: number;
  truncated: boolean;
  /**
   * Where on the page the result came from: each label's container, each value element, each line-item table.
   * A later mutation outside these (and adding no new label) cannot change the result.
   */
  regions: Element[];
}

/** Rows above which a table whose header names no column we read is a list view, skipped whole. */
const BIG_TABLE_ROWS = 50;
const COLUMN_KINDS = new Set<LabelKind | null>([
  'product',
  'description',
  'country',
  'customer',
  'end-user',
  'intermediary',
]);

/** Subtrees never read: code, navigation, page chrome, search boxes, menus. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'NAV',
  'FOOTER',
  'svg',
  'SVG',
  'IFRAME',
  'OBJECT',
  'BUTTON',
  'OPTION',
]);
const SKIP_ROLES = new Set(['navigation', 'contentinfo', 'search', 'menu', 'menubar', 'tooltip', 'tablist']);
/** Utility classes of the common CSS frameworks that hide an element (Bootstrap, Tailwind, Foundation). */
const HIDDEN_CLASS = /(?:^|\s)(?:hidden|d-none|sr-only|visually-hidden|invisible|is-hidden|hide)(?:\s|$)/;
const CONTROL =
  "input:not([type='hidden']):not([type='checkbox']):not([type='radio']):not([type='button']):not([type='submit']), select, textarea";
const CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader', 'columnheader']);
/** Elements that hold sections, not a field's value. */
const NOT_A_VALUE = new Set([
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'FORM',
  'UL',
  'OL',
  'DL',
  'SECTION',
  'ARTICLE',
  'FIELDSET',
  'NAV',
]);
const EMPTY_VALUE = /^(?:[-–—_.]+|n\/?a|none|null|keine?|aucun|ninguno|sin datos)$/i;

function isControl(el: Element): boolean {
  const t = el.tagName;
  if (t === 'SELECT' || t === 'TEXTAREA') return true;
  if (t !== 'INPUT') return false;
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  return !['hidden', 'checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file'].includes(type);
}

function isCell(el: Element): boolean {
  const t = el.tagName;
  if (t === 'TD' || t === 'TH') return true;
  const role = el.getAttribute('role');
  return !!role && CELL_ROLES.has(role);
}

function isRow(el: Element): boolean {
  return el.tagName === 'TR' || el.getAttribute('role') === 'row';
}

function rowCells(row: Element): Element[] {
  const out: Element[] = [];
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) if (isCell(c)) out.push(c);
  return out;
}

/** Cells by column position: a cell spanning n columns fills n positions (totals rows: colspan="2"). */
function rowGrid(row: Element): (Element | undefined)[] {
  const grid: (Element | undefined)[] = [];
  for (const c of rowCells(row)) {
    const span = Math.min(20, Math.max(1, Number(c.getAttribute('colspan') ?? '1') || 1));
    grid.push(c);
    for (let i = 1; i < span; i++) grid.push(undefined);
  }
  return grid;
}

/** Summary rows of line-item tables. */
const TOTAL_ROW =
  /^(?:sub-?total|total|totals|summe|gesamt|zwischensumme|gesamtsumme|sous-total|montant total|subtotal|importe total)\b/i;

/** A label as shown, without the trailing colon or required-field asterisk: "Kunde *" → "Kunde". */
export function cleanLabel(s: string): string {
  return s
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[\s:：*]+$/, '')
    .trim();
}

export function scanPage(doc: Document, limits: ScanLimits = DEFAULT_LIMITS): ScanResult {
  const fields: GenericField[] = [];
  const lineItems: LineItem[] = [];
  const skipCache = new Map<Element, boolean>();
  const seenLabels = new Set<Element>();
  const seenTables = new Set<Element>();
  let walked = 0;
  let truncated = false;
  const regions: Element[] = [];

  /** Not shown or not content: hidden, or inside navigation, footer, script … (memoised per element). */
  const skipped = (el: Element | null): boolean => {
    const path: Element[] = [];
    let verdict = false;
    for (let cur = el; cur; cur = composedParent(cur)) {
      const known = skipCache.get(cur);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      path.push(cur);
      const role = cur.getAttribute('role');
      const cls = cur.getAttribute('class');
      if (
        SKIP_TAGS.has(cur.tagName) ||
        (role !== null && SKIP_ROLES.has(role)) ||
        cur.getAttribute('aria-hidden') === 'true' ||
        cur.hasAttribute('inert') ||
        (cur.tagName === 'DETAILS' && !cur.hasAttribute('open') && path.length > 1) ||
        (cls !== null && HIDDEN_CLASS.test(cls)) ||
        isHiddenElement(cur)
      ) {
        verdict = true;
        break;
      }
    }
    for (const p of path) skipCache.set(p, verdict);
    return verdict;
  };

  const clampValue = (s: string) => (s.length > limits.maxValueChars ? s.slice(0, limits.maxValueChars) : s);

  /** What a value element shows, or '' when it is not a plausible value (empty, huge, another label). */
  const readValue = (el: Element): string => {
    if (skipped(el)) return '';
    if (isControl(el)) return valueText(el);
    if (NOT_A_VALUE.has(el.tagName)) return '';
    regions.push(el);
    // A wrapper around a control (inline edit, Bootstrap .col-sm-8 > input): the control's current value.
    const control = el.childElementCount > 0 ? deepQuery(el, CONTROL) : null;
    if (control) return valueText(control);
    const raw = el.textContent ?? '';
    // A container holding half the page is not a field value.
    if (raw.length > limits.maxValueChars * 2 || el.childElementCount > 60) return '';
    if (!raw.trim()) return '';
    if (el.childElementCount > 0 && deepQuery(el, 'table, ul, ol, dl, form')) return '';
    return clampValue(visibleText(el));
  };

  /** Rejects empty placeholders and the next field's label (an empty field followed by another label). */
  const plausible = (v: string): boolean => {
    const t = v.trim();
    return !!t && !EMPTY_VALUE.test(t) && labelKind(t) === null;
  };

  /** The element that is the label: climbs through inline wrappers holding only the label text. */
  const labelElement = (text: Text, labelLength: number): Element | null => {
    let el: Element | null = text.parentElement;
    if (!el) return null;
    for (let i = 0; i < 3; i++) {
      const t = el.tagName;
      if (t === 'LABEL' || t === 'DT' || isCell(el)) break;
      const p: Element | null = el.parentElement;
      if (!p || p.tagName === 'BODY' || p.childElementCount > 3) break;
      const pt = p.textContent ?? '';
      if (pt.length > labelLength + 6 || pt.trim().length > labelLength + 2) break;
      el = p;
    }
    return el;
  };

  /** The value that belongs to label element `l`, or a column marker when `l` heads a table column. */
  const valueForLabel = (l: Element): string | 'column' => {
    const tag = l.tagName;
    if (tag === 'LABEL') {
      const id = l.getAttribute('for');
      if (id) {
        const root = l.getRootNode() as Document | ShadowRoot;
        const target = typeof root.getElementById === 'function' ? root.getElementById(id) : null;
        if (target) return readValue(target);
      }
    }
    if (l.childElementCount > 0) {
      const inner = deepQuery(l, CONTROL);
      if (inner) return valueText(inner);
    }
    if (tag === 'DT') {
      const parts: string[] = [];
      for (let s = l.nextElementSibling; s && s.tagName === 'DD'; s = s.nextElementSibling) {
        const v = readValue(s);
        if (v) parts.push(v);
      }
      return parts.join('\n');
    }
    if (isCell(l)) {
      const row = l.parentElement;
      const cells = row ? rowCells(row) : [];
      const headerRow =
        l.getAttribute('role') === 'columnheader' ||
        l.parentElement?.parentElement?.tagName === 'THEAD' ||
        cells.every((c) => c.tagName === 'TH');
      if (headerRow) return 'column';
      const i = cells.indexOf(l);
      const next = cells[i + 1];
      return next ? readValue(next) : '';
    }
    // Siblings after the label: "<b>Kunde:</b> Acme GmbH", "<div class=label>…</div><div class=field>…</div>".
    let from: Element | null = l;
    for (let depth = 0; depth < 3 && from; depth++) {
      let k = 0;
      for (let n = from.nextSibling; n && k < 6; n = n.nextSibling, k++) {
        if (n.nodeType === 3) {
          const t = (n.nodeValue ?? '').replace(/^[\s:：]+/, '').trim();
          if (t) return clampValue(t);
        } else if (n.nodeType === 1) {
          const v = readValue(n as Element);
          if (v) return v;
          // An empty sibling that is itself a label ends the search: this field is empty.
          if (labelKind((n as Element).textContent ?? '') !== null) return '';
        }
      }
      // The label sits alone in a wrapper (EspoCRM .cell > label + .field, Krayin .grid > div + div): the value
      // is after the wrapper.
      const p: Element | null = from.parentElement;
      if (!p || p.tagName === 'BODY' || p.childElementCount > 1) break;
      from = p;
    }
    return '';
  };

  const readTable = (headerCell: Element) => {
    const headerRow = headerCell.parentElement;
    if (!headerRow || !isRow(headerRow)) return;
    const table =
      headerRow.closest('table') ?? headerRow.closest("[role='table'], [role='grid'], [role='treegrid']");
    if (!table || seenTables.has(table)) return;
    seenTables.add(table);
    regions.push(table);
    const columns = new Map<number, { kind: LabelKind; label: string }>();
    rowGrid(headerRow).forEach((cell, i) => {
      if (!cell) return;
      const label = cleanLabel(visibleLine(cell));
      let kind = labelKind(label);
      // In a line-item table a "Description" column describes the line's product.
      if (kind === 'text') kind = 'description';
      if (kind) columns.set(i, { kind, label });
    });
    if (![...columns.values()].some((c) => c.kind === 'product' || c.kind === 'description')) return;
    const rows =
      table.tagName === 'TABLE'
        ? Array.from((table as HTMLTableElement).rows ?? [])
        : deepQueryAll(table, "[role='row']");
    let n = 0;
    for (const row of rows) {
      if (
        row === headerRow ||
        row.parentElement?.tagName === 'THEAD' ||
        row.parentElement?.tagName === 'TFOOT'
      )
        continue;
      if (n++ >= limits.maxRows) {
        truncated = true;
        break;
      }
      if (skipped(row)) continue;
      const cells = rowGrid(row);
      if (cells.some((c) => c && TOTAL_ROW.test((c.textContent ?? '').trim()))) continue;
      const item: LineItem = { cells: {} };
      for (const [i, col] of columns) {
        const cell = cells[i];
        if (!cell || cell.getAttribute('role') === 'columnheader') continue;
        const v = readValue(cell);
        if (v && plausible(v)) item.cells[col.kind] = { label: col.label, value: v };
      }
      if (Object.keys(item.cells).length > 0) lineItems.push(item);
    }
  };

  const visit = (text: Text) => {
    const raw = text.nodeValue ?? '';
    if (raw.length > 400) return;
    const trimmed = raw.trim();
    if (!trimmed) return;
    let kind: LabelKind | null = null;
    let inlineValue: string | undefined;
    let label = trimmed;
    if (trimmed.length <= MAX_LABEL_LENGTH) kind = labelKind(trimmed);
    if (!kind) {
      // "Customer: Acme GmbH" in one piece of text.
      const colon = trimmed.search(/[:：]/);
      if (colon <= 0 || colon > MAX_LABEL_LENGTH) return;
      kind = labelKind(trimmed.slice(0, colon));
      if (!kind) return;
      label = trimmed.slice(0, colon);
      inlineValue = trimmed.slice(colon + 1).trim();
      if (!inlineValue) inlineValue = undefined;
    }
    const el = labelElement(text, trimmed.length);
    // Links and list items are menus and tabs ("Products", "Accounts"), not field labels; a sortable column
    // header's link was climbed to its cell above.
    if (!el || el.tagName === 'LI' || el.closest('a') || seenLabels.has(el) || skipped(el)) return;
    seenLabels.add(el);
    regions.push(el.parentElement ?? el);
    const value = inlineValue ?? valueForLabel(el);
    if (value === 'column') {
      readTable(el);
      return;
    }
    if (!plausible(value)) return;
    fields.push({ kind, label: cleanLabel(label), value });
  };

  /**
   * Big tables whose header names no column we read (list views, related lists of contacts): skipped whole.
   * On a CRM page of 50,000 nodes they are most of the nodes and none of the deal.
   */
  const bigTables = (root: Document | ShadowRoot): Element[] => {
    const out: Element[] = [];
    const tables = root.querySelectorAll('table');
    for (let i = 0; i < tables.length; i++) {
      const t = tables[i] as HTMLTableElement;
      if ((t.rows?.length ?? 0) <= BIG_TABLE_ROWS) continue;
      const head = t.tHead?.rows[0] ?? t.rows[0];
      const known = head
        ? rowCells(head).some((c) => COLUMN_KINDS.has(labelKind(c.textContent ?? '')))
        : false;
      if (!known) out.push(t);
    }
    return out;
  };

  const lastDescendant = (n: Node): Node => {
    let cur = n;
    while (cur.lastChild) cur = cur.lastChild;
    return cur;
  };

  const roots: (Document | ShadowRoot)[] = [doc, ...deepShadowRoots(doc.documentElement ?? doc)];
  outer: for (const root of roots) {
    const start =
      root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : root;
    if (!start) continue;
    const skip = bigTables(root);
    let s = 0;
    // 4 = NodeFilter.SHOW_TEXT (the constant, not the global: it is missing in some test DOMs).
    const walker = doc.createTreeWalker(start, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      // Skipped tables come in document order: jump past the one we are in.
      let jumped = false;
      while (s < skip.length) {
        const t = skip[s]!;
        if (t.contains(n)) {
          walker.currentNode = lastDescendant(t);
          s++;
          jumped = true;
          break;
        }
        // 4 = DOCUMENT_POSITION_FOLLOWING: this text comes after the table, which is behind us.
        if (t.compareDocumentPosition(n) & 4) s++;
        else break;
      }
      if (jumped) continue;
      if (++walked > limits.maxTextNodes) {
        truncated = true;
        break outer;
      }
      visit(n as Text);
      if (fields.length >= limits.maxFields) {
        truncated = true;
        break outer;
      }
    }
  }
  return { fields, lineItems, walked, truncated, regions };
}
