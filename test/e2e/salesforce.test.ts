/**
 * The foundation path, end to end in real Chromium: a Salesforce opportunity served at its real address,
 * screened by the built extension, shown in the side panel and counted on the toolbar badge.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Harness, start } from './harness';

const ORG = 'https://acme.lightning.force.com';
const RISKY = `${ORG}/lightning/r/Opportunity/006RISKY000000001AAA/view`;
const BENIGN_PATH = '/lightning/r/Opportunity/006BENIGN00000001AAA/view';

let h: Harness;
before(async () => {
  h = await start();
});
after(async () => {
  await h?.stop();
});

test('a risky opportunity shows the watchlisted customer, the DPI product and the embargoed destination', async () => {
  const { tabId } = await h.openCrm(RISKY);
  await h.waitForStatus(tabId, 'ready');
  const panel = await h.openPanel(tabId);
  const risk = panel.getByTestId('deal-risk');
  await risk.waitFor();
  assert.equal(await risk.getAttribute('data-level'), 'high');
  assert.match(await panel.getByTestId('context-customer').innerText(), /Novatek Border Systems/);
  const products = await panel.getByTestId('context-product').allInnerTexts();
  assert.ok(
    products.some((p) => /DPI/.test(p)),
    `products shown: ${products.join(' | ')}`,
  );
  const countries = await panel
    .getByTestId('context-country')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
  assert.ok(countries.includes('IR'), `countries shown: ${countries.join(',')}`);

  const party = panel.locator('[data-testid="finding"][data-kind="restricted-party"]');
  assert.ok((await party.count()) >= 1, 'a restricted-party finding');
  assert.match(await party.first().innerText(), /Novatek/);
  const item = panel.locator(
    '[data-testid="finding"][data-kind="surveillance-item"][data-category="internet-surveillance"]',
  );
  assert.ok((await item.count()) >= 1, 'a surveillance-item finding in internet surveillance');
  assert.match((await item.allInnerTexts()).join('\n'), /deep packet inspection|DPI/i);
  const destination = panel.locator('[data-testid="finding"][data-kind="destination"]');
  assert.ok((await destination.count()) >= 1, 'a destination finding');
  assert.match((await destination.allInnerTexts()).join('\n'), /Iran/);
  // Each finding shows its evidence and its source.
  for (const text of await panel.getByTestId('finding').allInnerTexts()) assert.match(text, /Source:/);
  assert.ok((await panel.getByTestId('prompt').count()) >= 1, 'due-diligence questions are shown');

  const badge = await h.badge(tabId);
  const state = await h.tabState(tabId);
  const counted = ((state?.result?.findings ?? []) as { severity: string }[]).filter(
    (f) => f.severity === 'high' || f.severity === 'medium',
  );
  assert.equal(badge, String(counted.length));
  assert.ok(Number(badge) >= 3);
});

test('a benign opportunity shows risk none and no findings', async () => {
  const { tabId } = await h.openCrm(`${ORG}${BENIGN_PATH}`);
  await h.waitForStatus(tabId, 'ready');
  const panel = await h.openPanel(tabId);
  await panel.getByTestId('deal-risk').waitFor();
  assert.equal(await panel.getByTestId('deal-risk').getAttribute('data-level'), 'none');
  assert.equal(await panel.getByTestId('finding').count(), 0);
  assert.match(await panel.getByTestId('context-customer').innerText(), /Harbor Freight Logistics/);
  assert.equal(await h.badge(tabId), '');
});

test('moving to another record without a page load screens the new record and drops the old results', async () => {
  const { page, tabId } = await h.openCrm(RISKY);
  await h.waitForStatus(tabId, 'ready');
  const panel = await h.openPanel(tabId);
  const risk = panel.getByTestId('deal-risk');
  await risk.waitFor();
  assert.equal(await risk.getAttribute('data-level'), 'high');
  const loads: string[] = [];
  page.on('load', () => loads.push(page.url()));
  await page.evaluate((path) => {
    history.pushState({}, '', path);
    dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, BENIGN_PATH);
  await panel.waitForFunction(
    () => document.querySelector('[data-testid="deal-risk"]')?.getAttribute('data-level') === 'none',
    null,
    { timeout: 10000 },
  );
  assert.equal(await panel.getByTestId('finding').count(), 0);
  assert.match(await panel.getByTestId('context-customer').innerText(), /Harbor Freight Logistics/);
  assert.deepEqual(loads, [], 'no page load happened');
  assert.equal(await h.badge(tabId), '');
});

test('a Salesforce page with no record on it says there is nothing to screen', async () => {
  const { tabId } = await h.openCrm(`${ORG}/lightning/page/home`);
  await h.waitForStatus(tabId, 'none');
  const panel = await h.openPanel(tabId);
  await panel.getByTestId('nothing-to-screen').waitFor();
  assert.equal(await panel.getByTestId('finding').count(), 0);
});
