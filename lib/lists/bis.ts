/**
 * BIS lists: the Entity List / Military End-User list JSON as published by the nsfreg project
 * ({list_id, extracted, count, entities: [{name, aliases[], country, address, status,
 * effective_date, federal_register, notes}]}) and the Denied Persons List in BIS's own
 * tab-separated, double-quoted text format (one row per address).
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
  parseJson,
  progressReporter,
  readDelimited,
  reportMalformed,
  result,
} from './util';

// The pages trade.gov's CSL cites for these lists (source_information_url).
const BIS_CONCERN_URL = 'https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern';
const EL_URL = `${BIS_CONCERN_URL}/entity-list`;
const DPL_URL = `${BIS_CONCERN_URL}/denied-persons-list`;

export function parseBisEntityJson(text: string, opts: ParseOptions = {}): ParseResult {
  return guarded('bis-entity-json', () => {
    const issues = new Issues();
    const collector = new EntryCollector(listIdOf(opts));
    const report = progressReporter(opts.onProgress);
    const parsed = parseJson(text);
    if (!parsed.ok) {
      issues.error(parsed.issue.line, parsed.issue.reason, undefined, parsed.issue.column);
      return result('bis-entity-json', collector, issues, 0);
    }
    report(0.5);
    const found = findRecords(parsed.value);
    if (!found) {
      issues.error(1, 'not a BIS list JSON: expected {"entities": [...]} or an array of entities');
      return result('bis-entity-json', collector, issues, 0);
    }
    const root = (Array.isArray(parsed.value) ? {} : parsed.value) as Record<string, unknown>;
    const listId = typeof root.list_id === 'string' ? root.list_id : '';
    const isMeu = /meu|military/i.test(listId) || /military end/i.test(String(root.source_file ?? ''));
    const listName = isMeu ? 'BIS Military End-User List' : 'BIS Entity List';
    if (typeof root.count === 'number' && root.count !== found.records.length)
      issues.warn(0, `the file says count ${root.count} but holds ${found.records.length} entities`);
    const offsets = jsonRecordOffsets(text, found.key);
    const lines = offsets.length === found.records.length ? linesAt(text, offsets) : undefined;
    found.records.forEach((rec, i) => {
      const line = lines?.[i] ?? 0;
      if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
        issues.error(line, `record ${i + 1} is not an object`, 'record not an object');
        return;
      }
      const o = rec as Record<string, unknown>;
      const name = clean(o.name);
      if (!name) {
        issues.error(line, 'missing name', 'missing name');
        return;
      }
      const aliases = Array.isArray(o.aliases)
        ? o.aliases.map(clean)
        : typeof o.aliases === 'string'
          ? [o.aliases]
          : [];
      const country = clean(o.country);
      const countries: string[] = [];
      if (country) {
        const c = lookupCountry(country);
        if (c.code) countries.push(c.code);
        else if (!c.known) issues.warn(line, `unknown country "${country}"`, `unknown country "${country}"`);
      }
      const notes = [
        // In the Entity List file `notes` is the licence requirement column; in the MEU file, a remark.
        clean(o.notes) && (isMeu ? `${clean(o.notes)}.` : `License requirement: ${clean(o.notes)}.`),
        clean(o.federal_register) && `Federal Register: ${clean(o.federal_register)}.`,
        clean(o.effective_date) && `Effective ${clean(o.effective_date)}.`,
        clean(o.status) && `Status: ${clean(o.status)}.`,
        clean(o.address) && `Address: ${clean(o.address)}`,
      ]
        .filter(Boolean)
        .join(' ')
        .replace(/\.\./g, '.');
      collector.add({
        id: clean(o.id) || undefined,
        names: [name, ...aliases],
        countries,
        programs: [isMeu ? 'MEU' : 'EL'],
        notes: notes || undefined,
        url: isMeu ? BIS_CONCERN_URL : EL_URL,
      });
    });
    report(1);
    const extracted = typeof root.extracted === 'string' ? root.extracted.slice(0, 10) : undefined;
    return result('bis-entity-json', collector, issues, found.records.length, {
      asOf: extracted && /^\d{4}-\d{2}-\d{2}$/.test(extracted) ? extracted : undefined,
      source: listId || listName,
      name: listName,
    });
  });
}

const DPL_HEADER = [
  'name',
  'street_address',
  'city',
  'state',
  'country',
  'postal_code',
  'effective_date',
  'expiration_date',
  'standard_order',
  'last_update',
  'action',
  'fr_citation',
];

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP'.split(
    ' ',
  ),
);

/**
 * BIS Denied Persons List (tab-separated, double-quoted, header row). A person with several
 * addresses has several rows: they become one entry (same name, same effective date), with the
 * countries of every row.
 */
