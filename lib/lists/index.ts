/**
 * lib/lists: parsers for the list formats compliance teams use, format detection, export.
 * Pure (no DOM, no browser APIs, no Node fs): takes file contents as strings.
 * Everything returns a ParseResult and never throws on bad input; `ok` is false when there are
 * errors, and the caller decides whether to accept the entries that did parse.
 */
import { parseBisDpl, parseBisEntityJson } from './bis';
import { parseCslCsv, parseCslJson } from './csl';
import { detectFormat } from './detect';
import { type ColumnMapping, type GenericParseResult, parseGeneric } from './generic';
import { type NativeParseResult, parseNativeJson } from './native';
import { parseOfacLegacy } from './ofac';
import { parseOfacXml } from './ofac-xml';
import type { ListFile, ListFormat, ParseOptions, ParseResult } from './types';
import { failed } from './util';

export { parseBisDpl, parseBisEntityJson } from './bis';
export { lookupCountry, toIso2 } from './countries';
export { CSL_COLUMNS, parseCslCsv, parseCslJson } from './csl';
export { detectFile, detectFormat, type FileDetection, type FormatDetection } from './detect';
export {
  type ColumnMapping,
  detectMapping,
  type GenericField,
  type GenericParseOptions,
  type GenericParseResult,
  parseGeneric,
} from './generic';
export {
  EXPORT_COLUMNS,
  exportCsv,
  exportJson,
  NATIVE_FORMAT,
  NATIVE_VERSION,
  type NativeParseResult,
  parseNativeJson,
} from './native';
export { type OfacFileRole, ofacFileRole, parseOfacLegacy } from './ofac';
export { parseOfacXml } from './ofac-xml';
export type {
  ListFile,
  ListFormat,
  ParseIssue,
  ParseMeta,
  ParseOptions,
  ParseResult,
  ParseStats,
} from './types';

export interface ImportOptions extends ParseOptions {
  /** Skip detection and parse as this format. */
  format?: ListFormat;
  /** For generic CSV/JSON: the (user-corrected) column mapping. */
  mapping?: ColumnMapping;
}

/**
 * Detect the format of the dropped files and parse them. Several files only combine for OFAC
 * legacy CSV (sdn + alt + add + comments); other formats are one file per import.
 * Synchronous: onProgress is called during the parse (run it in a worker to keep a page responsive).
 */
export function importFiles(
  files: readonly ListFile[],
  opts: ImportOptions = {},
): ParseResult | GenericParseResult | NativeParseResult {
  const detection = opts.format ? undefined : detectFormat(files);
  const format = opts.format ?? detection?.format ?? 'unknown';
  if (format === 'unknown')
    return failed('generic-csv', `cannot import: ${detection?.reason ?? 'unknown format'}`);
  if (format === 'ofac-legacy-csv') return parseOfacLegacy([...files], opts);
  if (files.length !== 1)
    return failed(format, `${format} takes one file, got ${files.length}: import them one at a time`);
  const text = files[0]!.text;
  switch (format) {
    case 'generic-csv':
      return parseGeneric(text, { ...opts, format: 'csv' });
    case 'generic-json':
      return parseGeneric(text, { ...opts, format: 'json' });
    case 'csl-csv':
      return parseCslCsv(text, opts);
    case 'csl-json':
      return parseCslJson(text, opts);
    case 'bis-entity-json':
      return parseBisEntityJson(text, opts);
    case 'bis-dpl-txt':
      return parseBisDpl(text, opts);
    case 'ofac-sdn-xml':
      return parseOfacXml(text, opts);
    case 'dealscreen-json':
      return parseNativeJson(text, opts);
  }
}
