/**
 * Helpers shared by the list parsers: CSV/TSV reading with line numbers (papaparse), issue
 * collection with caps, name cleaning, stable ids, JSON parsing with positions.
 * Pure: no DOM, no browser APIs, no Node fs.
 */
import Papa from 'papaparse';
import type { EntryType, WatchlistEntry } from '../model';
import type { ListFormat, ParseIssue, ParseMeta, ParseOptions, ParseResult } from './types';

type EntryTypeValue = (typeof EntryType.options)[number];

/** Most issues of one kind kept; the rest are counted in one summary line (a 15k-row file can't flood the UI). */
export const MAX_ISSUES_PER_KIND = 50;

export class Issues {
  readonly errors: ParseIssue[] = [];
  readonly warnings: ParseIssue[] = [];
  private counts = new Map<string, { n: number; first: ParseIssue; level: 'error' | 'warning' }>();

  constructor(private readonly file?: string) {}

  /** `kind` groups repeated issues ("unknown country"); defaults to the reason itself. */
  error(line: number, reason: string, kind?: string, column?: number): void {
    this.add('error', line, reason, kind, column);
  }

  warn(line: number, reason: string, kind?: string): void {
    this.add('warning', line, reason, kind);
  }

  get errorCount(): number {
    let n = 0;
    for (const c of this.counts.values()) if (c.level === 'error') n += c.n;
    return n;
  }

  private add(level: 'error' | 'warning', line: number, reason: string, kind = reason, column?: number) {
    const key = `${level}:${kind}`;
    const issue: ParseIssue = { line, reason };
    if (this.file) issue.file = this.file;
    if (column !== undefined) issue.column = column;
    const c = this.counts.get(key);
    if (c) c.n++;
    else this.counts.set(key, { n: 1, first: issue, level });
    if ((c?.n ?? 1) <= MAX_ISSUES_PER_KIND) (level === 'error' ? this.errors : this.warnings).push(issue);
  }

  /** Adds "… and N more" lines for capped kinds. Call once at the end. */
  finish(): { errors: ParseIssue[]; warnings: ParseIssue[] } {
    for (const [key, c] of this.counts) {
      if (c.n <= MAX_ISSUES_PER_KIND) continue;
      const kind = key.slice(key.indexOf(':') + 1);
      const more: ParseIssue = {
        line: 0,
        reason: `${c.n - MAX_ISSUES_PER_KIND} more of: ${kind}`,
      };
      if (this.file) more.file = this.file;
      (c.level === 'error' ? this.errors : this.warnings).push(more);
    }
    return { errors: this.errors, warnings: this.warnings };
  }

  /** Take issues from a sub-parse (another file of the same import). */
  absorb(other: { errors: ParseIssue[]; warnings: ParseIssue[] }): void {
    this.errors.push(...other.errors);
    this.warnings.push(...other.warnings);
  }
}

/** Throttled progress reporter: calls at most ~100 times, always ends with 1. */
export function progressReporter(onProgress?: (f: number) => void, from = 0, to = 1) {
  let last = -1;
  return (fraction: number) => {
    if (!onProgress) return;
    const f = from + (to - from) * Math.min(1, Math.max(0, fraction));
    if (f - last >= 0.01 || (f >= 1 && last < 1)) {
      last = f;
      try {
        onProgress(f);
      } catch {
        // A failing UI callback must not abort an import.
      }
    }
  };
}

/** Strip a UTF-8 BOM and OFAC's trailing DOS EOF byte(s) (0x1A). */
export function cleanText(text: string): string {
  let s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let end = s.length;
  while (end > 0) {
    const c = s.charCodeAt(end - 1);
    if (c === 0x1a || c === 0x0a || c === 0x0d || c === 0x20 || c === 0x09) end--;
    else break;
  }
  if (end < s.length) s = s.slice(0, end);
  return s;
}

export interface DelimitedRow {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: string[];
}

