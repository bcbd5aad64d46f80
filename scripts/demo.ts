/**
 * The main job on a built-in default: the built extension in Chromium on the bundled demo deal pages,
 * each served at its real CRM address on this machine. With --headless, or without a display, it writes
 * PNG screenshots of each deal page and its side panel to demo-output/ and exits.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension, openTab } from './chromium';
import { loadRoutes, startCrmServer } from './crm-server';

const OUT = resolve(import.meta.dirname, '../demo-output');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

async function main() {
  // Salesforce first (the main path), the CRMs outside the registry last.
  const rank = (dir: string) => (dir.endsWith('salesforce') ? 0 : dir.endsWith('generic') ? 2 : 1);
  const demos = loadRoutes()
    .filter((r) => r.demo && r.example)
    .sort((a, b) => rank(a.dir) - rank(b.dir));
  const server = await startCrmServer();
  const browser = await launchWithExtension({ headless, args: server.chromiumArgs });
  const { context, worker, extensionId } = browser;
  mkdirSync(OUT, { recursive: true });
  const written: string[] = [];
  for (const [i, route] of demos.entries()) {
    const url = route.example!;
    const { page, tabId } = await openTab(context, worker, url);
    // Wait until the service worker has screened the page and the result has settled: CRM pages render
    // in steps, and each step is screened again.
    let last = '';
    let stableSince = Date.now();
    for (const until = Date.now() + 15000; Date.now() < until; ) {
      const state = await worker.evaluate(async (id: number) => {
        const raw = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as {
          data?: { status?: string; result?: { findings?: unknown[]; context?: unknown } };
        };
        const data = raw?.data;
        return data?.status === 'ready' || data?.status === 'none'
          ? JSON.stringify([data.status, data.result?.context, data.result?.findings?.length])
          : '';
      }, tabId);
      if (state !== last) {
        last = state;
        stableSince = Date.now();
      } else if (state && Date.now() - stableSince > 1500) break;
      await new Promise((ok) => setTimeout(ok, 150));
    }
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 420, height: 1000 });
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.getByTestId('deal-risk').or(panel.getByTestId('nothing-to-screen')).first().waitFor();
    const screened = (await panel.getByTestId('deal-risk').count()) > 0;
    const level = screened ? await panel.getByTestId('deal-risk').getAttribute('data-level') : null;
    const findings = await panel.getByTestId('finding').count();
    const name = `${String(i + 1).padStart(2, '0')}-${route.demo!.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
    if (headless) {
      await page.bringToFront();
      await page.screenshot({ path: join(OUT, `${name}-page.png`) });
      await panel.screenshot({ path: join(OUT, `${name}-panel.png`) });
      written.push(`${name}-page.png`, `${name}-panel.png`);
    }
    console.log(
      screened
        ? `${route.demo}: ${url}\n  risk ${level}, ${findings} finding(s)`
        : `${route.demo}: ${url}\n  not screened automatically: a CRM outside the registry is screened when the rep clicks “Screen this page” (activeTab) or adds the domain in the options`,
    );
  }
  if (headless) {
    console.log(`\nScreenshots written to ${OUT}:\n  ${written.join('\n  ')}`);
    await browser.close();
    await server.close();
    return;
  }
  console.log('\nChromium is open on the demo pages with DealScreen loaded. Press Ctrl-C to stop.');
  process.on('SIGINT', async () => {
    await browser.close();
    await server.close();
    process.exit(0);
  });
}

main().catch((error) => {
  console.error(String(error?.stack ?? error));
  process.exit(1);
});
