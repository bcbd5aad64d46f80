/**
 * Every stored item is declared once: area, key, schema, default, version and migrations.
 * A stored value that does not fit its schema is repaired to the default (and the bad copy kept
 * under `<key>:corrupt` so nothing is lost), never a crash.
 */
import type { z } from 'zod';

export type Area = 'local' | 'session' | 'sync';

/** The subset of a storage area we use; `browser.storage.local` satisfies it, and so does a Map in tests. */
export interface StorageAreaLike {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface ItemDef<T> {
  area: Area;
  key: string;
  schema: z.ZodType<T>;
  fallback: () => T;
  version: number;
  /** migrations[n] turns data of version n-1 into version n. */
  migrations?: Record<number, (old: unknown) => unknown>;
}

interface Envelope {
  v: number;
  data: unknown;
}

export interface Decoded<T> {
  value: T;
  /** Why the stored value was replaced, when it was. */
  repaired?: string;
  migrated?: boolean;
}

function isEnvelope(raw: unknown): raw is Envelope {
  return typeof raw === 'object' && raw !== null && 'v' in raw && 'data' in raw;
}

/** Pure: turn what was stored into a valid value. */
export function decode<T>(def: ItemDef<T>, raw: unknown): Decoded<T> {
  if (raw === undefined || raw === null) return { value: def.fallback() };
  if (!isEnvelope(raw) || typeof raw.v !== 'number') {
    return { value: def.fallback(), repaired: 'stored value had no version envelope' };
  }
  let data = raw.data;
  let migrated = false;
  if (raw.v > def.version) {
    return { value: def.fallback(), repaired: `stored version ${raw.v} is newer than ${def.version}` };
  }
  for (let v = raw.v + 1; v <= def.version; v++) {
    const step = def.migrations?.[v];
    if (!step) return { value: def.fallback(), repaired: `no migration to version ${v}` };
    try {
      data = step(data);
      migrated = true;
    } catch (error) {
      return { value: def.fallback(), repaired: `migration to version ${v} failed: ${String(error)}` };
    }
  }
  const parsed = def.schema.safeParse(data);
  if (!parsed.success) {
    return {
      value: def.fallback(),
      repaired: `stored value did not fit its schema: ${parsed.error.issues[0]?.message}`,
    };
  }
  return { value: parsed.data, migrated };
}

export function encode<T>(def: ItemDef<T>, value: T): Envelope {
  return { v: def.version, data: value };
}

export interface StoredItem<T> {
  readonly def: ItemDef<T>;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  update(fn: (old: T) => T): Promise<T>;
  remove(): Promise<void>;
}

export function bindItem<T>(
  def: ItemDef<T>,
  area: StorageAreaLike,
  log: (msg: string) => void = console.warn,
): StoredItem<T> {
  const item: StoredItem<T> = {
    def,
    async get() {
      const raw = (await area.get(def.key))[def.key];
      const decoded = decode(def, raw);
      if (decoded.repaired) {
        log(`DealScreen: repaired stored "${def.key}": ${decoded.repaired}`);
        await area.set({ [`${def.key}:corrupt`]: raw, [def.key]: encode(def, decoded.value) });
      } else if (decoded.migrated) {
        await area.set({ [def.key]: encode(def, decoded.value) });
      }
      return decoded.value;
    },
    async set(value) {
      const checked = def.schema.parse(value);
      await area.set({ [def.key]: encode(def, checked) });
    },
    async update(fn) {
      const next = fn(await item.get());
      await item.set(next);
      return next;
    },
    async remove() {
      await area.remove(def.key);
    },
  };
  return item;
}

/** An in-memory storage area, for tests and for the CLI. */
export function memoryArea(
  initial: Record<string, unknown> = {},
): StorageAreaLike & { dump(): Record<string, unknown> } {
  const data = new Map(Object.entries(structuredClone(initial)));
  return {
    async get(keys) {
      const list = keys === null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      const out: Record<string, unknown> = {};
      for (const k of list) if (data.has(k)) out[k] = structuredClone(data.get(k));
      return out;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
    dump: () => Object.fromEntries(data),
  };
}
