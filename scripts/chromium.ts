/** Launches Debian's Chromium with the built extension loaded (the recipe in ../shared/TOOLCHAIN.md). */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const EXT_DIR = resolve(
  import.meta.dirname,
  '..',
  process.env.DEALSCREEN_OUT_DIR ?? '.output',
  'chrome-mv3',
);

export interface LaunchedBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export async function launchWithExtension(opts: {
  headless: boolean;
  args?: string[];
}): Promise<LaunchedBrowser> {
  if (!existsSync(join(EXT_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXT_DIR}: run "npm run build" first.`);
  }
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'dealscreen-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: opts.headless,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${EXT_DIR}`,
      `--load-extension=${EXT_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(opts.args ?? []),
    ],
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function tabIds(worker: Worker): Promise<number[]> {
  return worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id ?? -1));
}

/**
 * Open a page in a new tab and return it with its tab id. The extension has no "tabs" permission and no
 * standing host permissions, so it cannot see tab URLs: the new tab is the id that was not there before.
 */
export async function openTab(
  context: BrowserContext,
  worker: Worker,
  url: string,
): Promise<{ page: Page; tabId: number }> {
  const before = new Set(await tabIds(worker));
  const page = await context.newPage();
  await page.goto(url);
  const fresh = (await tabIds(worker)).filter((id) => !before.has(id));
  if (fresh.length !== 1) throw new Error(`expected one new tab for ${url}, found ${fresh.length}`);
  return { page, tabId: fresh[0]! };
}
