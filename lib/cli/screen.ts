/**
 * npm run -s screen -- PAGE.html [--url URL] [--watchlist FILE[,FILE…]]... [--no-scripts]
 * npm run -s screen -- EXPORT.csv [--watchlist FILE]... [--format json|csv]
 *
 * Runs the same lib/ pipeline as the extension: extraction (site registry → adapter for the URL),
 * then lib/screen over the bundled rule set, the curated list, the demo list and the given watchlists.
 * A page prints one ScreenResult as JSON; a CRM export prints a JSON array (or CSV with --format csv).
 * Nothing is sent anywhere: saved pages are read with the network switched off.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseCrmExport } from '../batch/crm-export';
import { batchCsv, screenRows } from '../batch/results';
import { extractFromHtml } from '../extract/html';
import { importFiles } from '../lists';
import type { ScreenResult, Watchlist } from '../model';
import { createScreener } from '../screen';
import { parseArgs } from './args';

const USAGE = `usage: npm run -s screen -- PAGE.html [--url URL] [--watchlist FILE[,FILE...]]... [--no-scripts]
       npm run -s screen -- EXPORT.csv [--watchlist FILE]... [--format json|csv]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** Each --watchlist is one list; several files joined by commas form one list (OFAC sdn.csv,alt.csv,add.csv). */
function loadWatchlist(spec: string, index: number): Watchlist {
  const paths = spec.split(',').filter(Boolean);
  const files: { name: string; text: string }[] = [];
  for (const path of paths) {
    try {
      files.push({ name: basename(path), text: readFileSync(path, 'utf8') });
    } catch (error) {
      fail(`cannot read watchlist ${path}: ${(error as Error).message}`);
    }
  }
  const id = `cli-${index + 1}`;
  const parsed = importFiles(files, { listId: id });
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, 10).map((e) => `  ${e.file ?? paths[0]}:${e.line}: ${e.reason}`);
    fail(`watchlist ${spec} was not imported (${parsed.errors.length} problem(s)):\n${shown.join('\n')}`);
  }
  for (const w of parsed.warnings.slice(0, 5))
    process.stderr.write(`warning: ${w.file ?? paths[0]}:${w.line}: ${w.reason}\n`);
  return {
    id,
    name: parsed.meta.name ?? basename(paths[0]!),
    origin: `import:${parsed.meta.format}`,
    source: parsed.meta.source ?? paths.join(', '),
    asOf: parsed.meta.asOf,
    updatedAt: new Date().toISOString(),
    version: 1,
    entries: parsed.entries,
  };
}

/** Chrome writes `<!-- saved from url=(0072)https://… -->` into saved pages; a canonical link also tells. */
export function urlFromSavedPage(html: string): string | undefined {
  const saved = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  if (saved) return saved[1];
  const canonical = /<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(html);
  return canonical?.[1];
}

function emptyResult(url: string): ScreenResult {
  return {
    site: 'unknown',
    pageKind: 'none',
    url,
    context: { parties: [], products: [], countries: [] },
    findings: [],
    risk: { level: 'none', reasons: ['No CRM record was found on this page.'] },
  };
}

async function main() {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2), ['no-scripts', 'help']);
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (args.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const [file] = args.positionals;
  if (!file || args.positionals.length > 1) fail(USAGE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  const lists = args.all('watchlist').map(loadWatchlist);
  const screener = createScreener({ lists });

  if (extname(file).toLowerCase() === '.csv') {
    const parsed = parseCrmExport(text);
    for (const e of parsed.errors) process.stderr.write(`${file}:${e.line}: ${e.reason}\n`);
    if (parsed.rows.length === 0 && parsed.errors.length > 0) process.exit(2);
    const rows = await screenRows(parsed.rows, (ctx) => screener.screen(ctx), { pause: async () => {} });
    const format = args.get('format') ?? 'json';
    if (format === 'csv') process.stdout.write(batchCsv(rows));
    else if (format === 'json') process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else fail(`--format must be json or csv, not ${format}`);
    return;
  }

  const url = args.get('url') ?? urlFromSavedPage(text) ?? 'https://unknown.invalid/';
  try {
    new URL(url);
  } catch {
    fail(`--url is not a URL: ${url}`);
  }
  const context = await extractFromHtml(text, url, {
    runScripts: !args.has('no-scripts'),
    warnInsecure: false,
  });
  const result = context && context.pageKind !== 'none' ? screener.screen(context) : emptyResult(url);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error) => {
  process.stderr.write(`screen failed: ${String(error?.stack ?? error)}\n`);
  process.exit(1);
});
