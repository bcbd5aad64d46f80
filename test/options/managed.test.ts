import { describe, expect, it } from 'vitest';
import { memoryArea } from '../../lib/storage/item';
import { DEFAULT_SETTINGS } from '../../lib/storage/items';
import {
  effectiveSettings,
  isManagedList,
  listsForScreening,
  MANAGED_LAST_KEY,
  MANAGED_TEST_KEY,
  managedWatchlists,
  parseManagedPolicy,
  readManaged,
} from '../../lib/storage/managed';

const now = new Date('2026-11-30T09:00:00Z');

const policy = {
  lists: [
    {
      id: 'corp-deny',
      name: 'Corporate denied parties',
      asOf: '2026-11-01',
      entries: [{ names: ['Novatek Border Systems', 'Novatek BS'], countries: ['ir'], type: 'entity' }],
    },
  ],
  subscriptions: [
    {
      id: 'csl',
      name: 'CSL',
      url: 'https://data.trade.gov/x/consolidated.csv',
      format: 'csl-csv',
      everyHours: 24,
    },
  ],
  settings: { threshold: 0.9, disabledSites: ['hubspot'] },
};

describe('managed policy', () => {
  it('parses a valid policy', () => {
    const { policy: p, problems } = parseManagedPolicy(policy);
    expect(problems).toEqual([]);
    expect(p.lists).toHaveLength(1);
    expect(p.subscriptions[0]?.format).toBe('csl-csv');
    expect(p.settings).toEqual({ threshold: 0.9, disabledSites: ['hubspot'] });
  });

  it('drops only the bad parts, each with a reason', () => {
    const { policy: p, problems } = parseManagedPolicy({
      lists: [policy.lists[0], { id: 'bad id!', name: 'x', entries: [] }, { ...policy.lists[0] }],
      subscriptions: [{ id: 's', name: 'S', url: 'ftp://x/y', format: 'csl-csv', everyHours: 24 }],
      settings: { threshold: 3, disabledCategories: ['sensors'] },
      colour: 'red',
    });
    expect(p.lists).toHaveLength(1);
    expect(p.subscriptions).toHaveLength(0);
    expect(p.settings).toEqual({ disabledCategories: ['sensors'] });
    expect(problems.join('\n')).toMatch(/lists\[1\] ignored: id/);
    expect(problems.join('\n')).toMatch(/lists\[2\] ignored: id "corp-deny" is used twice/);
    expect(problems.join('\n')).toMatch(/subscriptions\[0\] ignored: url/);
    expect(problems.join('\n')).toMatch(/settings.threshold ignored/);
    expect(problems.join('\n')).toMatch(/unknown policy key "colour"/);
  });

  it('treats no policy (or a non-object) as empty', () => {
    expect(parseManagedPolicy(undefined).policy.lists).toEqual([]);
    expect(parseManagedPolicy('x').problems).toHaveLength(1);
  });

  it('turns managed lists into read-only watchlists whose version follows their content', () => {
    const { policy: p } = parseManagedPolicy(policy);
    const [list] = managedWatchlists(p, now);
    expect(list).toMatchObject({
      id: 'managed-corp-deny',
      origin: 'managed',
      readOnly: true,
      asOf: '2026-11-01',
    });
    expect(list?.entries[0]).toMatchObject({
      listId: 'managed-corp-deny',
      countries: ['IR'],
      type: 'entity',
    });
    expect(isManagedList(list!)).toBe(true);
    const changed = parseManagedPolicy({
      lists: [{ ...policy.lists[0], entries: [{ names: ['Other Name'] }] }],
    }).policy;
    expect(managedWatchlists(changed, now)[0]?.version).not.toBe(list?.version);
    expect(managedWatchlists(p, now)[0]?.version).toBe(list?.version);
  });

  it('locks the settings the policy sets and leaves the others to the rep', () => {
    const user = { ...DEFAULT_SETTINGS, threshold: 0.7, disabledCategories: ['sensors'] };
    const { settings, locked } = effectiveSettings(user, { threshold: 0.9, disabledSites: ['hubspot'] });
    expect(settings).toEqual({ ...user, threshold: 0.9, disabledSites: ['hubspot'] });
    expect(locked.sort()).toEqual(['disabledSites', 'threshold']);
  });

  it('reads storage.managed, and the test hook only in an unpacked development build', async () => {
    const local = memoryArea({
      [MANAGED_TEST_KEY]: { lists: [{ id: 'sim', name: 'Simulated', entries: [] }] },
    });
    const managed = memoryArea(policy);
    const packed = await readManaged({ local, managed, isDevBuild: async () => false });
    expect(packed.simulated).toBe(false);
    expect(packed.policy.lists[0]?.id).toBe('corp-deny');
    const dev = await readManaged({ local, managed, isDevBuild: async () => true });
    expect(dev.simulated).toBe(true);
    expect(dev.policy.lists.map((l) => l.id)).toEqual(['sim']);
    // Firefox rejects storage.managed.get without a policy: that is "no policy".
    const none = await readManaged({
      local: memoryArea(),
      managed: { get: () => Promise.reject(new Error('Managed storage manifest not found')) },
      isDevBuild: async () => true,
    });
    expect(none).toMatchObject({ simulated: false, problems: [] });
    expect(none.policy.lists).toEqual([]);
  });

  it('does not wait for a slow managed-storage read: it uses the last policy and keeps the fresh one for next time', async () => {
    const local = memoryArea({ [MANAGED_LAST_KEY]: policy });
    let answer: (value: Record<string, unknown>) => void = () => {};
    const slow = { get: () => new Promise<Record<string, unknown>>((ok) => (answer = ok)) };
    const state = await readManaged({ local, managed: slow, isDevBuild: async () => false }, 20);
    expect(state.policy.lists[0]?.id).toBe('corp-deny');
    // The browser answers later, with no policy: that becomes the last policy read.
    answer({});
    await new Promise((ok) => setTimeout(ok, 10));
    expect(local.dump()[MANAGED_LAST_KEY]).toEqual({});
    const next = await readManaged({ local, managed: slow, isDevBuild: async () => false }, 20);
    expect(next.policy.lists).toEqual([]);
  });

  it('screens against stored plus managed lists', async () => {
    const state = await readManaged({
      local: memoryArea(),
      managed: memoryArea(policy),
      isDevBuild: async () => false,
    });
    const lists = listsForScreening(
      [{ id: 'mine', name: 'Mine', origin: 'user', updatedAt: now.toISOString(), version: 1, entries: [] }],
      state,
      now,
    );
    expect(lists.map((l) => l.id)).toEqual(['mine', 'managed-corp-deny']);
  });
});
