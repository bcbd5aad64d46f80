import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { type PanelState, SidePanelView } from '@/components/findings/SidePanelView';
import { storedItem, watchItem } from '@/lib/storage/browser';
import { tabStateItem } from '@/lib/storage/items';

/** `sidepanel.html?tab=ID` pins the panel to one tab; otherwise it follows the active tab. */
function pinnedTab(): number | null {
  const raw = new URLSearchParams(location.search).get('tab');
  return raw && /^\d+$/.test(raw) ? Number(raw) : null;
}

function useTabId(): number | null | undefined {
  const [tabId, setTabId] = useState<number | null | undefined>(pinnedTab() ?? undefined);
  useEffect(() => {
    if (pinnedTab() !== null) return;
    const refresh = () =>
      browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTabId(tab?.id ?? null));
    void refresh();
    browser.tabs.onActivated.addListener(refresh);
    return () => browser.tabs.onActivated.removeListener(refresh);
  }, []);
  return tabId;
}

export function App() {
  const tabId = useTabId();
  const [panel, setPanel] = useState<PanelState>({ kind: 'loading' });
  useEffect(() => {
    if (tabId === undefined) return;
    if (tabId === null) {
      setPanel({ kind: 'no-tab' });
      return;
    }
    const def = tabStateItem(tabId);
    let live = true;
    void storedItem(def)
      .get()
      .then((state) => live && setPanel({ kind: 'tab', state }));
    const stop = watchItem(def, (state) => setPanel({ kind: 'tab', state }));
    return () => {
      live = false;
      stop();
    };
  }, [tabId]);
  return <SidePanelView panel={panel} />;
}
