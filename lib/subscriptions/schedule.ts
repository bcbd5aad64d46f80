/**
 * When a subscribed list is due, which alarm drives it, which origin it needs, and when a list is
 * stale. Pure: dates come in as arguments.
 */
import type { Watchlist } from '../model';

export const ALARM_PREFIX = 'sub:';

/** A list is warned about when its data is older than this. */
export const STALE_AFTER_DAYS = 30;

const DAY = 86_400_000;
const HOUR = 3_600_000;

export function alarmName(listId: string): string {
  return `${ALARM_PREFIX}${listId}`;
}

export function listIdFromAlarm(name: string): string | undefined {
  return name.startsWith(ALARM_PREFIX) ? name.slice(ALARM_PREFIX.length) : undefined;
}

/**
 * The one origin a subscription needs, as a match pattern for permissions.request. Match patterns
 * have no port, so `http://127.0.0.1:8080/x.csv` asks for `http://127.0.0.1/*`.
 */
export function originPattern(url: string): string {
  const u = new URL(url);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`not an http(s) URL: ${url}`);
  return `${u.protocol}//${u.hostname}/*`;
}

export type Subscription = NonNullable<Watchlist['subscription']>;

/** Due when it never succeeded, or its last good copy is at least `everyHours` old. */
export function isDue(sub: Subscription, now: Date): boolean {
  if (!sub.lastOk) return true;
  const last = Date.parse(sub.lastOk);
  return !Number.isFinite(last) || now.getTime() - last >= sub.everyHours * HOUR - 60_000;
}

/** Minutes until the next refresh (at least 1: alarms fire no more often than that in packed builds). */
export function minutesUntilDue(sub: Subscription, now: Date): number {
  if (isDue(sub, now)) return 1;
  const last = Date.parse(sub.lastOk!);
  return Math.max(1, Math.ceil((last + sub.everyHours * HOUR - now.getTime()) / 60_000));
}

/** Formats of official lists: an import or subscription of these is warned about when old. */
const OFFICIAL = /^import:(ofac|csl|bis)/;

export function isOfficial(list: Pick<Watchlist, 'origin' | 'subscription'>): boolean {
  return OFFICIAL.test(list.origin) || list.subscription !== undefined;
}

export interface Staleness {
  /** Whole days since the date below. */
  ageDays: number;
  /** The date the age is counted from (YYYY-MM-DD). */
  since: string;
  /** What that date is. */
  basis: 'list date' | 'last refresh' | 'import';
  stale: boolean;
}

/**
 * How old a list's data is. An official list's own date wins (a CSL refreshed today that says it is
 * from March is from March); then the last good download; then when it was imported.
 */
export function staleness(
  list: Pick<Watchlist, 'origin' | 'subscription' | 'asOf' | 'updatedAt'>,
  now: Date,
): Staleness | undefined {
  if (!isOfficial(list)) return undefined;
  const candidates: [string | undefined, Staleness['basis']][] = [
    [list.asOf, 'list date'],
    [list.subscription?.lastOk, 'last refresh'],
    [list.subscription ? undefined : list.updatedAt, 'import'],
  ];
  for (const [date, basis] of candidates) {
    if (!date) continue;
    const t = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
    if (!Number.isFinite(t)) continue;
    const ageDays = Math.max(0, Math.floor((now.getTime() - t) / DAY));
    return {
      ageDays,
      since: new Date(t).toISOString().slice(0, 10),
      basis,
      stale: ageDays > STALE_AFTER_DAYS,
    };
  }
  // A subscription that never succeeded has no data at all.
  return { ageDays: Number.POSITIVE_INFINITY, since: '', basis: 'last refresh', stale: true };
}