export function parseBisDpl(text: string, opts: ParseOptions = {}): ParseResult {
  return guarded('bis-dpl-txt', () => {
    const issues = new Issues();
    const collector = new EntryCollector(listIdOf(opts));
    const report = progressReporter(opts.onProgress);
    const { rows, problems } = readDelimited(text, { delimiter: '\t', onProgress: (f) => report(f * 0.9) });
    const badLines = reportMalformed(issues, problems);
    const header = rows[0]?.fields.map((h) => clean(h).toLowerCase()) ?? [];
    const col = new Map(header.map((h, i) => [h, i]));
    if (!col.has('name')) {
      issues.error(1, `not a Denied Persons List: no "Name" column (expected ${DPL_HEADER.join(', ')})`);
      return result('bis-dpl-txt', collector, issues, Math.max(0, rows.length - 1));
    }
    const groups = new Map<string, { line: number; rows: string[][] }>();
    let n = 0;
    let asOf = '';
    // Some rows carry typos in Last_Update (e.g. year 3017): ignore dates after today.
    const today = new Date().toISOString().slice(0, 10);
    for (let i = 1; i < rows.length; i++) {
      const { line, fields } = rows[i]!;
      n++;
      if (badLines.has(line)) continue;
      if (fields.length !== header.length) {
        issues.error(
          line,
          `malformed row: ${fields.length} fields, the header has ${header.length}`,
          'wrong field count',
        );
        continue;
      }
      const get = (k: string) => clean(fields[col.get(k) ?? -1]);
      const name = get('name');
      if (!name) {
        issues.error(line, 'missing name', 'missing name');
        continue;
      }
      const upd = get('last_update');
      if (/^\d{4}-\d{2}-\d{2}$/.test(upd) && upd > asOf && upd <= today) asOf = upd;
      const key = `${name.toLowerCase()}|${get('effective_date')}`;
      const g = groups.get(key);
      if (g) g.rows.push(fields);
      else groups.set(key, { line, rows: [fields] });
    }
    for (const { line, rows: group } of groups.values()) {
      const get = (r: string[], k: string) => clean(r[col.get(k) ?? -1]);
      const first = group[0]!;
      const countries: string[] = [];
      for (const r of group) {
        const raw = get(r, 'country');
        if (raw) {
          const c = lookupCountry(raw);
          if (c.code) countries.push(c.code);
          else if (!c.known) issues.warn(line, `unknown country "${raw}"`, `unknown country "${raw}"`);
        } else if (US_STATES.has(get(r, 'state')) && /^\d{5}(-\d{4})?$/.test(get(r, 'postal_code'))) {
          // BIS leaves Country empty for most US addresses; a US state plus a ZIP code is unambiguous.
          countries.push('US');
        }
      }
      const addresses = group
        .map((r) => [
          get(r, 'street_address'),
          get(r, 'city'),
          get(r, 'state'),
          get(r, 'postal_code'),
          get(r, 'country'),
        ])
        .map((parts) => parts.filter(Boolean).join(', '))
        .filter(Boolean);
      const notes = [
        'Denied Persons List',
        get(first, 'effective_date') && `Effective ${get(first, 'effective_date')}`,
        get(first, 'expiration_date') && `expires ${get(first, 'expiration_date')}`,
        get(first, 'standard_order') && `standard order ${get(first, 'standard_order')}`,
        get(first, 'action') && `Action: ${get(first, 'action')}`,
        get(first, 'fr_citation') && `FR: ${get(first, 'fr_citation')}`,
        addresses.length && `Address: ${addresses.join(' / ')}`,
      ]
        .filter(Boolean)
        .join('; ');
      collector.add({
        names: [get(first, 'name')],
        countries,
        programs: ['DPL'],
        notes,
        url: DPL_URL,
      });
    }
    report(1);
    return result('bis-dpl-txt', collector, issues, n, {
      asOf: asOf || undefined,
      source: 'BIS Denied Persons List',
      name: 'BIS Denied Persons List',
    });
  });
}
