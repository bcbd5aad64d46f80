/**
 * HubSpot, Dynamics 365, Pipedrive and Zoho CRM end to end in real Chromium: each CRM's fixture app served at its
 * real address, screened by the built extension and shown in the side panel. For each CRM a risky deal shows
 * restricted-party / surveillance-item / destination findings, a benign deal (whose timeline or email list
 * mentions watchlisted names and surveillance products) shows none, and moving between records without a page
 * load updates the panel.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type Harness, start } from './harness';

interface Crm {
  name: string;
  risky: string;
  benign: string;
  /** In-app link (CSS selector) from the risky record to the benign one, clicked as the rep would. */
  linkToBenign?: string;
  customer: RegExp;
  benignCustomer: RegExp;
  /** Line items on the risky and the benign deal, once the page has rendered them all. */
  products: number;
  benignProducts: number;
  /** What the risky deal must raise: a product or category per surveillance finding, a country code. */
  item: { category: string; text: RegExp };
  country: string;
  destination: RegExp;
  /** Expect a watchlist (restricted-party) hit on this name. */
  restrictedParty?: RegExp;
  /** Expect a government end-user finding. */
  governmentEndUser?: boolean;
}

const HS = 'https://app.hubspot.com/contacts/21436587/record';
const DYN =
  'https://acme.crm4.dynamics.com/main.aspx?appid=7c1f3b2a-4d5e-4f60-8a9b-0c1d2e3f4a5b&pagetype=entityrecord';
const ZOHO = 'https://crm.zoho.eu/crm/org20071234567/tab';

const CRMS: Crm[] = [
  {
    name: 'HubSpot',
    risky: `${HS}/0-3/18734455102`,
    benign: `${HS}/0-3/18734455199`,
    customer: /Steppe Vision Distribution LLP/,
    products: 3,
    benignProducts: 1,
    benignCustomer: /Northwind Dental Group LLC/,
    item: { category: 'biometric-identification', text: /facial recognition/i },
    country: 'RU',
    destination: /Russia/,
    governmentEndUser: true,
  },
  {
    name: 'Dynamics 365',
    risky: `${DYN}&etn=opportunity&id=3f2a9c1e-7b1d-ef11-840a-000d3ab4c8e1`,
    benign: `${DYN}&etn=opportunity&id=8b6e1d40-2c3a-ef11-840a-000d3ab4c8e2`,
    linkToBenign: 'a[data-id="recent-8b6e1d40-2c3a-ef11-840a-000d3ab4c8e2"]',
    customer: /Tavria Security Solutions LLC/,
    products: 3,
    benignProducts: 2,
    benignCustomer: /Contoso Logistics GmbH/,
    item: { category: 'location-tracking', text: /IMSI catcher/i },
    country: 'UA',
    destination: /Crimea/,
    governmentEndUser: true,
  },
  {
    name: 'Pipedrive',
    risky: 'https://acme.pipedrive.com/deal/1042',
    benign: 'https://acme.pipedrive.com/deal/1077',
    customer: /Novatek Border Systems LLC/,
    products: 2,
    benignProducts: 2,
    benignCustomer: /Lisbon Coffee Roasters Lda/,
    item: { category: 'biometric-identification', text: /gait recognition/i },
    country: 'BY',
    destination: /Belarus/,
    restrictedParty: /Novatek/,
  },
  {
    name: 'Zoho CRM',
    risky: `${ZOHO}/Potentials/512345000000874001`,
    benign: `${ZOHO}/Potentials/512345000000874077`,
    customer: /Levant Data Horizons SARL/,
    products: 3,
    benignProducts: 1,
    benignCustomer: /Hafnia Design ApS/,
    item: { category: 'internet-surveillance', text: /spyware|intrusion/i },
    country: 'SY',
    destination: /Syria/,
    governmentEndUser: true,
  },
];

let h: Harness;
before(async () => {
  h = await start();
});
after(async () => {
  await h?.stop();
});

const findings = (panel: Page, kind: string) => panel.locator(`[data-testid="finding"][data-kind="${kind}"]`);

interface PanelState {
  level: string | null;
  customer: string;
  products: number;
  findings: number;
}

/** What the side panel shows now. */
function panelState(panel: Page): Promise<PanelState> {
  return panel.evaluate(() => ({
    level: document.querySelector('[data-testid="deal-risk"]')?.getAttribute('data-level') ?? null,
    customer: document.querySelector('[data-testid="context-customer"]')?.textContent ?? '',
    products: document.querySelectorAll('[data-testid="context-product"]').length,
    findings: document.querySelectorAll('[data-testid="finding"]').length,
  }));
}

/**
 * Wait until the panel shows the whole record. CRM pages render in steps (line items and association cards
 * arrive last), and the panel follows each step, so a first "ready" may describe a partly rendered record.
 */
async function untilPanel(panel: Page, what: string, ok: (s: PanelState) => boolean): Promise<PanelState> {
  const end = Date.now() + 15000;
  for (;;) {
    const s = await panelState(panel);
    if (ok(s)) return s;
    if (Date.now() > end) throw new Error(`side panel: waited for ${what}, shows ${JSON.stringify(s)}`);
    await panel.waitForTimeout(100);
  }
}

