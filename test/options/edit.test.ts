import { describe, expect, it } from 'vitest';
import type { Watchlist } from '../../lib/model';
import {
  createList,
  EMPTY_DRAFT,
  entryToDraft,
  newListId,
  removeEntry,
  renameList,
  saveEntry,
  searchEntries,
} from '../../lib/watchlists/edit';

const now = new Date('2026-11-30T09:00:00Z');

function withEntry(): Watchlist {
  const list = createList('Deny list', [], now);
  const out = saveEntry(
    list,
    {
      ...EMPTY_DRAFT,
      name: ' Novatek  Border Systems ',
      aliases: 'Novatek BS\nnovatek bs\n\n',
      countries: 'Iran, ru',
      type: 'entity',
    },
    now,
  );
  if ('errors' in out) throw new Error('unexpected');
  return out.list;
}

describe('watchlist editing', () => {
  it('creates lists with unique readable ids', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 50; i++) ids.add(newListId('My List!', ids));
    expect(ids.size).toBe(50);
    expect([...ids][0]).toMatch(/^my-list-[0-9a-z]{4,}$/);
    expect(() => createList('   ', [], now)).toThrow(/name/);
  });

  it('adds an entry with cleaned names, deduplicated aliases and ISO countries', () => {
    const list = withEntry();
    expect(list.version).toBe(2);
    expect(list.entries[0]).toEqual({
      id: 'e1',
      listId: list.id,
      names: ['Novatek Border Systems', 'Novatek BS'],
      type: 'entity',
      countries: ['IR', 'RU'],
    });
  });

  it('reports bad fields and changes nothing', () => {
    const list = createList('L', [], now);
    const out = saveEntry(
      list,
      { ...EMPTY_DRAFT, name: '', countries: 'Atlantis', url: 'javascript:alert(1)' },
      now,
    );
    expect(out).toEqual({
      errors: {
        name: 'Enter a name.',
        countries: 'Not a country: Atlantis',
        url: expect.stringMatching(/http/),
      },
    });
  });

  it('edits an entry in place, keeping fields the form does not show', () => {
    const list = withEntry();
    const imported = { ...list, entries: [{ ...list.entries[0]!, programs: ['IRAN'] }] };
    const draft = {
      ...entryToDraft(imported.entries[0]!),
      notes: 'checked 2026-11',
      url: 'https://example.org/a',
    };
    const out = saveEntry(imported, draft, now);
    if ('errors' in out) throw new Error('unexpected');
    expect(out.list.entries).toHaveLength(1);
    expect(out.list.entries[0]).toMatchObject({
      notes: 'checked 2026-11',
      programs: ['IRAN'],
      url: 'https://example.org/a',
    });
  });

  it('removes entries and renames, bumping the version; managed lists refuse', () => {
    const list = withEntry();
    const removed = removeEntry(list, 'e1', now);
    expect(removed.entries).toEqual([]);
    expect(removed.version).toBe(list.version + 1);
    expect(renameList(list, ' New ', now).name).toBe('New');
    expect(() => removeEntry({ ...list, readOnly: true }, 'e1', now)).toThrow(/managed/);
  });

  it('searches names, aliases, countries and notes, accent- and case-insensitively', () => {
    const list = withEntry();
    const more = saveEntry(
      list,
      { ...EMPTY_DRAFT, name: 'Société Générale Surveillance', notes: 'reseller' },
      now,
    );
    if ('errors' in more) throw new Error('unexpected');
    expect(searchEntries(more.list, 'societe').entries.map((e) => e.id)).toEqual(['e2']);
    expect(searchEntries(more.list, 'nOvAtEk bs').total).toBe(1);
    expect(searchEntries(more.list, 'ir').entries.map((e) => e.id)).toContain('e1');
    expect(searchEntries(more.list, '').total).toBe(2);
    expect(searchEntries(more.list, 'zzz').total).toBe(0);
  });
});
