/**
 * What the settings page offers: rule categories that can be switched off, and settings edits.
 * Ids are the ones lib/screen's createScreener understands in `disabledCategories`: the surveillance
 * categories of the 2020 State Department guidance (lib/model Category) and the rule groups.
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
  { id: 'restricted-parties', label: 'Restricted parties (watchlist name matches)', group: 'Rule groups' },
  { id: 'destinations', label: 'Destination countries and regions', group: 'Rule groups' },
  { id: 'end-users', label: 'Government, military and security-sector end users', group: 'Rule groups' },
  { id: 'intermediaries', label: 'Intermediaries and resellers', group: 'Rule groups' },
  { id: 'intent', label: 'Red-flag phrases in deal text (intent, covert use, KYC)', group: 'Rule groups' },
];

export function toggle(values: readonly string[], id: string, on: boolean): string[] {
  const without = values.filter((v) => v !== id);
  return on ? without : [...without, id].sort();
}

/** The settings a reset returns to; the CRM domains the rep added are kept (another page owns them). */
export function resetSettings(current: Settings): Settings {
  return { ...structuredClone(DEFAULT_SETTINGS), customDomains: [...current.customDomains] };
}
