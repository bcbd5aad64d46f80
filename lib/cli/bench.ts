/**
 * npm run bench — runs every bench module listed below and prints their figures as JSON lines.
 * To add a bench, export a function returning JSON-able lines (or a promise of them) and list it here.
 */
import { benchContent } from './bench-content';
import { benchMatch } from './bench-match';

type Bench = () => Record<string, unknown>[] | Promise<Record<string, unknown>[]>;

const BENCHES: Record<string, Bench> = {
  match: benchMatch,
  content: benchContent,
};

const only = process.argv.slice(2);
for (const [name, run] of Object.entries(BENCHES)) {
  if (only.length && !only.includes(name)) continue;
  for (const line of await run()) console.log(JSON.stringify(line));
}
