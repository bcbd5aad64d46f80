/**
 * Managed subscriptions (pushed by enterprise policy) become stored, read-only lists that the
 * background refreshes like the rep's own. Pure: which stored lists to create, update and delete.
 */
import type { Watchlist } from '../model';
import { type ManagedSubscription, managedListId } from '../storage/managed';

export const MANAGED_SUBSCRIPTION_ORIGIN = 'managed-subscription';

export function reconcileManagedSubscriptions(
  stored: readonly Watchlist[],
  subscriptions: readonly ManagedSubscription[],
  now: Date,
): { save: Watchlist[]; remove: string[] } {
  const save: Watchlist[] = [];
  const wanted = new Set<string>();
  for (const s of subscriptions) {
    const id = managedListId(s.id);
    wanted.add(id);
    const old = stored.find((l) => l.id === id);
    if (!old) {
      save.push({
        id,
        name: s.name,
        origin: MANAGED_SUBSCRIPTION_ORIGIN,
        source: s.url,
        updatedAt: now.toISOString(),
        version: 0,
        readOnly: true,
        subscription: { url: s.url, format: s.format, everyHours: s.everyHours },
        entries: [],
      });
      continue;
    }
    const sub = old.subscription;
    const sameSource = sub?.url === s.url && sub?.format === s.format;
    if (sameSource && sub?.everyHours === s.everyHours && old.name === s.name && old.readOnly) continue;
    save.push({
      ...old,
      name: s.name,
      readOnly: true,
      origin: MANAGED_SUBSCRIPTION_ORIGIN,
      // A new URL or format: due now (lastOk dropped), the old entries stay until the new copy is good.
      subscription: sameSource
        ? { ...sub!, everyHours: s.everyHours }
        : { url: s.url, format: s.format, everyHours: s.everyHours },
    });
  }
  const remove = stored
    .filter((l) => l.origin === MANAGED_SUBSCRIPTION_ORIGIN && !wanted.has(l.id))
    .map((l) => l.id);
  return { save, remove };
}
