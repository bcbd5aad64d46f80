/**
 * OFAC "legacy CSV" (sdn.csv + alt.csv + add.csv + sdn_comments.csv, and the same layouts for
 * the non-SDN consolidated list: cons_prim/cons_alt/cons_add/cons_comments).
 * No header rows; `-0-` (often `-0- `) is the null marker; several programs are joined as `A] [B`;
 * each file ends with CRLF and a DOS EOF byte (0x1A). Layouts: ../shared/data/SOURCES.md.
 */
import type { WatchlistEntry } from '../model';
import { lookupCountry } from './countries';
import type { ListFile, ParseOptions, ParseResult } from './types';
import {
  addNames,
  clean,
  EntryCollector,
  failed,
  guarded,
  Issues,
  listIdOf,
  progressReporter,
  readDelimited,
  result,
} from './util';

export type OfacFileRole = 'primary' | 'alt' | 'add' | 'comments';

/** Column counts of each layout. */
const WIDTH: Record<OfacFileRole, number> = { primary: 12, alt: 5, add: 6, comments: 2 };

/** OFAC's public detail page for one ent_num. */
export const OFAC_DETAIL_URL = 'https://sanctionssearch.ofac.treas.gov/Details.aspx?id=';

/**
 * Which OFAC file is this? By name first (sdn.csv, alt.csv, add.csv, sdn_comments.csv, cons_prim.csv …),
 * then by shape (first record's width and content), so renamed downloads still work.
 */
