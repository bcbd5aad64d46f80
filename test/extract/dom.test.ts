import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import {
  closestDeep,
  deepQuery,
  deepQueryAll,
  deepShadowRoots,
  isShown,
  readFields,
  ShadowIndex,
  setShadowRootResolver,
  visibleLine,
  visibleText,
  withQueryCache,
} from '../../lib/extract/dom';

const windows: Window[] = [];
afterEach(async () => {
  setShadowRootResolver(null);
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

/** Build a document; `shadow` maps an element id to the markup of its open shadow root (test-only markup). */
function page(body: string, shadow: Record<string, string> = {}): Document {
  const win = new Window({ url: 'https://example.test/' });
  windows.push(win);
  const doc = win.document as unknown as Document;
  doc.body.innerHTML = body;
  // Attach in document order so nested ids inside shadow markup can be attached too.
  for (const [id, html] of Object.entries(shadow)) {
    const host = deepQuery(doc, `#${id}`);
    if (!host) throw new Error(`no #${id}`);
    host.attachShadow({ mode: 'open' }).innerHTML = html;
  }
  return doc;
}

describe('deep query', () => {
  it('finds elements inside nested open shadow roots, in composed order', () => {
    const doc = page(
      '<p class="x" id="a">a</p><div id="h1"><p class="x" id="d">d</p></div><p class="x" id="e">e</p>',
      {
        h1: '<p class="x" id="b">b</p><div id="h2"></div>',
        h2: '<p class="x" id="c">c</p>',
      },
    );
    expect(doc.querySelectorAll('.x')).toHaveLength(3);
    expect(deepQueryAll(doc, '.x').map((e) => e.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(deepQuery(doc, '#c')?.textContent).toBe('c');
    expect(deepShadowRoots(doc.documentElement)).toHaveLength(2);
  });

  it('a >>> b crosses shadow boundaries; plain combinators do not', () => {
    const doc = page('<section id="s"><div id="h"></div></section>', {
      h: '<article aria-label="Products">x</article>',
    });
    expect(deepQueryAll(doc, 'section article')).toHaveLength(0);
    expect(deepQueryAll(doc, 'section >>> article[aria-label]')).toHaveLength(1);
  });

  it('an invalid selector yields nothing instead of throwing', () => {
    const doc = page('<p>x</p>');
    expect(deepQueryAll(doc, 'p[')).toEqual([]);
    expect(deepQuery(doc, '!!')).toBeNull();
  });

  it('a selector list the engine rejects is tried member by member, every time on the same elements', () => {
    // happy-dom rejects underscored tag names (valid CSS) and caches a failed Element.matches as a non-match:
    // relying on matches() to throw found the items on the first extraction and nothing on the next.
    const doc = page('<div id="h"></div><rec-item id="x"></rec-item>', { h: '<rec-item id="y"></rec-item>' });
    const list = 'rec-item, record_flexipage-record-field';
    const ids = () => withQueryCache(() => deepQueryAll(doc, list).map((e) => e.id));
    expect(ids()).toEqual(['y', 'x']);
    expect(ids()).toEqual(['y', 'x']);
    const inner = deepQuery(doc, '#y')!;
    expect(closestDeep(inner, list)?.id).toBe('y');
    expect(closestDeep(inner, list)?.id).toBe('y');
  });

  it('closestDeep continues from a shadow root to its host', () => {
    const doc = page('<records-item field-label="End User" id="h"></records-item>', {
      h: '<span id="in">x</span>',
    });
    const inner = deepQuery(doc, '#in')!;
    expect(inner.closest('records-item')).toBeNull();
    expect(closestDeep(inner, 'records-item')?.getAttribute('field-label')).toBe('End User');
  });

  it('can use a resolver for closed shadow roots', () => {
    const doc = page('<div id="h"></div>');
    const host = doc.getElementById('h')!;
    const closed = host.attachShadow({ mode: 'closed' });
    closed.innerHTML = '<b class="secret">closed</b>';
    expect(deepQuery(doc, '.secret')).toBeNull();
    setShadowRootResolver((el) => (el === host ? closed : el.shadowRoot));
    expect(deepQuery(doc, '.secret')?.textContent).toBe('closed');
  });
});

describe('visible text', () => {
  it('renders shadow content, slotted light children at their slots, and lines for blocks', () => {
    const doc = page('<x-card id="h"><span slot="title">Products</span>light <b>default</b></x-card>', {
      h: '<header><slot name="title"></slot></header><div class="body"><slot></slot></div><slot name="none">fallback</slot>',
    });
    expect(visibleText(doc.getElementById('h'))).toBe('Products\nlight default\nfallback');
  });

  it('skips hidden, assistive, script and style text', () => {
    const doc = page(
      '<div id="v">Novatek <span class="slds-assistive-text">Open Novatek Preview</span><span hidden>x</span>' +
        '<span style="display: none">y</span><script>var z</script><style>.a{}</style>Systems</div>',
    );
    expect(visibleText(doc.getElementById('v'))).toBe('Novatek Systems');
  });

  it('keeps address lines and joins them on demand', () => {
    const doc = page('<div id="a"><div>Street 1</div><div>Dubai</div><div>United Arab Emirates</div></div>');
    expect(visibleText(doc.getElementById('a'))).toBe('Street 1\nDubai\nUnited Arab Emirates');
    expect(visibleLine(doc.getElementById('a'), ', ')).toBe('Street 1, Dubai, United Arab Emirates');
  });

  it('isShown looks at composed ancestors', () => {
    const doc = page('<div hidden><div id="h"></div></div>', { h: '<p id="p">x</p>' });
    expect(isShown(deepQuery(doc, '#p')!)).toBe(false);
  });
});

describe('readFields', () => {
  it('reads label/value pairs by layout variant', () => {
    const doc = page(
      '<rec-item field-label="End User" id="i1"><div slot="out">Ministry of Interior</div></rec-item>' +
        '<rec-item field-label="Empty" id="i2"></rec-item>' +
        '<out-field id="o"></out-field>',
      {
        i1: '<span class="label">End User</span><button><span class="slds-assistive-text">Edit End User</span></button><slot name="out"></slot>',
        i2: '<span class="label">Empty</span>',
        o: '<span class="lbl">Billing Address</span><fmt-address><div>Tehran</div><div>Iran</div></fmt-address>',
      },
    );
    const fields = readFields(doc, [
      { variant: 'attr', item: 'rec-item', label: { attr: 'field-label' }, value: ["[slot='out']"] },
      { variant: 'shadow label', item: 'out-field', label: { selector: '.lbl' }, value: ['fmt-address'] },
    ]);
    expect(fields.map((f) => [f.label, f.value, f.variant])).toEqual([
      ['End User', 'Ministry of Interior', 'attr'],
      ['Empty', '', 'attr'],
      ['Billing Address', 'Tehran\nIran', 'shadow label'],
    ]);
  });
});

describe('shadow index', () => {
  it('knows every root, nested ones too, and the deep queries give the same answers with it', () => {
    const doc = page(
      '<p class="x" id="a">a</p><div id="h1"><p class="x" id="d">d</p></div><p class="x" id="e">e</p>',
      {
        h1: '<p class="x" id="b">b</p><div id="h2"></div>',
        h2: '<p class="x" id="c">c</p>',
      },
    );
    const index = new ShadowIndex(doc);
    expect(index.scan()).toBe(true);
    expect(index.complete).toBe(true);
    expect(index.takeNewRoots()).toHaveLength(2);
    expect(index.takeNewRoots()).toHaveLength(0);
    const without = deepQueryAll(doc, '.x').map((e) => e.id);
    const withIndex = withQueryCache(() => deepQueryAll(doc, '.x').map((e) => e.id), index);
    expect(withIndex).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(withIndex).toEqual(without);
    // Element scopes and the roots list too.
    const h1 = doc.getElementById('h1')!;
    expect(withQueryCache(() => deepQueryAll(h1, '.x').map((e) => e.id), index)).toEqual(['b', 'c', 'd']);
    expect(withQueryCache(() => deepShadowRoots(doc.documentElement), index)).toHaveLength(2);
  });

  it('scans in slices when given a deadline, and is not used before it is complete', () => {
    const doc = page(`${'<span></span>'.repeat(1000)}<div id="h"></div>`, { h: '<b class="x">in</b>' });
    const index = new ShadowIndex(doc);
    let steps = 0;
    while (!index.scan(() => true)) steps++;
    expect(steps).toBeGreaterThan(2);
    expect(index.takeNewRoots()).toHaveLength(1);
    const incomplete = new ShadowIndex(doc);
    incomplete.scan(() => true);
    // Half-scanned: the deep query walks the page itself and still finds the shadow content.
    expect(withQueryCache(() => deepQueryAll(doc, '.x'), incomplete)).toHaveLength(1);
  });

  it('picks up added hosts, drops removed ones, and finds a root attached after the element arrived', () => {
    const doc = page('<div id="keep"></div>');
    const index = new ShadowIndex(doc);
    index.scan();
    // A host added with its root (a component created, then inserted).
    const host = doc.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<i class="x">added</i>';
    doc.body.append(host);
    index.added(host);
    expect(index.complete).toBe(false);
    index.scan();
    expect(index.takeNewRoots()).toEqual([host.shadowRoot]);
    expect(withQueryCache(() => deepQueryAll(doc, '.x').map((e) => e.textContent), index)).toEqual(['added']);
    // A custom element whose definition loads later: its root comes with no mutation on the page.
    const late = doc.createElement('x-late');
    doc.body.append(late);
    index.added(late);
    index.scan();
    late.attachShadow({ mode: 'open' }).innerHTML = '<i class="x">late</i>';
    index.refresh();
    index.scan();
    expect(index.takeNewRoots()).toEqual([late.shadowRoot]);
    expect(withQueryCache(() => deepQueryAll(doc, '.x').map((e) => e.textContent), index)).toEqual([
      'added',
      'late',
    ]);
    // Removed: its content is no longer found.
    host.remove();
    expect(withQueryCache(() => deepQueryAll(doc, '.x').map((e) => e.textContent), index)).toEqual(['late']);
    expect(deepQueryAll(doc, '.x').map((e) => e.textContent)).toEqual(['late']);
  });
});
