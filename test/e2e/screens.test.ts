/**
 * Screenshots of each view, light and dark, for the README (docs/screenshots/*.png with
 * UPDATE_SCREENSHOTS=1). They are taken on the demo deal pages; the test checks only that each view
 * rendered and the file was written.
 */
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { type Harness, start } from './harness';

// The README's pictures are refreshed on request (UPDATE_SCREENSHOTS=1); otherwise a run leaves the
// committed files alone and writes to test-results/ (ignored by git).
const OUT = resolve(
  import.meta.dirname,
  process.env.UPDATE_SCREENSHOTS === '1' ? '../../docs/screenshots' : '../../test-results/screenshots',
);
const ORG = 'https://acme.lightning.force.com';
const RISKY = `${ORG}/lightning/r/Opportunity/006RISKY000000001AAA/view`;
const BENIGN = `${ORG}/lightning/r/Opportunity/006BENIGN00000001AAA/view`;
const SCHEMES = ['light', 'dark'] as const;

let h: Harness;
before(async () => {
  mkdirSync(OUT, { recursive: true });
  h = await start();
  await h.context.addInitScript(() => {
    window.print = () => undefined;
  });
});
after(async () => {
  await h?.stop();
});

async function shoot(target: Page | Locator, name: string, opts: { fullPage?: boolean } = {}) {
  const path = join(OUT, `${name}.png`);
  if ('goto' in target)
    await target.screenshot({ path, fullPage: opts.fullPage ?? false, animations: 'disabled' });
  else await target.screenshot({ path, animations: 'disabled' });
  assert.ok(statSync(path).size > 5000, `${name}.png written`);
}

async function panelFor(url: string): Promise<Page> {
  const { tabId } = await h.openCrm(url);
  await h.waitForStatus(tabId, 'ready');
  const panel = await h.openPanel(tabId);
  await panel.getByTestId('deal-risk').waitFor();
  return panel;
}

test('side panel on the risky deal: risk and findings, a dismissed match, the checklist (light and dark)', async () => {
  const panel = await panelFor(RISKY);
  await panel.getByTestId('checklist').waitFor();
  await panel.getByTestId('reviewer-name').fill('Ana Rep');
  await panel.getByTestId('reviewer-name').press('Tab');
  const items = panel.getByTestId('checklist-item');
  await items.nth(0).getByTestId('answer-not-yet').check();
  await items
    .nth(0)
    .getByTestId('answer-note')
    .fill('Asked compliance on Monday; waiting for the licence check.');
  await items.nth(0).getByTestId('answer-note').press('Tab');
  await items.nth(1).getByTestId('answer-no').check();
  await items.nth(2).getByTestId('answer-yes').check();
  await panel.waitForTimeout(300);
  for (const scheme of SCHEMES) {
    await panel.emulateMedia({ colorScheme: scheme });
    const suffix = scheme === 'dark' ? '-dark' : '';
    await panel.evaluate(() => window.scrollTo(0, 0));
    await shoot(panel, `risky-panel${suffix}`);
    await shoot(panel, `risky-panel-full${suffix}`, { fullPage: true });
    await shoot(panel.getByTestId('checklist'), `checklist${suffix}`);
  }
  await panel.emulateMedia({ colorScheme: 'light' });
  const party = panel.locator('[data-testid="finding"][data-kind="restricted-party"]').first();
  await party.getByTestId('dismiss-button').click();
  await party.getByTestId('dismiss-reason').nth(1).check();
  await party.getByTestId('dismiss-note').fill('Ours is a US freight customer, registration 12-345.');
  await shoot(party, 'dismiss-form');
  await party.getByTestId('dismiss-confirm').click();
  await party.getByTestId('dismissal').waitFor();
  await shoot(party, 'dismissed-match');
  // Undo, so the risky panel of other tests and of the demo shows the match open.
  await party.getByTestId('undo-dismiss').click();
  await party.getByTestId('dismiss-button').waitFor();
});

test('side panel on the benign deal (light and dark)', async () => {
  const panel = await panelFor(BENIGN);
  for (const scheme of SCHEMES) {
    await panel.emulateMedia({ colorScheme: scheme });
    await shoot(panel, `benign-panel${scheme === 'dark' ? '-dark' : ''}`);
  }
});

test('popup lookup (light and dark)', async () => {
  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 380, height: 520 });
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
  await popup.getByTestId('lookup-input').pressSequentially('Novatek');
  await popup.getByTestId('lookup-result').first().waitFor();
  for (const scheme of SCHEMES) {
    await popup.emulateMedia({ colorScheme: scheme });
    await shoot(popup, `popup-lookup${scheme === 'dark' ? '-dark' : ''}`);
  }
});

test('printable record (screen light and dark, and as printed)', async () => {
  await panelFor(RISKY);
  const page = await h.context.newPage();
  await page.setViewportSize({ width: 900, height: 1200 });
  await page.goto(
    `chrome-extension://${h.extensionId}/sidepanel.html?record=${encodeURIComponent('salesforce:006RISKY000000001AAA')}`,
  );
  await page.getByTestId('record-view').waitFor();
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme, media: 'screen' });
    await shoot(page, `record${scheme === 'dark' ? '-dark' : ''}`);
  }
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  await shoot(page, 'record-print', { fullPage: true });
});

test('options page (light and dark)', async () => {
  const page = await h.context.newPage();
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(`chrome-extension://${h.extensionId}/options.html`);
  await page.locator('main').first().waitFor();
  await page.waitForTimeout(300);
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await shoot(page, `options${scheme === 'dark' ? '-dark' : ''}`);
  }
});
