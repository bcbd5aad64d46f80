import type { FindingKind, Severity } from '@/lib/model';

export const KIND_LABELS: Record<FindingKind, string> = {
  'restricted-party': 'Listed party',
  'surveillance-item': 'Surveillance capability',
  destination: 'Destination',
  'government-end-user': 'Government end user',
  intermediary: 'Intermediary',
  'red-flag': 'Red flag',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

export const CATEGORY_LABELS: Record<string, string> = {
  sensors: 'Sensors',
  'biometric-identification': 'Biometric identification',
  'data-analytics': 'Data analytics',
  'internet-surveillance': 'Internet surveillance',
  'location-tracking': 'Location tracking',
  'recording-devices': 'Recording devices',
};

export const VERIFICATION_LABELS = {
  P: 'checked against the official text',
  S: 'from a secondary source',
  M: 'derived, not yet verified',
} as const;

/** "30 Nov 2026, 10:02" in the rep's locale; the ISO text when it is not a date. */
export function when(iso: string | undefined | null, withTime = true): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  });
}
