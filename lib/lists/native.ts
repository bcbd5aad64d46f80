/**
 * Export a watchlist and read it back.
 * - `exportJson`: DealScreen's native format, versioned: {"format":"dealscreen-watchlist","version":1,
 *   "list":{…, "entries":[…]}} with one entry per line (diffable; import errors point at a line).
 * - `exportCsv`: one row per entry, columns id,name,aliases,type,countries,programs,notes,url, read back
 *   by parseGeneric. Multi-value cells are joined with "; ", or " | " when a value contains ";".
 *   Cells that a spreadsheet would run as a formula (=,+,-,@ first) are prefixed with "'" and the
 *   prefix is removed again on import.
 */
import Papa from 'papaparse';
import { type Watchlist, WatchlistEntry } from '../model';
import type { ParseOptions, ParseResult } from './types';
import { EntryCollector, guarded, Issues, jsonRecordOffsets, linesAt, parseJson, result } from './util';

export const NATIVE_FORMAT = 'dealscreen-watchlist';
export const NATIVE_VERSION = 1;

export const EXPORT_COLUMNS = [
  'id',
  'name',
  'aliases',
  'type',
  'countries',
  'programs',
  'notes',
  'url',
] as const;

/**
 * Join values so that parseGeneric's splitMulti gets them back: "; " normally; " | " when a value
 * contains ";" (a lone value then gets a trailing " |" so the cell still reads as pipe-separated).
 * A "|" inside a value cannot be represented and becomes "/" (no official list has one).
 */
function joinMulti(values: readonly string[] | undefined): string {
  if (!values?.length) return '';
  const vs = values.map((v) => v.replaceAll('|', '/'));
  if (!vs.some((v) => v.includes(';'))) return vs.join('; ');
  return vs.length === 1 ? `${vs[0]} |` : vs.join(' | ');
}

export function exportCsv(list: Pick<Watchlist, 'entries'>): string {
  const rows = list.entries.map((e) => [
    e.id,
    e.names[0] ?? '',
    joinMulti(e.names.slice(1)),
    e.type ?? '',
    joinMulti(e.countries),
    joinMulti(e.programs),
    e.notes ?? '',
    e.url ?? '',
  ]);
  return `${Papa.unparse({ fields: [...EXPORT_COLUMNS], data: rows }, { escapeFormulae: true, newline: '\r\n' })}\r\n`;
}

export function exportJson(list: Watchlist): string {
  const { entries, ...head } = list;
  const doc = JSON.stringify({
    format: NATIVE_FORMAT,
    version: NATIVE_VERSION,
    list: { ...head, entries: [] },
  });
  // Splice the entries in, one per line.
  const body = entries.map((e) => JSON.stringify(e)).join(',\n');
  const at = doc.lastIndexOf('"entries":[]') + '"entries":['.length;
  return `${doc.slice(0, at)}${entries.length ? `\n${body}\n` : ''}${doc.slice(at)}\n`;
}

export interface NativeParseResult extends ParseResult {
  /** The list's own fields (id, name, origin, asOf …) as exported, without entries. */
  list?: Omit<Watchlist, 'entries'>;
}

/** Read exportJson output. Entries keep their ids; `opts.listId` (if given) replaces their listId. */
export function parseNativeJson(text: string, opts: ParseOptions = {}): NativeParseResult {
  let head: Omit<Watchlist, 'entries'> | undefined;
  const r = guarded('dealscreen-json', () => {
    const issues = new Issues();
    const parsed = parseJson(text);
    const collector = new EntryCollector(opts.listId ?? 'import');
    if (!parsed.ok) {
      issues.error(parsed.issue.line, parsed.issue.reason, undefined, parsed.issue.column);
      return result('dealscreen-json', collector, issues, 0);
    }
    const doc = parsed.value as { format?: unknown; version?: unknown; list?: Record<string, unknown> };
    if (!doc || doc.format !== NATIVE_FORMAT || !doc.list || typeof doc.list !== 'object') {
      issues.error(1, `not a DealScreen watchlist export (expected "format": "${NATIVE_FORMAT}")`);
      return result('dealscreen-json', collector, issues, 0);
    }
    if (typeof doc.version !== 'number' || doc.version > NATIVE_VERSION) {
      issues.error(
        1,
        `unsupported export version ${String(doc.version)} (this build reads up to ${NATIVE_VERSION})`,
      );
      return result('dealscreen-json', collector, issues, 0);
    }
    const { entries, ...rest } = doc.list as Record<string, unknown> & { entries?: unknown };
    head = rest as Omit<Watchlist, 'entries'>;
    const listId = opts.listId ?? (typeof rest.id === 'string' ? rest.id : 'import');
    const out = new EntryCollector(listId);
    const list = Array.isArray(entries) ? entries : [];
    if (!Array.isArray(entries)) issues.error(1, 'the export has no "entries" array');
    // Entries sit in list.entries: find their offsets by scanning for the inner array.
    const offsets = nestedEntryOffsets(text);
    const lines = offsets.length === list.length ? linesAt(text, offsets) : undefined;
    list.forEach((raw, i) => {
      const line = lines?.[i] ?? 0;
      const e = WatchlistEntry.safeParse(raw);
      if (!e.success) {
        const first = e.error.issues[0];
        issues.error(
          line,
          `invalid entry ${i + 1}: ${first ? `${first.path.join('.') || 'entry'}: ${first.message}` : 'invalid'}`,
          'invalid entry',
        );
        return;
      }
      out.add({ ...e.data, id: e.data.id });
    });
    const res = result('dealscreen-json', out, issues, list.length, {
      asOf: typeof rest.asOf === 'string' ? rest.asOf : undefined,
      source: typeof rest.source === 'string' ? rest.source : undefined,
      name: typeof rest.name === 'string' ? rest.name : undefined,
    });
    return res;
  });
  return head ? { ...r, list: head } : r;
}

/** Offsets of objects inside "list" → "entries" (depth 3: root { list { entries [ {). */
function nestedEntryOffsets(text: string): number[] {
  const at = text.indexOf('"entries":[');
  if (at === -1) return [];
  // Reuse the root-array scanner on the entries array text, then shift back.
  const start = at + '"entries":'.length;
  return jsonRecordOffsets(text.slice(start)).map((o) => o + start);
}
