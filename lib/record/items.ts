/** The record's stored items, declared once with the same ItemDef pattern as lib/storage/items.ts. */
import { z } from 'zod';
import type { ItemDef } from '../storage/item';
import { DealRecord, Dismissal, Reviewer } from './model';

/** One item per deal (`deal:<site>:<record id>`), so a busy rep's hundred deals are not rewritten together. */
export function dealRecordItem(key: string): ItemDef<DealRecord | null> {
  return {
    area: 'local',
    key: `deal:${key}`,
    schema: DealRecord.nullable(),
    fallback: () => null,
    version: 1,
  };
}

/** Every "not this entity" decision, across deals: a name dismissed on one deal stays dismissed on the next. */
export const dismissalsItem: ItemDef<Dismissal[]> = {
  area: 'local',
  key: 'dismissals',
  schema: z.array(Dismissal),
  fallback: () => [],
  version: 1,
};

/** The name the rep gives for "who answered" in the record. Stays on this machine. */
export const reviewerItem: ItemDef<Reviewer> = {
  area: 'local',
  key: 'reviewer',
  schema: Reviewer,
  fallback: () => ({ name: '' }),
  version: 1,
};
