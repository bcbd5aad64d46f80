/**
 * Organisation-managed configuration: what an administrator pushes to every rep's browser through
 * enterprise policy (Chrome: the extension's `3rdparty` policy; Firefox: policies.json "3rdparty").
 * The browser exposes it read-only as `storage.managed`, shaped by public/managed_schema.json.
 *
 * Managed lists are merged into what the screener loads and are read-only for the rep; managed
 * subscriptions become read-only stored lists that the background refreshes; managed settings
 * replace (and lock) the rep's own values field by field. Documented in docs/policy.md.
 *
 * Pure: the browser areas are injected, so the service worker, the options page and unit tests share it.
 *
 * Test hook (simulated policy): a browser test cannot push real enterprise policy, and
 * storage.managed cannot be written by the extension. When, and only when, the running extension is an
 * unpacked development build (management.getSelf().installType === "development"), a policy object
 * stored in storage.local under `managed:test` replaces what storage.managed returns. A packed,
 * store- or policy-installed extension ignores that key; and whoever can load an unpacked build can
 * change the code anyway, so the hook grants nothing new.
 */
import { z } from 'zod';
import { EntryType, type Watchlist, type WatchlistEntry } from '../model';
import type { StorageAreaLike } from './item';
import type { Settings } from './items';

/** storage.local key honoured only in unpacked development builds (see the header). */
export const MANAGED_TEST_KEY = 'managed:test';

/** The last managed policy read, kept so a slow managed-storage read never holds up screening. */
export const MANAGED_LAST_KEY = 'managed:last';

/**
 * Chromium's storage.managed.get can take seconds (10–25 s seen under load) when no policy is installed.
 * Screening does not wait longer than this for it: it uses the last policy read and picks up the fresh one
 * when it arrives (a change of MANAGED_LAST_KEY rebuilds the screener).
 */
export const MANAGED_READ_TIMEOUT_MS = 1000;

/** Prefix of ids for managed lists and managed subscriptions, so they never collide with the rep's. */
export const MANAGED_ID_PREFIX = 'managed-';

const Id = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, ".", "_" and "-" only');

export const ManagedEntry = z.object({
  id: z.string().min(1).max(200).optional(),
  /** Primary name first, then aliases. */
  names: z.array(z.string().trim().min(1).max(500)).min(1),
  type: EntryType.optional(),
  countries: z.array(z.string().length(2)).optional(),
  programs: z.array(z.string()).optional(),
  notes: z.string().max(5000).optional(),
  url: z.string().max(2000).optional(),
});

export const ManagedList = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  source: z.string().max(500).optional(),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  entries: z.array(ManagedEntry),
});
export type ManagedList = z.infer<typeof ManagedList>;

/** Single-file formats a subscription can follow (OFAC's legacy trio needs three files). */
export const SubscriptionFormat = z.enum([
  'csl-csv',
  'csl-json',
  'bis-entity-json',
  'bis-dpl-txt',
  'generic-csv',
  'generic-json',
  'dealscreen-json',
]);
export type SubscriptionFormat = z.infer<typeof SubscriptionFormat>;

export const ManagedSubscription = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  url: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//i.test(u), 'http or https only'),
  format: SubscriptionFormat,
  everyHours: z
    .number()
    .min(1)
    .max(24 * 90),
});
export type ManagedSubscription = z.infer<typeof ManagedSubscription>;

export const ManagedSettings = z.object({
  threshold: z.number().min(0.5).max(1).optional(),
  disabledCategories: z.array(z.string()).optional(),
  disabledSites: z.array(z.string()).optional(),
});
export type ManagedSettings = z.infer<typeof ManagedSettings>;

export interface ManagedPolicy {
  lists: ManagedList[];
  subscriptions: ManagedSubscription[];
  settings: ManagedSettings;
}

