/** The real storage areas, and change watching, for extension pages. */
import { browser } from 'wxt/browser';
import { type Area, bindItem, decode, type ItemDef, type StorageAreaLike, type StoredItem } from './item';

export function areaOf(area: Area): StorageAreaLike {
  return browser.storage[area] as unknown as StorageAreaLike;
}

export function storedItem<T>(def: ItemDef<T>): StoredItem<T> {
  return bindItem(def, areaOf(def.area));
}

/** Calls back with the decoded value whenever the item changes. Returns an unsubscribe function. */
export function watchItem<T>(def: ItemDef<T>, callback: (value: T) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    const change = changes[def.key];
    if (areaName === def.area && change) callback(decode(def, change.newValue).value);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