/**
 * Read CSV/TSV with papaparse (step mode, so we know where each record starts).
 * Returns the rows and the syntax problems (unterminated quotes …) with line numbers.
 */
export function readDelimited(
  text: string,
  opts: { delimiter?: string; onProgress?: (f: number) => void } = {},
): { rows: DelimitedRow[]; problems: ParseIssue[]; delimiter: string } {
  const src = cleanText(text);
  const rows: DelimitedRow[] = [];
  const problems: ParseIssue[] = [];
  let prevCursor = 0;
  let line = 1;
  const total = src.length || 1;
  let delimiter = opts.delimiter ?? '';
  // Counting newlines between record starts keeps line numbers right when quoted fields span lines.
  const advance = (to: number) => {
    let i = src.indexOf('\n', prevCursor);
    while (i !== -1 && i < to) {
      line++;
      i = src.indexOf('\n', i + 1);
    }
    prevCursor = to;
  };
  let n = 0;
  Papa.parse<string[]>(src, {
    delimiter: opts.delimiter ?? '',
    skipEmptyLines: false,
    step: (r) => {
      const startLine = line;
      const cursor = r.meta.cursor;
      if (!delimiter) delimiter = r.meta.delimiter;
      const fields = r.data;
      const blank = fields.length === 1 && fields[0]!.trim() === '';
      if (!blank) rows.push({ line: startLine, fields });
      for (const e of r.errors) {
        if (e.code === 'UndetectableDelimiter') continue;
        const reason =
          e.code === 'MissingQuotes'
            ? 'malformed row: quoted field is never closed (unbalanced double quote)'
            : e.code === 'InvalidQuotes'
              ? 'malformed row: stray double quote inside a quoted field'
              : `malformed row: ${e.message}`;
        problems.push({ line: startLine, reason });
      }
      advance(cursor);
      if (opts.onProgress && ++n % 500 === 0) opts.onProgress(cursor / total);
    },
  });
  opts.onProgress?.(1);
  return { rows, problems, delimiter: delimiter || ',' };
}

const WS = /\s+/g;
const NEEDS_COLLAPSE = /\s\s|[\t\n\r\f\v\u00a0]/;

/** Trim, collapse whitespace; OFAC's `-0-` null marker (often `-0- `) becomes empty. */
export function clean(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value.trim() : String(value).trim();
  // Most cells need no collapsing: test first, replace only when needed (hot path on 15k-row lists).
  if (NEEDS_COLLAPSE.test(s)) s = s.replace(WS, ' ');
  return s === '-0-' ? '' : s;
}

/**
 * Split a multi-value cell. When the cell contains `|`, split on `|` only (so a name containing `;`
 * survives); otherwise on `;`. exportCsv relies on this rule.
 */
export function splitMulti(value: string): string[] {
  if (!value) return [];
  const parts = value.includes('|') ? value.split('|') : value.split(';');
  return parts.map((p) => clean(p)).filter(Boolean);
}

/** Map a free-text type to EntryType. Undefined when blank; 'unknown' when unrecognised. */
export function normalizeType(value: string): EntryTypeValue | undefined {
  const v = value.trim().toLowerCase();
  if (!v) return undefined;
  if (/^(individual|person|natural person|people|indiv\.?|i|human)$/.test(v)) return 'individual';
  if (/^(entity|company|organi[sz]ation|org|business|legal( person| entity)?|firm|corporation|e)$/.test(v))
    return 'entity';
  if (/^(vessel|ship|boat|v)$/.test(v)) return 'vessel';
  if (/^(aircraft|plane|airplane|a)$/.test(v)) return 'aircraft';
  if (v === 'unknown') return 'unknown';
  return 'unknown';
}