export function ofacFileRole(file: ListFile): OfacFileRole | undefined {
  const n = file.name.toLowerCase().replace(/^.*[\\/]/, '');
  if (/comment/.test(n)) return 'comments';
  if (/(^|[_\-. ])alt([_\-. ]|$)/.test(n)) return 'alt';
  if (/(^|[_\-. ])add([_\-. ]|$)/.test(n)) return 'add';
  if (/^(sdn|cons_prim|prim)([_\-. (]|$)/.test(n) || /(^|[_\-. ])prim([_\-. ]|$)/.test(n)) return 'primary';
  return ofacRoleByShape(file.text);
}

const NULL = '(?:-0-\\s?|"[^"]*")';
const SHAPES: [OfacFileRole, RegExp][] = [
  // ent_num,"NAME",type|-0-,"PROGRAM",… (12 fields)
  ['primary', new RegExp(`^\\d+,"[^"]+",(?:-0-\\s?|"[a-z]+"),"[^"]*"(?:,${NULL}){8}\\r?$`)],
  // ent_num,alt_num,"aka","NAME",remarks
  ['alt', new RegExp(`^\\d+,\\d+,"(?:aka|fka|nka)","[^"]*",${NULL}\\r?$`, 'i')],
  // ent_num,add_num,address,city,country,remarks
  ['add', new RegExp(`^\\d+,\\d+(?:,${NULL}){4}\\r?$`)],
  // ent_num,"remarks overflow"
  ['comments', /^\d+,"/],
];

export function ofacRoleByShape(text: string): OfacFileRole | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const nl = text.indexOf('\n', start);
  const first = text.slice(start, nl === -1 ? Math.min(text.length, 4000) : nl);
  for (const [role, re] of SHAPES) if (re.test(first)) return role;
  return undefined;
}

const TYPES: Record<string, WatchlistEntry['type']> = {
  '': 'entity', // `-0-` in SDN_Type means entity
  individual: 'individual',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

/** "SDGT] [SYRIA" → ["SDGT", "SYRIA"]; tolerant of outer brackets and `;`. */
export function splitOfacPrograms(value: string): string[] {
  return clean(value).split(';').flatMap(splitBracketed);
}

/** "A] [B" → ["A", "B"] (only the OFAC bracket joint; `;` is left alone). */
export function splitBracketed(value: string): string[] {
  return value
    .split(/\]\s*\[/)
    .map((p) => p.replace(/^\[|\]$/g, '').trim())
    .filter(Boolean);
}

interface Loaded {
  file: ListFile;
  role: OfacFileRole;
}

/**
 * Parse a set of OFAC legacy CSV files (one primary file plus optional alt/add/comments).
 * Which file is which comes from names and shapes. Aliases/addresses/comments whose ent_num is
 * not in the primary file are counted and reported as a warning.
 */
export function parseOfacLegacy(files: ListFile[], opts: ParseOptions = {}): ParseResult {
  return guarded('ofac-legacy-csv', () => parseOfacLegacyUnsafe(files, opts));
}

function parseOfacLegacyUnsafe(files: ListFile[], opts: ParseOptions): ParseResult {
  const issues = new Issues();
  const loaded: Loaded[] = [];
  for (const file of files) {
    const role = ofacFileRole(file);
    if (!role) {
      issues.error(0, `${file.name}: not an OFAC legacy CSV file (expected sdn/alt/add/comments layout)`);
      continue;
    }
    if (loaded.some((l) => l.role === role)) {
      issues.error(0, `${file.name}: a second ${role} file in one import; import each list separately`);
      continue;
    }
    loaded.push({ file, role });
  }
  const primary = loaded.find((l) => l.role === 'primary');
  if (!primary) {
    const names = loaded.map((l) => l.file.name).join(', ');
    return failed(
      'ofac-legacy-csv',
      `no primary file (sdn.csv or cons_prim.csv) among ${names || 'the files'}: aliases and addresses need the names they belong to`,
    );
  }

  const totalSize = loaded.reduce((s, l) => s + l.file.text.length, 0) || 1;
  let done = 0;
  const report = progressReporter(opts.onProgress);
  const read = (l: Loaded) => {
    const share = l.file.text.length / totalSize;
    const base = done;
    const out = readDelimited(l.file.text, { delimiter: ',', onProgress: (f) => report(base + f * share) });
    done += share;
    return out;
  };

  const isCons = /cons/i.test(primary.file.name);
  const collector = new EntryCollector(listIdOf(opts));
  const byEnt = new Map<string, WatchlistEntry>();
  let rows = 0;

  // --- primary ---
  {
    const fi = new Issues(primary.file.name);
    const { rows: data, problems } = read(primary);
    for (const p of problems) fi.error(p.line, p.reason, 'malformed row');
    for (const { line, fields } of data) {
      rows++;
      if (fields.length !== WIDTH.primary) {
        fi.error(line, `malformed row: ${fields.length} fields, sdn.csv rows have 12`, 'wrong field count');
        continue;
      }
      const [ent, name, type, program, title, callSign, vessType, tonnage, grt, flag, owner, remarks] =
        fields.map(clean) as string[];
      if (!/^\d+$/.test(ent!)) {
        fi.error(line, `malformed row: ent_num "${ent}" is not a number`, 'bad ent_num');
        continue;
      }
      if (!name) {
        fi.error(line, `missing name (ent_num ${ent})`, 'missing name');
        continue;
      }
      const t = TYPES[type!.toLowerCase()];
      if (!t) fi.warn(line, `unknown SDN_Type "${type}" (kept as unknown)`, 'unknown type');
      const notes: string[] = [];
      if (title) notes.push(`Title: ${title}`);
      const vessel = [
        callSign && `Call sign ${callSign}`,
        vessType && `Vessel type ${vessType}`,
        tonnage && `Tonnage ${tonnage}`,
        grt && `GRT ${grt}`,
        flag && `Flag ${flag}`,
        owner && `Owner ${owner}`,
      ].filter(Boolean);
      if (vessel.length) notes.push(`${vessel.join('; ')}.`);
      if (remarks) notes.push(remarks);
      if (byEnt.has(ent!)) {
        fi.error(line, `duplicate ent_num ${ent}`, 'duplicate ent_num');
        continue;
      }
      const entry = collector.add({
        id: ent,
        names: [name],
        type: t ?? 'unknown',
        programs: splitOfacPrograms(program!),
        notes: notes.join(' ') || undefined,
        url: OFAC_DETAIL_URL + ent,
      });
      if (entry) byEnt.set(ent!, entry);
    }
    issues.absorb(fi.finish());
  }

  // --- comments (remarks overflow: appended to the entry's remarks) ---
  for (const l of loaded.filter((x) => x.role === 'comments')) {
    const fi = new Issues(l.file.name);
    const { rows: data, problems } = read(l);
    for (const p of problems) fi.error(p.line, p.reason, 'malformed row');
    for (const { line, fields } of data) {
      rows++;
      const ent = clean(fields[0]);
      const text = clean(fields.slice(1).join(','));
      const entry = byEnt.get(ent);
      if (!entry) {
        fi.warn(line, `comment for ent_num ${ent}, which is not in the primary file`, 'orphan comment');
        continue;
      }
      // The overflow continues the Remarks text mid-word, so join without a separator.
      if (text) entry.notes = (entry.notes ?? '') + text;
    }
    issues.absorb(fi.finish());
  }

  // --- alt.csv: aliases ---
  for (const l of loaded.filter((x) => x.role === 'alt')) {
    const fi = new Issues(l.file.name);
    const { rows: data, problems } = read(l);
    for (const p of problems) fi.error(p.line, p.reason, 'malformed row');
    let orphans = 0;
    let firstOrphan = 0;
    for (const { line, fields } of data) {
      rows++;
      if (fields.length !== WIDTH.alt) {
        fi.error(line, `malformed row: ${fields.length} fields, alt.csv rows have 5`, 'wrong field count');
        continue;
      }
      const ent = clean(fields[0]);
      const altName = clean(fields[3]);
      if (!altName) {
        fi.warn(line, `alias row without a name (ent_num ${ent})`, 'empty alias');
        continue;
      }
      const entry = byEnt.get(ent);
      if (!entry) {
        if (!orphans++) firstOrphan = line;
        continue;
      }
      addNames(entry, [altName]);
    }
    if (orphans)
      fi.warn(
        firstOrphan,
        `${orphans} alias rows refer to ent_nums not in the primary file (files from different dates?); first at line ${firstOrphan}`,
      );
    issues.absorb(fi.finish());
  }

  // --- add.csv: countries ---
  for (const l of loaded.filter((x) => x.role === 'add')) {
    const fi = new Issues(l.file.name);
    const { rows: data, problems } = read(l);
    for (const p of problems) fi.error(p.line, p.reason, 'malformed row');
    let orphans = 0;
    let firstOrphan = 0;
    for (const { line, fields } of data) {
      rows++;
      if (fields.length !== WIDTH.add) {
        fi.error(line, `malformed row: ${fields.length} fields, add.csv rows have 6`, 'wrong field count');
        continue;
      }
      const ent = clean(fields[0]);
      const country = clean(fields[4]);
      const entry = byEnt.get(ent);
      if (!entry) {
        if (!orphans++) firstOrphan = line;
        continue;
      }
      if (!country) continue;
      const c = lookupCountry(country);
      if (c.code) {
        if (!entry.countries) entry.countries = [c.code];
        else if (!entry.countries.includes(c.code)) entry.countries.push(c.code);
      } else if (!c.known) {
        fi.warn(line, `unknown country "${country}" (kept without a code)`, `unknown country "${country}"`);
      }
    }
    if (orphans)
      fi.warn(
        firstOrphan,
        `${orphans} address rows refer to ent_nums not in the primary file (files from different dates?); first at line ${firstOrphan}`,
      );
    issues.absorb(fi.finish());
  }

  collector.recount();
  report(1);
  return result('ofac-legacy-csv', collector, issues, rows, {
    source: isCons ? 'OFAC Consolidated (non-SDN) list' : 'OFAC SDN list',
    name: isCons ? 'OFAC non-SDN consolidated' : 'OFAC SDN',
  });
}
