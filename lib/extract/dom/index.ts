/**
 * The one shadow-DOM-aware query helper. Nothing else in DealScreen queries the CRM page.
 *
 * CRMs built from web components (Salesforce Lightning, Dynamics' newer forms) put field labels and values
 * inside shadow roots. `document.querySelectorAll` stops at every shadow boundary, so everything here walks
 * the composed tree: a host's open shadow root is searched right after the host, before its light children.
 *
 * Only reads. Page text is data: nothing here writes markup into the page.
 * No DOM access happens at import time (wxt.config.ts imports the registry in Node).
 */

type Root = Document | DocumentFragment | Element;

/**
 * How to get an element's shadow root. Open roots by default; an extension may plug in
 * `chrome.dom.openOrClosedShadowRoot` (Chrome) or `el.openOrClosedShadowRoot` (Firefox) to reach closed roots too.
 */
let shadowRootOf: (el: Element) => ShadowRoot | null = (el) => el.shadowRoot;

export function setShadowRootResolver(resolver: ((el: Element) => ShadowRoot | null) | null): void {
  shadowRootOf = resolver ?? ((el) => el.shadowRoot);
}

export function getShadowRoot(el: Element): ShadowRoot | null {
  try {
    return shadowRootOf(el) ?? null;
  } catch {
    return null;
  }
}

function isShadowRoot(node: Node | null | undefined): node is ShadowRoot {
  return !!node && node.nodeType === 11 && 'host' in node && !!(node as ShadowRoot).host;
}

function childElements(node: Node): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

/**
 * Every element under `root` (not `root` itself), through open shadow roots, in composed order:
 * a host, then its shadow tree, then its light children.
 */
export function* deepElements(root: Root): Generator<Element> {
  // Iterative to survive very deep pages; a stack of iterators would be slower than this explicit stack.
  const stack: Node[] = [];
  const start = (node: Node) => {
    const kids = childElements(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  };
  if (root.nodeType === 1) {
    const sr = getShadowRoot(root as Element);
    // Light children of root first are pushed, then the shadow root on top so it is visited first.
    start(root);
    if (sr) stack.push(sr);
  } else {
    start(root);
  }
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isShadowRoot(node)) {
      start(node);
      continue;
    }
    const el = node as Element;
    yield el;
    start(el);
    const sr = getShadowRoot(el);
    if (sr) stack.push(sr);
  }
}

/** Every open shadow root under `root` (including root's own), for observers. */
export function deepShadowRoots(root: Root): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const visit = (r: Root) => {
    for (const host of hostsIn(r)) {
      const sr = getShadowRoot(host)!;
      out.push(sr);
      visit(sr);
    }
  };
  if (root.nodeType === 1) {
    const sr = getShadowRoot(root as Element);
    if (sr) {
      out.push(sr);
      visit(sr);
    }
  }
  visit(root);
  return out;
}

const TAG_ONLY = /^[a-zA-Z][\w-]*$/;

/** Whether the document's DOM engine accepts a selector, per document and selector text (see engineAccepts). */
const acceptedSelectors = new WeakMap<Document, Map<string, boolean>>();

/**
 * Does the DOM engine parse `selector`? Asked once per document and selector, of a fresh fragment, never of the
 * element being matched: happy-dom caches a selector that failed to parse in Element.matches as a non-match
 * (21.x: the cache entry is made before parsing), so asking the same element again returns false instead of
 * throwing, until that element changes. A fallback that relied on the throw then saw no match at all on the
 * second extraction of an unchanged element.
 */
function engineAccepts(el: Element, selector: string): boolean {
  const doc = el.ownerDocument;
  let known = acceptedSelectors.get(doc);
  if (!known) {
    known = new Map();
    acceptedSelectors.set(doc, known);
  }
  let ok = known.get(selector);
  if (ok === undefined) {
    try {
      doc.createDocumentFragment().querySelector(selector);
      ok = true;
    } catch {
      ok = false;
    }
    // Adapters' selectors are a fixed set; the bound only matters for callers passing arbitrary ones.
    if (known.size >= 1000) known.clear();
    known.set(selector, ok);
  }
  return ok;
}

