/**
 * Generic CSV / JSON watchlists, as compliance teams keep them in spreadsheets or export them
 * from other tools. Columns (or JSON fields) are recognised by name; `detectMapping` proposes a
 * mapping and `parseGeneric` returns it with a preview so the UI can show it and let the user
 * correct it, then parse again with `{mapping}`.
 */
import { lookupCountry } from './countries';
import { splitBracketed } from './ofac';
import type { ParseOptions, ParseResult } from './types';
import {
  clean,
  EntryCollector,
  guarded,
  Issues,
  jsonRecordOffsets,
  linesAt,
  listIdOf,
  normalizeType,
  parseJson,
  progressReporter,
  readDelimited,
  reportMalformed,
  result,
  splitMulti,
} from './util';

export type GenericField = 'id' | 'name' | 'aliases' | 'type' | 'countries' | 'programs' | 'notes' | 'url';

/**
 * Which column (CSV header or JSON key) feeds which field. Single-valued fields take one column;
 * aliases, countries, programs and notes may take several (e.g. "AKA 1", "AKA 2").
 */
export interface ColumnMapping {
  id?: string;
  name?: string;
  aliases?: string[];
  type?: string;
  countries?: string[];
  programs?: string[];
  notes?: string[];
  url?: string;
}

export interface GenericParseOptions extends ParseOptions {
  format: 'csv' | 'json';
  /** Use this mapping instead of the detected one. */
  mapping?: ColumnMapping;
  /** Rows in the preview (default 10). */
  previewRows?: number;
}

export interface GenericParseResult extends ParseResult {
  /** Column names found (CSV header row, or the union of the JSON records' keys). */
  headers: string[];
  /** The mapping used (detected unless one was passed). */
  mapping: ColumnMapping;
  /** The first rows as found, before mapping, for the mapping UI. */
  preview: { headers: string[]; rows: string[][] };
}

const norm = (h: string) =>
  h
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// Order matters: alias patterns are tested before name patterns ("alt names" is not the name).
const RULES: [GenericField, RegExp][] = [
  ['id', /^(id|uid|entry id|ent num|entity number|entity id|record id|list id number|party id|ref id)$/],
  [
    'aliases',
    /^(alias(es)?( \d+)?|aka( \d+)?|a k a|alt( name)?s?( \d+)?|alternat(e|ive) names?( \d+)?|other names?|also known as|alt names|weak aliases)$/,
  ],
  [
    'name',
    /^(name|full name|names?|entity|entity name|company|company name|party|party name|organi[sz]ation|organi[sz]ation name|sdn name|primary name|legal name|business name|individual|person|customer|account|account name)$/,
  ],
  ['type', /^(type|entity type|party type|sdn type|kind|record type|subject type)$/],
  [
    'countries',
    /^(country|countries|country code|country codes|country iso|iso country|nation|nationality|nationalities|citizenship|citizenships|jurisdiction)$/,
  ],
  [
    'programs',
    /^(program|programs|programme|programmes|sanctions? programs?|regime|regimes|list|lists|sanctions?)$/,
  ],
  ['notes', /^(notes?|remarks?|comments?|description|reason|details|info|information)$/],
  ['url', /^(url|link|links|reference|references|reference url|source url|source link|source|href)$/],
];

const SINGLE: GenericField[] = ['id', 'name', 'type', 'url'];

/** Propose a mapping from column names. Unrecognised columns are left out (ignored). */
export function detectMapping(headers: readonly string[]): ColumnMapping {
  const m: ColumnMapping = {};
  for (const h of headers) {
    const n = norm(h);
    if (!n) continue;
    for (const [field, re] of RULES) {
      if (!re.test(n)) continue;
      if (SINGLE.includes(field)) {
        const f = field as 'id' | 'name' | 'type' | 'url';
        if (m[f] === undefined) m[f] = h;
      } else {
        const f = field as 'aliases' | 'countries' | 'programs' | 'notes';
        const list = m[f] ?? [];
        list.push(h);
        m[f] = list;
      }
      break;
    }
  }
  // No exact name column: fall back to the first column whose name contains "name" (not an alias one).
  if (m.name === undefined) {
    const taken = new Set(Object.values(m).flat());
    const h = headers.find((x) => /\bname\b/.test(norm(x)) && !taken.has(x));
    if (h !== undefined) m.name = h;
  }
  return m;
}

