/**
 * The deal's due-diligence record as compliance keeps it: what was found, what was asked and answered,
 * what was dismissed and why, against which rule set and lists. As JSON, and as a short plain-text summary
 * a rep pastes into the CRM. Pure.
 */
import type { Finding, ScreenResult } from '../model';
import { buildChecklist, type ChecklistGroup, progressOf } from './checklist';
import { dismissalState } from './dismissals';
import { ANSWER_LABELS, type Answer, type DealRecord, DISMISS_REASONS, type Dismissal } from './model';
import { dealRisk } from './risk';

export const RECORD_FORMAT = 'dealscreen/due-diligence-record';

export const NOTICE =
  'DealScreen raises questions for due diligence from the page text, the bundled rule set and the lists ' +
  'named here. It does not decide whether a deal may go ahead: that is for your compliance team.';

export type FindingStatus = 'open' | 'dismissed' | 'raised-again';

export interface RecordFinding extends Finding {
  status: FindingStatus;
  /** False for a name match marked not this entity: listed for the record, left out of the deal risk. */
  counted: boolean;
  dismissal?: Dismissal;
}

export interface RecordChecklistItem {
  id: string;
  step?: string;
  text: string;
  group: ChecklistGroup;
  answer: Answer | null;
  note: string;
  by: string;
  at: string | null;
  raisedBy: string[];
}

export interface DueDiligenceRecord {
  format: typeof RECORD_FORMAT;
  formatVersion: 1;
  exportedAt: string;
  reviewer: string;
  deal: {
    key: string;
    site: string;
    recordId?: string;
    pageKind?: string;
    url: string;
    title?: string;
    customer?: string;
  };
  screenedAt?: string;
  ruleSetVersion?: string;
  lists: NonNullable<ScreenResult['lists']>;
  /** The deal risk without the name matches marked not this entity (see findings[].counted). */
  risk: ScreenResult['risk'];
  /** The deal risk as screened, before those decisions (the same as `risk` when there are none). */
  riskAsScreened: ScreenResult['risk'];
  context: ScreenResult['context'];
  findings: RecordFinding[];
  checklist: RecordChecklistItem[];
  /** Earlier answers to questions this screening no longer raises: kept, for the record. */
  earlierAnswers: { id: string; answer: Answer; note: string; by: string; at: string }[];
  dismissals: Dismissal[];
  notice: string;
}

export function buildRecord(input: {
  record: DealRecord;
  result: ScreenResult;
  dismissals: readonly Dismissal[];
  reviewer: string;
  now: Date;
}): DueDiligenceRecord {
  const { record, result } = input;
  const { risk, screened } = dealRisk(result, input.dismissals);
  const findings: RecordFinding[] = result.findings.map((f) => {
    const s = dismissalState(f, input.dismissals);
    return s.state === 'open'
      ? { ...f, status: 'open', counted: true }
      : { ...f, status: s.state, counted: s.state !== 'dismissed', dismissal: s.dismissal };
  });
  const checklist = buildChecklist(result.findings, record.answers).map(
    (item): RecordChecklistItem => ({
      id: item.id,
      step: item.step,
      text: item.text,
      group: item.group,
      answer: item.answer?.answer ?? null,
      note: item.answer?.note ?? '',
      by: item.answer?.by ?? '',
      at: item.answer?.at ?? null,
      raisedBy: item.from.map((f) => f.id),
    }),
  );
  const shown = new Set(checklist.map((c) => c.id));
  const earlierAnswers = Object.entries(record.answers)
    .filter(([id]) => !shown.has(id))
    .map(([id, a]) => ({ id, ...a }));
  return {
    format: RECORD_FORMAT,
    formatVersion: 1,
    exportedAt: input.now.toISOString(),
    reviewer: input.reviewer,
    deal: {
      key: record.key,
      site: result.site,
      recordId: result.recordId ?? record.recordId,
      pageKind: result.pageKind,
      url: result.url ?? record.url,
      title: result.context.title ?? record.title,
      customer: result.context.customer ?? record.customer,
    },
    screenedAt: result.screenedAt,
    ruleSetVersion: result.ruleSetVersion,
    lists: result.lists ?? [],
    risk,
    riskAsScreened: screened,
    context: result.context,
    findings,
    checklist,
    earlierAnswers,
    dismissals: findings.flatMap((f) => (f.dismissal ? [f.dismissal] : [])),
    notice: NOTICE,
  };
}