export interface ManagedState {
  policy: ManagedPolicy;
  /** Parts of the policy that were ignored, and why (shown on the options page). */
  problems: string[];
  /** True when the data came from the `managed:test` hook, not from real enterprise policy. */
  simulated: boolean;
}

export const EMPTY_MANAGED: ManagedState = {
  policy: { lists: [], subscriptions: [], settings: {} },
  problems: [],
  simulated: false,
};

function issueText(error: z.ZodError): string {
  const i = error.issues[0];
  return i ? `${i.path.join('.') || '(value)'}: ${i.message}` : 'invalid';
}

/**
 * Parse what storage.managed returned. Lenient per item: one bad list or subscription is dropped
 * with a reason, the rest still apply (a typo in one policy entry must not switch everything off).
 */
export function parseManagedPolicy(raw: unknown): { policy: ManagedPolicy; problems: string[] } {
  const problems: string[] = [];
  const policy: ManagedPolicy = { lists: [], subscriptions: [], settings: {} };
  if (raw === undefined || raw === null) return { policy, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { policy, problems: ['managed policy is not an object: ignored'] };
  }
  const r = raw as Record<string, unknown>;
  const ids = new Set<string>();
  const items = <T extends { id: string }>(key: string, schema: z.ZodType<T>, out: T[]) => {
    const value = r[key];
    if (value === undefined) return;
    if (!Array.isArray(value)) {
      problems.push(`${key}: not a list: ignored`);
      return;
    }
    value.forEach((v, i) => {
      const parsed = schema.safeParse(v);
      if (!parsed.success) {
        problems.push(`${key}[${i}] ignored: ${issueText(parsed.error)}`);
        return;
      }
      if (ids.has(parsed.data.id)) {
        problems.push(`${key}[${i}] ignored: id "${parsed.data.id}" is used twice`);
        return;
      }
      ids.add(parsed.data.id);
      out.push(parsed.data);
    });
  };
  items('lists', ManagedList, policy.lists);
  items('subscriptions', ManagedSubscription, policy.subscriptions);
  if (r.settings !== undefined) {
    const s = r.settings;
    if (!s || typeof s !== 'object' || Array.isArray(s)) problems.push('settings: not an object: ignored');
    else {
      for (const key of Object.keys(ManagedSettings.shape) as (keyof ManagedSettings)[]) {
        const value = (s as Record<string, unknown>)[key];
        if (value === undefined) continue;
        const parsed = ManagedSettings.shape[key].safeParse(value);
        if (parsed.success) (policy.settings as Record<string, unknown>)[key] = parsed.data;
        else problems.push(`settings.${key} ignored: ${issueText(parsed.error)}`);
      }
    }
  }
  for (const key of Object.keys(r)) {
    if (!['lists', 'subscriptions', 'settings'].includes(key))
      problems.push(`unknown policy key "${key}": ignored`);
  }
  return { policy, problems };
}

export interface ManagedDeps {
  /** browser.storage.managed; absent or throwing when the browser has no managed storage. */
  managed?: Pick<StorageAreaLike, 'get'>;
  local: Pick<StorageAreaLike, 'get'> & Partial<Pick<StorageAreaLike, 'set'>>;
  /** True only for an unpacked development build (management.getSelf().installType). */
  isDevBuild(): Promise<boolean>;
}

