/**
 * The background's logic, with its browser dependencies injected so it runs the same under test.
 * Messages arrive from content scripts on pages we do not control: each is validated first.
 */

import { parseMessage } from '../messaging/protocol';
import type { DealContext, ScreenResult } from '../model';
import { dismissalsItem } from '../record/items';
import type { Dismissal } from '../record/model';
import { dealRisk } from '../record/risk';
import { createScreener } from '../screen';
import { bindItem, type StorageAreaLike } from '../storage/item';
import { settingsItem, type TabState, tabStateItem } from '../storage/items';
import { loadLists } from '../storage/lists';
import { EMPTY_MANAGED, effectiveSettings, listsForScreening, type ManagedState } from '../storage/managed';

export interface Sender {
  tab?: { id?: number; url?: string };
  url?: string;
}

export interface ServiceDeps {
  local: StorageAreaLike;
  session: StorageAreaLike;
  setBadge(tabId: number, text: string, level: 'high' | 'medium' | 'none'): Promise<void>;
  /** Run the extraction in a tab on request ("screen this page", activeTab). */
  injectExtraction(tabId: number): Promise<void>;
  log(message: string): void;
  now?: () => Date;
  /** Organisation-managed lists and settings (lib/storage/managed.ts); none when absent. */
  readManaged?: () => Promise<ManagedState>;
}

type Screener = ReturnType<typeof createScreener>;

/**
 * The toolbar badge: how many high and medium findings count. A name match the rep marked as not this
 * entity does not (lib/record/risk.ts).
 */
export function badgeFor(
  result: ScreenResult | undefined,
  dismissals: readonly Dismissal[] = [],
): {
  text: string;
  level: 'high' | 'medium' | 'none';
} {
  const findings = result ? dealRisk(result, dismissals).counted : [];
  const high = findings.filter((f) => f.severity === 'high').length;
  const medium = findings.filter((f) => f.severity === 'medium').length;
  const count = high + medium;
  return { text: count > 0 ? String(count) : '', level: high > 0 ? 'high' : medium > 0 ? 'medium' : 'none' };
}

export function createService(deps: ServiceDeps) {
  const now = deps.now ?? (() => new Date());
  let screener: Promise<Screener> | null = null;
  /** Messages for one tab are handled in arrival order, so an old record never overwrites a newer one. */
  const queues = new Map<number, Promise<unknown>>();

  function getScreener(): Promise<Screener> {
    screener ??= (async () => {
      const [stored, userSettings, managed] = await Promise.all([
        loadLists(deps.local),
        bindItem(settingsItem, deps.local).get(),
        deps.readManaged?.() ?? EMPTY_MANAGED,
      ]);
      // Managed lists are screened too; managed settings override the rep's field by field.
      const lists = listsForScreening(stored, managed, now());
      const { settings } = effectiveSettings(userSettings, managed.policy.settings);
      return createScreener({
        lists,
        threshold: settings.threshold ?? undefined,
        disabledCategories: settings.disabledCategories,
      });
    })();
    screener.catch(() => {
      screener = null;
    });
    return screener;
  }

  const dismissals = () => bindItem(dismissalsItem, deps.local, deps.log).get();

  async function showBadge(tabId: number, state: TabState | null): Promise<void> {
    const badge = badgeFor(state?.result, state?.result ? await dismissals() : []);
    await deps.setBadge(tabId, badge.text, badge.level);
  }

  async function storeTab(tabId: number, state: TabState | null): Promise<void> {
    const item = bindItem(tabStateItem(tabId), deps.session);
    if (state === null) await item.remove();
    else await item.set(state);
    await showBadge(tabId, state);
  }

  async function screenContext(tabId: number, url: string, context: DealContext | null): Promise<void> {
    if (!context || context.pageKind === 'none') {
      await storeTab(tabId, { status: 'none', url, updatedAt: now().toISOString() });
      return;
    }
    try {
      const result = (await getScreener()).screen(context, now());
      await storeTab(tabId, { status: 'ready', url, result, updatedAt: now().toISOString() });
    } catch (error) {
      deps.log(`DealScreen: screening failed: ${String(error)}`);
      await storeTab(tabId, {
        status: 'error',
        url,
        error: 'Screening failed on this page.',
        updatedAt: now().toISOString(),
      });
    }
  }

  function enqueue(tabId: number, work: () => Promise<void>): Promise<void> {
    const next = (queues.get(tabId) ?? Promise.resolve()).then(work, work);
    queues.set(tabId, next);
    return next;
  }

  async function handle(raw: unknown, sender: Sender): Promise<unknown> {
    const parsed = parseMessage(raw);
    if (!parsed.ok) {
      deps.log(`DealScreen: rejected a message: ${parsed.error}`);
      return { ok: false, error: parsed.error };
    }
    const { message } = parsed;
    switch (message.type) {
      case 'context/extracted': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return { ok: false };
        const url = sender.url ?? sender.tab?.url ?? message.payload.context?.url ?? '';
        await enqueue(tabId, () => screenContext(tabId, url, message.payload.context));
        return { ok: true };
      }
      case 'lookup': {
        const results = (await getScreener()).lookup(message.payload.query, { limit: message.payload.limit });
        return { results };
      }
      case 'screen/tab': {
        try {
          await deps.injectExtraction(message.payload.tabId);
          return { ok: true };
        } catch (error) {
          return { ok: false, error: `This page cannot be screened: ${String(error)}` };
        }
      }
    }
  }

  return {
    handle,
    /**
     * "Not this entity" decided or undone: every screened tab's badge again, from its stored result. In the
     * tab's queue, so a screening that is being stored is not overwritten with an older badge.
     */
    async dismissalsChanged() {
      const stored = await deps.session.get(null);
      const tabIds = Object.keys(stored).flatMap((k) => {
        const m = /^tab:(\d+)$/.exec(k);
        return m ? [Number(m[1])] : [];
      });
      await Promise.all(
        tabIds.map((tabId) =>
          enqueue(tabId, async () =>
            showBadge(tabId, await bindItem(tabStateItem(tabId), deps.session, deps.log).get()),
          ),
        ),
      );
    },
    /** Lists or settings changed: rebuild the screener on next use. */
    invalidate() {
      screener = null;
    },
    async forgetTab(tabId: number) {
      queues.delete(tabId);
      await bindItem(tabStateItem(tabId), deps.session).remove();
    },
  };
}