/** `'=1+1` → `=1+1`: undo exportCsv's spreadsheet formula guard. */
function unguard(s: string): string {
  return s.length > 1 && s[0] === "'" && /[=+\-@\t\r]/.test(s[1]!) ? s.slice(1) : s;
}

/** JSON value → the strings a field sees. Arrays give several values; objects give their name/country. */
function valuesOf(v: unknown, field: GenericField): string[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v.flatMap((x) => valuesOf(x, field));
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const pick = field === 'countries' ? (o.country ?? o.code ?? o.name) : (o.name ?? o.value ?? o.text);
    if (typeof pick === 'string') return [pick];
    return field === 'notes' ? [JSON.stringify(v)] : [];
  }
  return [String(v)];
}

/** "RU; Korea, North | Iran" → codes; unknown names reported through `unknown`. */
export function parseCountries(values: readonly string[], unknown: (v: string) => void): string[] {
  const out: string[] = [];
  for (const cell of values) {
    for (const part of splitMulti(cell)) {
      const c = lookupCountry(part);
      if (c.code) out.push(c.code);
      else if (!c.known) {
        // "RU, CN" in one cell: accept a comma split only when every piece is a country.
        const pieces = part.split(',').map((p) => lookupCountry(p));
        if (pieces.length > 1 && pieces.every((p) => p.code || (p.known && !p.code)))
          for (const p of pieces) {
            if (p.code) out.push(p.code);
          }
        else unknown(part);
      }
    }
  }
  return out;
}

interface RecordIn {
  line: number;
  get: (column: string) => string[];
}

function buildEntries(
  records: Iterable<RecordIn>,
  mapping: ColumnMapping,
  collector: EntryCollector,
  issues: Issues,
): number {
  let rows = 0;
  const multiNotes = (mapping.notes?.length ?? 0) > 1;
  for (const r of records) {
    rows++;
    const one = (col?: string) => (col === undefined ? '' : clean(r.get(col).join('; ')));
    const name = one(mapping.name);
    if (!name) {
      issues.error(r.line, `missing name (column "${mapping.name}" is empty)`, 'missing name');
      continue;
    }
    const aliases = (mapping.aliases ?? []).flatMap((c) => r.get(c).flatMap(splitMulti));
    const typeRaw = one(mapping.type);
    const type = normalizeType(typeRaw);
    if (type === 'unknown' && typeRaw.toLowerCase() !== 'unknown')
      issues.warn(
        r.line,
        `unrecognised type "${typeRaw}" (kept as unknown)`,
        `unrecognised type "${typeRaw}"`,
      );
    const countries = parseCountries(
      (mapping.countries ?? []).flatMap((c) => r.get(c)),
      (v) => issues.warn(r.line, `unknown country "${v}" (kept without a code)`, `unknown country "${v}"`),
    );
    const programs = (mapping.programs ?? []).flatMap((c) =>
      r.get(c).flatMap((v) => splitMulti(v).flatMap(splitBracketed)),
    );
    const notes = (mapping.notes ?? [])
      .map((c) => {
        // Notes keep their line breaks (only trimmed), so a list survives export and re-import.
        const v = r.get(c).join('; ').trim();
        return v && multiNotes ? `${c}: ${v}` : v;
      })
      .filter(Boolean)
      .join(' | ');
    collector.add({
      id: one(mapping.id) || undefined,
      names: [name, ...aliases],
      type,
      countries,
      programs,
      notes: notes || undefined,
      url: one(mapping.url) || undefined,
    });
  }
  return rows;
}

