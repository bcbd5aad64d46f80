/**
 * Guess the format of dropped files from their names and first bytes, so the user can just drop
 * files. Cheap: looks at the first line / first 64 KB, never parses the whole file.
 */
import { type OfacFileRole, ofacFileRole } from './ofac';
import type { ListFile, ListFormat } from './types';

export interface FileDetection {
  name: string;
  format: ListFormat | 'unknown';
  /** For OFAC legacy CSV files: which file of the set this is. */
  role?: OfacFileRole;
  reason: string;
}

export interface FormatDetection {
  /** One format for the whole drop, or 'unknown' (unrecognised, or a mix that must be imported separately). */
  format: ListFormat | 'unknown';
  reason: string;
  files: FileDetection[];
}

const HEAD = 64 * 1024;

function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return (nl === -1 ? text : text.slice(0, nl)).replace(/\r$/, '');
}

export function detectFile(file: ListFile): FileDetection {
  const name = file.name;
  const lower = name.toLowerCase();
  const head = file.text.slice(0, HEAD).replace(/^\uFEFF/, '');
  const start = head.trimStart();
  const d = (format: FileDetection['format'], reason: string, role?: OfacFileRole): FileDetection =>
    role ? { name, format, role, reason } : { name, format, reason };

  if (!start) return d('unknown', 'empty file');
  if (start.startsWith('<')) {
    if (/<sdnList\b|<sdnEntry\b/.test(head))
      return d('ofac-sdn-xml', 'XML with <sdnList>/<sdnEntry> (OFAC sdn.xml)');
    return d('unknown', 'XML, but not OFAC sdn.xml');
  }
  if (start.startsWith('{') || start.startsWith('[')) {
    if (/"format"\s*:\s*"dealscreen-watchlist"/.test(head))
      return d('dealscreen-json', 'DealScreen watchlist export');
    if (/"entities"\s*:/.test(head) && /"federal_register"\s*:/.test(head))
      return d('bis-entity-json', 'JSON with "entities" and "federal_register" (BIS Entity/MEU list)');
    if (/"alt_names"\s*:/.test(head) || (/"results"\s*:/.test(head) && /"source"\s*:/.test(head)))
      return d('csl-json', 'JSON with CSL fields ("alt_names", "results"/"source")');
    return d('generic-json', 'JSON: fields will be recognised by name');
  }
  const line = firstLine(head);
  const cols = line
    .split(line.includes('\t') ? '\t' : ',')
    .map((c) => c.replace(/^"|"$/g, '').trim().toLowerCase());
  if (
    line.includes('\t') &&
    cols.includes('name') &&
    (cols.includes('fr_citation') || cols.includes('street_address'))
  )
    return d('bis-dpl-txt', 'tab-separated with Name/Street_Address/FR_Citation (BIS Denied Persons List)');
  if (
    cols.includes('name') &&
    cols.includes('alt_names') &&
    (cols.includes('source') || cols.includes('_id'))
  )
    return d('csl-csv', 'CSV header with name, alt_names, source (trade.gov Consolidated Screening List)');
  if (/^\d+,/.test(line)) {
    const role = ofacFileRole(file);
    if (role)
      return d('ofac-legacy-csv', `OFAC legacy CSV (${role} file: no header, -0- null markers)`, role);
  }
  if (/\.(csv|tsv|txt)$/.test(lower) || /[,;\t|]/.test(line))
    return d('generic-csv', 'CSV with a header row');
  return d('unknown', 'not a recognised list format');
}

export function detectFormat(files: readonly ListFile[]): FormatDetection {
  const per = files.map(detectFile);
  if (per.length === 0) return { format: 'unknown', reason: 'no files', files: per };
  const formats = [...new Set(per.map((f) => f.format))];
  if (formats.length === 1 && formats[0] !== 'unknown') {
    const f = formats[0]!;
    if (f !== 'ofac-legacy-csv' && per.length > 1)
      return {
        format: 'unknown',
        reason: `${per.length} ${f} files: import them one at a time (only OFAC sdn/alt/add/comments files combine)`,
        files: per,
      };
    return { format: f, reason: per.map((p) => `${p.name}: ${p.reason}`).join('; '), files: per };
  }
  const unknown = per.filter((p) => p.format === 'unknown');
  if (unknown.length)
    return {
      format: 'unknown',
      reason: `not recognised: ${unknown.map((u) => `${u.name} (${u.reason})`).join(', ')}`,
      files: per,
    };
  return {
    format: 'unknown',
    reason: `mixed formats (${per.map((p) => `${p.name}: ${p.format}`).join(', ')}): import each list separately`,
    files: per,
  };
}
