/**
 * CRMs not in the registry, end to end in real Chromium: "screen this page" on an unknown site, and a CRM
 * domain the rep added in the options, screened automatically from then on.
 *
 * What is simulated, and why:
 * - activeTab is granted by a click on the toolbar button, which automation cannot do, and the popup cannot be
 *   opened by a click either. So the test sends the popup's own 'screen/tab' message from an extension page
 *   (popup.html opened in a tab) with the CRM tab's id, and the host permission that activeTab would grant for
 *   that one tab is given to the test copy of the extension in its manifest (host_permissions). The background's
 *   injection path (scripting.executeScript of /content-scripts/crm.js) and the content script's fallback to the
 *   generic adapter are real.
 * - permissions.request shows a prompt automation cannot click (checked: it stays pending in headless Chromium;
 *   chrome.developerPrivate.addHostPermission does not grant optional hosts). So the origin's permission is
 *   likewise listed in the test copy's manifest, and the domain is stored in settings as the options page does
 *   after a granted request. Registration (scripting.registerContentScripts on the settings change), injection on
 *   page load, screening and the side panel are real.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Harness } from './harness';

const SELF_HOSTED = 'https://crm.example-selfhosted.test';
const ERP = 'https://erp.acme-intern.de';
const QUOTE = `${SELF_HOSTED}/index.php?module=AOS_Quotes&action=DetailView&record=4f1e2d3c`;
const ANGEBOT = `${ERP}/vertrieb/angebote/AN-2024-0117`;

let h: Harness;
let tmp: string;

before(async () => {
  const built = resolve(
    import.meta.dirname,
    '../..',
    process.env.DEALSCREEN_OUT_DIR ?? '.output',
    'chrome-mv3',
  );
  tmp = mkdtempSync(join(tmpdir(), 'dealscreen-generic-e2e-'));
  cpSync(built, join(tmp, 'chrome-mv3'), { recursive: true });
  const file = join(tmp, 'chrome-mv3', 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { host_permissions?: string[] };
  // The grants automation cannot click (see the header).
  manifest.host_permissions = [...(manifest.host_permissions ?? []), `${SELF_HOSTED}/*`, `${ERP}/*`];
  writeFileSync(file, JSON.stringify(manifest));
  process.env.DEALSCREEN_OUT_DIR = tmp;
  const { start } = await import('./harness');
  h = await start();
});
after(async () => {
  await h?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function setCustomDomains(domains: string[]) {
  await h.worker.evaluate(async (list: string[]) => {
    const raw = (await chrome.storage.local.get('settings')).settings as { data?: object } | undefined;
    const data = {
      threshold: null,
      disabledCategories: [],
      disabledSites: [],
      ...(raw?.data ?? {}),
      customDomains: list,
    };
    await chrome.storage.local.set({ settings: { v: 1, data } });
  }, domains);
}

async function registeredMatches(): Promise<string[]> {
  return h.worker.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []),
  );
}

async function screenThisPage(tabId: number): Promise<{ ok: boolean; error?: string }> {
  const popup = await h.context.newPage();
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
  const reply = await popup.evaluate(
    (id: number) => chrome.runtime.sendMessage({ type: 'screen/tab', payload: { tabId: id } }),
    tabId,
  );
  await popup.close();
  return reply as { ok: boolean; error?: string };
}

test('an unknown CRM is not touched until the rep asks; "screen this page" then screens it with the generic adapter', async () => {
  const { tabId } = await h.openCrm(QUOTE);
  await sleep(1500);
  assert.equal(await h.tabState(tabId), null, 'no content script runs on a site nobody asked for');

  const reply = await screenThisPage(tabId);
  assert.deepEqual(reply, { ok: true });
  await h.waitForStatus(tabId, 'ready', 30000);
  const panel = await h.openPanel(tabId);
  await panel.getByTestId('deal-risk').waitFor();
  assert.match(await panel.getByTestId('context-customer').innerText(), /Orlo Vantage Analytics/);
  const products = await panel.getByTestId('context-product').allInnerTexts();
  assert.ok(
    products.some((p) => /Facial Recognition Server/.test(p)),
    products.join(' | '),
  );
  const countries = await panel
    .getByTestId('context-country')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
  assert.ok(countries.includes('RU'), countries.join(','));
  const party = panel.locator('[data-testid="finding"][data-kind="restricted-party"]');
  assert.ok((await party.count()) >= 1, 'the watchlisted customer is flagged');
  assert.notEqual(await panel.getByTestId('deal-risk').getAttribute('data-level'), 'none');
});

test('"screen this page" on a page that is not a deal says there is nothing to screen', async () => {
  const { tabId } = await h.openCrm(`${SELF_HOSTED}/blog/keep-customers`);
  assert.deepEqual(await screenThisPage(tabId), { ok: true });
  await h.waitForStatus(tabId, 'none', 15000);
});

test('a CRM domain the rep added is screened automatically, open tabs included, until it is removed', async () => {
  const { tabId: before } = await h.openCrm(ANGEBOT);
  await sleep(1500);
  assert.equal(await h.tabState(before), null, 'not screened before the domain is added');

  await setCustomDomains([ERP]);
  for (let i = 0; i < 50 && !(await registeredMatches()).includes(`${ERP}/*`); i++) await sleep(100);
  assert.deepEqual(await registeredMatches(), [`${ERP}/*`]);

  // The tab that was already open starts screening without a reload…
  await h.waitForStatus(before, 'ready', 30000);
  // …and a page opened from now on is screened without clicking anything.
  const { tabId } = await h.openCrm(ANGEBOT);
  await h.waitForStatus(tabId, 'ready', 30000);
  const panel = await h.openPanel(tabId);
  await panel.getByTestId('deal-risk').waitFor();
  assert.match(await panel.getByTestId('context-customer').innerText(), /Caspian Relay Trading/);
  const party = panel.locator('[data-testid="finding"][data-kind="restricted-party"]');
  assert.ok((await party.count()) >= 1, 'the watchlisted customer is flagged');

  // Removing the domain unregisters it: a new page there is left alone.
  await setCustomDomains([]);
  for (let i = 0; i < 50 && (await registeredMatches()).length > 0; i++) await sleep(100);
  assert.deepEqual(await registeredMatches(), []);
  const { tabId: afterRemoval } = await h.openCrm(ANGEBOT);
  await sleep(1500);
  assert.equal(await h.tabState(afterRemoval), null);
});
