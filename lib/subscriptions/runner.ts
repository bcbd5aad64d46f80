/**
 * The background side of subscriptions: one alarm per subscribed list (`sub:<listId>`), refresh on
 * alarm, and managed subscriptions kept in step with the policy. Browser APIs are injected.
 */
import type { Watchlist } from '../model';
import type { StorageAreaLike } from '../storage/item';
import { deleteList, loadLists, saveList } from '../storage/lists';
import type { ManagedState } from '../storage/managed';
import { reconcileManagedSubscriptions } from './managed';
import { type RefreshOutcome, refreshSubscription } from './refresh';
import { ALARM_PREFIX, alarmName, listIdFromAlarm, minutesUntilDue } from './schedule';

export interface AlarmLike {
  name: string;
  periodInMinutes?: number;
}

export interface AlarmsLike {
  getAll(): Promise<AlarmLike[]>;
  create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): unknown;
  clear(name: string): Promise<unknown>;
}

export interface RunnerDeps {
  local: StorageAreaLike;
  alarms: AlarmsLike;
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  readManaged(): Promise<ManagedState>;
  log(message: string): void;
  now?: () => Date;
}

export function createSubscriptionRunner(deps: RunnerDeps) {
  const now = deps.now ?? (() => new Date());
  const running = new Map<string, Promise<RefreshOutcome | undefined>>();
  let syncing: Promise<void> | null = null;
  let again = false;

  async function syncOnce(): Promise<void> {
    let lists = await loadLists(deps.local);
    const managed = await deps.readManaged();
    const { save, remove } = reconcileManagedSubscriptions(lists, managed.policy.subscriptions, now());
    for (const list of save) await saveList(deps.local, list);
    for (const id of remove) await deleteList(deps.local, id);
    if (save.length || remove.length) lists = await loadLists(deps.local);

    const alarms = await deps.alarms.getAll();
    const subscribed = new Map<string, Watchlist>();
    for (const l of lists) if (l.subscription) subscribed.set(alarmName(l.id), l);
    for (const a of alarms) {
      if (a.name.startsWith(ALARM_PREFIX) && !subscribed.has(a.name)) await deps.alarms.clear(a.name);
    }
    for (const [name, list] of subscribed) {
      const period = list.subscription!.everyHours * 60;
      const existing = alarms.find((a) => a.name === name);
      // A one-shot alarm (a refresh asked for sooner) is left to fire; the next sync makes it periodic.
      if (existing && (existing.periodInMinutes === undefined || existing.periodInMinutes === period))
        continue;
      await deps.alarms.create(name, {
        delayInMinutes: minutesUntilDue(list.subscription!, now()),
        periodInMinutes: period,
      });
    }
  }

  async function refresh(listId: string): Promise<RefreshOutcome | undefined> {
    const current = running.get(listId);
    if (current) return current;
    const work = (async () => {
      const list = (await loadLists(deps.local)).find((l) => l.id === listId);
      if (!list?.subscription) return undefined;
      const outcome = await refreshSubscription(list, { fetch: deps.fetch, now });
      // Re-read: the rep may have deleted or unsubscribed the list while we downloaded.
      const still = (await loadLists(deps.local)).find((l) => l.id === listId);
      if (!still?.subscription || still.subscription.url !== list.subscription.url) return outcome;
      await saveList(deps.local, { ...outcome.list, name: still.name });
      deps.log(`DealScreen: subscription ${list.name}: ${outcome.message}`);
      return outcome;
    })();
    running.set(listId, work);
    try {
      return await work;
    } finally {
      running.delete(listId);
    }
  }

  return {
    /** Managed subscriptions in step with the policy, one alarm per subscribed list. Idempotent. */
    sync(): Promise<void> {
      if (syncing) {
        // A change arrived mid-sync: run once more afterwards so it is not missed.
        again = true;
        return syncing;
      }
      const run = async () => {
        do {
          again = false;
          await syncOnce().catch((error) =>
            deps.log(`DealScreen: subscription sync failed: ${String(error)}`),
          );
        } while (again);
      };
      syncing = run().finally(() => {
        syncing = null;
      });
      return syncing;
    },
    refresh,
    async onAlarm(name: string): Promise<void> {
      const listId = listIdFromAlarm(name);
      if (listId) await refresh(listId);
    },
  };
}