export function recordFileName(record: DueDiligenceRecord): string {
  const id = (record.deal.recordId ?? record.deal.title ?? 'deal')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .slice(0, 60);
  return `dealscreen-record-${record.deal.site}-${id}-${record.exportedAt.slice(0, 10)}.json`;
}

const RISK_WORDS = { high: 'High', medium: 'Medium', low: 'Low', none: 'No red flags found' } as const;

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');

/** "Not counted in the deal risk: 1 name match marked not this entity (as screened: High)." */
export function notCountedLine(count: number, screened: keyof typeof RISK_WORDS): string {
  return `Not counted in the deal risk: ${count} name ${count === 1 ? 'match' : 'matches'} marked not this entity (as screened: ${RISK_WORDS[screened]}).`;
}

/** A short plain-text summary for the CRM's notes field. */
export function recordSummary(record: DueDiligenceRecord, maxLength = 2000): string {
  const lines: string[] = [];
  const deal = record.deal.title ?? record.deal.customer ?? record.deal.url;
  lines.push(
    `DealScreen due-diligence record: ${deal}${record.deal.recordId ? ` (${record.deal.recordId})` : ''}`,
  );
  lines.push(
    `Screened ${day(record.screenedAt) || day(record.exportedAt)} with rule set ${record.ruleSetVersion ?? 'unknown'}` +
      (record.lists.length
        ? `; lists: ${record.lists.map((l) => `${l.name}${l.asOf ? ` (as of ${l.asOf})` : ''}`).join(', ')}`
        : ''),
  );
  const level = record.risk.level;
  lines.push(
    `Deal risk: ${RISK_WORDS[level]}${level !== 'none' && record.risk.reasons.length ? `: ${record.risk.reasons.join('; ')}` : ''}`,
  );
  const notCounted = record.findings.filter((f) => !f.counted).length;
  if (notCounted) lines.push(notCountedLine(notCounted, record.riskAsScreened.level));
  if (record.findings.length) {
    lines.push(`Findings (${record.findings.length}):`);
    for (const f of record.findings) {
      const mark =
        f.status === 'dismissed'
          ? ` [not this entity, not counted: ${DISMISS_REASONS[f.dismissal!.reason].toLowerCase()}${f.dismissal!.note ? `, ${f.dismissal!.note}` : ''}]`
          : f.status === 'raised-again'
            ? ' [raised again: the list entry changed since it was dismissed]'
            : '';
      lines.push(`- ${f.severity.toUpperCase()}: ${f.title}${mark}`);
    }
  }
  const progress = progressOf(
    record.checklist.map((c) => ({
      id: c.id,
      text: c.text,
      group: c.group,
      from: [],
      answer: c.answer ? { answer: c.answer, note: c.note, by: c.by, at: c.at ?? '' } : undefined,
    })),
  );
  if (progress.total) {
    lines.push(
      `Checklist: ${progress.total - progress.open} of ${progress.total} answered (${progress.yes} yes, ${progress.no} no, ${progress.notYet} not yet)`,
    );
    for (const c of record.checklist) {
      if (!c.answer) continue;
      const who = [c.by, day(c.at)].filter(Boolean).join(', ');
      lines.push(
        `- ${ANSWER_LABELS[c.answer]}: ${c.text}${c.note ? ` Note: ${c.note}` : ''}${who ? ` (${who})` : ''}`,
      );
    }
  }
  lines.push(`Recorded ${day(record.exportedAt)}${record.reviewer ? ` by ${record.reviewer}` : ''}.`);
  const text = lines.join('\n');
  return text.length <= maxLength
    ? text
    : `${text.slice(0, maxLength - 30).trimEnd()}\n… (full record in DealScreen)`;
}
