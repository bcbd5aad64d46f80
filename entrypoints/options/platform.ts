/** The browser side of the options page: storage areas, managed policy, permissions, downloads. */
import { browser } from 'wxt/browser';
import type { StorageAreaLike } from '@/lib/storage/item';
import { type ManagedDeps, readManaged } from '@/lib/storage/managed';

export { download } from '@/components/common/download';

export const local = browser.storage.local as unknown as StorageAreaLike;

export const managedDeps: ManagedDeps = {
  managed: browser.storage.managed as unknown as StorageAreaLike,
  // Read-only here: the background alone keeps the last policy read (MANAGED_LAST_KEY).
  local: { get: (keys) => local.get(keys) },
  // The managed:test hook is honoured only in unpacked builds (lib/storage/managed.ts).
  isDevBuild: async () => (await browser.management.getSelf()).installType === 'development',
};

export const loadManaged = () => readManaged(managedDeps);

export type Changes = Record<string, { oldValue?: unknown; newValue?: unknown } | undefined>;

export function onStorageChange(callback: (changes: Changes, area: string) => void): () => void {
  const listener = (changes: Changes, area: string) => callback(changes, area);
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export function hasOrigin(pattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [pattern] });
}

/** Must be called synchronously inside a user gesture (click, submit). */
export function requestOrigin(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}

export function bytesInUse(): Promise<number | undefined> {
  const area = browser.storage.local as unknown as { getBytesInUse?: (keys: null) => Promise<number> };
  return area.getBytesInUse ? area.getBytesInUse(null).catch(() => undefined) : Promise.resolve(undefined);
}
