import { describe, expect, it, vi } from 'vitest';
import type { Watchlist } from '../../lib/model';
import { memoryArea } from '../../lib/storage/item';
import { loadLists, saveList } from '../../lib/storage/lists';
import { EMPTY_MANAGED, type ManagedState, parseManagedPolicy } from '../../lib/storage/managed';
import { reconcileManagedSubscriptions } from '../../lib/subscriptions/managed';
import { refreshSubscription } from '../../lib/subscriptions/refresh';
import { createSubscriptionRunner } from '../../lib/subscriptions/runner';

const now = new Date('2026-11-30T12:00:00Z');
const CSL_HEADER =
  '_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids';
const row = (id: string, name: string) =>
  `${id},Entity List (EL) - Bureau of Industry and Security,,,,${name},,"Tehran, IR",,,,,,,,,,,,,,,${name} Co,,,,,,`;
const good = `${CSL_HEADER}\n${row('a1', 'Novatek Border Systems')}\n${row('a2', 'Gateway Optics')}\n`;

const list: Watchlist = {
  id: 'csl-1',
  name: 'CSL',
  origin: 'subscription',
  updatedAt: '2026-11-01T00:00:00Z',
  version: 3,
  subscription: { url: 'https://lists.example.org/consolidated.csv', format: 'csl-csv', everyHours: 24 },
  entries: [{ id: 'old', listId: 'csl-1', names: ['Old Entry'] }],
};

function respond(body: string, status = 200) {
  return vi.fn(async () => new Response(body, { status }));
}

describe('refreshing a subscription', () => {
  it('replaces the entries with a good download', async () => {
    const fetch = respond(good);
    const out = await refreshSubscription(list, { fetch, now: () => now });
    expect(out.ok).toBe(true);
    expect(fetch).toHaveBeenCalledWith(
      list.subscription!.url,
      expect.objectContaining({ credentials: 'omit' }),
    );
    expect(out.list.entries.map((e) => e.names[0])).toEqual(['Novatek Border Systems', 'Gateway Optics']);
    expect(out.list.entries.every((e) => e.listId === 'csl-1')).toBe(true);
    expect(out.list.version).toBe(4);
    expect(out.list.subscription).toMatchObject({ lastOk: now.toISOString() });
    expect(out.list.subscription?.lastError).toBeUndefined();
  });

  it.each([
    ['an HTTP error', respond('nope', 503), /HTTP 503/],
    [
      'a network error',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
      /Failed to fetch/,
    ],
    ['a malformed file', respond(`${CSL_HEADER}\n"unterminated,quote\n`), /malformed download/],
    ['an empty list', respond(`${CSL_HEADER}\n`), /no entries/],
    ['something else entirely', respond('<html>login page</html>'), /malformed download/],
  ])('keeps the last good copy after %s and says so', async (_, fetch, reason) => {
    const withOk = { ...list, subscription: { ...list.subscription!, lastOk: '2026-11-29T12:00:00Z' } };
    const out = await refreshSubscription(withOk, { fetch, now: () => now });
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(reason);
    expect(out.message).toMatch(/kept the last good copy \(1 entries from 2026-11-29\)/);
    expect(out.list.entries).toEqual(list.entries);
    expect(out.list.version).toBe(3);
    expect(out.list.subscription?.lastOk).toBe('2026-11-29T12:00:00Z');
    expect(out.list.subscription?.lastError).toMatch(reason);
  });
});

