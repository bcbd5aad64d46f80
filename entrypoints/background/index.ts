import { browser } from 'wxt/browser';
import { z } from 'zod';
import { createDomainSync, domainPattern, storedDomains } from '@/lib/service/domains';
import { createService } from '@/lib/service/service';
import { bindItem, type StorageAreaLike } from '@/lib/storage/item';
import { settingsItem } from '@/lib/storage/items';
import { loadLists } from '@/lib/storage/lists';
import { MANAGED_LAST_KEY, MANAGED_TEST_KEY, readManaged } from '@/lib/storage/managed';
import { createSubscriptionRunner } from '@/lib/subscriptions/runner';

const BADGE_COLORS = { high: '#b3261e', medium: '#b26a00', none: '#5f6368' } as const;

export default defineBackground(() => {
  // zod 4 probes Function(''), which the MV3 content security policy blocks.
  z.config({ jitless: true });

  const local = browser.storage.local as unknown as StorageAreaLike;
  const managed = () =>
    readManaged({
      managed: browser.storage.managed as unknown as StorageAreaLike,
      local,
      // The managed:test hook (browser tests) is honoured only in unpacked builds: lib/storage/managed.ts.
      isDevBuild: async () => (await browser.management.getSelf()).installType === 'development',
    });
  const service = createService({
    local,
    readManaged: managed,
    session: browser.storage.session as unknown as StorageAreaLike,
    async setBadge(tabId, text, level) {
      try {
        await browser.action.setBadgeText({ tabId, text });
        await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLORS[level] });
      } catch {
        // The tab closed while we screened it.
      }
    },
    async injectExtraction(tabId) {
      await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/crm.js'] });
    },
    log: (message) => console.warn(message),
  });

  // Subscribed lists: one alarm each; managed subscriptions follow the policy.
  const subscriptions = createSubscriptionRunner({
    local,
    alarms: browser.alarms,
    fetch: (url, init) => fetch(url, init),
    readManaged: managed,
    log: (message) => console.warn(message),
  });
  browser.alarms.onAlarm.addListener((alarm) => void subscriptions.onAlarm(alarm.name));
  browser.runtime.onInstalled.addListener(() => void subscriptions.sync());
  browser.runtime.onStartup.addListener(() => void subscriptions.sync());

  // The rep's own CRM domains: one dynamic content script for the permitted ones (lib/service/domains.ts).
  const domains = createDomainSync({
    scripting: browser.scripting as never,
    permissions: browser.permissions,
    readDomains: async () =>
      (await bindItem(settingsItem, browser.storage.local as unknown as StorageAreaLike).get()).customDomains,
    // A subscription's download origin keeps its permission when the same host is removed as a CRM domain.
    async originsInUse() {
      const lists = await loadLists(browser.storage.local as unknown as StorageAreaLike, () => undefined);
      return lists.flatMap((l) => (l.subscription?.url ? [domainPattern(l.subscription.url)] : []));
    },
    async injectOpenTabs(pattern) {
      for (const tab of await browser.tabs.query({ url: pattern })) {
        if (tab.id === undefined) continue;
        await browser.scripting
          .executeScript({ target: { tabId: tab.id }, files: ['/content-scripts/crm.js'] })
          .catch(() => undefined);
      }
    },
    log: (message) => console.warn(message),
  });
  // At every worker start: browser start, install, update, and the worker waking up again.
  void domains.sync();
  browser.permissions.onAdded.addListener(() => void domains.sync());
  browser.permissions.onRemoved.addListener(() => void domains.sync());
  browser.storage.onChanged.addListener((changes, area) => {
    const settings = area === 'local' ? changes.settings : undefined;
    if (settings)
      void domains.domainsChanged(storedDomains(settings.oldValue), storedDomains(settings.newValue));
  });

  browser.runtime.onMessage.addListener((message, sender) => service.handle(message, sender));
  browser.storage.onChanged.addListener((changes, area) => {
    const keys = Object.keys(changes);
    const lists = area === 'local' && keys.some((k) => k === 'lists' || k.startsWith('list:'));
    const managedChanged =
      area === 'managed' ||
      (area === 'local' && (keys.includes(MANAGED_TEST_KEY) || keys.includes(MANAGED_LAST_KEY)));
    if (lists || managedChanged || (area === 'local' && keys.includes('settings'))) service.invalidate();
    if (lists || managedChanged) void subscriptions.sync();
    // "Not this entity" decided or undone in the side panel: the badges count without those matches.
    if (area === 'local' && keys.includes('dismissals')) void service.dismissalsChanged();
  });
  browser.tabs.onRemoved.addListener((tabId) => void service.forgetTab(tabId));
});
