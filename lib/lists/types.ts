/**
 * Result shapes shared by every list parser.
 * Parsers never throw on bad input: problems come back as `errors` (the import should not be
 * accepted as is) and `warnings` (accepted, but the user should know). The caller decides.
 */
import type { WatchlistEntry } from '../model';

export type ListFormat =
  | 'generic-csv'
  | 'generic-json'
  | 'ofac-legacy-csv'
  | 'ofac-sdn-xml'
  | 'csl-csv'
  | 'csl-json'
  | 'bis-entity-json'
  | 'bis-dpl-txt'
  | 'dealscreen-json';

/** One file as the user dropped it: name plus decoded text (the caller decodes; lists are UTF-8). */
export interface ListFile {
  name: string;
  text: string;
}

export interface ParseIssue {
  /** 1-based physical line where the record starts; 0 when the problem concerns the whole file. */
  line: number;
  reason: string;
  /** File name, for multi-file imports. */
  file?: string;
  /** 1-based column, when known (JSON syntax errors). */
  column?: number;
}

export interface ParseMeta {
  format: ListFormat;
  /** Date of the list's data (YYYY-MM-DD), when the file says. */
  asOf?: string;
  /** Where the data comes from ("OFAC SDN", a file name, a publisher id). */
  source?: string;
  /** Suggested list name for the UI. */
  name?: string;
}

export interface ParseStats {
  /** Data records read (header rows not counted). */
  rows: number;
  entries: number;
  /** Names beyond the primary one, summed over entries. */
  aliases: number;
}

export interface ParseResult {
  /** True when there are no errors (warnings allowed). */
  ok: boolean;
  entries: WatchlistEntry[];
  meta: ParseMeta;
  errors: ParseIssue[];
  warnings: ParseIssue[];
  stats: ParseStats;
}

export interface ParseOptions {
  /** listId stamped on every entry (default "import"). */
  listId?: string;
  /** Called with 0..1 while parsing (synchronously, throttled) and with 1 at the end. */
  onProgress?: (fraction: number) => void;
}
