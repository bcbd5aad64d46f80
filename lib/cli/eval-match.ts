/**
 * npm run eval:match — accuracy of lib/match on the labelled sets in ../shared/data (read in place).
 * Prints one JSON line per measure, then a JSON summary line.
 */
import { readFileSync } from 'node:fs';
import { compareNames, createMatcher, DEFAULT_MATCH_THRESHOLD } from '../match';
import { findLegalForms } from '../match/legal-forms';
import { rawTokens } from '../match/normalize';
import { ALT_2021, ALT_2026, dataPath, haveData, loadSdn, readCsv, SDN_2021, SDN_2024 } from './match-data';

const T = DEFAULT_MATCH_THRESHOLD;
const out = (o: object) => console.log(JSON.stringify(o));
const r4 = (x: number) => Math.round(x * 10000) / 10000;

if (!haveData('eval:match')) process.exit(0);

const nm = (f: string) => dataPath('name-matching', f);

// 1. UN variation pairs (row i untreated vs row i treated): recall.
const un0 = readCsv(nm('yente-positives_un_untreated.csv'));
const un1 = readCsv(nm('yente-positives_un_treated.csv'));
let unHit = 0;
const unMiss: string[] = [];
un0.forEach((row, i) => {
  const a = row.full_name ?? '';
  const b = un1[i]?.full_name ?? '';
  const s = compareNames(a, b).score;
  if (s >= T) unHit++;
  else if (unMiss.length < 8) unMiss.push(`${a} | ${b} | ${s}`);
});
out({
  set: 'un-variation-pairs',
  pairs: un0.length,
  matched: unHit,
  recall: r4(unHit / un0.length),
  misses: unMiss,
});

// 2. Negatives and US Congress names searched against the full SDN list with aliases.
const sdn = loadSdn(SDN_2024(), ALT_2026());
const t0 = performance.now();
const matcher = createMatcher(sdn);
const buildMs = performance.now() - t0;
out({ set: 'sdn-index', entries: sdn.length, names: matcher.nameCount, buildMs: Math.round(buildMs) });

function falsePositives(name: string, file: string[]) {
  const names = file.flatMap((f) => readCsv(nm(f)).map((r) => r.full_name ?? '')).filter(Boolean);
  let fp = 0;
  const examples: string[] = [];
  for (const n of names) {
    const hit = matcher.search(n, { limit: 1 })[0];
    if (!hit) continue;
    fp++;
    if (examples.length < 10) examples.push(`${n} → ${hit.matchedName} (${hit.score})`);
  }
  out({ set: name, queries: names.length, falsePositives: fp, fpRate: r4(fp / names.length), examples });
  return { queries: names.length, fp };
}
const neg = falsePositives('negatives-vs-sdn', [
  'yente-validation-negatives_us.csv',
  'yente-validation-negatives_global.csv',
]);
const congress = falsePositives('us-congress-vs-sdn', ['yente-positives_us_congress_untreated.csv']);

