/**
 * From a parse result (lib/lists) to a stored list, and the column-mapping edits of the generic
 * import preview. Pure.
 */
import type { ColumnMapping, GenericField, ListFormat, ParseIssue, ParseResult } from '../lists';
import type { Watchlist } from '../model';
import { newListId } from './edit';

/** Human names of the formats, for the format picker and summaries. */
export const FORMAT_LABELS: Record<ListFormat, string> = {
  'generic-csv': 'CSV (columns recognised by name)',
  'generic-json': 'JSON (fields recognised by name)',
  'ofac-legacy-csv': 'OFAC SDN legacy CSV (sdn.csv + alt.csv + add.csv)',
  'ofac-sdn-xml': 'OFAC SDN XML',
  'csl-csv': 'Consolidated Screening List CSV',
  'csl-json': 'Consolidated Screening List JSON',
  'bis-entity-json': 'BIS Entity List JSON',
  'bis-dpl-txt': 'BIS Denied Persons List',
  'dealscreen-json': 'DealScreen export (JSON)',
};

export interface ImportTarget {
  /** Replace this list's entries (keeps its id, name and subscription); otherwise a new list. */
  replace?: Watchlist;
  /** Name for a new list. */
  name?: string;
}

/** Lists kept in the native export keep their own origin and dates; others are "import:<format>". */
export function importedList(
  parse: ParseResult & { list?: Partial<Omit<Watchlist, 'entries'>> },
  target: ImportTarget,
  taken: Iterable<string>,
  fileNames: readonly string[],
  now: Date,
): Watchlist {
  const head = parse.list;
  const name =
    target.replace?.name ||
    target.name?.trim() ||
    head?.name ||
    parse.meta.name ||
    fileNames[0]?.replace(/\.[a-z]+$/i, '') ||
    'Imported list';
  const id = target.replace?.id ?? newListId(name, taken);
  const origin =
    head?.origin && !head.origin.startsWith('managed') ? head.origin : `import:${parse.meta.format}`;
  const list: Watchlist = {
    id,
    name,
    origin,
    source: head?.source ?? parse.meta.source ?? fileNames.join(', '),
    updatedAt: now.toISOString(),
    version: (target.replace?.version ?? 0) + 1,
    entries: parse.entries.map((e) => ({ ...e, listId: id })),
  };
  const asOf = head?.asOf ?? parse.meta.asOf;
  if (asOf) list.asOf = asOf;
  if (target.replace?.subscription) list.subscription = target.replace.subscription;
  return list;
}

export function issueText(issue: ParseIssue): string {
  const where = [
    issue.file,
    issue.line ? `line ${issue.line}` : '',
    issue.column ? `column ${issue.column}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${issue.reason}` : issue.reason;
}

export const SINGLE_FIELDS: readonly GenericField[] = ['id', 'name', 'type', 'url'];
export const MULTI_FIELDS: readonly GenericField[] = ['aliases', 'countries', 'programs', 'notes'];
export const FIELD_LABELS: Record<GenericField, string> = {
  id: 'Id',
  name: 'Name',
  aliases: 'Alias',
  type: 'Type',
  countries: 'Country',
  programs: 'Program',
  notes: 'Notes',
  url: 'Link',
};

/** What each column feeds ('' = ignored), from a mapping. */
export function mappingToColumns(mapping: ColumnMapping, headers: readonly string[]): (GenericField | '')[] {
  return headers.map((h) => {
    for (const f of SINGLE_FIELDS) if ((mapping as Record<string, unknown>)[f] === h) return f;
    for (const f of MULTI_FIELDS)
      if (((mapping as Record<string, string[] | undefined>)[f] ?? []).includes(h)) return f;
    return '';
  });
}

/**
 * The user says column `header` feeds `field` ('' = ignore it). A single-valued field (name, id,
 * type, link) moves: the column that fed it before is ignored from now on.
 */
export function assignColumn(
  mapping: ColumnMapping,
  header: string,
  field: GenericField | '',
): ColumnMapping {
  const next: Record<string, string | string[] | undefined> = {};
  // Drop the header from wherever it was.
  for (const f of SINGLE_FIELDS) {
    const v = (mapping as Record<string, string | undefined>)[f];
    if (v !== undefined && v !== header) next[f] = v;
  }
  for (const f of MULTI_FIELDS) {
    const v = ((mapping as Record<string, string[] | undefined>)[f] ?? []).filter((h) => h !== header);
    if (v.length) next[f] = v;
  }
  if (field) {
    if (SINGLE_FIELDS.includes(field)) next[field] = header;
    else next[field] = [...((next[field] as string[] | undefined) ?? []), header];
  }
  return next as ColumnMapping;
}

export function summarize(parse: ParseResult): string {
  const { entries, aliases, rows } = parse.stats;
  return `${entries.toLocaleString('en')} entries with ${aliases.toLocaleString('en')} aliases from ${rows.toLocaleString('en')} records (${FORMAT_LABELS[parse.meta.format] ?? parse.meta.format})`;
}

/** Stable React keys for columns, even when two headers share a name. */
export function columnKeys(headers: readonly string[]): { header: string; key: string; index: number }[] {
  const seen = new Map<string, number>();
  const out: { header: string; key: string; index: number }[] = [];
  for (let index = 0; index < headers.length; index++) {
    const header = headers[index]!;
    const n = (seen.get(header) ?? 0) + 1;
    seen.set(header, n);
    out.push({ header, key: n === 1 ? header : `${header}#${n}`, index });
  }
  return out;
}
