/**
 * What the settings page offers: rule categories that can be switched off, and settings edits.
 * Ids are the surveillance categories of the 2020 State Department guidance (lib/model Category)
 * and the finding kinds of the other rule groups; the screener skips findings whose category or
 * kind is in `disabledCategories`.
 */
import { Category } from '../model';
import { DEFAULT_SETTINGS, type Settings } from '../storage/items';

export interface Choice {
  id: string;
  label: string;
  group: string;
}

const CATEGORY_LABELS: Record<(typeof Category.options)[number], string> = {
  sensors: 'Sensors',
  'biometric-identification': 'Biometric identification',
  'data-analytics': 'Data analytics',
  'internet-surveillance': 'Internet surveillance tools',
  'location-tracking': 'Non-cooperative location tracking',
  'recording-devices': 'Recording devices',
};

export const RULE_CATEGORIES: readonly Choice[] = [
  ...Category.options.map((id) => ({
    id,
    label: CATEGORY_LABELS[id],
    group: 'Items with surveillance capabilities',
  })),
  { id: 'destination', label: 'Destination countries and regions', group: 'Other rules' },
  { id: 'government-end-user', label: 'Government and security-sector end users', group: 'Other rules' },
  { id: 'intermediary', label: 'Intermediaries and resellers', group: 'Other rules' },
  { id: 'red-flag', label: 'Red-flag phrases in deal text', group: 'Other rules' },
];

export function toggle(values: readonly string[], id: string, on: boolean): string[] {
  const without = values.filter((v) => v !== id);
  return on ? without : [...without, id].sort();
}

/** The settings a reset returns to; the CRM domains the rep added are kept (another page owns them). */
export function resetSettings(current: Settings): Settings {
  return { ...structuredClone(DEFAULT_SETTINGS), customDomains: [...current.customDomains] };
}
