/**
 * Rep-facing wording: DealScreen prompts and escalates; it never tells a rep that a deal is legal,
 * illegal, cleared or approved. Scans every rep-facing string of the rule set, the bundled lists, the
 * findings and risk reasons of every scenario, and lookup answers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../lib/rules';
import { createScreener, curatedList, demoList } from '../../lib/screen';
import { SCENARIOS, USER_LIST } from './scenarios';

const FORBIDDEN = /\b(?:il)?legal(?:ly)?\b|\bcleared\b|\bapproved\b/i;

/** Rep-facing keys in the rule files (patterns, guards and ids are not shown to reps). */
const SHOWN = new Set([
  'title',
  'why',
  'action',
  'text',
  'step',
  'description',
  'note',
  'programs',
  'name',
  'notes',
  'eccnHints',
]);

function shownStrings(v: unknown, key = '', out: string[] = []): string[] {
  if (typeof v === 'string') {
    if (SHOWN.has(key)) out.push(v);
  } else if (Array.isArray(v)) {
    for (const x of v) shownStrings(x, key, out);
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) shownStrings(x, k, out);
  }
  return out;
}

describe('rep-facing wording', () => {
  it('rule files and bundled lists never say legal, illegal, cleared or approved', () => {
    const dir = join(__dirname, '../../assets/rules');
    const texts: string[] = [];
    for (const f of [
      'meta.json',
      'prompts.json',
      'surveillance.json',
      'end-users.json',
      'intent.json',
      'destinations.json',
    ]) {
      texts.push(...shownStrings(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
    }
    texts.push(...loadRuleSet().meta.sources.map((s) => s.title));
    texts.push(...shownStrings(curatedList()), ...shownStrings(demoList()));
    texts.push(...curatedList().entries.map((e) => e.source?.title ?? ''));
    expect(texts.length).toBeGreaterThan(300);
    for (const t of texts) expect(t, t).not.toMatch(FORBIDDEN);
  });

  it('findings, prompts and risk reasons never say legal, illegal, cleared or approved', () => {
    const screener = createScreener({ lists: [USER_LIST] });
    let n = 0;
    for (const s of SCENARIOS) {
      const r = screener.screen(s.ctx);
      const texts = [
        ...r.risk.reasons,
        ...r.findings.flatMap((f) => [
          f.title,
          f.why ?? '',
          f.action ?? '',
          f.source.title,
          ...f.prompts,
          ...(f.eccnHints ?? []),
        ]),
      ];
      n += texts.length;
      for (const t of texts) expect(t, `${s.name}: ${t}`).not.toMatch(FORBIDDEN);
    }
    expect(n).toBeGreaterThan(200);
  });

  it('lookup answers never say legal, illegal, cleared or approved', () => {
    const screener = createScreener({ lists: [USER_LIST] });
    for (const q of [
      'NSO Group',
      'Hikvision',
      'Iran',
      'Crimea',
      'RU',
      'IMSI catcher',
      'deep packet inspection',
      'ministry of interior',
      'freight forwarder',
      'pay cash',
      'Acme Rocket Works',
    ]) {
      for (const r of screener.lookup(q)) {
        for (const t of [r.title, r.detail, r.source.title]) expect(t, `${q}: ${t}`).not.toMatch(FORBIDDEN);
      }
    }
  });
});
