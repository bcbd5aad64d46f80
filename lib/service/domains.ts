/**
 * The rep's own CRM domains (settings.customDomains): screened automatically once the rep granted the origin.
 *
 * The options page asks for the one origin (permissions.request inside the click) and stores the domain; the
 * background keeps one dynamic content script ("dealscreen-custom-domains") registered with
 * scripting.registerContentScripts for exactly the stored domains it holds a permission for. It re-syncs at
 * worker start (browser start, install, update, worker restart), when settings.customDomains changes and when
 * permissions are added or removed (the rep can revoke a site in chrome://extensions). Removing a domain
 * unregisters it and gives its permission back, unless something else still needs that origin (a watchlist
 * subscription downloads from it).
 *
 * The injected file is the same content script the manifest declares for the registry's CRMs; on a host no site
 * adapter matches it falls back to the generic adapter (lib/extract/run.ts).
 *
 * Browser APIs are injected so this runs under test with fakes.
 */
import { registryMatchPatterns } from '../extract/registry';
import { urlMatchesPatterns } from '../extract/site-adapter';

export const CUSTOM_SCRIPT_ID = 'dealscreen-custom-domains';
/** The built content script (WXT: entrypoints/crm.content → content-scripts/crm.js). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/crm.js';

export type DomainCheck = { ok: true; origin: string } | { ok: false; error: string };

/**
 * A domain as the rep typed it → its origin ("crm.example.com", "https://crm.example.com/deals/7" →
 * "https://crm.example.com"). No scheme means https. Wildcards, other schemes and hosts the extension already
 * screens (a registry CRM) are refused with a reason the options page shows.
 */
export function normalizeDomain(input: string): DomainCheck {
  const raw = input.trim();
  if (!raw) return { ok: false, error: 'Enter the address of your CRM, e.g. crm.example.com.' };
  if (raw.includes('*'))
    return { ok: false, error: 'Wildcards are not allowed: add one CRM address at a time.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: `"${raw.slice(0, 100)}" is not a web address.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, error: 'Only http and https addresses can be screened.' };
  if (!url.hostname || url.username || url.password)
    return { ok: false, error: `"${raw.slice(0, 100)}" is not a web address.` };
  const origin = `${url.protocol}//${url.hostname}`;
  if (urlMatchesPatterns(`${origin}/`, registryMatchPatterns()))
    return { ok: false, error: `${url.hostname} is a CRM DealScreen already screens automatically.` };
  return { ok: true, origin };
}

/**
 * The match pattern (and permission origin) of a stored domain. Ports are left out: a match pattern without a
 * port matches every port of the host.
 */
export function domainPattern(origin: string): string {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}

/** The stored domains as unique patterns; entries that are not valid domains any more are skipped. */
export function domainPatterns(domains: readonly string[]): string[] {
  const out = new Set<string>();
  for (const d of domains) {
    const n = normalizeDomain(d);
    if (n.ok) out.add(domainPattern(n.origin));
  }
  return [...out];
}

interface RegisteredScript {
  id: string;
  matches?: string[];
}

export interface DomainDeps {
  scripting: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScript[]>;
    registerContentScripts(
      scripts: {
        id: string;
        matches: string[];
        js: string[];
        runAt: 'document_idle';
        persistAcrossSessions: boolean;
      }[],
    ): Promise<void>;
    unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
  };
  permissions: {
    contains(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
  };
  /** The stored settings.customDomains. */
  readDomains(): Promise<string[]>;
  /** Patterns other features hold a permission for (subscriptions); never removed here. */
  originsInUse?(): Promise<string[]>;
  /** Start screening tabs already open on a newly registered domain (no reload needed). */
  injectOpenTabs?(pattern: string): Promise<void>;
  log(message: string): void;
}

export interface DomainSyncResult {
  /** Patterns the dynamic content script is registered for after the sync. */
  registered: string[];
  /** Stored domains without a permission (the rep revoked it, or never granted it). */
  unpermitted: string[];
}

export function createDomainSync(deps: DomainDeps) {
  let chain: Promise<unknown> = Promise.resolve();
  /** One sync at a time: storage and permission events arrive in bursts. */
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };

  async function syncNow(): Promise<DomainSyncResult> {
    const wanted = domainPatterns(await deps.readDomains());
    const permitted: string[] = [];
    const unpermitted: string[] = [];
    for (const p of wanted) {
      const ok = await deps.permissions.contains({ origins: [p] }).catch(() => false);
      (ok ? permitted : unpermitted).push(p);
    }
    const existing = await deps.scripting.getRegisteredContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
    const current = existing.find((s) => s.id === CUSTOM_SCRIPT_ID)?.matches ?? [];
    const same =
      existing.length > 0 &&
      current.length === permitted.length &&
      permitted.every((p) => current.includes(p));
    if (!same && !(existing.length === 0 && permitted.length === 0)) {
      if (existing.length > 0) await deps.scripting.unregisterContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
      if (permitted.length > 0) {
        await deps.scripting.registerContentScripts([
          {
            id: CUSTOM_SCRIPT_ID,
            matches: permitted,
            js: [CONTENT_SCRIPT_FILE],
            runAt: 'document_idle',
            persistAcrossSessions: true,
          },
        ]);
      }
      for (const p of permitted) {
        if (current.includes(p)) continue;
        await deps.injectOpenTabs?.(p).catch((e: unknown) => deps.log(`DealScreen: ${p}: ${String(e)}`));
      }
    }
    return { registered: permitted, unpermitted };
  }

  return {
    /** Bring the registered content script in line with the stored domains and the granted permissions. */
    sync(): Promise<DomainSyncResult> {
      return serial(() =>
        syncNow().catch((e: unknown) => {
          deps.log(`DealScreen: could not register your CRM domains: ${String(e)}`);
          return { registered: [], unpermitted: [] };
        }),
      );
    },
    /**
     * settings.customDomains changed from `before` to `after`: give back the permissions of removed domains
     * (unless still needed), then sync.
     */
    domainsChanged(before: readonly string[], after: readonly string[]): Promise<DomainSyncResult> {
      return serial(async () => {
        const kept = new Set(domainPatterns(after));
        const gone = domainPatterns(before).filter((p) => !kept.has(p));
        if (gone.length > 0) {
          const inUse = new Set((await deps.originsInUse?.().catch(() => [])) ?? []);
          const release = gone.filter((p) => !inUse.has(p));
          if (release.length > 0) {
            await deps.permissions
              .remove({ origins: release })
              .catch((e: unknown) =>
                deps.log(`DealScreen: could not remove ${release.join(', ')}: ${String(e)}`),
              );
          }
        }
        return syncNow().catch((e: unknown) => {
          deps.log(`DealScreen: could not register your CRM domains: ${String(e)}`);
          return { registered: [], unpermitted: [] };
        });
      });
    },
  };
}

/** settings.customDomains out of a raw stored settings value (the storage envelope { v, data }). */
export function storedDomains(raw: unknown): string[] {
  const data = (raw as { data?: { customDomains?: unknown } } | undefined)?.data;
  const list = data?.customDomains;
  return Array.isArray(list) ? list.filter((d): d is string => typeof d === 'string') : [];
}
