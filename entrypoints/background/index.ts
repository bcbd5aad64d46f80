import { browser } from 'wxt/browser';
import { z } from 'zod';
import { createDomainSync, domainPattern, storedDomains } from '@/lib/service/domains';
import { createService } from '@/lib/service/service';
import { bindItem, type StorageAreaLike } from '@/lib/storage/item';
import { settingsItem } from '@/lib/storage/items';
import { loadLists } from '@/lib/storage/lists';

const BADGE_COLORS = { high: '#b3261e', medium: '#b26a00', none: '#5f6368' } as const;

export default defineBackground(() => {
  // zod 4 probes Function(''), which the MV3 content security policy blocks.
  z.config({ jitless: true });

  const service = createService({
    local: browser.storage.local as unknown as StorageAreaLike,
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
    if (
      area === 'local' &&
      Object.keys(changes).some((k) => k === 'settings' || k === 'lists' || k.startsWith('list:'))
    ) {
      service.invalidate();
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => void service.forgetTab(tabId));
});
