import { browser } from 'wxt/browser';
import { z } from 'zod';
import { createService } from '@/lib/service/service';
import type { StorageAreaLike } from '@/lib/storage/item';

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
