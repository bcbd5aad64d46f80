/**
 * The stored items of the extension, declared once. Schemas come from lib/model.
 */
import { z } from 'zod';
import { ScreenResult, Watchlist } from '../model';
import type { ItemDef } from './item';

export const Settings = z.object({
  /** Name-match threshold; null = the matcher's default. */
  threshold: z.number().min(0.5).max(1).nullable(),
  /** Rule groups or surveillance categories switched off. */
  disabledCategories: z.array(z.string()),
  /** CRM adapters switched off (site ids). */
  disabledSites: z.array(z.string()),
  /** Origins the user added ("https://crm.example.com"), screened automatically once permitted. */
  customDomains: z.array(z.string()),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  threshold: null,
  disabledCategories: [],
  disabledSites: [],
  customDomains: [],
};

export const settingsItem: ItemDef<Settings> = {
  area: 'local',
  key: 'settings',
  schema: Settings,
  fallback: () => structuredClone(DEFAULT_SETTINGS),
  version: 1,
};

export const TabState = z.object({
  status: z.enum(['screening', 'ready', 'none', 'error']),
  url: z.string(),
  result: ScreenResult.optional(),
  error: z.string().optional(),
  updatedAt: z.string(),
});
export type TabState = z.infer<typeof TabState>;

/** Per-tab results live in storage.session: the service worker can be stopped at any time. */
export function tabStateItem(tabId: number): ItemDef<TabState | null> {
  return {
    area: 'session',
    key: `tab:${tabId}`,
    schema: TabState.nullable(),
    fallback: () => null,
    version: 1,
  };
}

export const ListIndex = z.array(z.string());

export const listIndexItem: ItemDef<string[]> = {
  area: 'local',
  key: 'lists',
  schema: ListIndex,
  fallback: () => [],
  version: 1,
};

export function listItem(id: string): ItemDef<Watchlist | null> {
  return { area: 'local', key: `list:${id}`, schema: Watchlist.nullable(), fallback: () => null, version: 1 };
}