// 3. Cross-script pairs.
const cross = readFileSync(nm('watchman-cross_script_pairs.csv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split(','));
let crossHit = 0;
const crossMiss: string[] = [];
for (const [q, expected] of cross) {
  const s = compareNames(q ?? '', expected ?? '').score;
  if (s >= T) crossHit++;
  else crossMiss.push(`${q} | ${expected} | ${s}`);
}
out({ set: 'cross-script-pairs', pairs: cross.length, matched: crossHit, misses: crossMiss });

// 3b. The project's own set of common Arabic and Persian given names in script against their usual Latin
// spellings (test/fixtures/names): reported only, not part of the summary's precision and recall.
const spellings = readFileSync(
  new URL('../../test/fixtures/names/arabic-persian-spellings.txt', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .flatMap((l) => {
    const [script, latin] = l.split(':');
    return (latin ?? '').split(',').map((spelling) => [script ?? '', spelling] as const);
  });
const spellingMiss: string[] = [];
for (const [script, spelling] of spellings) {
  const s = compareNames(script, spelling).score;
  if (s < T) spellingMiss.push(`${script} | ${spelling} | ${s}`);
}
out({
  set: 'arabic-persian-spellings',
  pairs: spellings.length,
  matched: spellings.length - spellingMiss.length,
  misses: spellingMiss,
});

// 4. Putin's spellings against the canonical name.
const putin = readFileSync(nm('rigour-putin_names.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
let putinHit = 0;
const putinMiss: string[] = [];
for (const p of putin) {
  const s = compareNames(p, 'Vladimir Vladimirovich Putin').score;
  if (s >= T) putinHit++;
  else putinMiss.push(`${p} (${s})`);
}
out({ set: 'putin-spellings', names: putin.length, matched: putinHit, misses: putinMiss });

// 5. OFAC alias → entity recall through alias-aware search (2021 trio: every alias's entity is in sdn.csv).
const sdn21 = loadSdn(SDN_2021(), ALT_2021());
const m21 = createMatcher(sdn21);
const aliasPairs = readCsv(nm('ofac-sdn-alias-pairs-2021-07.csv'));
let aliasHit = 0;
for (const r of aliasPairs) {
  const hits = m21.search(r.alt_name ?? '', { limit: 10 });
  if (hits.some((h) => h.entryId === r.ent_num)) aliasHit++;
}
// The same pairs for people, compared directly (no list to find the alias in): how often the scorer alone
// sees a listed alias as the primary name. Many aliases are other names altogether, so this stays well
// below 1; it moves with the transliteration and name-part rules.
const people = aliasPairs.filter((r) => r.sdn_type === 'individual');
let directHit = 0;
for (const r of people) if (compareNames(r.primary_name ?? '', r.alt_name ?? '').score >= T) directHit++;
out({
  set: 'ofac-alias-recall',
  pairs: aliasPairs.length,
  found: aliasHit,
  recall: r4(aliasHit / aliasPairs.length),
  peoplePairs: people.length,
  peopleScoredAtThreshold: directHit,
  peopleDirectShare: r4(directHit / people.length),
});

// 6. Legal-form table coverage against rigour's org_types.yml (read in place, never copied).
const coverage = legalFormCoverage(dataPath('reference/rigour/names/org_types.yml'));
out({ set: 'legal-form-coverage', ...coverage });

// Summary: positives = UN pairs, cross-script pairs, Putin spellings; negatives = synthetic people and
// Congress members searched against the SDN list (a hit is a false positive).
const tp = unHit + crossHit + putinHit;
const fn = un0.length + cross.length + putin.length - tp;
const fp = neg.fp + congress.fp;
const precision = tp / (tp + fp);
const recall = tp / (tp + fn);
out({
  summary: 'eval:match',
  threshold: T,
  unRecall: r4(unHit / un0.length),
  negativeFpRate: r4(neg.fp / neg.queries),
  congressFpRate: r4(congress.fp / congress.queries),
  crossScript: `${crossHit}/${cross.length}`,
  putin: `${putinHit}/${putin.length}`,
  aliasRecall: r4(aliasHit / aliasPairs.length),
  aliasPeopleDirect: r4(directHit / people.length),
  precision: r4(precision),
  recall: r4(recall),
  f1: r4((2 * precision * recall) / (precision + recall)),
  legalFormTypeCoverage: coverage.typeCoverage,
  soeTypeCoverage: coverage.soeCoverage,
});

/** Parses the few YAML shapes org_types.yml uses (a list of types with display/generic/aliases). */
function legalFormCoverage(file: string) {
  const types: { generic: string; aliases: string[] }[] = [];
  let inAliases = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const type = line.match(/^ {2}- (\w+):\s*(.*)$/);
    if (type) {
      types.push({ generic: '', aliases: [] });
      inAliases = type[1] === 'aliases';
    }
    const cur = types[types.length - 1];
    if (!cur) continue;
    const field = line.match(/^ {4}(\w+):\s*(.*)$/);
    if (field) {
      inAliases = field[1] === 'aliases';
      if (field[1] === 'generic') cur.generic = unquote(field[2] ?? '').toUpperCase();
    }
    if (type?.[1] === 'generic') cur.generic = unquote(type[2] ?? '').toUpperCase();
    const alias = line.match(/^ {6}- (.*)$/);
    if (alias && inAliases) cur.aliases.push(unquote(alias[1] ?? ''));
  }
  const recognised = (alias: string) => {
    const tokens = rawTokens(alias).map((t) => t.text);
    const spans = findLegalForms(tokens);
    return spans.length === 1 && spans[0]!.start === 0 && spans[0]!.end === tokens.length
      ? spans[0]!.cls
      : null;
  };
  let typesCovered = 0;
  let aliases = 0;
  let aliasesCovered = 0;
  let soe = 0;
  let soeCovered = 0;
  let soeClassAgrees = 0;
  for (const t of types) {
    const classes = t.aliases.map(recognised);
    aliases += t.aliases.length;
    aliasesCovered += classes.filter(Boolean).length;
    const any = classes.some(Boolean);
    if (any) typesCovered++;
    if (t.generic === 'SOE') {
      soe++;
      if (any) soeCovered++;
      if (classes.includes('soe')) soeClassAgrees++;
    }
  }
  return {
    types: types.length,
    typesCovered,
    typeCoverage: r4(typesCovered / types.length),
    aliases,
    aliasesCovered,
    aliasCoverage: r4(aliasesCovered / aliases),
    soeTypes: soe,
    soeTypesCovered: soeCovered,
    soeCoverage: r4(soeCovered / soe),
    soeTypesRecognisedAsSoe: soeClassAgrees,
  };
}

/** A YAML scalar: quotes removed; in an unquoted one, a " #" starts a comment. */
function unquote(s: string): string {
  const t = s.trim();
  if (/^["']/.test(t)) return t.replace(/^["']|["']$/g, '');
  return t.replace(/\s+#.*$/, '').trim();
}