describe('managed subscriptions', () => {
  const policy = parseManagedPolicy({
    subscriptions: [
      { id: 'csl', name: 'CSL (org)', url: 'https://x.org/c.csv', format: 'csl-csv', everyHours: 12 },
    ],
  }).policy;

  it('creates a read-only placeholder, updates it when the policy changes, removes it when dropped', () => {
    const first = reconcileManagedSubscriptions([], policy.subscriptions, now);
    expect(first.save[0]).toMatchObject({
      id: 'managed-csl',
      readOnly: true,
      origin: 'managed-subscription',
      entries: [],
    });
    const stored = { ...first.save[0]!, entries: [{ id: '1', listId: 'managed-csl', names: ['X'] }] };
    stored.subscription = { ...stored.subscription!, lastOk: now.toISOString() };
    expect(reconcileManagedSubscriptions([stored], policy.subscriptions, now)).toEqual({
      save: [],
      remove: [],
    });
    const moved = reconcileManagedSubscriptions(
      [stored],
      [{ ...policy.subscriptions[0]!, url: 'https://x.org/new.csv' }],
      now,
    );
    expect(moved.save[0]?.subscription).toEqual({
      url: 'https://x.org/new.csv',
      format: 'csl-csv',
      everyHours: 12,
    });
    expect(moved.save[0]?.entries).toHaveLength(1);
    const mine: Watchlist = { ...list };
    expect(reconcileManagedSubscriptions([stored, mine], [], now)).toEqual({
      save: [],
      remove: ['managed-csl'],
    });
  });
});

describe('subscription runner', () => {
  function setup(managed: ManagedState = EMPTY_MANAGED, fetch = respond(good)) {
    const local = memoryArea();
    const alarms = new Map<string, { name: string; periodInMinutes?: number; delayInMinutes?: number }>();
    const runner = createSubscriptionRunner({
      local,
      alarms: {
        getAll: async () => [...alarms.values()],
        create: (name, info) => alarms.set(name, { name, ...info }),
        clear: async (name) => alarms.delete(name),
      },
      fetch,
      readManaged: async () => managed,
      log: () => undefined,
      now: () => now,
    });
    return { local, alarms, runner, fetch };
  }

  it('keeps one alarm per subscribed list and clears orphans', async () => {
    const { local, alarms, runner } = setup();
    alarms.set('sub:gone', { name: 'sub:gone', periodInMinutes: 60 });
    alarms.set('other', { name: 'other' });
    await saveList(local, list);
    await saveList(local, { ...list, id: 'mine', subscription: undefined });
    await runner.sync();
    expect([...alarms.keys()].sort()).toEqual(['other', 'sub:csl-1']);
    expect(alarms.get('sub:csl-1')).toMatchObject({ periodInMinutes: 1440, delayInMinutes: 1 });
    // A one-shot alarm asked for sooner is left alone; a changed period is applied.
    alarms.set('sub:csl-1', { name: 'sub:csl-1' });
    await runner.sync();
    expect(alarms.get('sub:csl-1')?.periodInMinutes).toBeUndefined();
    alarms.set('sub:csl-1', { name: 'sub:csl-1', periodInMinutes: 60 });
    await runner.sync();
    expect(alarms.get('sub:csl-1')?.periodInMinutes).toBe(1440);
  });

  it('refreshes on its alarm and stores the new copy; a failure keeps the old entries', async () => {
    const { local, runner } = setup();
    await saveList(local, list);
    await runner.onAlarm('sub:csl-1');
    let [stored] = await loadLists(local);
    expect(stored?.entries).toHaveLength(2);

    const failing = setup(EMPTY_MANAGED, respond('x', 500));
    await saveList(failing.local, stored!);
    await failing.runner.onAlarm('sub:csl-1');
    [stored] = await loadLists(failing.local);
    expect(stored?.entries).toHaveLength(2);
    expect(stored?.subscription?.lastError).toMatch(/HTTP 500; kept the last good copy/);
  });

  it('materialises managed subscriptions as stored read-only lists with alarms', async () => {
    const managed = {
      ...EMPTY_MANAGED,
      policy: parseManagedPolicy({
        subscriptions: [
          { id: 'csl', name: 'CSL', url: 'https://x.org/c.csv', format: 'csl-csv', everyHours: 6 },
        ],
      }).policy,
    };
    const { local, alarms, runner } = setup(managed);
    await runner.sync();
    const lists = await loadLists(local);
    expect(lists.map((l) => [l.id, l.readOnly])).toEqual([['managed-csl', true]]);
    expect(alarms.get('sub:managed-csl')?.periodInMinutes).toBe(360);
  });
});