function checkMapping(mapping: ColumnMapping, headers: readonly string[], issues: Issues): boolean {
  const present = new Set(headers);
  let ok = true;
  for (const [field, cols] of Object.entries(mapping)) {
    for (const c of ([] as (string | undefined)[]).concat(cols)) {
      if (c !== undefined && !present.has(c)) {
        issues.error(1, `mapping: column "${c}" (for ${field}) is not in the file`);
        ok = false;
      }
    }
  }
  if (mapping.name === undefined) {
    issues.error(
      1,
      `no name column: none of the columns (${headers.join(', ') || 'none'}) is recognised as the name; choose one in the mapping`,
    );
    ok = false;
  }
  return ok;
}

/** Pick the delimiter from the header line: the most frequent of , ; TAB | outside quotes. */
function sniffDelimiter(text: string): string {
  const nl = text.indexOf('\n');
  const first = text.slice(0, nl === -1 ? text.length : nl);
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  let q = false;
  for (const ch of first) {
    if (ch === '"') q = !q;
    else if (!q && ch in counts) counts[ch]!++;
  }
  let best = ',';
  for (const d of [';', '\t', '|']) if (counts[d]! > counts[best]!) best = d;
  return best;
}

export function parseGeneric(text: string, opts: GenericParseOptions): GenericParseResult {
  const format = opts.format === 'json' ? 'generic-json' : 'generic-csv';
  let extra: Pick<GenericParseResult, 'headers' | 'mapping' | 'preview'> = {
    headers: [],
    mapping: {},
    preview: { headers: [], rows: [] },
  };
  const r = guarded(format, () => {
    const out = opts.format === 'json' ? genericJson(text, opts) : genericCsv(text, opts);
    extra = { headers: out.headers, mapping: out.mapping, preview: out.preview };
    return out;
  });
  return { ...r, ...extra };
}

function genericCsv(text: string, opts: GenericParseOptions): GenericParseResult {
  const issues = new Issues();
  const collector = new EntryCollector(listIdOf(opts));
  const report = progressReporter(opts.onProgress);
  const { rows, problems } = readDelimited(text, {
    delimiter: sniffDelimiter(text.replace(/^\uFEFF/, '')),
    onProgress: (f) => report(f * 0.8),
  });
  const badLines = reportMalformed(issues, problems);
  const headerRow = rows[0];
  const headers = (headerRow?.fields ?? []).map((h, i) => clean(h) || `column ${i + 1}`);
  const mapping = opts.mapping ?? detectMapping(headers);
  const nPreview = opts.previewRows ?? 10;
  const preview = { headers, rows: rows.slice(1, 1 + nPreview).map((r) => r.fields.map(unguard)) };
  if (!headerRow) {
    issues.error(0, 'empty file: no header row');
    return { ...result('generic-csv', collector, issues, 0), headers, mapping, preview };
  }
  if (!checkMapping(mapping, headers, issues))
    return { ...result('generic-csv', collector, issues, rows.length - 1), headers, mapping, preview };

  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i);
  });
  const headerKey = headerRow.fields.join('\u0000');
  const records = function* (): Generator<RecordIn> {
    for (let i = 1; i < rows.length; i++) {
      const row = rows[i]!;
      // A row with a quoting error swallowed what follows it: already reported, not an entry.
      if (badLines.has(row.line)) continue;
      if (row.fields.join('\u0000') === headerKey) {
        issues.warn(row.line, 'duplicate header row skipped', 'duplicate header row');
        continue;
      }
      if (row.fields.length > headers.length && row.fields.slice(headers.length).some((f) => f.trim())) {
        issues.error(
          row.line,
          `malformed row: ${row.fields.length} fields, the header has ${headers.length} (unquoted delimiter?)`,
          'wrong field count',
        );
        continue;
      }
      if (i % 1000 === 0) report(0.8 + (0.2 * i) / rows.length);
      yield {
        line: row.line,
        get: (c) => {
          const v = row.fields[index.get(c) ?? -1];
          return v === undefined ? [] : [unguard(v)];
        },
      };
    }
  };
  const n = buildEntries(records(), mapping, collector, issues);
  report(1);
  return { ...result('generic-csv', collector, issues, n), headers, mapping, preview };
}