for (const crm of CRMS) {
  test(`${crm.name}: a risky deal shows its customer, the surveillance item and the destination, with findings`, async () => {
    const { tabId } = await h.openCrm(crm.risky);
    await h.waitForStatus(tabId, 'ready');
    const panel = await h.openPanel(tabId);
    await untilPanel(
      panel,
      'the whole risky record',
      (s) => s.level === 'high' && crm.customer.test(s.customer) && s.products === crm.products,
    );
    const countries = await panel
      .getByTestId('context-country')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    assert.ok(countries.includes(crm.country), `countries shown: ${countries.join(',')}`);

    const items = panel.locator(
      `[data-testid="finding"][data-kind="surveillance-item"][data-category="${crm.item.category}"]`,
    );
    assert.ok((await items.count()) >= 1, `a surveillance-item finding in ${crm.item.category}`);
    assert.match((await items.allInnerTexts()).join('\n'), crm.item.text);
    const destination = findings(panel, 'destination');
    assert.ok((await destination.count()) >= 1, 'a destination finding');
    assert.match((await destination.allInnerTexts()).join('\n'), crm.destination);
    if (crm.restrictedParty) {
      const party = findings(panel, 'restricted-party');
      assert.ok((await party.count()) >= 1, 'a restricted-party finding');
      assert.match((await party.allInnerTexts()).join('\n'), crm.restrictedParty);
    }
    if (crm.governmentEndUser) {
      assert.ok((await findings(panel, 'government-end-user').count()) >= 1, 'a government end-user finding');
    }
    // Names that appear only in the record's timeline or email list must not become findings.
    const all = (await panel.getByTestId('finding').allInnerTexts()).join('\n');
    assert.doesNotMatch(all, /Orlo Vantage|Quillmark/);
    assert.ok(Number(await h.badge(tabId)) >= 2, 'the badge counts the findings');
  });

  test(`${crm.name}: a benign deal shows risk none and no findings, whatever its timeline says`, async () => {
    const { tabId } = await h.openCrm(crm.benign);
    await h.waitForStatus(tabId, 'ready');
    const panel = await h.openPanel(tabId);
    const s = await untilPanel(
      panel,
      'the whole benign record',
      (s) => crm.benignCustomer.test(s.customer) && s.products === crm.benignProducts,
    );
    assert.equal(s.level, 'none');
    assert.equal(s.findings, 0);
    assert.equal(await h.badge(tabId), '');
  });

  test(`${crm.name}: moving from the risky deal to the benign one without a page load updates the panel`, async () => {
    const { page, tabId } = await h.openCrm(crm.risky);
    await h.waitForStatus(tabId, 'ready');
    const panel = await h.openPanel(tabId);
    await untilPanel(panel, 'the risky record', (s) => s.level === 'high' && s.products === crm.products);
    const loads: string[] = [];
    page.on('load', () => loads.push(page.url()));
    if (crm.linkToBenign) {
      await page.locator(crm.linkToBenign).click();
    } else {
      const target = new URL(crm.benign);
      await page.evaluate((path) => {
        history.pushState({}, '', path);
        dispatchEvent(new PopStateEvent('popstate', { state: {} }));
      }, target.pathname + target.search);
    }
    assert.equal(page.url(), crm.benign);
    const s = await untilPanel(
      panel,
      'the benign record after navigation',
      (s) => crm.benignCustomer.test(s.customer) && s.products === crm.benignProducts,
    );
    assert.equal(s.level, 'none');
    assert.equal(s.findings, 0);
    assert.deepEqual(loads, [], 'no page load happened');
    assert.equal(await h.badge(tabId), '');
  });
}

test('HubSpot: the association card link opens the company record in place and the panel follows', async () => {
  const { page, tabId } = await h.openCrm(`${HS}/0-3/18734455102`);
  await h.waitForStatus(tabId, 'ready');
  const panel = await h.openPanel(tabId);
  await untilPanel(panel, 'the risky record', (s) => s.level === 'high' && s.products === 3);
  await page.locator('a[data-test-id="associated-record-name"]', { hasText: 'Steppe Vision' }).click();
  assert.equal(page.url(), `${HS}/0-2/9211334455`);
  await panel.waitForFunction(
    () => /Kazakhstan|KZ/.test(document.querySelector('[data-testid="context-country"]')?.textContent ?? ''),
    null,
    { timeout: 10000 },
  );
  assert.match(await panel.getByTestId('context-customer').innerText(), /Steppe Vision Distribution LLP/);
  // The company record sells nothing: the deal's facial recognition is gone; the Russia in its description stays.
  const biometric = panel.locator(
    '[data-testid="finding"][data-kind="surveillance-item"][data-category="biometric-identification"]',
  );
  assert.equal(await biometric.count(), 0);
  assert.match((await findings(panel, 'destination').allInnerTexts()).join('\n'), /Russia/);
});
