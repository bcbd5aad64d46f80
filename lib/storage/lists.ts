/**
 * Watchlists are stored one per key (`list:<id>`) with an index (`lists`), so a 15,000-entry official
 * list is read and written on its own and a change to a small list does not rewrite the big ones.
 *
 * Big lists keep their entries packed as one JSON string under `list-entries:<id>` (the `list:<id>`
 * record then holds the list with `entries: []`). chrome.storage converts values object by object, and
 * for the full OFAC SDN list (15,000 entries, 6 MB) writing 15,000 objects took about 4 s where one
 * string took about 1.5 s. Both keys go in one `set` call, so a reader never sees half a list.
 * The manifest's unlimitedStorage lifts the 10 MB quota of storage.local.
 */
import { z } from 'zod';
import { type Watchlist, WatchlistEntry } from '../model';
import { bindItem, decode, encode, type ItemDef, type StorageAreaLike } from './item';
import { listIndexItem, listItem } from './items';

/** Lists with more entries than this are stored packed. */
export const PACK_ABOVE = 500;

/** The packed entries of a big list (a JSON array of WatchlistEntry, as a string). */
export function listEntriesItem(id: string): ItemDef<string | null> {
  return {
    area: 'local',
    key: `list-entries:${id}`,
    schema: z.string().nullable(),
    fallback: () => null,
    version: 1,
  };
}

const Entries = z.array(WatchlistEntry);

async function readList(
  area: StorageAreaLike,
  id: string,
  log: (m: string) => void,
): Promise<Watchlist | null> {
  const listDef = listItem(id);
  const packedDef = listEntriesItem(id);
  const raw = await area.get([listDef.key, packedDef.key]);
  const head = decode(listDef, raw[listDef.key]);
  // Repairs and migrations go through bindItem, which writes them back.
  if (head.repaired || head.migrated || !head.value) return bindItem(listDef, area, log).get();
  // A record with its entries inline wins over a packed copy left from when the list was big.
  if (raw[packedDef.key] === undefined || head.value.entries.length > 0) return head.value;
  const packed = decode(packedDef, raw[packedDef.key]);
  let entries: Watchlist['entries'] | undefined;
  if (packed.value !== null) {
    try {
      const parsed = Entries.safeParse(JSON.parse(packed.value));
      if (parsed.success) entries = parsed.data;
    } catch {
      // Repaired below.
    }
  }
  if (!entries) {
    // Keep the bad copy, as bindItem does, and go on with an empty list rather than crash.
    log(`DealScreen: repaired stored "${packedDef.key}": packed entries did not fit their schema`);
    await area.set({ [`${packedDef.key}:corrupt`]: raw[packedDef.key] });
    await area.remove(packedDef.key);
    return head.value;
  }
  return { ...head.value, entries };
}

export async function loadLists(
  area: StorageAreaLike,
  log: (m: string) => void = console.warn,
): Promise<Watchlist[]> {
  const ids = await bindItem(listIndexItem, area).get();
  const lists: Watchlist[] = [];
  for (const id of ids) {
    const list = await readList(area, id, log);
    if (list) lists.push(list);
  }
  return lists;
}

/** Write the list first, then the index: a failure in between leaves the old index valid. */
export async function saveList(area: StorageAreaLike, list: Watchlist): Promise<void> {
  const listDef = listItem(list.id);
  const packedDef = listEntriesItem(list.id);
  const checked = listDef.schema.parse(list)!;
  if (checked.entries.length > PACK_ABOVE) {
    await area.set({
      [listDef.key]: encode(listDef, { ...checked, entries: [] }),
      [packedDef.key]: encode(packedDef, JSON.stringify(checked.entries)),
    });
  } else {
    await area.set({ [listDef.key]: encode(listDef, checked) });
    if ((await area.get(packedDef.key))[packedDef.key] !== undefined) await area.remove(packedDef.key);
  }
  const index = bindItem(listIndexItem, area);
  const ids = await index.get();
  if (!ids.includes(list.id)) await index.set([...ids, list.id]);
}

export async function deleteList(area: StorageAreaLike, id: string): Promise<void> {
  const index = bindItem(listIndexItem, area);
  await index.set((await index.get()).filter((x) => x !== id));
  await area.remove([listItem(id).key, listEntriesItem(id).key]);
}
