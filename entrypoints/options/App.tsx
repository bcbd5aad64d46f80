/**
 * Options page wiring: storage, the import worker, permissions and downloads on one side, the
 * presentational components on the other. The logic lives in lib/ (watchlists, lists,
 * subscriptions, storage/managed, batch).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type BatchState, BatchView } from '@/components/batch/BatchView';
import { CustomDomains } from '@/components/settings/CustomDomains';
import { SettingsView } from '@/components/settings/SettingsView';
import { ImportPanel, type ImportPreview, type ImportState } from '@/components/watchlists/ImportPanel';
import { ListDetail } from '@/components/watchlists/ListDetail';
import { ManagedNotice } from '@/components/watchlists/ManagedNotice';
import { SubscribeForm, type SubscribeRequest } from '@/components/watchlists/SubscribeForm';
import { WatchlistTable } from '@/components/watchlists/WatchlistTable';
import '@/components/watchlists/options.css';
import { parseCrmExport } from '@/lib/batch/crm-export';
import { batchCsv, screenRows, sortByRisk } from '@/lib/batch/results';
import { siteAdapters } from '@/lib/extract/registry';
import {
  type ColumnMapping,
  exportCsv,
  exportJson,
  type GenericField,
  type GenericParseResult,
  type ListFile,
  type ListFormat,
  type NativeParseResult,
  type ParseResult,
} from '@/lib/lists';
import { DEFAULT_MATCH_THRESHOLD } from '@/lib/match';
import type { Watchlist } from '@/lib/model';
import { createScreener } from '@/lib/screen';
import { bindItem } from '@/lib/storage/item';
import { DEFAULT_SETTINGS, listIndexItem, listItem, type Settings, settingsItem } from '@/lib/storage/items';
import { deleteList, saveList } from '@/lib/storage/lists';
import {
  EMPTY_MANAGED,
  effectiveSettings,
  isManagedList,
  listsForScreening,
  MANAGED_LAST_KEY,
  MANAGED_TEST_KEY,
  type ManagedState,
  managedWatchlists,
} from '@/lib/storage/managed';
import { refreshSubscription } from '@/lib/subscriptions/refresh';
import { originPattern } from '@/lib/subscriptions/schedule';
import {
  createList,
  type DraftErrors,
  type EntryDraft,
  removeEntry,
  renameList,
  saveEntry,
  slug,
} from '@/lib/watchlists/edit';
import { assignColumn, importedList, issueText, summarize } from '@/lib/watchlists/import';
import { RULE_CATEGORIES, resetSettings } from '@/lib/watchlists/settings';
import type { ImportRequest } from './import.worker';
import {
  bytesInUse,
  download,
  hasOrigin,
  loadManaged,
  local,
  onStorageChange,
  requestOrigin,
} from './platform';

type AnyParse = ParseResult | GenericParseResult | NativeParseResult;

function parseInWorker(request: ImportRequest, onProgress: (f: number) => void): Promise<AnyParse> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (
      event: MessageEvent<{ type: 'progress'; fraction: number } | { type: 'done'; result: AnyParse }>,
    ) => {
      if (event.data.type === 'progress') onProgress(event.data.fraction);
      else {
        worker.terminate();
        resolve(event.data.result);
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the import worker failed'));
    };
    worker.postMessage(request);
  });
}

function toPreview(result: AnyParse, elapsedMs: number, files: string[]): ImportPreview {
  const generic = 'preview' in result && 'mapping' in result ? result : undefined;
  const native = 'list' in result ? result.list : undefined;
  return {
    ok: result.ok,
    format: result.meta.format,
    summary: summarize(result),
    errors: result.errors.map(issueText),
    warnings: result.warnings.map(issueText),
    entries: result.entries.length,
    generic: generic
      ? { headers: generic.preview.headers, mapping: generic.mapping, rows: generic.preview.rows }
      : undefined,
    elapsedMs,
    suggestedName: native?.name ?? result.meta.name ?? files[0]?.replace(/\.[a-z]+$/i, '') ?? 'Imported list',
  };
}

const VIEWS = [
  ['watchlists', 'Watchlists'],
  ['batch', 'Screen a CRM export'],
  ['settings', 'Settings'],
] as const;
type View = (typeof VIEWS)[number][0];

export function App() {
  const [stored, setStored] = useState<Watchlist[]>([]);
  const [managed, setManaged] = useState<ManagedState>(EMPTY_MANAGED);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  const [view, setView] = useState<View>(() => {
    const h = location.hash.slice(1);
    return (VIEWS.find(([v]) => v === h)?.[0] ?? 'watchlists') as View;
  });
  const [now, setNow] = useState(() => new Date());
  const [usage, setUsage] = useState<number | undefined>();

  // ---- loading and staying in step with storage (the background refreshes subscriptions) ----
  const reloadLists = useCallback(async (changed?: string[]) => {
    const ids = await bindItem(listIndexItem, local).get();
    const read = (id: string) => bindItem(listItem(id), local).get();
    const next = await (async () => {
      if (!changed) return (await Promise.all(ids.map(read))).filter((l): l is Watchlist => l !== null);
      // Only re-read what changed: a 15,000-entry list is not parsed again for a rename elsewhere.
      const current = new Map(storedRef.current.map((l) => [l.id, l]));
      const out: Watchlist[] = [];
      for (const id of ids) {
        const l = changed.includes(id) || !current.has(id) ? await read(id) : current.get(id)!;
        if (l) out.push(l);
      }
      return out;
    })();
    storedRef.current = next;
    setStored(next);
    setNow(new Date());
    setUsage(await bytesInUse());
  }, []);
  const storedRef = useRef<Watchlist[]>([]);
  /** What we just wrote is what is stored: no need to read 6 MB back. */
  const applySaved = useCallback((list: Watchlist) => {
    const current = storedRef.current;
    const next = current.some((l) => l.id === list.id)
      ? current.map((l) => (l.id === list.id ? list : l))
      : [...current, list];
    storedRef.current = next;
    setStored(next);
    setNow(new Date());
  }, []);

  useEffect(() => {
    void (async () => {
      await reloadLists();
      setManaged(await loadManaged());
      setSettings(await bindItem(settingsItem, local).get());
      setLoaded(true);
    })();
    return onStorageChange((changes, area) => {
      const keys = Object.keys(changes);
      if (area === 'managed' || keys.includes(MANAGED_TEST_KEY) || keys.includes(MANAGED_LAST_KEY))
        void loadManaged().then(setManaged);
      if (area !== 'local') return;
      if (keys.includes('settings')) void bindItem(settingsItem, local).get().then(setSettings);
      const listKeys = keys
        .filter((k) => k.startsWith('list:'))
        .map((k) => k.slice(5))
        .filter((id) => {
          // Skip our own writes: the stored version is the one already on screen.
          const stored = (changes[`list:${id}`]?.newValue as { data?: Watchlist } | undefined)?.data;
          const shown = storedRef.current.find((l) => l.id === id);
          return (
            !stored ||
            !shown ||
            stored.version !== shown.version ||
            stored.updatedAt !== shown.updatedAt ||
            stored.name !== shown.name ||
            JSON.stringify(stored.subscription) !== JSON.stringify(shown.subscription)
          );
        });
      if (keys.includes('lists') || listKeys.length) void reloadLists(listKeys);
    });
  }, [reloadLists]);

  const lists = useMemo(() => [...stored, ...managedWatchlists(managed.policy, now)], [stored, managed, now]);
  const ids = useMemo(() => lists.map((l) => l.id), [lists]);

  // ---- origins the subscriptions may not fetch yet ----
  const [needsAccess, setNeedsAccess] = useState<Record<string, string | undefined>>({});
  useEffect(() => {
    void (async () => {
      const out: Record<string, string> = {};
      for (const l of stored) {
        if (!l.subscription) continue;
        try {
          const pattern = originPattern(l.subscription.url);
          if (!(await hasOrigin(pattern))) out[l.id] = new URL(l.subscription.url).origin;
        } catch {
          // A bad URL shows up as the refresh error.
        }
      }
      setNeedsAccess(out);
    })();
  }, [stored]);

  // ---- watchlists ----
  const [status, setStatus] = useState<Record<string, string | undefined>>({});
  const say = (id: string, text: string) => setStatus((s) => ({ ...s, [id]: text }));
  const [openId, setOpenId] = useState<string | undefined>();
  const [editing, setEditing] = useState<string | null>(null);
  const [draftErrors, setDraftErrors] = useState<DraftErrors>({});
  const [newName, setNewName] = useState('');
  const [pageError, setPageError] = useState<string | undefined>();
  const openList = lists.find((l) => l.id === openId);

  const save = async (list: Watchlist) => {
    try {
      await saveList(local, list);
      applySaved(list);
      setPageError(undefined);
      return true;
    } catch (error) {
      setPageError(`Could not save ${list.name}: ${String(error)}. Your stored lists are unchanged.`);
      return false;
    }
  };
  const find = (id: string) => stored.find((l) => l.id === id);

  const onCreate = async () => {
    try {
      const list = createList(newName, ids, new Date());
      if (await save(list)) {
        setNewName('');
        setOpenId(list.id);
      }
    } catch (error) {
      setPageError(error instanceof Error ? error.message : String(error));
    }
  };

  const onExport = (id: string, format: 'csv' | 'json') => {
    const list = lists.find((l) => l.id === id);
    if (!list) return;
    const base = `${slug(list.name)}-${new Date().toISOString().slice(0, 10)}`;
    if (format === 'csv') download(`${base}.csv`, exportCsv(list), 'text/csv;charset=utf-8');
    else download(`${base}.json`, exportJson(list), 'application/json');
    say(id, `Exported ${list.entries.length} entries as ${format.toUpperCase()}.`);
  };

  const onRefresh = async (id: string) => {
    const list = find(id);
    if (!list?.subscription) return;
    say(id, 'Downloading…');
    const outcome = await refreshSubscription(list, { fetch: (u, i) => fetch(u, i), now: () => new Date() });
    const latest = find(id) ?? list;
    if (await save({ ...outcome.list, name: latest.name }))
      say(id, outcome.ok ? `Refreshed: ${outcome.message}` : outcome.message);
  };

  const onGrantAccess = (id: string) => {
    const list = find(id);
    if (!list?.subscription) return;
    void requestOrigin(originPattern(list.subscription.url)).then((ok) => {
      say(id, ok ? 'Access allowed.' : 'Access was not allowed.');
      if (ok) setNeedsAccess((n) => ({ ...n, [id]: undefined }));
    });
  };

  // ---- import ----
  const [importState, setImportState] = useState<ImportState>({ phase: 'idle' });
  const [format, setFormat] = useState<ListFormat | ''>('');
  const [target, setTarget] = useState('');
  const [importName, setImportName] = useState('');
  const pending = useRef<{ files: ListFile[]; result: AnyParse; mapping?: ColumnMapping } | null>(null);

  const parse = async (files: ListFile[], opts: { format: ListFormat | ''; mapping?: ColumnMapping }) => {
    const names = files.map((f) => f.name);
    setImportState({ phase: 'parsing', files: names, progress: 0 });
    const t0 = performance.now();
    try {
      const result = await parseInWorker(
        {
          files,
          options: { format: opts.format || undefined, mapping: opts.mapping, listId: 'import' },
        },
        (progress) => setImportState((s) => (s.phase === 'parsing' ? { ...s, progress } : s)),
      );
      pending.current = { files, result, mapping: opts.mapping };
      setImportState({
        phase: 'preview',
        files: names,
        preview: toPreview(result, performance.now() - t0, names),
      });
    } catch (error) {
      pending.current = null;
      setImportState({ phase: 'idle', failed: `Could not read ${names.join(', ')}: ${String(error)}` });
    }
  };

  const onFiles = async (picked: File[]) => {
    const files = await Promise.all(picked.map(async (f) => ({ name: f.name, text: await f.text() })));
    setImportName('');
    await parse(files, { format });
  };

  const onAccept = async () => {
    const p = pending.current;
    if (!p || importState.phase !== 'preview' || !p.result.ok) return;
    setImportState({ ...importState, phase: 'saving' });
    const t0 = performance.now();
    const replace = target ? find(target) : undefined;
    const list = importedList(
      p.result as ParseResult & { list?: Partial<Watchlist> },
      { replace, name: importName },
      ids,
      p.files.map((f) => f.name),
      new Date(),
    );
    try {
      await saveList(local, list);
      pending.current = null;
      applySaved(list);
      const seconds = ((performance.now() - t0 + importState.preview.elapsedMs) / 1000).toFixed(2);
      setImportState({
        phase: 'idle',
        done: `Imported ${list.entries.length.toLocaleString('en')} entries into "${list.name}" (read and saved in ${seconds} s).`,
      });
      setTarget('');
    } catch (error) {
      setImportState({
        phase: 'idle',
        failed: `Could not save the import: ${String(error)}. Nothing was changed; your lists are as they were.`,
      });
    }
  };

  // ---- subscriptions ----
  const [subBusy, setSubBusy] = useState(false);
  const [subMessage, setSubMessage] = useState<{ tone: 'ok' | 'error'; text: string } | undefined>();
  const onSubscribe = (req: SubscribeRequest) => {
    let pattern: string;
    try {
      pattern = originPattern(req.url);
    } catch (error) {
      setSubMessage({ tone: 'error', text: String(error) });
      return;
    }
    // permissions.request needs the user's gesture: call it before any await.
    const granted = requestOrigin(pattern);
    setSubBusy(true);
    setSubMessage(undefined);
    void (async () => {
      try {
        if (!(await granted)) {
          setSubMessage({
            tone: 'error',
            text: `Access to ${new URL(req.url).origin} was not allowed; nothing was added.`,
          });
          return;
        }
        const base = createList(req.name, ids, new Date());
        const list: Watchlist = {
          ...base,
          origin: 'subscription',
          source: req.url,
          subscription: { url: req.url, format: req.format, everyHours: req.everyHours },
        };
        const outcome = await refreshSubscription(list, {
          fetch: (u, i) => fetch(u, i),
          now: () => new Date(),
        });
        if (!outcome.ok) {
          setSubMessage({
            tone: 'error',
            text: `Could not follow ${req.url}: ${outcome.message}. Nothing was added.`,
          });
          return;
        }
        if (await save(outcome.list))
          setSubMessage({
            tone: 'ok',
            text: `Following ${req.url}: ${outcome.list.entries.length} entries.`,
          });
      } catch (error) {
        setSubMessage({ tone: 'error', text: String(error) });
      } finally {
        setSubBusy(false);
      }
    })();
  };

  // ---- batch ----
  const [batch, setBatch] = useState<BatchState>({ phase: 'idle' });
  const effective = useMemo(() => effectiveSettings(settings, managed.policy.settings), [settings, managed]);
  const onBatchFile = async (file: File) => {
    const t0 = performance.now();
    try {
      const parsed = parseCrmExport(await file.text());
      const problems = parsed.errors.map((e) => `line ${e.line}: ${e.reason}`);
      if (parsed.rows.length === 0) {
        setBatch({ phase: 'idle', error: `No deals to screen in ${file.name}. ${problems.join('; ')}` });
        return;
      }
      setBatch({ phase: 'screening', file: file.name, done: 0, total: parsed.rows.length });
      const screener = createScreener({
        lists: listsForScreening(stored, managed, new Date()),
        threshold: effective.settings.threshold ?? undefined,
        disabledCategories: effective.settings.disabledCategories,
      });
      const when = new Date();
      const rows = await screenRows(parsed.rows, (ctx) => screener.screen(ctx, when), {
        onProgress: (done, total) => setBatch({ phase: 'screening', file: file.name, done, total }),
      });
      const columns = Object.entries(parsed.columns)
        .map(([field, headers]) => `${field}: ${(headers ?? []).join(', ')}`)
        .join('; ');
      const done: BatchState = {
        phase: 'done',
        file: file.name,
        rows: sortByRisk(rows),
        problems,
        columns,
        elapsedMs: performance.now() - t0,
      };
      setBatch(done);
    } catch (error) {
      setBatch({ phase: 'idle', error: `Could not screen ${file.name}: ${String(error)}` });
    }
  };
  const onBatchDownload = () => {
    if (batch.phase !== 'done') return;
    download(
      `${slug(batch.file.replace(/\.csv$/i, ''))}-screened-${new Date().toISOString().slice(0, 10)}.csv`,
      batchCsv(batch.rows),
      'text/csv;charset=utf-8',
    );
  };

  // ---- settings ----
  const [saved, setSaved] = useState<string | undefined>();
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  /** Merge a change into the latest settings (two quick changes must not overwrite each other). */
  const storeSettings = async (patch: Partial<Settings>) => {
    const keep: Settings = { ...settingsRef.current, ...patch };
    // Locked fields stay as the rep had them; the policy overrides them wherever they are read.
    for (const f of effective.locked) (keep as Record<string, unknown>)[f] = settingsRef.current[f];
    settingsRef.current = keep;
    setSettings(keep);
    await bindItem(settingsItem, local).set(keep);
    setSaved('Saved.');
  };

  const replaceable = stored.filter((l) => !isManagedList(l) && !l.subscription);

  return (
    <main className="options">
      <h1>DealScreen options</h1>
      <nav aria-label="Options sections">
        <ul>
          {VIEWS.map(([v, label]) => (
            <li key={v}>
              <button
                type="button"
                aria-current={view === v ? 'page' : undefined}
                onClick={() => {
                  setView(v);
                  history.replaceState(null, '', `#${v}`);
                }}
                data-testid={`nav-${v}`}
              >
                {label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {pageError && (
        <p className="notice" data-tone="error" role="alert">
          {pageError}
        </p>
      )}
      <ManagedNotice managed={managed} />

      {view === 'watchlists' && (
        <section aria-labelledby="lists-title">
          <h2 id="lists-title">Watchlists</h2>
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              void onCreate();
            }}
          >
            <label className="field">
              New list name
              <input
                type="text"
                value={newName}
                required
                onChange={(e) => setNewName(e.target.value)}
                data-testid="new-list-name"
              />
            </label>
            <button type="submit" data-testid="create-list">
              Create list
            </button>
          </form>
          {loaded ? (
            <WatchlistTable
              lists={lists}
              now={now}
              selectedId={openId}
              status={status}
              needsAccess={needsAccess}
              onOpen={(id) => {
                setOpenId(id);
                setEditing(null);
                setDraftErrors({});
              }}
              onRename={(id, name) => {
                const l = find(id);
                if (l) void save(renameList(l, name, new Date()));
              }}
              onDelete={(id) => {
                void deleteList(local, id).then(() => {
                  if (openId === id) setOpenId(undefined);
                  return reloadLists([]);
                });
              }}
              onExport={onExport}
              onRefresh={(id) => void onRefresh(id)}
              onUnsubscribe={(id) => {
                const l = find(id);
                if (l) void save({ ...l, subscription: undefined, updatedAt: new Date().toISOString() });
              }}
              onGrantAccess={onGrantAccess}
            />
          ) : (
            <p className="muted">Loading…</p>
          )}
          {usage !== undefined && (
            <p className="muted">
              Lists use {(usage / 1_048_576).toFixed(1)} MB of browser storage (no quota: the extension has
              unlimited storage).
            </p>
          )}
          {openList && (
            <ListDetail
              list={openList}
              errors={draftErrors}
              editing={editing}
              onEdit={(id) => {
                setEditing(id);
                setDraftErrors({});
              }}
              onSaveEntry={(draft: EntryDraft) => {
                const l = find(openList.id);
                if (!l) return;
                const out = saveEntry(l, draft, new Date());
                if ('errors' in out) setDraftErrors(out.errors);
                else
                  void save(out.list).then((ok) => {
                    if (ok) {
                      setEditing(null);
                      setDraftErrors({});
                    }
                  });
              }}
              onRemoveEntry={(entryId) => {
                const l = find(openList.id);
                if (l) void save(removeEntry(l, entryId, new Date()));
              }}
              onClose={() => setOpenId(undefined)}
            />
          )}
          <ImportPanel
            state={importState}
            format={format}
            replaceable={replaceable}
            target={target}
            name={importName}
            onFiles={(files) => void onFiles(files)}
            onFormat={(f) => {
              setFormat(f);
              const p = pending.current;
              if (p && importState.phase === 'preview') void parse(p.files, { format: f });
            }}
            onAssign={(header: string, field: GenericField | '') => {
              const p = pending.current;
              if (!p || importState.phase !== 'preview' || !importState.preview.generic) return;
              const mapping = assignColumn(importState.preview.generic.mapping, header, field);
              void parse(p.files, { format: format || p.result.meta.format, mapping });
            }}
            onTarget={setTarget}
            onName={setImportName}
            onAccept={() => void onAccept()}
            onCancel={() => {
              pending.current = null;
              setImportState({ phase: 'idle' });
            }}
          />
          <SubscribeForm busy={subBusy} message={subMessage} onSubscribe={onSubscribe} />
        </section>
      )}

      {view === 'batch' && (
        <BatchView state={batch} onFile={(f) => void onBatchFile(f)} onDownload={onBatchDownload} />
      )}

      {view === 'settings' && (
        <SettingsView
          settings={effective.settings}
          locked={effective.locked}
          defaultThreshold={DEFAULT_MATCH_THRESHOLD}
          categories={RULE_CATEGORIES}
          sites={siteAdapters.map((a) => ({ id: a.id, name: a.name }))}
          saved={saved}
          onChange={(patch) => void storeSettings(patch)}
          onReset={() =>
            void storeSettings(resetSettings(settings)).then(() => setSaved('Back to the defaults.'))
          }
        />
      )}
      {view === 'settings' && (
        // Built by the CRM-adapter work: the background registers the content script for these origins.
        <CustomDomains
          domains={settings.customDomains}
          hasOrigin={hasOrigin}
          requestOrigin={requestOrigin}
          onChange={(customDomains) => void storeSettings({ customDomains })}
        />
      )}
    </main>
  );
}
