/**
 * The due-diligence checklist of one deal, drawn from its findings: every question or step a finding
 * raises, once, with the findings that raised it and the rep's answer. Pure.
 */
import promptsFile from '../../assets/rules/prompts.json';
import type { Finding, Severity } from '../model';
import { hash } from './fingerprint';
import type { ChecklistAnswer } from './model';

export type ChecklistGroup = 'guidance' | 'kyc' | 'next';

export const GROUP_TITLES: Record<ChecklistGroup, string> = {
  guidance: 'Due-diligence steps (State Department guidance)',
  kyc: 'Know-your-customer questions',
  next: 'Before the deal moves on',
};

export interface CatalogPrompt {
  id: string;
  step?: string;
  text: string;
}

export interface ChecklistItem {
  /** The prompt's id in the rule set, or `q:<hash of its text>` for a question the rule set does not list. */
  id: string;
  text: string;
  /** The step or red flag it comes from ("State guidance, step 2: review the end user"). */
  step?: string;
  group: ChecklistGroup;
  /** The findings that raise it, most severe first. */
  from: { id: string; title: string; severity: Severity }[];
  answer?: ChecklistAnswer;
}

/** The bundled prompts, read defensively: the rule set's file may grow fields. */
export const PROMPT_CATALOG: CatalogPrompt[] = (
  ((promptsFile as { prompts?: unknown }).prompts ?? []) as Partial<CatalogPrompt>[]
).filter((p): p is CatalogPrompt => typeof p.id === 'string' && typeof p.text === 'string');

export function groupOf(id: string): ChecklistGroup {
  if (id.startsWith('dd.') || id.startsWith('hr.')) return 'guidance';
  if (id.startsWith('bis.') || id.startsWith('kyc.') || id.startsWith('screen.') || id.startsWith('q:'))
    return 'kyc';
  return 'next';
}

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };
const GROUP_RANK: Record<ChecklistGroup, number> = { next: 0, guidance: 1, kyc: 2 };

const squash = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();

export function buildChecklist(
  findings: readonly Finding[],
  answers: Record<string, ChecklistAnswer> = {},
  catalog: readonly CatalogPrompt[] = PROMPT_CATALOG,
): ChecklistItem[] {
  const byText = new Map(catalog.map((p, i) => [squash(p.text), { ...p, rank: i }]));
  // The screener writes a prompt as "<step>: <text>".
  for (const [i, p] of catalog.entries())
    if (p.step) byText.set(squash(`${p.step}: ${p.text}`), { ...p, rank: i });
  const byId = new Map(catalog.map((p, i) => [p.id, { ...p, rank: i }]));
  const items = new Map<string, ChecklistItem & { rank: number }>();
  let unknownRank = catalog.length;
  for (const finding of findings) {
    for (const prompt of finding.prompts) {
      // Findings carry the prompt's text; a screener may also pass the id itself.
      const known = byText.get(squash(prompt)) ?? byId.get(prompt);
      const id = known?.id ?? `q:${hash(squash(prompt))}`;
      let item = items.get(id);
      if (!item) {
        item = {
          id,
          text: known?.text ?? prompt,
          step: known?.step,
          group: groupOf(id),
          from: [],
          rank: known?.rank ?? unknownRank++,
          answer: answers[id],
        };
        items.set(id, item);
      }
      if (!item.from.some((f) => f.id === finding.id))
        item.from.push({ id: finding.id, title: finding.title, severity: finding.severity });
    }
  }
  return [...items.values()]
    .map((item) => ({
      ...item,
      from: item.from.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]),
    }))
    .sort((a, b) => GROUP_RANK[a.group] - GROUP_RANK[b.group] || a.rank - b.rank)
    .map(({ rank: _rank, ...item }) => item);
}

export interface ChecklistProgress {
  total: number;
  yes: number;
  no: number;
  notYet: number;
  open: number;
}

export function progressOf(items: readonly ChecklistItem[]): ChecklistProgress {
  const count = (a: string) => items.filter((i) => i.answer?.answer === a).length;
  const yes = count('yes');
  const no = count('no');
  const notYet = count('not-yet');
  return { total: items.length, yes, no, notYet, open: items.length - yes - no - notYet };
}