/** FNV-1a 32-bit, hex: short stable ids for rows that carry none. */
export function hashId(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Builds entries: dedupes names (case-insensitive) and ids, counts aliases. */
export class EntryCollector {
  readonly entries: WatchlistEntry[] = [];
  private ids = new Set<string>();
  aliases = 0;

  constructor(readonly listId: string) {}

  /**
   * Add an entry. `id` is the source's id; when absent a hash of name/type/countries is used.
   * Returns the entry (or undefined when it has no usable name).
   */
  add(e: {
    id?: string;
    names: string[];
    type?: EntryTypeValue;
    countries?: string[];
    programs?: string[];
    notes?: string;
    url?: string;
    source?: WatchlistEntry['source'];
  }): WatchlistEntry | undefined {
    const names = uniqueNames(e.names);
    if (names.length === 0) return undefined;
    let id = e.id ? clean(e.id) : '';
    if (!id) id = `h${hashId(`${names[0]!.toLowerCase()}|${e.type ?? ''}|${(e.countries ?? []).join(',')}`)}`;
    if (this.ids.has(id)) {
      let k = 2;
      while (this.ids.has(`${id}-${k}`)) k++;
      id = `${id}-${k}`;
    }
    this.ids.add(id);
    const entry: WatchlistEntry = { id, listId: this.listId, names };
    if (e.type) entry.type = e.type;
    const countries = unique(e.countries ?? []);
    if (countries.length) entry.countries = countries;
    const programs = unique((e.programs ?? []).map(clean).filter(Boolean));
    if (programs.length) entry.programs = programs;
    if (e.notes) entry.notes = e.notes;
    if (e.url) entry.url = e.url;
    if (e.source) entry.source = e.source;
    this.entries.push(entry);
    this.aliases += names.length - 1;
    return entry;
  }

  /**
   * After entries were changed in place (aliases and countries merged later, as in OFAC alt/add):
   * recount aliases and put keys back in the canonical order, so every parser's output looks alike.
   */
  recount(): void {
    this.aliases = 0;
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      this.aliases += e.names.length - 1;
      const c: WatchlistEntry = { id: e.id, listId: e.listId, names: e.names };
      if (e.type) c.type = e.type;
      if (e.countries?.length) c.countries = e.countries;
      if (e.programs?.length) c.programs = e.programs;
      if (e.notes) c.notes = e.notes;
      if (e.url) c.url = e.url;
      if (e.source) c.source = e.source;
      this.entries[i] = c;
    }
  }
}

export function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/** Primary name first; drop blanks and case-insensitive duplicates. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const n = clean(raw);
    if (!n) continue;
    const k = n.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(n);
  }
  return out;
}

/** Add names to an existing entry, keeping case-insensitive uniqueness. Returns how many were added. */
export function addNames(entry: WatchlistEntry, names: readonly string[]): number {
  const before = entry.names.length;
  entry.names = uniqueNames([...entry.names, ...names]);
  return entry.names.length - before;
}

export function result(
  format: ListFormat,
  collector: EntryCollector,
  issues: Issues,
  rows: number,
  meta: Omit<ParseMeta, 'format'> = {},
): ParseResult {
  const { errors, warnings } = issues.finish();
  const m: ParseMeta = { format };
  if (meta.asOf) m.asOf = meta.asOf;
  if (meta.source) m.source = meta.source;
  if (meta.name) m.name = meta.name;
  return {
    ok: errors.length === 0,
    entries: collector.entries,
    meta: m,
    errors,
    warnings,
    stats: { rows, entries: collector.entries.length, aliases: collector.aliases },
  };
}

/** A result that only carries one file-level error (nothing usable was read). */
export function failed(format: ListFormat, reason: string, file?: string, line = 0): ParseResult {
  const e: ParseIssue = { line, reason };
  if (file) e.file = file;
  return {
    ok: false,
    entries: [],
    meta: { format },
    errors: [e],
    warnings: [],
    stats: { rows: 0, entries: 0, aliases: 0 },
  };
}

/** Run a parser so that an unexpected exception becomes a reported error, never a throw. */
export function guarded(format: ListFormat, fn: () => ParseResult, file?: string): ParseResult {
  try {
    return fn();
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return failed(format, `internal error while parsing: ${msg}`, file);
  }
}

