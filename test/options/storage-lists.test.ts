import { describe, expect, it, vi } from 'vitest';
import type { Watchlist } from '../../lib/model';
import { memoryArea } from '../../lib/storage/item';
import { deleteList, loadLists, PACK_ABOVE, saveList } from '../../lib/storage/lists';

function list(id: string, n: number): Watchlist {
  return {
    id,
    name: id,
    origin: 'import:ofac-legacy-csv',
    updatedAt: '2026-11-30T00:00:00Z',
    version: 1,
    entries: Array.from({ length: n }, (_, i) => ({
      id: String(i),
      listId: id,
      names: [`Name ${i}`, `Alias ${i}`],
    })),
  };
}

describe('stored lists', () => {
  it('keeps small lists inline and big lists packed, and reads both back the same', async () => {
    const area = memoryArea();
    await saveList(area, list('small', 3));
    await saveList(area, list('big', PACK_ABOVE + 1));
    const dump = area.dump();
    expect(Object.keys(dump).sort()).toEqual(['list-entries:big', 'list:big', 'list:small', 'lists']);
    expect((dump['list:big'] as { data: Watchlist }).data.entries).toEqual([]);
    expect(await loadLists(area)).toEqual([list('small', 3), list('big', PACK_ABOVE + 1)]);
  });

  it('a big list that shrinks is stored inline again; delete removes both keys', async () => {
    const area = memoryArea();
    await saveList(area, list('l', PACK_ABOVE + 10));
    await saveList(area, { ...list('l', 2), version: 2 });
    expect(Object.keys(area.dump()).sort()).toEqual(['list:l', 'lists']);
    expect((await loadLists(area))[0]?.entries).toHaveLength(2);
    await saveList(area, list('l', PACK_ABOVE + 10));
    await deleteList(area, 'l');
    expect(area.dump()).toEqual({ lists: { v: 1, data: [] } });
  });

  it('repairs corrupt packed entries without crashing, keeping the bad copy', async () => {
    const area = memoryArea();
    await saveList(area, list('big', PACK_ABOVE + 1));
    await area.set({ 'list-entries:big': { v: 1, data: '[{"id": 3}' } });
    const log = vi.fn();
    const [loaded] = await loadLists(area, log);
    expect(loaded?.entries).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/repaired stored "list-entries:big"/));
    expect(area.dump()['list-entries:big:corrupt']).toBeDefined();
  });

  it('refuses to store an invalid list', async () => {
    const area = memoryArea();
    await expect(
      saveList(area, { ...list('x', 1), entries: [{ id: '', listId: 'x', names: [] }] }),
    ).rejects.toThrow();
    expect(area.dump()).toEqual({});
  });
});
