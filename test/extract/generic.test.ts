import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { withQueryCache } from '../../lib/extract/dom';
import { dealHeadingKind, labelKind, normalizeLabelText } from '../../lib/extract/generic/labels';
import { adapterFor } from '../../lib/extract/registry';
import { extractGeneric, generic, genericMutationsMatter } from '../../lib/extract/sites/generic';
import { DealContext } from '../../lib/model';

const windows: Window[] = [];
afterEach(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

function page(body: string, url = 'https://crm.example-selfhosted.test/records/42'): Document {
  const win = new Window({ url });
  windows.push(win);
  win.document.body.innerHTML = body;
  return win.document as unknown as Document;
}

const extract = (doc: Document) =>
  withQueryCache(() => generic.extract(doc, new URL(doc.defaultView?.location.href ?? 'https://x.test/')));

describe('generic labels', () => {
  it('matches whole labels in English, German, French and Spanish, whatever the case, accents and punctuation', () => {
    expect(normalizeLabelText('  Endkunde: ')).toBe('endkunde');
    expect(normalizeLabelText('Dirección de envío *')).toBe('direccion de envio');
    expect(normalizeLabelText('Utilisateur final (obligatoire)')).toBe('utilisateur final');
    const cases: [string, string][] = [
      ['Account', 'customer'],
      ['Kunde', 'customer'],
      ['Client :', 'customer'],
      ['Cliente', 'customer'],
      ['End User Name', 'end-user'],
      ['ENDVERWENDER', 'end-user'],
      ['Utilisateur final', 'end-user'],
      ['Usuario final', 'end-user'],
      ['Distributor', 'intermediary'],
      ['Händler', 'intermediary'],
      ['Distributeur', 'intermediary'],
      ['Distribuidor', 'intermediary'],
      ['Ship to', 'address'],
      ['Lieferadresse', 'address'],
      ['Adresse de livraison', 'address'],
      ['Dirección de envío', 'address'],
      ['Country', 'country'],
      ['Land', 'country'],
      ['Pays', 'country'],
      ['País', 'country'],
      ['Product', 'product'],
      ['Artikel', 'product'],
      ['Produit', 'product'],
      ['Producto', 'product'],
    ];
    for (const [label, kind] of cases) expect(labelKind(label), label).toBe(kind);
    // Sentences and other fields are not labels.
    for (const text of ['Customer success stories', 'Account executive', 'Kundennummer', 'Products we love'])
      expect(labelKind(text), text).toBeNull();
  });

  it('knows deal-like headings', () => {
    expect(dealHeadingKind('Opportunity: Border Upgrade')).toBe('opportunity');
    expect(dealHeadingKind('Angebot AN-2024-0117')).toBe('quote');
    expect(dealHeadingKind('Devis n° 2024-31')).toBe('quote');
    expect(dealHeadingKind('Presupuesto #88')).toBe('quote');
    expect(dealHeadingKind('Deal 4711')).toBe('deal');
    expect(dealHeadingKind('Dealing with difficult customers')).toBeNull();
    expect(dealHeadingKind('Offers and discounts')).toBeNull();
  });
});

describe('generic adapter', () => {
  it('is the fallback for hosts not in the registry, never for registry hosts', () => {
    expect(adapterFor('https://crm.example-selfhosted.test/x')).toBeNull();
    expect(adapterFor('https://crm.example-selfhosted.test/x', { fallback: true })?.id).toBe('generic');
    expect(adapterFor('https://acme.lightning.force.com/lightning/page/home', { fallback: true })?.id).toBe(
      'salesforce',
    );
  });

  it('reads form layouts: label wrapping its control, label next to a wrapped control, inline "Label: value"', () => {
    const doc = page(`
      <h1>Opportunity 4711</h1>
      <label>Customer <input value="Novatek Border Systems"></label>
      <div class="row"><label class="col-sm-2">End user</label><div class="col-sm-10"><input value="Cyber Police"></div></div>
      <p><b>Distributor:</b> Gulf Secure Trading FZE</p>
      <p>Country: Iran</p>
      <p>Product: NetProbe DPI Appliance 40G</p>`);
    const ctx = extract(doc);
    expect(ctx).not.toBeNull();
    expect(DealContext.safeParse(ctx).success).toBe(true);
    expect(ctx?.customer).toBe('Novatek Border Systems');
    expect(ctx?.parties.map((p) => [p.role, p.name])).toEqual([
      ['customer', 'Novatek Border Systems'],
      ['end-user', 'Cyber Police'],
      ['intermediary', 'Gulf Secure Trading FZE'],
    ]);
    expect(ctx?.countries.map((c) => c.code)).toEqual(['IR']);
    expect(ctx?.products).toEqual([{ name: 'NetProbe DPI Appliance 40G' }]);
    expect(ctx?.title).toBe('Opportunity 4711');
    expect(ctx?.pageKind).toBe('opportunity');
  });

  it('needs strong evidence: a customer alone, or products and a country without a customer, are not a deal', () => {
    expect(extract(page('<dl><dt>Customer</dt><dd>Acme GmbH</dd></dl>'))).toBeNull();
    expect(
      extract(page('<dl><dt>Product</dt><dd>Thermal camera</dd><dt>Country</dt><dd>Iran</dd></dl>')),
    ).toBeNull();
    expect(extract(page('<h1>Weekly report</h1><p>Our customer in Iran bought a DPI box.</p>'))).toBeNull();
    // Customer + product: a deal.
    expect(
      extract(page('<dl><dt>Customer</dt><dd>Acme GmbH</dd><dt>Product</dt><dd>Thermal camera</dd></dl>'))
        ?.customer,
    ).toBe('Acme GmbH');
    // A deal-like heading and a product: a deal without a customer yet (a new quote being filled in).
    const q = extract(
      page(
        '<h2>Quote Q-17</h2><table><tr><th>Item</th><th>Qty</th></tr><tr><td>DPI box</td><td>1</td></tr></table>',
      ),
    );
    expect(q?.products).toEqual([{ name: 'DPI box' }]);
    expect(q?.pageKind).toBe('quote');
  });

  it('does not take the next label for an empty field, nor placeholders for values', () => {
    const ctx = extract(
      page(`<dl><dt>Customer</dt><dd>Acme GmbH</dd><dt>End user</dt><dd>—</dd><dt>Ship to</dt><dd>Dubai, United Arab Emirates</dd></dl>
            <div><span>Distributor</span><span>Country</span></div>`),
    );
    expect(ctx?.parties.map((p) => p.role)).toEqual(['customer']);
    expect(ctx?.countries.map((c) => c.code)).toEqual(['AE']);
  });

  it('reads open shadow roots', () => {
    const doc = page('<crm-record></crm-record>');
    const host = doc.querySelector('crm-record')!;
    const sr = host.attachShadow({ mode: 'open' });
    sr.innerHTML =
      '<div class="f"><span>Kunde</span><span>Caspian Relay Trading FZE</span></div><div class="f"><span>Lieferadresse</span><span>Dubai, United Arab Emirates</span></div>';
    const ctx = extract(doc);
    expect(ctx?.customer).toBe('Caspian Relay Trading FZE');
    expect(ctx?.countries.map((c) => c.code)).toEqual(['AE']);
  });

  it('reads what the rep is typing (form control values, not attributes)', () => {
    const doc = page(
      '<h1>Angebot AN-1</h1><label for="k">Kunde</label><input id="k" value="Alt GmbH"><label for="l">Land</label><input id="l" value="Germany">',
    );
    (doc.getElementById('k') as HTMLInputElement).value = 'Novatek Border Systems';
    expect(extract(doc)?.customer).toBe('Novatek Border Systems');
  });

  it('copes with a huge page: the walk is capped and reported, and a deal near the top is still read', () => {
    const filler = Array.from(
      { length: 1500 },
      (_, i) => `<div class="row"><span>Item ${i}</span><span>Value ${i}</span><span>note</span></div>`,
    ).join('');
    const deal =
      '<h1>Opportunity: Big</h1><dl><dt>Customer</dt><dd>Acme GmbH</dd><dt>Country</dt><dd>Iran</dd></dl>';
    const limits = { maxTextNodes: 2000, maxFields: 300, maxRows: 300, maxValueChars: 4000 };

    const top = page(`${deal}${filler}`);
    const r1 = extractGeneric(top, new URL('https://crm.example-selfhosted.test/opportunities/1'), {
      limits,
    });
    expect(r1.scan.truncated).toBe(true);
    expect(r1.scan.walked).toBeLessThanOrEqual(limits.maxTextNodes + 1);
    expect(r1.context?.customer).toBe('Acme GmbH');

    // Beyond the cap: not read at all (bounded cost beats completeness on a page this size).
    const bottom = page(`${filler}${deal}`);
    const r2 = extractGeneric(bottom, new URL('https://crm.example-selfhosted.test/opportunities/1'), {
      limits,
    });
    expect(r2.scan.truncated).toBe(true);
    expect(r2.context).toBeNull();
  });

  it('keeps a bounded amount of text', () => {
    const long = 'x'.repeat(30_000);
    const ctx = extract(
      page(
        `<dl><dt>Customer</dt><dd>Acme GmbH</dd><dt>Country</dt><dd>Iran</dd><dt>Description</dt><dd>${long}</dd><dt>Notes</dt><dd>${long}</dd></dl>`,
      ),
    );
    const kept = (ctx?.text ?? []).reduce((n, t) => n + t.value.length, 0);
    expect(kept).toBeLessThanOrEqual(20_000);
    expect(DealContext.safeParse(ctx).success).toBe(true);
  });

  it('takes ids and kinds from common CRM URLs', () => {
    const cases: [string, string, string | undefined][] = [
      ['https://espo.acme.test/#Opportunity/view/6650a1c2', 'opportunity', '6650a1c2'],
      [
        'https://crm.example-selfhosted.test/index.php?module=AOS_Quotes&action=DetailView&record=4f1e',
        'quote',
        '4f1e',
      ],
      ['https://crm.example-selfhosted.test/admin/leads/view/7', 'deal', '7'],
      ['https://erp.acme-intern.de/vertrieb/angebote/AN-2024-0117', 'quote', 'AN-2024-0117'],
      ['https://crm.example-selfhosted.test/accounts/88', 'account', '88'],
    ];
    for (const [url, kind, id] of cases) {
      const doc = page('<dl><dt>Customer</dt><dd>Acme GmbH</dd><dt>Country</dt><dd>Iran</dd></dl>', url);
      const ctx = extract(doc);
      expect([ctx?.pageKind, ctx?.recordId], url).toEqual([kind, id]);
    }
  });
});

describe('generic adapter: which mutations matter', () => {
  it('ignores a clock and an activity feed, reacts to the fields, tables and new labels it reads', async () => {
    const win = new Window({ url: 'https://crm.example-selfhosted.test/quotes/1' });
    windows.push(win);
    const doc = win.document as unknown as Document;
    doc.body.innerHTML = `<span id="clock">10:00</span><div id="feed"></div>
      <h1>Quote Q-1</h1><dl><dt>Customer</dt><dd id="c">Acme GmbH</dd><dt>Country</dt><dd>Iran</dd></dl>
      <table><tr><th>Product</th></tr><tbody id="lines"><tr><td>DPI box</td></tr></tbody></table>`;
    expect(extract(doc)?.customer).toBe('Acme GmbH');
    const records: MutationRecord[] = [];
    const mo = new win.MutationObserver((rs) => records.push(...(rs as unknown as MutationRecord[])));
    mo.observe(win.document, { subtree: true, childList: true, characterData: true, attributes: true });
    const batch = async (change: () => void) => {
      records.length = 0;
      change();
      await new Promise((r) => setTimeout(r, 0));
      return genericMutationsMatter(records, doc);
    };
    expect(await batch(() => (doc.getElementById('clock')!.textContent = '10:01'))).toBe(false);
    expect(
      await batch(() => {
        const e = doc.createElement('div');
        e.innerHTML = '<b>Rep 1</b> viewed the quote <time>10:01</time>';
        doc.getElementById('feed')!.prepend(e);
      }),
    ).toBe(false);
    expect(await batch(() => (doc.getElementById('c')!.textContent = 'Novatek'))).toBe(true);
    expect(
      await batch(() => {
        const tr = doc.createElement('tr');
        tr.innerHTML = '<td>IMSI catcher</td>';
        doc.getElementById('lines')!.append(tr);
      }),
    ).toBe(true);
    expect(
      await batch(() => {
        const p = doc.createElement('p');
        p.textContent = 'End user: Cyber Police';
        doc.getElementById('feed')!.append(p);
      }),
    ).toBe(true);
    mo.disconnect();
  });
});
