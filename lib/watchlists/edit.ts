/**
 * Editing the rep's own watchlists: create, rename, add/edit/remove entries, search. Pure: every
 * function returns a new list with its version bumped (matcher indexes are keyed by id and version).
 */
import { toIso2 } from '../lists';
import { EntryType, type Watchlist, type WatchlistEntry } from '../model';

export type EntryTypeValue = (typeof EntryType.options)[number];

export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'list'
  );
}

/** A new id, unique among `taken`, readable in storage (`list:<id>`). */
export function newListId(name: string, taken: Iterable<string>, random = () => Math.random()): string {
  const used = new Set(taken);
  const base = slug(name);
  for (;;) {
    const id = `${base}-${Math.floor(random() * 0xffffff)
      .toString(36)
      .padStart(4, '0')}`;
    if (!used.has(id)) return id;
  }
}

export function createList(name: string, taken: Iterable<string>, now: Date): Watchlist {
  const clean = name.trim();
  if (!clean) throw new Error('A list needs a name.');
  return {
    id: newListId(clean, taken),
    name: clean,
    origin: 'user',
    source: 'entered by hand',
    updatedAt: now.toISOString(),
    version: 1,
    entries: [],
  };
}

function touch(list: Watchlist, now: Date, changes: Partial<Watchlist>): Watchlist {
  return { ...list, ...changes, updatedAt: now.toISOString(), version: list.version + 1 };
}

export function renameList(list: Watchlist, name: string, now: Date): Watchlist {
  const clean = name.trim();
  if (!clean) throw new Error('A list needs a name.');
  return touch(list, now, { name: clean });
}

/** What the entry form edits: text fields as typed. */
export interface EntryDraft {
  id?: string;
  name: string;
  /** One alias per line (or separated by ";"). */
  aliases: string;
  type: EntryTypeValue | '';
  /** Codes or names, separated by commas or ";". */
  countries: string;
  notes: string;
  url: string;
}

export const EMPTY_DRAFT: EntryDraft = { name: '', aliases: '', type: '', countries: '', notes: '', url: '' };

export function entryToDraft(entry: WatchlistEntry): EntryDraft {
  return {
    id: entry.id,
    name: entry.names[0] ?? '',
    aliases: entry.names.slice(1).join('\n'),
    type: entry.type ?? '',
    countries: (entry.countries ?? []).join(', '),
    notes: entry.notes ?? '',
    url: entry.url ?? '',
  };
}

export type DraftErrors = Partial<Record<'name' | 'countries' | 'url' | 'type', string>>;

/** Check a draft and turn it into an entry of `listId`, or say what is wrong, field by field. */
export function draftToEntry(
  draft: EntryDraft,
  listId: string,
  id: string,
): { entry: WatchlistEntry } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  const name = draft.name.trim().replace(/\s+/g, ' ');
  if (!name) errors.name = 'Enter a name.';
  const seen = new Set([name.toLowerCase()]);
  const aliases: string[] = [];
  for (const raw of draft.aliases.split(/[\n;]/)) {
    const a = raw.trim().replace(/\s+/g, ' ');
    if (a && !seen.has(a.toLowerCase())) {
      seen.add(a.toLowerCase());
      aliases.push(a);
    }
  }
  const countries: string[] = [];
  const unknown: string[] = [];
  for (const raw of draft.countries.split(/[,;\n]/)) {
    const c = raw.trim();
    if (!c) continue;
    const code = toIso2(c);
    if (code) {
      if (!countries.includes(code)) countries.push(code);
    } else unknown.push(c);
  }
  if (unknown.length) errors.countries = `Not a country: ${unknown.join(', ')}`;
  const url = draft.url.trim();
  if (url && !/^https?:\/\/[^\s]+$/i.test(url)) errors.url = 'A link starts with http:// or https://';
  if (draft.type && !EntryType.safeParse(draft.type).success) errors.type = 'Unknown type.';
  if (Object.keys(errors).length) return { errors };
  const entry: WatchlistEntry = { id, listId, names: [name, ...aliases] };
  if (draft.type) entry.type = draft.type;
  if (countries.length) entry.countries = countries;
  const notes = draft.notes.trim();
  if (notes) entry.notes = notes;
  if (url) entry.url = url;
  return { entry };
}

function nextEntryId(list: Watchlist): string {
  const ids = new Set(list.entries.map((e) => e.id));
  let n = list.entries.length + 1;
  while (ids.has(`e${n}`)) n++;
  return `e${n}`;
}

/** Add (no draft.id) or replace (draft.id) an entry. */
export function saveEntry(
  list: Watchlist,
  draft: EntryDraft,
  now: Date,
): { list: Watchlist; entry: WatchlistEntry } | { errors: DraftErrors } {
  if (list.readOnly) throw new Error('This list is managed by your organisation and cannot be changed.');
  const id = draft.id ?? nextEntryId(list);
  const out = draftToEntry(draft, list.id, id);
  if ('errors' in out) return out;
  const old = list.entries.find((e) => e.id === id);
  // Keep what the form does not show (programs, source) when editing an imported entry.
  const entry: WatchlistEntry = old
    ? {
        ...out.entry,
        ...(old.programs ? { programs: old.programs } : {}),
        ...(old.source ? { source: old.source } : {}),
      }
    : out.entry;
  const entries = old ? list.entries.map((e) => (e.id === id ? entry : e)) : [...list.entries, entry];
  return { list: touch(list, now, { entries }), entry };
}

export function removeEntry(list: Watchlist, entryId: string, now: Date): Watchlist {
  if (list.readOnly) throw new Error('This list is managed by your organisation and cannot be changed.');
  return touch(list, now, { entries: list.entries.filter((e) => e.id !== entryId) });
}

/** Case- and accent-insensitive search in names, countries, programs and notes. */
export function searchEntries(
  list: Pick<Watchlist, 'entries'>,
  query: string,
  limit = 100,
): { entries: WatchlistEntry[]; total: number } {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const q = fold(query.trim());
  if (!q) return { entries: list.entries.slice(0, limit), total: list.entries.length };
  const words = q.split(/\s+/);
  const out: WatchlistEntry[] = [];
  let total = 0;
  for (const e of list.entries) {
    const hay = fold(
      [...e.names, ...(e.countries ?? []), ...(e.programs ?? []), e.notes ?? '', e.id].join(' \u0001 '),
    );
    if (words.every((w) => hay.includes(w))) {
      total++;
      if (out.length < limit) out.push(e);
    }
  }
  return { entries: out, total };
}
