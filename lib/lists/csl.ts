/**
 * trade.gov Consolidated Screening List (CSL): the CSV download and the JSON shapes (API search
 * response `{results: [...]}`, the consolidated.json download, or a bare array).
 * CSV columns: _id, source, entity_number, type, programs, name, title, addresses, …, alt_names
 * (`; `-separated), citizenships, dates_of_birth, nationalities, places_of_birth,
 * source_information_url, ids. Columns are found by header name, so order changes are tolerated.
 */
import { lookupCountry } from './countries';
import { findRecords } from './generic';
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
} from './util';

export const CSL_COLUMNS = [
  '_id',
  'source',
  'entity_number',
  'type',
  'programs',
  'name',
  'title',
  'addresses',
  'federal_register_notice',
  'start_date',
  'end_date',
  'standard_order',
  'license_requirement',
  'license_policy',
  'call_sign',
  'vessel_type',
  'gross_tonnage',
  'gross_registered_tonnage',
  'vessel_flag',
  'vessel_owner',
  'remarks',
  'source_list_url',
  'alt_names',
  'citizenships',
  'dates_of_birth',
  'nationalities',
  'places_of_birth',
  'source_information_url',
  'ids',
] as const;

const SOURCE = 'trade.gov Consolidated Screening List';

/** Values of a CSL field: arrays as they are, strings split on `;` (the CSV joins with `; `). */
function many(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v.flatMap(many);
  if (typeof v === 'object') return [];
  return String(v)
    .split(';')
    .map((s) => clean(s))
    .filter(Boolean);
}

/** Countries of CSL addresses. CSV: "street, city, postal, CC" per address; JSON: {country}. */
function addressCountries(v: unknown): string[] {
  const out: string[] = [];
  const list = Array.isArray(v) ? v : many(v);
  for (const a of list) {
    if (a && typeof a === 'object') {
      const c = (a as Record<string, unknown>).country;
      if (typeof c === 'string') {
        const code = lookupCountry(c).code;
        if (code) out.push(code);
      }
    } else if (typeof a === 'string') {
      // The last comma part is the country (ISO code, sometimes a name). A postal code or city
      // there just means no country was given: no warning, the address is not ours to judge.
      const last = clean(a.slice(a.lastIndexOf(',') + 1));
      const code = lookupCountry(last).code;
      if (code) out.push(code);
    }
  }
  return out;
}

type Getter = (key: string) => unknown;

function addCslRecord(get: Getter, line: number, collector: EntryCollector, issues: Issues): void {
  const str = (k: string) => {
    const v = get(k);
    return Array.isArray(v) ? clean(v.join('; ')) : typeof v === 'object' ? '' : clean(v);
  };
  const name = str('name');
  if (!name) {
    issues.error(line, 'missing name', 'missing name');
    return;
  }
  const countries = [...addressCountries(get('addresses'))];
  for (const k of ['nationalities', 'citizenships']) {
    for (const c of many(get(k))) {
      const hit = lookupCountry(c);
      if (hit.code) countries.push(hit.code);
      else if (!hit.known) issues.warn(line, `unknown country "${c}" in ${k}`, `unknown country "${c}"`);
    }
  }
  const typeRaw = str('type');
  const notes = [
    str('source'),
    str('title') && `Title: ${str('title')}`,
    str('remarks'),
    str('license_requirement') && `License requirement: ${str('license_requirement')}`,
    str('federal_register_notice') && `Federal Register: ${str('federal_register_notice')}`,
    str('start_date') && `Listed ${str('start_date')}`,
    str('end_date') && `Ends ${str('end_date')}`,
  ]
    .filter(Boolean)
    .join('. ')
    .replace(/\.\./g, '.');
  collector.add({
    id: str('_id') || str('id') || str('entity_number') || undefined,
    names: [name, ...many(get('alt_names'))],
    type: normalizeType(typeRaw),
    countries,
    programs: many(get('programs')),
    notes: notes || undefined,
    url: str('source_information_url') || str('source_list_url') || undefined,
  });
}

export function parseCslCsv(text: string, opts: ParseOptions = {}): ParseResult {
  return guarded('csl-csv', () => {
    const issues = new Issues();
    const collector = new EntryCollector(listIdOf(opts));
    const report = progressReporter(opts.onProgress);
    const { rows, problems } = readDelimited(text, { delimiter: ',', onProgress: (f) => report(f * 0.8) });
    const badLines = reportMalformed(issues, problems);
    const header = rows[0]?.fields.map((h) => clean(h).toLowerCase()) ?? [];
    const col = new Map<string, number>();
    header.forEach((h, i) => {
      if (!col.has(h)) col.set(h, i);
    });
    if (!col.has('name')) {
      issues.error(1, `not a CSL CSV: no "name" column in the header (${header.slice(0, 8).join(', ')}…)`);
      return result('csl-csv', collector, issues, Math.max(0, rows.length - 1), { source: SOURCE });
    }
    const headerKey = rows[0]!.fields.join('\u0000');
    let n = 0;
    for (let i = 1; i < rows.length; i++) {
      const { line, fields } = rows[i]!;
      // The real trade.gov sample repeats its header at line 2.
      if (fields.join('\u0000') === headerKey) {
        issues.warn(line, 'duplicate header row skipped', 'duplicate header row');
        continue;
      }
      n++;
      if (fields.length !== header.length) {
        if (!badLines.has(line))
          issues.error(
            line,
            `malformed row: ${fields.length} fields, the header has ${header.length}`,
            'wrong field count',
          );
        continue;
      }
      if (badLines.has(line)) continue;
      addCslRecord((k) => fields[col.get(k) ?? -1], line, collector, issues);
      if (i % 1000 === 0) report(0.8 + (0.2 * i) / rows.length);
    }
    report(1);
    return result('csl-csv', collector, issues, n, { source: SOURCE, name: 'Consolidated Screening List' });
  });
}

export function parseCslJson(text: string, opts: ParseOptions = {}): ParseResult {
  return guarded('csl-json', () => {
    const issues = new Issues();
    const collector = new EntryCollector(listIdOf(opts));
    const report = progressReporter(opts.onProgress);
    const parsed = parseJson(text);
    if (!parsed.ok) {
      issues.error(parsed.issue.line, parsed.issue.reason, undefined, parsed.issue.column);
      return result('csl-json', collector, issues, 0, { source: SOURCE });
    }
    report(0.5);
    const found = findRecords(parsed.value);
    if (!found) {
      issues.error(1, 'not a CSL JSON: expected {"results": [...]} or an array of records');
      return result('csl-json', collector, issues, 0, { source: SOURCE });
    }
    const offsets = jsonRecordOffsets(text, found.key);
    const lines = offsets.length === found.records.length ? linesAt(text, offsets) : undefined;
    found.records.forEach((rec, i) => {
      const line = lines?.[i] ?? 0;
      if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
        issues.error(line, `record ${i + 1} is not an object`, 'record not an object');
        return;
      }
      const o = rec as Record<string, unknown>;
      addCslRecord((k) => o[k], line, collector, issues);
    });
    let asOf: string | undefined;
    const root = parsed.value as Record<string, unknown>;
    if (!Array.isArray(root) && typeof root.search_performed_at === 'string')
      asOf = root.search_performed_at.slice(0, 10);
    report(1);
    return result('csl-json', collector, issues, found.records.length, {
      source: SOURCE,
      name: 'Consolidated Screening List',
      asOf,
    });
  });
}
