/**
 * npm run eval:lists — import every real list file under ../shared/data/restricted-parties
 * (read in place, never copied) with lib/lists and report, per import: format, entries, aliases,
 * errors, warnings and time. Prints a table, then one JSON line per import.
 * OFAC legacy CSV files in one folder are imported together (sdn + alt + add + comments), and the
 * newest alt/add (2026-06) are also imported with the most recent complete sdn.csv (2024-05-03).
 * Exits 0 when the shared data is absent (it is not part of the project), saying so.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectFormat, importFiles, type ListFile, type ParseResult } from '../lists';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = resolve(ROOT, '..', 'shared', 'data', 'restricted-parties');

if (!existsSync(DATA)) {
  console.log(
    `eval:lists: ${DATA} is absent (the shared real data is not part of the project): nothing to evaluate.`,
  );
  process.exit(0);
}

const read = (p: string): ListFile => ({ name: relative(DATA, p), text: readFileSync(p, 'utf8') });

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

interface Job {
  label: string;
  files: ListFile[];
}

const jobs: Job[] = [];
const byDir = new Map<string, string[]>();
for (const p of walk(DATA)) {
  const d = dirname(p);
  byDir.set(d, [...(byDir.get(d) ?? []), p]);
}
for (const [dir, paths] of byDir) {
  const files = paths.map(read);
  const ofac = files.filter((f) => detectFormat([f]).format === 'ofac-legacy-csv');
  if (ofac.length)
    jobs.push({
      label: `${relative(DATA, dir)}/ (${ofac.length} file${ofac.length === 1 ? '' : 's'})`,
      files: ofac,
    });
  for (const f of files) if (!ofac.includes(f)) jobs.push({ label: f.name, files: [f] });
}
// The full current-ish SDN: 2024-05-03 primary names with the 2026-06 aliases and addresses.
const sdn2024 = join(DATA, 'ofac', 'sdn-2024-05-03', 'sdn.csv');
const altAdd2026 = join(DATA, 'ofac', 'alt-add-2026-06');
if (existsSync(sdn2024) && existsSync(altAdd2026))
  jobs.push({
    label: 'ofac/sdn-2024-05-03/sdn.csv + ofac/alt-add-2026-06/{alt,add}.csv',
    files: [read(sdn2024), read(join(altAdd2026, 'alt.csv')), read(join(altAdd2026, 'add.csv'))],
  });

interface Row {
  import: string;
  format: string;
  bytes: number;
  rows: number;
  entries: number;
  aliases: number;
  errors: number;
  warnings: number;
  ms: number;
  firstMs: number;
  firstError?: string;
  firstWarnings?: string[];
}

const rowsOut: Row[] = [];
for (const job of jobs) {
  const detected = detectFormat(job.files).format;
  // 3 runs: `firstMs` is the cold first run (JIT warm-up included, what a user's first import costs),
  // `ms` the fastest (least disturbed by other load on the machine).
  const times: number[] = [];
  let r: ParseResult | undefined;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    r = importFiles(job.files, { listId: 'eval' });
    times.push(performance.now() - t0);
  }
  const firstMs = times[0]!;
  times.sort((a, b) => a - b);
  const res = r!;
  const issue = (x: { line: number; reason: string; file?: string }) =>
    `${x.file ? `${x.file}:` : ''}${x.line}: ${x.reason}`;
  const row: Row = {
    import: job.label,
    format: detected === 'unknown' ? res.meta.format : detected,
    bytes: job.files.reduce((s, f) => s + f.text.length, 0),
    rows: res.stats.rows,
    entries: res.stats.entries,
    aliases: res.stats.aliases,
    errors: res.errors.length,
    warnings: res.warnings.length,
    ms: Math.round(times[0]!),
    firstMs: Math.round(firstMs),
  };
  if (res.errors[0]) row.firstError = issue(res.errors[0]);
  if (res.warnings.length) row.firstWarnings = res.warnings.slice(0, 3).map(issue);
  rowsOut.push(row);
}

const cols: (keyof Row)[] = ['import', 'format', 'entries', 'aliases', 'errors', 'warnings', 'ms', 'firstMs'];
const width = cols.map((c) => Math.max(c.length, ...rowsOut.map((r) => String(r[c]).length)));
const line = (vals: string[]) =>
  vals.map((v, i) => (i < 2 ? v.padEnd(width[i]!) : v.padStart(width[i]!))).join('  ');
console.log(line(cols));
console.log(line(width.map((w) => '-'.repeat(w))));
for (const r of rowsOut) console.log(line(cols.map((c) => String(r[c]))));
console.log();
for (const r of rowsOut) console.log(JSON.stringify(r));
