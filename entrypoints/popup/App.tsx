import { useState } from 'react';
import { browser } from 'wxt/browser';
import { LookupView } from '@/components/lookup/LookupView';
import { send } from '@/lib/messaging/send';
import { useLookup } from './useLookup';

interface SidePanelApi {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}

async function activeTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

const lookup = (query: string) => send('lookup', { query, limit: 12 }).then((reply) => reply.results);

export function App() {
  const { state, onQuery } = useLookup(lookup);
  const [screenMessage, setScreenMessage] = useState<string>();

  const openPanel = async () => {
    const tab = await activeTab();
    const sidePanel = (globalThis as unknown as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;
    if (sidePanel && tab?.id !== undefined) await sidePanel.open({ tabId: tab.id });
    else await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?tab=${tab?.id ?? ''}`) });
  };

  const screenPage = async () => {
    const tab = await activeTab();
    if (tab?.id === undefined) return;
    // Open the panel first: the user's click is the gesture sidePanel.open needs.
    await openPanel().catch(() => undefined);
    const reply = await send('screen/tab', { tabId: tab.id });
    setScreenMessage(reply.ok ? 'Screening this page: see the side panel.' : reply.error);
  };

  return (
    <LookupView
      data={{ ...state, screenMessage }}
      actions={{
        onQuery,
        onScreenPage: () => void screenPage(),
        onOpenPanel: () => void openPanel(),
      }}
    />
  );
}
