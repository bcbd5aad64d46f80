import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { bindItem, decode, type ItemDef, memoryArea } from '../../lib/storage/item';
import { DEFAULT_SETTINGS, settingsItem } from '../../lib/storage/items';
import { deleteList, loadLists, saveList } from '../../lib/storage/lists';

const counter: ItemDef<{ count: number; label: string }> = {
  area: 'local',
  key: 'counter',
  schema: z.object({ count: z.number(), label: z.string() }),
  fallback: () => ({ count: 0, label: 'none' }),
  version: 2,
  migrations: { 2: (old) => ({ count: (old as { n: number }).n, label: 'migrated' }) },
};

describe('stored items', () => {
  it('gives the default when nothing is stored', () => {
    expect(decode(settingsItem, undefined)).toEqual({ value: DEFAULT_SETTINGS });
  });

  it('migrates an old version forward', () => {
    expect(decode(counter, { v: 1, data: { n: 7 } })).toEqual({
      value: { count: 7, label: 'migrated' },
      migrated: true,
    });
  });

  it('repairs a corrupt value to the default and keeps the bad copy', async () => {
    const area = memoryArea({ settings: { v: 1, data: { threshold: 'high', disabledCategories: 3 } } });
    const log = vi.fn();
    const value = await bindItem(settingsItem, area, log).get();
    expect(value).toEqual(DEFAULT_SETTINGS);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/repaired stored "settings"/));
    const dump = area.dump();
    expect(dump['settings:corrupt']).toEqual({ v: 1, data: { threshold: 'high', disabledCategories: 3 } });
    expect(dump.settings).toEqual({ v: 1, data: DEFAULT_SETTINGS });
  });

  it('repairs a value with no envelope or from a newer version', () => {
    expect(decode(counter, 'garbage').repaired).toMatch(/envelope/);
    expect(decode(counter, { v: 9, data: {} }).repaired).toMatch(/newer/);
  });

  it('refuses to store a value that does not fit its schema', async () => {
    const item = bindItem(settingsItem, memoryArea());
    await expect(item.set({ ...DEFAULT_SETTINGS, threshold: 3 })).rejects.toThrow();
  });

  it('keeps each watchlist under its own key with an index', async () => {
    const area = memoryArea();
    const list = {
      id: 'mine',
      name: 'My list',
      origin: 'user',
      updatedAt: '2026-11-30T00:00:00Z',
      version: 1,
      entries: [{ id: 'e1', listId: 'mine', names: ['Acme Surveillance Ltd'] }],
    };
    await saveList(area, list);
    await saveList(area, { ...list, id: 'other', name: 'Other' });
    expect((await loadLists(area)).map((l) => l.id)).toEqual(['mine', 'other']);
    await deleteList(area, 'mine');
    expect((await loadLists(area)).map((l) => l.id)).toEqual(['other']);
  });

  it('skips a corrupt list instead of failing to load the others', async () => {
    const area = memoryArea({
      lists: { v: 1, data: ['bad', 'good'] },
      'list:bad': { v: 1, data: { id: 1 } },
    });
    await saveList(area, {
      id: 'good',
      name: 'Good',
      origin: 'user',
      updatedAt: 'x',
      version: 1,
      entries: [],
    });
    const lists = await loadLists(area);
    expect(lists.map((l) => l.id)).toEqual(['good']);
    expect(area.dump()['list:bad:corrupt']).toEqual({ v: 1, data: { id: 1 } });
  });
});
