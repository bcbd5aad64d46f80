/** Pure updates of a deal record: start one for a screening, keep its snapshot fresh, set an answer. */
import type { ScreenResult } from '../model';
import type { ChecklistAnswer, DealRecord } from './model';

export function startRecord(key: string, result: ScreenResult, fallbackUrl: string, at: string): DealRecord {
  return {
    key,
    site: result.site,
    recordId: result.recordId,
    url: result.url ?? fallbackUrl,
    title: result.context.title,
    customer: result.context.customer,
    answers: {},
    lastResult: result,
    createdAt: at,
    updatedAt: at,
  };
}

/** Keep the last screening with the record; null when nothing changed (so nothing is written). */
export function withSnapshot(
  record: DealRecord | null,
  key: string,
  result: ScreenResult,
  fallbackUrl: string,
  at: string,
): DealRecord | null {
  if (!record) return startRecord(key, result, fallbackUrl, at);
  if (JSON.stringify(record.lastResult) === JSON.stringify(result)) return null;
  return {
    ...record,
    url: result.url ?? record.url,
    title: result.context.title ?? record.title,
    customer: result.context.customer ?? record.customer,
    lastResult: result,
  };
}

export function withAnswer(
  record: DealRecord,
  id: string,
  answer: ChecklistAnswer | null,
  at: string,
): DealRecord {
  const answers = { ...record.answers };
  if (answer) answers[id] = answer;
  else delete answers[id];
  return { ...record, answers, updatedAt: at };
}