/** Read the managed policy (or, in an unpacked dev build, the simulated one). Never throws. */
export async function readManaged(
  deps: ManagedDeps,
  timeoutMs = MANAGED_READ_TIMEOUT_MS,
): Promise<ManagedState> {
  let raw: unknown;
  let simulated = false;
  try {
    const dev = await deps.isDevBuild().catch(() => false);
    if (dev) {
      const test = (await deps.local.get(MANAGED_TEST_KEY))[MANAGED_TEST_KEY];
      if (test !== undefined) {
        raw = test;
        simulated = true;
      }
    }
  } catch {
    // No hook: fall through to the real policy.
  }
  if (!simulated && deps.managed) {
    // Firefox rejects when no policy is installed; Chrome returns {}.
    const read = deps.managed.get(null).catch(() => undefined);
    const late = Symbol('late');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const first = await Promise.race([
      read,
      new Promise<typeof late>((ok) => {
        timer = setTimeout(() => ok(late), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (first === late) {
      raw = await deps.local
        .get(MANAGED_LAST_KEY)
        .then((r) => r[MANAGED_LAST_KEY])
        .catch(() => undefined);
      void read.then((fresh) => remember(deps, fresh));
    } else {
      raw = first;
      await remember(deps, first);
    }
  }
  return { ...parseManagedPolicy(raw), simulated };
}

/** Keep the policy last read; written only when it changed, so the change event means a new policy. */
async function remember(deps: ManagedDeps, raw: unknown): Promise<void> {
  if (!deps.local.set) return;
  try {
    const stored = (await deps.local.get(MANAGED_LAST_KEY))[MANAGED_LAST_KEY];
    if (JSON.stringify(stored ?? null) !== JSON.stringify(raw ?? null)) {
      await deps.local.set({ [MANAGED_LAST_KEY]: raw ?? null });
    }
  } catch {
    // Storage full or gone: the next read asks the browser again.
  }
}

/** FNV-1a over the JSON, so a changed managed list gets a new version (matcher caches key on it). */
function contentVersion(value: unknown): number {
  const s = JSON.stringify(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function managedListId(id: string): string {
  return `${MANAGED_ID_PREFIX}${id}`;
}

/** Managed inline lists as read-only watchlists. */
export function managedWatchlists(policy: ManagedPolicy, now: Date): Watchlist[] {
  return policy.lists.map((l) => {
    const id = managedListId(l.id);
    const entries: WatchlistEntry[] = l.entries.map((e, i) => {
      const entry: WatchlistEntry = { id: e.id ?? String(i + 1), listId: id, names: e.names };
      if (e.type) entry.type = e.type;
      if (e.countries) entry.countries = e.countries.map((c) => c.toUpperCase());
      if (e.programs) entry.programs = e.programs;
      if (e.notes) entry.notes = e.notes;
      if (e.url) entry.url = e.url;
      return entry;
    });
    const list: Watchlist = {
      id,
      name: l.name,
      origin: 'managed',
      updatedAt: now.toISOString(),
      version: contentVersion(l),
      readOnly: true,
      entries,
    };
    if (l.source) list.source = l.source;
    if (l.asOf) list.asOf = l.asOf;
    return list;
  });
}

export type SettingsField = 'threshold' | 'disabledCategories' | 'disabledSites';

/** The settings in force: each field the policy sets replaces the rep's value and is locked. */
export function effectiveSettings(
  user: Settings,
  managed: ManagedSettings,
): { settings: Settings; locked: SettingsField[] } {
  const settings: Settings = structuredClone(user);
  const locked: SettingsField[] = [];
  if (managed.threshold !== undefined) {
    settings.threshold = managed.threshold;
    locked.push('threshold');
  }
  if (managed.disabledCategories !== undefined) {
    settings.disabledCategories = [...managed.disabledCategories];
    locked.push('disabledCategories');
  }
  if (managed.disabledSites !== undefined) {
    settings.disabledSites = [...managed.disabledSites];
    locked.push('disabledSites');
  }
  return { settings, locked };
}

/** A stored list that the rep may not change (managed inline list or managed subscription). */
export function isManagedList(list: Pick<Watchlist, 'origin' | 'readOnly'>): boolean {
  return list.origin === 'managed' || list.origin === 'managed-subscription' || list.readOnly === true;
}

/** Everything the screener screens against: the stored lists plus the managed inline lists. */
export function listsForScreening(
  stored: readonly Watchlist[],
  managed: ManagedState,
  now: Date,
): Watchlist[] {
  return [...stored, ...managedWatchlists(managed.policy, now)];
}