function safeMatches(el: Element, selector: string): boolean {
  // A bare tag name is compared directly: faster on big pages, and it works for Salesforce's underscored tags
  // (record_flexipage-record-field) that some DOM implementations' selector parsers reject (happy-dom).
  if (TAG_ONLY.test(selector)) return el.localName === selector.toLowerCase();
  if (engineAccepts(el, selector)) {
    try {
      return el.matches(selector);
    } catch {
      return false;
    }
  }
  // A selector list the engine rejects as a whole: try its members one by one (commas inside quotes or
  // parentheses do not occur in our selectors' lists).
  if (!selector.includes(',')) return false;
  return selector.split(',').some((part) => safeMatches(el, part.trim()));
}

/**
 * Splits "a >>> b" into ["a", "b"]. CSS combinators stop at shadow boundaries; `>>>` (the old shadow-piercing
 * combinator, as in Playwright) means "b anywhere inside a, through shadow roots".
 */
function splitDeep(selector: string): string[] {
  return selector
    .split('>>>')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Shadow hosts per tree, remembered for the duration of one withQueryCache() call: an extraction runs a dozen
 * deep queries over the same unchanged page, and listing the hosts of every tree is most of their cost.
 */
let hostCache: Map<Root, Element[]> | null = null;
/** The shadow index of the page being queried, while withQueryCache() runs with a complete one. */
let activeIndex: ShadowIndex | null = null;

/**
 * Run `fn` (one extraction) with the deep-query cache on. The page must not change inside `fn`; extraction
 * only reads, and runs synchronously, so it cannot.
 *
 * With `index` (complete, see ShadowIndex), the hosts of each tree come from it instead of a walk over every
 * element of the tree.
 */
export function withQueryCache<T>(fn: () => T, index?: ShadowIndex | null): T {
  if (hostCache) return fn();
  hostCache = new Map();
  activeIndex = index?.complete ? index : null;
  // Hosts may have moved or left since the last extraction: their grouping by tree is worked out again.
  activeIndex?.forgetOrder();
  try {
    return fn();
  } finally {
    hostCache = null;
    activeIndex = null;
  }
}

/** Hosts of open shadow roots in `root`'s own tree, in document order (nested roots are not entered). */
function hostsIn(root: Root): Element[] {
  const cached = hostCache?.get(root);
  if (cached) return cached;
  let out = activeIndex?.hostsIn(root) ?? null;
  if (!out) {
    out = [];
    const all = root.querySelectorAll('*');
    for (let i = 0; i < all.length; i++) {
      const el = all[i]!;
      if (getShadowRoot(el)) out.push(el);
    }
  }
  hostCache?.set(root, out);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Shadow index

/** How long a custom element found without a shadow root is checked again (its definition may load later). */
const CANDIDATE_MS = 30_000;
/** Element-scoped queries filter the tree's hosts when there are at most this many; else they walk the scope. */
const FILTER_HOSTS_MAX = 64;

/**
 * Every shadow root of one document (those the resolver reaches, nested ones included), kept up to date from
 * the caller's MutationObserver records rather than found again by listing every element of the page for
 * each extraction: on a 50,000-node page that listing was most of an extraction's cost.
 *
 * - scan() checks the elements not checked yet: the whole document at first, then the subtrees reported by
 *   added() and the trees of newly found shadow roots. With a deadline it stops early and resumes later.
 * - A shadow root attached to an element already in the page makes no mutation record. Custom elements are
 *   where that happens (a definition loaded after the element was parsed): those found without a root are
 *   checked again by refresh() for CANDIDATE_MS.
 * - Hosts that left the document are dropped when the index is read; if they come back, added() sees them.
 * - takeNewRoots() hands each new root once, for the caller's observer (mutations inside a shadow root are
 *   invisible to an observer on the document).
 *
 * The index is used by the deep queries only while complete (nothing left to scan) and only inside
 * withQueryCache(fn, index).
 */
export class ShadowIndex {
  private readonly hosts = new Map<Element, ShadowRoot>();
  private readonly roots = new Set<ShadowRoot>();
  private pending: Root[] = [];
  private cursor: { list: NodeListOf<Element>; i: number } | null = null;
  private readonly candidates = new Map<Element, number>();
  private newRoots: ShadowRoot[] = [];
  private trees: Map<Node, Element[]> | null = null;

  constructor(
    private readonly doc: Document,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.pending.push(doc);
  }

  /** Nothing left to scan: the index holds every root the resolver reaches. */
  get complete(): boolean {
    return this.cursor === null && this.pending.length === 0;
  }

  /** Shadow roots known so far (connected or not). */
  get size(): number {
    return this.hosts.size;
  }

  /** Nodes added to the page (a MutationRecord's addedNodes): their subtrees are scanned next. */
  added(node: Node): void {
    if (node.nodeType === 1) this.pending.push(node as Element);
  }

  /** Scan the whole document again (a flood of mutations whose records were not kept). */
  rescan(): void {
    this.pending = [this.doc];
    this.cursor = null;
  }

  /** Check again the custom elements that had no shadow root yet; forget the hosts that left the page. */
  refresh(): void {
    const t = this.now();
    for (const [el, since] of this.candidates) {
      const sr = el.isConnected ? getShadowRoot(el) : null;
      if (sr) this.addHost(el, sr);
      if (sr || !el.isConnected || t - since > CANDIDATE_MS) this.candidates.delete(el);
    }
  }

  /**
   * Check pending elements until done (true) or until `deadline()` says stop (false; call again later).
   * The deadline is asked every 256 elements.
   */
  scan(deadline?: () => boolean): boolean {
    let k = 0;
    for (;;) {
      if (!this.cursor) {
        const root = this.pending.pop();
        if (!root) return true;
        if (root.nodeType === 1) this.check(root as Element);
        this.cursor = { list: root.querySelectorAll('*'), i: 0 };
      }
      const c = this.cursor;
      while (c.i < c.list.length) {
        this.check(c.list[c.i++]!);
        if ((++k & 255) === 0 && deadline?.()) return this.complete;
      }
      this.cursor = null;
    }
  }

  /** The page may have changed: group the hosts by tree again on the next read. */
  forgetOrder(): void {
    this.trees = null;
  }

  /** Shadow roots found since the last call. */
  takeNewRoots(): ShadowRoot[] {
    const out = this.newRoots;
    this.newRoots = [];
    return out;
  }

  /**
   * Hosts in `root`'s tree (below `root` when it is an element), in document order; null when the index
   * cannot tell (a tree it does not know, or a scope cheaper to walk).
   */
  hostsIn(root: Root): Element[] | null {
    if (!this.complete) return null;
    const trees = this.groups();
    if (root.nodeType !== 1) {
      if (root !== this.doc && !this.roots.has(root as ShadowRoot)) return null;
      return trees.get(root) ?? [];
    }
    const el = root as Element;
    const tree = el.getRootNode();
    if (tree !== this.doc && !this.roots.has(tree as ShadowRoot)) return null;
    const all = trees.get(tree) ?? [];
    if (all.length === 0) return all;
    const whole = el === this.doc.documentElement || el === this.doc.body;
    if (!whole && all.length > FILTER_HOSTS_MAX) return null;
    return all.filter((h) => h !== el && el.contains(h));
  }

  private check(el: Element): void {
    const sr = getShadowRoot(el);
    if (sr) this.addHost(el, sr);
    else if (el.localName.includes('-') && !this.candidates.has(el)) this.candidates.set(el, this.now());
  }

  private addHost(el: Element, sr: ShadowRoot): void {
    if (this.hosts.get(el) === sr) return;
    this.hosts.set(el, sr);
    this.roots.add(sr);
    this.newRoots.push(sr);
    // Its own tree is scanned too: nested hosts.
    this.pending.push(sr);
    this.trees = null;
  }

  /** Connected hosts grouped by tree (the document or a shadow root), each group in document order. */
  private groups(): Map<Node, Element[]> {
    if (this.trees) return this.trees;
    const trees = new Map<Node, Element[]>();
    for (const [host, sr] of this.hosts) {
      if (!host.isConnected) {
        // Gone from the page; added() brings it back if it returns.
        this.hosts.delete(host);
        this.roots.delete(sr);
        continue;
      }
      const tree = host.getRootNode();
      const list = trees.get(tree);
      if (list) list.push(host);
      else trees.set(tree, [host]);
    }
    // 4 = DOCUMENT_POSITION_FOLLOWING: b comes after a.
    for (const list of trees.values())
      if (list.length > 1) list.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
    this.trees = trees;
    return trees;
  }
}

/**
 * Native querySelectorAll in each tree, stitched together in composed order: a host's shadow results come
 * right after the host and before its light children. Returns false when the engine rejects the selector.
 */
function nativeDeep(root: Root, selector: string, out: Element[]): boolean {
  if (root.nodeType === 1) {
    const sr = getShadowRoot(root as Element);
    if (sr && !nativeDeep(sr, selector, out)) return false;
  }
  let hits: NodeListOf<Element>;
  try {
    hits = root.querySelectorAll(selector);
  } catch {
    return false;
  }
  let h = 0;
  for (const host of hostsIn(root)) {
    // 4 = DOCUMENT_POSITION_FOLLOWING: the host comes after the hit (or inside it), so the hit goes first.
    while (h < hits.length && (hits[h] === host || hits[h]!.compareDocumentPosition(host) & 4))
      out.push(hits[h++]!);
    if (!nativeDeep(getShadowRoot(host)!, selector, out)) return false;
  }
  while (h < hits.length) out.push(hits[h++]!);
  return true;
}

/** One selector part, through shadow roots: native where it can, the element walk where the engine refuses. */
function deepSelectPart(root: Root, selector: string): Element[] {
  const out: Element[] = [];
  if (nativeDeep(root, selector, out)) return out;
  // Some DOM implementations reject valid selectors (happy-dom: tag names with "_", record_flexipage-…).
  const slow: Element[] = [];
  for (const el of deepElements(root)) if (safeMatches(el, selector)) slow.push(el);
  return slow;
}

/**
 * querySelectorAll through open shadow roots, in composed order. `a >>> b` finds b inside a across shadow
 * boundaries. An invalid selector yields nothing (adapters must not throw).
 */
export function deepQueryAll<T extends Element = Element>(root: Root, selector: string): T[] {
  const parts = splitDeep(selector);
  if (parts.length === 0) return [];
  let scopes: Root[] = [root];
  for (const part of parts) {
    const seen = new Set<Element>();
    const next: Element[] = [];
    for (const scope of scopes) {
      for (const el of deepSelectPart(scope, part)) {
        if (!seen.has(el)) {
          seen.add(el);
          next.push(el);
        }
      }
    }
    scopes = next;
  }
  return scopes as T[];
}

/** First match of `selector` (see deepQueryAll) through open shadow roots, or null. */
export function deepQuery<T extends Element = Element>(root: Root, selector: string): T | null {
  return deepQueryAll<T>(root, selector)[0] ?? null;
}

/** The first selector of the list that matches anything wins (lists are ordered by UI variant). */
export function deepQueryFirst<T extends Element = Element>(
  root: Root,
  selectors: readonly string[],
): T | null {
  for (const s of selectors) {
    const hit = deepQuery<T>(root, s);
    if (hit) return hit;
  }
  return null;
}

/** All matches of the first selector in the list that matches anything. */
export function deepQueryAllFirst<T extends Element = Element>(
  root: Root,
  selectors: readonly string[],
): T[] {
  for (const s of selectors) {
    const hits = deepQueryAll<T>(root, s);
    if (hits.length > 0) return hits;
  }
  return [];
}

/** The composed parent: the light parent, or the host when `node` is a shadow root's top-level child. */
export function composedParent(node: Node): Element | null {
  const p = node.parentNode;
  if (!p) return null;
  if (isShadowRoot(p)) return p.host;
  return p.nodeType === 1 ? (p as Element) : null;
}

/** `closest` that continues from a shadow root to its host. Includes `el` itself. */
export function closestDeep<T extends Element = Element>(el: Element, selector: string): T | null {
  let cur: Element | null = el;
  while (cur) {
    if (safeMatches(cur, selector)) return cur as T;
    cur = composedParent(cur);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Visible text

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'SVG', 'LINK', 'META', 'HEAD']);
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/**
 * Hidden by a cheap, layout-free test: the `hidden` attribute, an inline `display:none`/`visibility:hidden`,
 * or screen-reader-only text (SLDS `slds-assistive-text`, Aura `assistiveText`: "Open X Preview", "Edit Y").
 * No getComputedStyle: this runs over whole CRM pages on the user's main thread.
 */
export function isHiddenElement(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const cls = el.getAttribute('class');
  if (cls && /(?:^|\s)(?:slds-assistive-text|assistiveText|slds-hide)(?:\s|$)/.test(cls)) return true;
  const style = el.getAttribute('style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  return false;
}

/** True when neither `el` nor any composed ancestor is hidden (see isHiddenElement). */
export function isShown(el: Element): boolean {
  let cur: Element | null = el;
  while (cur) {
    if (isHiddenElement(cur)) return false;
    cur = composedParent(cur);
  }
  return true;
}

/** Nodes a <slot> renders: the host's light children assigned to it, else the slot's fallback content. */
function slotContent(slot: Element): Node[] {
  const root = slot.getRootNode();
  if (!isShadowRoot(root)) return Array.from(slot.childNodes);
  const name = slot.getAttribute('name') ?? '';
  const assigned: Node[] = [];
  // Assignment by the slot attribute, computed here rather than via assignedNodes(): it works the same in
  // every DOM implementation and for hosts whose shadow root came from our resolver.
  for (let c = root.host.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1) {
      if (((c as Element).getAttribute('slot') ?? '') === name) assigned.push(c);
    } else if (c.nodeType === 3 && name === '') {
      assigned.push(c);
    }
  }
  return assigned.length > 0 ? assigned : Array.from(slot.childNodes);
}

function renderText(node: Node, out: string[]): void {
  if (node.nodeType === 3) {
    out.push(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 11) return;
  if (node.nodeType === 1) {
    const el = node as Element;
    if (SKIP_TAGS.has(el.tagName) || isHiddenElement(el)) return;
    const block = BLOCK_TAGS.has(el.tagName.toUpperCase());
    if (block) out.push('\n');
    if (el.tagName === 'SLOT') {
      for (const n of slotContent(el)) renderText(n, out);
    } else {
      const sr = getShadowRoot(el);
      // A shadow host renders its shadow tree; its light children show only where a slot puts them.
      const kids = sr ? sr.childNodes : el.childNodes;
      for (let i = 0; i < kids.length; i++) renderText(kids[i]!, out);
    }
    if (block) out.push('\n');
    return;
  }
  const kids = node.childNodes;
  for (let i = 0; i < kids.length; i++) renderText(kids[i]!, out);
}

/** Collapse runs of spaces within lines and drop empty lines. */
export function normalizeText(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0\u200b]+/g, ' ').trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

/**
 * The text a user sees in `node`, including shadow content and slotted light children, as lines
 * (block elements break lines). Hidden and screen-reader-only text is left out.
 */
export function visibleText(node: Node | null | undefined): string {
  if (!node) return '';
  const out: string[] = [];
  renderText(node, out);
  return normalizeText(out.join(''));
}

/** Visible text as a single line (lines joined with ", " when `joiner` is given, else a space). */
export function visibleLine(node: Node | null | undefined, joiner = ' '): string {
  return visibleText(node).split('\n').join(joiner);
}

/**
 * What a value element shows: the current value of a form control (inline edit: what the rep is typing,
 * which no MutationObserver sees), else its visible text.
 */
export function valueText(el: Element): string {
  const tag = el.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA') return normalizeText((el as HTMLInputElement).value ?? '');
  if (tag === 'SELECT') {
    const sel = el as HTMLSelectElement;
    const opt = sel.options?.[sel.selectedIndex];
    return opt ? normalizeText(opt.text) : '';
  }
  return visibleText(el);
}

/** Text of a host's light children only (what it passes into its slots), not of its own shadow tree. */
export function lightText(el: Element): string {
  const out: string[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) renderText(c, out);
  return normalizeText(out.join(''));
}

// ---------------------------------------------------------------------------------------------------------------
// Label / value

/** One declarative way a CRM lays out "label: value"; adapters list several, one per UI variant. */
export interface FieldLayout {
  /** The UI variant this covers (shown in comments and debug output). */
  variant: string;
  /** Selector for one field's container (searched through shadow roots). */
  item: string;
  /** Label source: an attribute of the item, or a selector searched inside the item (incl. its shadow root). */
  label: { attr: string } | { selector: string };
  /**
   * Value element selectors inside the item (incl. shadow), tried in order. When none matches, the value is the
   * item's light-DOM text (what it slots), and failing that its visible text minus the label.
   */
  value?: readonly string[];
}

export interface FieldHit {
  label: string;
  /** Visible text of the value, lines kept. */
  value: string;
  /** The value element (or the item when no value element was found). */
  element: Element;
  item: Element;
  variant: string;
}

/** Normalize a label for comparison: case, whitespace, trailing colon or asterisk. */
export function normalizeLabel(s: string): string {
  return s
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[:*]+\s*$/, '')
    .trim()
    .toLowerCase();
}

function readLabel(item: Element, spec: FieldLayout['label']): string {
  if ('attr' in spec) return (item.getAttribute(spec.attr) ?? '').trim();
  const el = deepQuery(item, spec.selector);
  if (!el) return '';
  return visibleLine(el) || (el.getAttribute('title') ?? '').trim();
}

/** Read every field of every layout variant under `root`. */
export function readFields(root: Root, layouts: readonly FieldLayout[]): FieldHit[] {
  const hits: FieldHit[] = [];
  // One deep pass for all layouts when the engine takes the selector list (it is the costly part on big pages).
  const simple = layouts.every((l) => !l.item.includes('>>>'));
  const all = simple ? deepQueryAll(root, layouts.map((l) => l.item).join(', ')) : null;
  for (const layout of layouts) {
    const items = all ? all.filter((el) => safeMatches(el, layout.item)) : deepQueryAll(root, layout.item);
    for (const item of items) {
      if (!isShown(item)) continue;
      const label = readLabel(item, layout.label);
      if (!label) continue;
      let valueEl: Element | null = null;
      for (const s of layout.value ?? []) {
        valueEl = deepQuery(item, s);
        if (valueEl) break;
      }
      // No value element: a shadow host shows its value through its slots (light children); a flat item
      // (synthetic shadow seen from an isolated world) holds label and value side by side.
      const hasShadow = !!getShadowRoot(item);
      let value = valueEl ? valueText(valueEl) : hasShadow ? lightText(item) : '';
      if (!value && !valueEl) {
        const all = visibleText(item).split('\n');
        const nl = normalizeLabel(label);
        value = all.filter((l) => normalizeLabel(l) !== nl).join('\n');
      }
      hits.push({ label, value, element: valueEl ?? item, item, variant: layout.variant });
    }
  }
  return hits;
}

/** Fields whose label is one of `labels` (normalized compare), in page order, non-empty values only. */
export function fieldsLabelled(
  fields: readonly FieldHit[],
  labels: readonly (string | RegExp)[],
): FieldHit[] {
  return fields.filter((f) => {
    if (!f.value) return false;
    const nl = normalizeLabel(f.label);
    return labels.some((l) => (typeof l === 'string' ? normalizeLabel(l) === nl : l.test(f.label)));
  });
}

/** The first non-empty value among fields labelled with one of `labels`. */
export function firstValue(
  fields: readonly FieldHit[],
  labels: readonly (string | RegExp)[],
): string | undefined {
  return fieldsLabelled(fields, labels)[0]?.value;
}
