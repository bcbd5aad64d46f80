/**
 * Accessibility of the extension's pages in real Chromium, with axe-core: the side panel (risky and benign
 * deals, a dismissal form open), the popup with results, the options page and the printable record, in
 * light and dark. No serious or critical violation is allowed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type Harness, start } from './harness';

const ORG = 'https://acme.lightning.force.com';
const RISKY = `${ORG}/lightning/r/Opportunity/006RISKY000000001AAA/view`;
const BENIGN = `${ORG}/lightning/r/Opportunity/006BENIGN00000001AAA/view`;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let h: Harness;
before(async () => {
  h = await start();
});
after(async () => {
  await h?.stop();
});

/** Extension pages' CSP blocks inline script tags, so axe's source is evaluated (CDP is not bound by CSP). */
async function axe(page: Page): Promise<Violation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE);
  const results = await page.evaluate(() =>
    (
      window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } }
    ).axe.run(document, { resultTypes: ['violations'] }),
  );
  return results.violations;
}

async function assertAccessible(page: Page, what: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const violations = await axe(page);
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const minor = violations.filter((v) => !serious.includes(v));
    if (minor.length)
      console.log(`# ${what} (${scheme}): minor: ${minor.map((v) => `${v.id} (${v.impact})`).join(', ')}`);
    assert.deepEqual(
      serious.map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} at ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      ),
      [],
      `${what} in ${scheme} theme`,
    );
  }
}

async function panelFor(url: string): Promise<Page> {
  const { tabId } = await h.openCrm(url);
  await h.waitForStatus(tabId, 'ready');
  const panel = await h.openPanel(tabId);
  await panel.getByTestId('deal-risk').waitFor();
  return panel;
}

test('side panel on the risky deal, with a dismissal form open and an answer given', async () => {
  const panel = await panelFor(RISKY);
  await panel.getByTestId('checklist').waitFor();
  await panel.getByTestId('answer-no').first().check();
  await panel.getByTestId('dismiss-button').first().click();
  await panel.getByTestId('dismiss-note').waitFor();
  await assertAccessible(panel, 'side panel (risky)');
});

test('side panel on the benign deal and on a page with nothing to screen', async () => {
  await assertAccessible(await panelFor(BENIGN), 'side panel (benign)');
  const { tabId } = await h.openCrm(`${ORG}/lightning/page/home`);
  await h.waitForStatus(tabId, 'none');
  const panel = await h.openPanel(tabId);
  await panel.getByTestId('nothing-to-screen').waitFor();
  await assertAccessible(panel, 'side panel (nothing to screen)');
});

test('popup with lookup results', async () => {
  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
  await assertAccessible(popup, 'popup (empty)');
  await popup.getByTestId('lookup-input').fill('Novatek Border');
  await popup.getByTestId('lookup-result').first().waitFor();
  await assertAccessible(popup, 'popup (results)');
});

test('options page', async () => {
  const options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  await options.locator('main').first().waitFor();
  await options.waitForTimeout(300);
  await assertAccessible(options, 'options page');
});

test('printable record', async () => {
  await panelFor(RISKY);
  const page = await h.context.newPage();
  await page.goto(
    `chrome-extension://${h.extensionId}/sidepanel.html?record=${encodeURIComponent('salesforce:006RISKY000000001AAA')}`,
  );
  await page.getByTestId('record-view').waitFor();
  await assertAccessible(page, 'printable record');
});