const RECORD_KEYS = ['entries', 'results', 'data', 'items', 'records', 'rows', 'list', 'parties', 'entities'];

/** Find the array of records: the root array, a well-known key, or the first array of objects. */
export function findRecords(value: unknown): { records: unknown[]; key?: string } | undefined {
  if (Array.isArray(value)) return { records: value };
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const k of RECORD_KEYS) if (Array.isArray(o[k])) return { records: o[k] as unknown[], key: k };
    for (const [k, v] of Object.entries(o))
      if (Array.isArray(v) && v.some((x) => x && typeof x === 'object' && !Array.isArray(x)))
        return { records: v, key: k };
  }
  return undefined;
}

function genericJson(text: string, opts: GenericParseOptions): GenericParseResult {
  const issues = new Issues();
  const collector = new EntryCollector(listIdOf(opts));
  const report = progressReporter(opts.onProgress);
  const empty = { headers: [] as string[], mapping: opts.mapping ?? {}, preview: { headers: [], rows: [] } };
  const parsed = parseJson(text);
  if (!parsed.ok) {
    issues.error(parsed.issue.line, parsed.issue.reason, undefined, parsed.issue.column);
    return { ...result('generic-json', collector, issues, 0), ...empty };
  }
  report(0.5);
  const found = findRecords(parsed.value);
  if (!found) {
    issues.error(
      1,
      'no list found: expected an array of records, or an object with one (e.g. "entries": [...])',
    );
    return { ...result('generic-json', collector, issues, 0), ...empty };
  }
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const rec of found.records.slice(0, 200)) {
    if (rec && typeof rec === 'object' && !Array.isArray(rec))
      for (const k of Object.keys(rec))
        if (!seen.has(k)) {
          seen.add(k);
          headers.push(k);
        }
  }
  const mapping = opts.mapping ?? detectMapping(headers);
  const show = (v: unknown) =>
    v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  const preview = {
    headers,
    rows: found.records
      .slice(0, opts.previewRows ?? 10)
      .map((rec) =>
        headers.map((h) =>
          show(rec && typeof rec === 'object' ? (rec as Record<string, unknown>)[h] : undefined),
        ),
      ),
  };
  const offsets = jsonRecordOffsets(text, found.key);
  const lines = offsets.length === found.records.length ? linesAt(text, offsets) : undefined;
  if (!checkMapping(mapping, headers, issues))
    return { ...result('generic-json', collector, issues, found.records.length), headers, mapping, preview };
  const fieldOf = new Map<string, GenericField>();
  for (const [field, cols] of Object.entries(mapping) as [GenericField, string | string[] | undefined][])
    for (const c of ([] as (string | undefined)[]).concat(cols)) if (c !== undefined) fieldOf.set(c, field);
  const records = function* (): Generator<RecordIn> {
    for (let i = 0; i < found.records.length; i++) {
      const rec = found.records[i];
      const line = lines?.[i] ?? 0;
      if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
        issues.error(line, `record ${i + 1} is not an object`, 'record not an object');
        continue;
      }
      const o = rec as Record<string, unknown>;
      yield {
        line,
        get: (c) => valuesOf(o[c], fieldOf.get(c) ?? 'notes'),
      };
    }
  };
  const n = buildEntries(records(), mapping, collector, issues);
  report(1);
  return { ...result('generic-json', collector, issues, n), headers, mapping, preview };
}
