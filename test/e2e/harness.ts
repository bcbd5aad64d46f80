/**
 * Browser-test harness: the built extension in real headless Chromium, with the CRM fixtures served over
 * HTTPS at their real hostnames. Each test file calls `start()` once.
 */
import type { Page } from 'playwright-core';
import { type LaunchedBrowser, launchWithExtension, openTab } from '../../scripts/chromium';
import { type CrmServer, startCrmServer } from '../../scripts/crm-server';

export interface Harness extends LaunchedBrowser {
  server: CrmServer;
  /** Open a CRM page at its real URL and return it with its tab id. */
  openCrm(url: string): Promise<{ page: Page; tabId: number }>;
  /** The tab's stored screening state, as the service worker keeps it in storage.session. */
  tabState(
    tabId: number,
  ): Promise<{ status: string; result?: { findings: unknown[]; risk: { level: string } } } | null>;
  waitForStatus(tabId: number, status: string, timeoutMs?: number): Promise<void>;
  badge(tabId: number): Promise<string>;
  openPanel(tabId: number): Promise<Page>;
  stop(): Promise<void>;
}

export async function start(extraArgs: string[] = []): Promise<Harness> {
  const server = await startCrmServer();
  let browser: LaunchedBrowser;
  try {
    browser = await launchWithExtension({ headless: true, args: [...server.chromiumArgs, ...extraArgs] });
  } catch (error) {
    await server.close();
    throw error;
  }
  const { context, worker, extensionId } = browser;

  const harness: Harness = {
    ...browser,
    server,
    openCrm(url) {
      return openTab(context, worker, url);
    },
    tabState(tabId) {
      return worker.evaluate(async (id: number) => {
        const raw = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as
          | { data?: unknown }
          | undefined;
        return (raw?.data ?? null) as never;
      }, tabId);
    },
    async waitForStatus(tabId, status, timeoutMs = 10000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const state = await harness.tabState(tabId);
        if (state?.status === status) return;
        if (Date.now() > until)
          throw new Error(`tab ${tabId}: status ${state?.status ?? 'none'}, wanted ${status}`);
        await new Promise((ok) => setTimeout(ok, 100));
      }
    },
    badge(tabId) {
      return worker.evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId);
    },
    async openPanel(tabId) {
      const panel = await context.newPage();
      await panel.setViewportSize({ width: 400, height: 900 });
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
      return panel;
    },
    async stop() {
      await browser.close();
      await server.close();
    },
  };
  return harness;
}
