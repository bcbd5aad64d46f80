import { describe, expect, it } from 'vitest';
import {
  alarmName,
  isDue,
  listIdFromAlarm,
  minutesUntilDue,
  originPattern,
  staleness,
} from '../../lib/subscriptions/schedule';

const now = new Date('2026-11-30T12:00:00Z');

describe('subscription schedule', () => {
  it('names alarms after lists', () => {
    expect(alarmName('csl-1')).toBe('sub:csl-1');
    expect(listIdFromAlarm('sub:csl-1')).toBe('csl-1');
    expect(listIdFromAlarm('other')).toBeUndefined();
  });

  it('asks for exactly one origin, without the port', () => {
    expect(originPattern('https://data.trade.gov/a/consolidated.csv?x=1')).toBe('https://data.trade.gov/*');
    expect(originPattern('http://127.0.0.1:8123/list.csv')).toBe('http://127.0.0.1/*');
    expect(() => originPattern('ftp://x/y')).toThrow();
  });

  it('is due when never fetched or when the last good copy is a period old', () => {
    const sub = { url: 'https://x/y', format: 'csl-csv', everyHours: 24 };
    expect(isDue(sub, now)).toBe(true);
    expect(isDue({ ...sub, lastOk: '2026-11-30T00:00:00Z' }, now)).toBe(false);
    expect(isDue({ ...sub, lastOk: '2026-11-29T11:00:00Z' }, now)).toBe(true);
    expect(minutesUntilDue({ ...sub, lastOk: '2026-11-30T00:00:00Z' }, now)).toBe(12 * 60);
    expect(minutesUntilDue(sub, now)).toBe(1);
  });
});

describe('staleness', () => {
  const base = { updatedAt: '2026-11-29T00:00:00Z' };
  it('warns about official imports older than 30 days by their list date', () => {
    const s = staleness({ ...base, origin: 'import:ofac-legacy-csv', asOf: '2024-05-03' }, now);
    expect(s).toMatchObject({ stale: true, basis: 'list date', since: '2024-05-03' });
    expect(staleness({ ...base, origin: 'import:csl-csv', asOf: '2026-11-20' }, now)?.stale).toBe(false);
    expect(staleness({ ...base, origin: 'import:csl-json', asOf: '2026-10-30' }, now)).toMatchObject({
      ageDays: 31,
      stale: true,
    });
  });

  it('falls back to the import date, and to the last refresh for subscriptions', () => {
    expect(
      staleness({ origin: 'import:bis-entity-json', updatedAt: '2026-09-01T00:00:00Z' }, now),
    ).toMatchObject({
      basis: 'import',
      stale: true,
    });
    const sub = { url: 'https://x/y', format: 'csl-csv', everyHours: 24, lastOk: '2026-11-29T00:00:00Z' };
    expect(staleness({ ...base, origin: 'subscription', subscription: sub }, now)).toMatchObject({
      basis: 'last refresh',
      stale: false,
    });
    const never = { url: 'https://x/y', format: 'csl-csv', everyHours: 24 };
    expect(staleness({ ...base, origin: 'managed-subscription', subscription: never }, now)?.stale).toBe(
      true,
    );
  });

  it('does not warn about the rep’s own lists or generic imports', () => {
    expect(staleness({ ...base, origin: 'user', asOf: '2020-01-01' }, now)).toBeUndefined();
    expect(staleness({ ...base, origin: 'import:generic-csv', asOf: '2020-01-01' }, now)).toBeUndefined();
  });
});
