/**
 * Watchlists are stored one per key (`list:<id>`) with an index (`lists`), so a 15,000-entry official
 * list is read and written on its own and a change to a small list does not rewrite the big ones.
 */
import type { Watchlist } from '../model';
import { bindItem, type StorageAreaLike } from './item';
import { listIndexItem, listItem } from './items';

export async function loadLists(area: StorageAreaLike): Promise<Watchlist[]> {
  const ids = await bindItem(listIndexItem, area).get();
  const lists: Watchlist[] = [];
  for (const id of ids) {
    const list = await bindItem(listItem(id), area).get();
    if (list) lists.push(list);
  }
  return lists;
}

/** Write the list first, then the index: a failure in between leaves the old index valid. */
export async function saveList(area: StorageAreaLike, list: Watchlist): Promise<void> {
  await bindItem(listItem(list.id), area).set(list);
  const index = bindItem(listIndexItem, area);
  const ids = await index.get();
  if (!ids.includes(list.id)) await index.set([...ids, list.id]);
}

export async function deleteList(area: StorageAreaLike, id: string): Promise<void> {
  const index = bindItem(listIndexItem, area);
  await index.set((await index.get()).filter((x) => x !== id));
  await bindItem(listItem(id), area).remove();
}
