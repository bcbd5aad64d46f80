/**
 * Salesforce adapter beyond the frozen fixtures: URL detection, and the DOM variants the fixtures do not
 * cover (flat DOM as LWC's synthetic shadow shows it to an isolated-world content script, Dynamic Forms,
 * lightning-output-field, a hidden cached page, a page still rendering).
 */
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { deepQuery } from '../../lib/extract/dom';
import { detectPage } from '../../lib/extract/site-adapter';
import { salesforce } from '../../lib/extract/sites/salesforce';

const ORG = 'https://acme.lightning.force.com';
const OPP = `${ORG}/lightning/r/Opportunity/006RISKY000000001AAA/view`;

const windows: Window[] = [];
afterEach(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

function page(url: string, body: string, shadow: Record<string, string> = {}): Document {
  const win = new Window({ url });
  windows.push(win);
  const doc = win.document as unknown as Document;
  doc.body.innerHTML = body;
  for (const [sel, html] of Object.entries(shadow)) {
    const host = deepQuery(doc, sel);
    if (!host) throw new Error(`no ${sel}`);
    host.attachShadow({ mode: 'open' }).innerHTML = html;
  }
  return doc;
}

const extract = (doc: Document, url: string) => salesforce.extract(doc, new URL(url));

describe('salesforce page kinds', () => {
  const kind = (u: string) => detectPage(salesforce, new URL(u));
  it('recognises opportunity and account record pages', () => {
    expect(kind(OPP)).toEqual({ pageKind: 'opportunity', recordId: '006RISKY000000001AAA' });
    expect(kind(`${ORG}/lightning/r/Account/0015g00000XyZabAAB/view?ws=1`)).toEqual({
      pageKind: 'account',
      recordId: '0015g00000XyZabAAB',
    });
    expect(kind(`${ORG}/lightning/r/0065g00000AbCdE/view`)).toEqual({
      pageKind: 'opportunity',
      recordId: '0065g00000AbCdE',
    });
  });
  it('ignores pages that are not an opportunity or account record', () => {
    for (const u of [
      `${ORG}/lightning/page/home`,
      `${ORG}/lightning/o/Opportunity/list?filterName=Recent`,
      `${ORG}/lightning/r/Opportunity/006RISKY000000001AAA/related/OpportunityLineItems/view`,
      `${ORG}/lightning/r/Contact/0035g00000AbCdEAAA/view`,
      `${ORG}/lightning/r/0035g00000AbCdEAAA/view`,
      `${ORG}/lightning/r/Opportunity/short/view`,
    ]) {
      expect(kind(u), u).toBeNull();
    }
  });
});

/** The record page as the isolated world sees it under LWC synthetic shadow: one flat tree. */
const FLAT = `
<div class="oneContent active">
  <records-lwc-highlights-panel><records-lwc-record-layout><div class="forcegenerated-record-layout2">
    <records-highlights2>
      <div class="entityNameTitle">Opportunity</div>
      <slot name="primaryField" slot="primaryField"><lightning-formatted-text>Flat Deal</lightning-formatted-text></slot>
      <records-highlights-details-item slot="secondaryFields">
        <p class="slds-text-title" title="Account Name">Account Name</p>
        <p class="fieldComponent"><force-lookup><a href="/lightning/r/Account/001A/view">Acme Flat Ltd<span class="slds-assistive-text">Open Acme Flat Ltd Preview</span></a></force-lookup></p>
      </records-highlights-details-item>
    </records-highlights2>
  </div></records-lwc-record-layout></records-lwc-highlights-panel>
  <records-record-layout-item field-label="Reseller">
    <span class="test-id__field-label">Reseller</span>
    <div slot="outputField"><force-lookup><a href="#">Channel One GmbH</a></force-lookup></div>
    <button class="inline-edit-trigger"><span class="slds-assistive-text">Edit Reseller</span></button>
  </records-record-layout-item>
  <records-record-layout-item field-label="Shipping Address">
    <div slot="outputField"><lightning-formatted-address><a><div class="slds-truncate">Tverskaya 1</div><div class="slds-truncate">Moscow 125009</div><div class="slds-truncate">Russian Federation</div></a></lightning-formatted-address></div>
  </records-record-layout-item>
  <lst-related-list-single-container><article aria-label="Opportunity Products" class="slds-card">
    <table><thead><tr><th aria-label="Product Name">Product Name</th><th aria-label="Product Description">Product Description</th></tr></thead>
    <tbody><tr><th scope="row">Thermal Camera T9</th><td>Long-range thermal imaging</td></tr></tbody></table>
  </article></lst-related-list-single-container>
</div>`;

describe('salesforce extraction variants', () => {
  it('reads the flat DOM of synthetic shadow (header-less table columns, country aliases)', () => {
    const ctx = extract(page(OPP, FLAT), OPP)!;
    expect(ctx.title).toBe('Flat Deal');
    expect(ctx.customer).toBe('Acme Flat Ltd');
    expect(ctx.parties).toEqual([
      { name: 'Acme Flat Ltd', role: 'customer', label: 'Account Name' },
      { name: 'Channel One GmbH', role: 'intermediary', label: 'Reseller' },
    ]);
    expect(ctx.products).toEqual([{ name: 'Thermal Camera T9', description: 'Long-range thermal imaging' }]);
    expect(ctx.countries).toEqual([
      { code: 'RU', name: 'Russia', source: 'shipping address', evidence: 'Russian Federation' },
    ]);
  });

  it('reads Dynamic Forms fields and lightning-output-field, labels inside shadow roots', () => {
    const doc = page(
      OPP,
      `<records-highlights2><div slot="primaryField">Dynamic Deal</div></records-highlights2>
       <record_flexipage-record-field id="f1"><div slot="outputField"><span>Acme Dynamic SA</span></div></record_flexipage-record-field>
       <record_flexipage-record-field id="f2"><div slot="outputField"><span>Border Guard Service</span></div></record_flexipage-record-field>
       <lightning-output-field id="f3"></lightning-output-field>`,
      {
        '#f1':
          '<div class="slds-form-element"><span class="test-id__field-label">Account Name</span><slot name="outputField"></slot></div>',
        '#f2':
          '<div class="slds-form-element"><span class="test-id__field-label">End Customer</span><slot name="outputField"></slot></div>',
        '#f3':
          '<span class="slds-form-element__label">Next Step</span><lightning-formatted-text>Call the ministry</lightning-formatted-text>',
      },
    );
    const ctx = extract(doc, OPP)!;
    expect(ctx.customer).toBe('Acme Dynamic SA');
    expect(ctx.parties.map((p) => [p.name, p.role])).toEqual([
      ['Acme Dynamic SA', 'customer'],
      ['Border Guard Service', 'end-user'],
    ]);
    expect(ctx.text).toEqual([{ label: 'Next Step', value: 'Call the ministry' }]);
  });

  it('reads what the rep is typing in an inline-edit field', () => {
    const doc = page(
      OPP,
      `<records-highlights2><div slot="primaryField">Edited Deal</div></records-highlights2>
       <records-record-layout-item field-label="End User" id="e"><div slot="inputField"><lightning-input id="li"></lightning-input></div></records-record-layout-item>`,
      {
        '#e': '<span class="test-id__field-label">End User</span><slot name="inputField"></slot>',
        '#li': '<label>End User</label><input type="text">',
      },
    );
    const input = deepQuery<HTMLInputElement>(doc, '#li >>> input')!;
    input.value = 'State Security Service';
    expect(extract(doc, OPP)!.parties).toEqual([
      { name: 'State Security Service', role: 'end-user', label: 'End User' },
    ]);
  });

  it('reads only the active page when Lightning keeps a previous record mounted', () => {
    const doc = page(
      OPP,
      `<div class="oneContent"><records-highlights2><div slot="primaryField">Old Deal</div></records-highlights2>
         <records-record-layout-item field-label="Account Name"><div slot="outputField">Old Customer</div></records-record-layout-item></div>
       <div class="oneContent active"><records-highlights2><div slot="primaryField">New Deal</div></records-highlights2></div>`,
    );
    const ctx = extract(doc, OPP)!;
    expect(ctx.title).toBe('New Deal');
    expect(ctx.customer).toBeUndefined();
    expect(JSON.stringify(ctx)).not.toContain('Old');
  });

  it('returns null while the record page has not rendered, and on unknown pages', () => {
    expect(extract(page(OPP, '<div class="oneContent active"></div>'), OPP)).toBeNull();
    const home = `${ORG}/lightning/page/home`;
    expect(extract(page(home, FLAT), home)).toBeNull();
  });
});