export function listIdOf(opts?: ParseOptions): string {
  return opts?.listId?.trim() || 'import';
}

/** 1-based line and column of a character offset. */
export function lineColAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  let i = text.indexOf('\n');
  while (i !== -1 && i < end) {
    line++;
    lineStart = i + 1;
    i = text.indexOf('\n', i + 1);
  }
  return { line, column: end - lineStart + 1 };
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; issue: ParseIssue };

/**
 * JSON.parse with the error position turned into line/column. Engines word the message
 * differently (V8: "at position N" / "(line L column C)", Firefox: "at line L column C");
 * a truncated file ("Unexpected end of JSON input") is reported at its last line.
 */
export function parseJson(text: string): JsonParse {
  const src = cleanText(text);
  try {
    return { ok: true, value: JSON.parse(src) };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    let pos: { line: number; column: number } | undefined;
    const lc = /line (\d+) column (\d+)/.exec(msg);
    const p = /position (\d+)/.exec(msg);
    if (lc) pos = { line: Number(lc[1]), column: Number(lc[2]) };
    else if (p) pos = lineColAt(src, Number(p[1]));
    else if (/end of (JSON input|data)/i.test(msg) || src.trim() === '') pos = lineColAt(src, src.length);
    // V8 reports a file cut after a value as "Expected ',' or '}' … at position <end>": truncated too.
    const truncated = /end of (JSON input|data)/i.test(msg) || (p !== null && Number(p[1]) >= src.length);
    const reason = truncated
      ? 'bad JSON: the file ends too early (truncated?)'
      : `bad JSON: ${msg.replace(/^JSON\.parse: /, '')}`;
    return { ok: false, issue: { line: pos?.line ?? 0, column: pos?.column, reason } };
  }
}

/**
 * Start offsets of the objects inside the array that holds the records: the root array, or the
 * array under `key` in the root object. Lets JSON parsers report the line of a bad record.
 * A tiny scanner (strings, nesting), linear in the text.
 */
export function jsonRecordOffsets(text: string, key?: string): number[] {
  const src = cleanText(text);
  const offsets: number[] = [];
  let depth = 0;
  // Depth at which records start (their '{' is opened at this depth).
  let recordDepth = key === undefined ? 1 : -1;
  let lastString = '';
  let lastStringDepth = -1;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x22) {
      // string
      let j = i + 1;
      while (j < src.length) {
        const d = src.charCodeAt(j);
        if (d === 0x5c) j += 2;
        else if (d === 0x22) break;
        else j++;
      }
      if (depth === 1) {
        lastString = src.slice(i + 1, j);
        lastStringDepth = depth;
      }
      i = j;
    } else if (c === 0x7b || c === 0x5b) {
      // { or [
      if (c === 0x7b && depth === recordDepth) offsets.push(i);
      if (c === 0x5b && key !== undefined && depth === 1 && lastStringDepth === 1 && lastString === key) {
        recordDepth = 2;
      }
      depth++;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (key !== undefined && depth === 1 && c === 0x5d && recordDepth === 2) recordDepth = -2;
    }
  }
  return offsets;
}

/** Line numbers for many ascending offsets in one pass. */
export function linesAt(text: string, offsets: readonly number[]): number[] {
  const src = cleanText(text);
  const out: number[] = [];
  let line = 1;
  let pos = 0;
  for (const off of offsets) {
    let i = src.indexOf('\n', pos);
    while (i !== -1 && i < off) {
      line++;
      i = src.indexOf('\n', i + 1);
    }
    pos = off;
    out.push(line);
  }
  return out;
}

/** Report readDelimited's syntax problems as errors; returns their lines so those rows are skipped. */
export function reportMalformed(issues: Issues, problems: readonly ParseIssue[]): Set<number> {
  const badLines = new Set<number>();
  for (const p of problems) {
    issues.error(p.line, p.reason, 'malformed row');
    badLines.add(p.line);
  }
  return badLines;
}
