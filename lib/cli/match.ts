/**
 * npm run -s match -- "NAME A" "NAME B"       → {score, match, explanation}
 * npm run -s match -- --pairs FILE.csv        → the CSV back on stdout with score and match columns
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { compareNames, DEFAULT_MATCH_THRESHOLD } from '../match';

function usage(): never {
  console.error('usage: match "NAME A" "NAME B" | match --pairs FILE.csv (columns name1,name2)');
  process.exit(2);
}

const args = process.argv.slice(2);
if (args[0] === '--pairs') {
  const file = args[1] ?? usage();
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('name1') || !fields.includes('name2')) {
    console.error(`${file}: needs name1 and name2 columns (found: ${fields.join(', ')})`);
    process.exit(2);
  }
  const rows = parsed.data.map((row) => {
    const { score } = compareNames(row.name1 ?? '', row.name2 ?? '');
    return { ...row, score: String(score), match: String(score >= DEFAULT_MATCH_THRESHOLD) };
  });
  process.stdout.write(
    `${Papa.unparse(rows, { columns: [...fields.filter((f) => f !== 'score' && f !== 'match'), 'score', 'match'] })}\n`,
  );
} else if (args.length === 2) {
  const { score, explanation } = compareNames(args[0]!, args[1]!);
  console.log(JSON.stringify({ score, match: score >= DEFAULT_MATCH_THRESHOLD, explanation }, null, 2));
} else usage();
