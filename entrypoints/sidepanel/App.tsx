import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { RecordView } from '@/components/findings/RecordView';
import { type PanelState, type SidePanelActions, SidePanelView } from '@/components/findings/SidePanelView';
import type { ScreenResult } from '@/lib/model';
import { addDismissal, makeDismissal, removeDismissal } from '@/lib/record/dismissals';
import { buildRecord, type DueDiligenceRecord, recordFileName, recordSummary } from '@/lib/record/export';
import { dealRecordItem, dismissalsItem, reviewerItem } from '@/lib/record/items';
import { dealKey } from '@/lib/record/key';
import type { DealRecord, Dismissal } from '@/lib/record/model';
import { startRecord, withAnswer, withSnapshot } from '@/lib/record/update';
import { storedItem, watchItem } from '@/lib/storage/browser';
import type { ItemDef } from '@/lib/storage/item';
import { tabStateItem } from '@/lib/storage/items';
import { copyText, downloadJson } from './files';

const params = new URLSearchParams(location.search);

/** `sidepanel.html?tab=ID` pins the panel to one tab; otherwise it follows the active tab. */
function pinnedTab(): number | null {
  const raw = params.get('tab');
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
    browser.tabs.onUpdated.addListener(refresh);
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(refresh);
    };
  }, []);
  return tabId;
}

/** A stored item's value, kept live; undefined until first read. Items are identified by their key. */
function useStored<T>(def: ItemDef<T> | null): T | undefined {
  const [value, setValue] = useState<T>();
  const defRef = useRef(def);
  defRef.current = def;
  const key = def?.key ?? null;
  useEffect(() => {
    setValue(undefined);
    const current = defRef.current;
    if (!current || key === null) return;
    let live = true;
    void storedItem(current)
      .get()
      .then((v) => live && setValue(v));
    const stop = watchItem(current, (v) => live && setValue(v));
    return () => {
      live = false;
      stop();
    };
  }, [key]);
  return value;
}

const nowIso = () => new Date().toISOString();

export function App() {
  const recordKey = params.get('record');
  return recordKey ? <RecordPage dealKey={recordKey} /> : <Panel />;
}

function Panel() {
  const tabId = useTabId();
  const [panel, setPanel] = useState<PanelState>({ kind: 'loading' });
  const [status, setStatus] = useState<string>();
  const [summary, setSummary] = useState<string>();

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
    const stop = watchItem(def, (state) => live && setPanel({ kind: 'tab', state }));
    return () => {
      live = false;
      stop();
    };
  }, [tabId]);

  const tab = panel.kind === 'tab' ? panel.state : null;
  const result = tab?.status === 'ready' ? tab.result : undefined;
  const pageUrl = result?.url ?? tab?.url ?? '';
  const key = result ? dealKey({ site: result.site, recordId: result.recordId, url: pageUrl }) : null;
  const recordDef = key ? dealRecordItem(key) : null;
  const record = useStored(recordDef);
  const dismissals = useStored(dismissalsItem) ?? [];
  const reviewer = useStored(reviewerItem)?.name ?? '';

  // Keep the last screening with the deal's record, so the record outlives the tab.
  useEffect(() => {
    if (!key || !result) return;
    const item = storedItem(dealRecordItem(key));
    void item.get().then((old) => {
      const next = withSnapshot(old, key, result, pageUrl, nowIso());
      if (next) return item.set(next);
    });
  }, [key, result, pageUrl]);

  // A new deal: clear the last action's message.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on deal change only
  useEffect(() => {
    setStatus(undefined);
    setSummary(undefined);
  }, [key]);

  const currentRecord = useCallback((): DueDiligenceRecord | null => {
    if (!key || !result) return null;
    return recordWith(record, key, result, pageUrl, dismissals, reviewer);
  }, [key, result, pageUrl, record, dismissals, reviewer]);

  const actions: SidePanelActions = {
    onAnswer(id, answer, note) {
      if (!key || !result) return;
      const at = nowIso();
      void storedItem(dealRecordItem(key)).update((old) =>
        withAnswer(old ?? startRecord(key, result, pageUrl, at), id, { answer, note, by: reviewer, at }, at),
      );
    },
    onReviewer(name) {
      void storedItem(reviewerItem).set({ name });
    },
    onDismiss(finding, reason, note) {
      const dismissal = makeDismissal(finding, {
        reason,
        note,
        by: reviewer,
        at: nowIso(),
        dealKey: key ?? undefined,
      });
      void storedItem(dismissalsItem).update((list) => addDismissal(list, dismissal));
    },
    onUndoDismiss(finding) {
      void storedItem(dismissalsItem).update((list) => removeDismissal(list, finding));
    },
    onExportJson() {
      const r = currentRecord();
      if (!r) return;
      downloadJson(recordFileName(r), r);
      setStatus(`Downloaded ${recordFileName(r)}.`);
    },
    onPrint() {
      if (!key) return;
      void browser.tabs.create({
        url: browser.runtime.getURL(`/sidepanel.html?record=${encodeURIComponent(key)}&print=1`),
      });
      setStatus('The printable record opened in a new tab: print it or save it as PDF from there.');
    },
    onCopySummary() {
      const r = currentRecord();
      if (!r) return;
      const text = recordSummary(r);
      setSummary(text);
      void copyText(text).then((ok) =>
        setStatus(
          ok
            ? 'Summary copied: paste it into the deal’s notes in the CRM.'
            : 'Copy the summary below by hand: this browser did not allow DealScreen to copy it.',
        ),
      );
    },
  };

  return (
    <SidePanelView
      data={{
        panel,
        answers: record === undefined ? undefined : (record?.answers ?? {}),
        dismissals,
        reviewer,
        status,
        summary,
      }}
      actions={actions}
    />
  );
}

function recordWith(
  record: DealRecord | null | undefined,
  key: string,
  result: ScreenResult,
  url: string,
  dismissals: Dismissal[],
  reviewer: string,
): DueDiligenceRecord {
  return buildRecord({
    record: record ?? startRecord(key, result, url, nowIso()),
    result,
    dismissals,
    reviewer,
    now: new Date(),
  });
}

/** `sidepanel.html?record=KEY`: the deal's record laid out for print (`&print=1` opens the print dialog). */
function RecordPage({ dealKey: key }: { dealKey: string }) {
  const record = useStored(dealRecordItem(key));
  const dismissals = useStored(dismissalsItem);
  const reviewer = useStored(reviewerItem);
  const ready = record !== undefined && dismissals !== undefined && reviewer !== undefined;
  const result = record?.lastResult;
  const data =
    ready && record && result ? recordWith(record, key, result, record.url, dismissals, reviewer.name) : null;

  const shown = useRef(false);
  useEffect(() => {
    if (!data || shown.current) return;
    shown.current = true;
    document.title = `DealScreen record: ${data.deal.title ?? data.deal.customer ?? key}`;
    if (params.get('print') === '1') setTimeout(() => window.print(), 300);
  }, [data, key]);

  if (!ready)
    return (
      <main className="record">
        <p role="status">Loading the record…</p>
      </main>
    );
  if (!data)
    return (
      <main className="record">
        <h1>Due-diligence record</h1>
        <p className="empty" data-testid="no-record">
          DealScreen has kept no record for this deal yet. Open the deal in your CRM with the side panel open.
        </p>
      </main>
    );
  return (
    <RecordView
      data={data}
      actions={{
        onPrint: () => window.print(),
        onExportJson: () => downloadJson(recordFileName(data), data),
      }}
    />
  );
}
