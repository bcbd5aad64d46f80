/**
 * The per-deal due-diligence record: the rep's answers to the checklist, the "not this entity" decisions,
 * and the last screening shown for the deal. Schemas here, pure logic beside them, stored items in items.ts.
 */
import { z } from 'zod';
import { ScreenResult } from '../model';

export const Answer = z.enum(['yes', 'no', 'not-yet']);
export type Answer = z.infer<typeof Answer>;

export const ANSWER_LABELS: Record<Answer, string> = { yes: 'Yes', no: 'No', 'not-yet': 'Not yet' };

export const ChecklistAnswer = z.object({
  answer: Answer,
  note: z.string().max(4000),
  /** Who answered: the name the rep gave for the record ("" when they gave none). */
  by: z.string().max(200),
  /** ISO timestamp of the last change. */
  at: z.string(),
});
export type ChecklistAnswer = z.infer<typeof ChecklistAnswer>;

export const DealRecord = z.object({
  key: z.string(),
  site: z.string(),
  recordId: z.string().optional(),
  url: z.string(),
  title: z.string().optional(),
  customer: z.string().optional(),
  /** Checklist item id → the rep's answer. Kept when a question no longer applies, for the record. */
  answers: z.record(z.string(), ChecklistAnswer),
  /** The last screening shown for this deal, so the record can be read and printed after the tab closed. */
  lastResult: ScreenResult.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DealRecord = z.infer<typeof DealRecord>;

export const DismissReason = z.enum(['different-country', 'different-business', 'different-person', 'other']);
export type DismissReason = z.infer<typeof DismissReason>;

export const DISMISS_REASONS: Record<DismissReason, string> = {
  'different-country': 'Different country or address',
  'different-business': 'Different line of business or registration',
  'different-person': 'Different person (identifiers do not match)',
  other: 'Other reason',
};

/** "Not this entity": remembered for this page name against this list entry, in every deal. */
export const Dismissal = z.object({
  /** Normalised page name (see nameKey). */
  nameKey: z.string(),
  /** The name as it appeared on the page. */
  name: z.string(),
  listId: z.string(),
  entryId: z.string(),
  /** The entry's name that matched, and the list, as shown when the rep decided. */
  entryName: z.string(),
  listName: z.string().optional(),
  score: z.number(),
  /** The list entry's fingerprint when the rep decided: a different one raises the match again. */
  fingerprint: z.string(),
  reason: DismissReason,
  /** The rep's own words: what tells the two apart. */
  note: z.string().max(2000),
  by: z.string().max(200),
  at: z.string(),
  /** The deal it was decided on. */
  dealKey: z.string().optional(),
});
export type Dismissal = z.infer<typeof Dismissal>;

export const Reviewer = z.object({ name: z.string().max(200) });
export type Reviewer = z.infer<typeof Reviewer>;
