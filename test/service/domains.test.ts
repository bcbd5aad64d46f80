import { describe, expect, it } from 'vitest';
import {
  CONTENT_SCRIPT_FILE,
  CUSTOM_SCRIPT_ID,
  createDomainSync,
  type DomainDeps,
  domainPatterns,
  normalizeDomain,
  storedDomains,
} from '../../lib/service/domains';

function fakeBrowser(domains: string[], granted: string[], inUse: string[] = []) {
  const state = {
    domains,
    granted: new Set(granted),
    scripts: [] as { id: string; matches: string[]; js: string[] }[],
    injected: [] as string[],
    removed: [] as string[],
  };
  const deps: DomainDeps = {
    scripting: {
      async getRegisteredContentScripts(filter) {
        return state.scripts.filter((s) => !filter?.ids || filter.ids.includes(s.id));
      },
      async registerContentScripts(scripts) {
        for (const s of scripts) {
          if (state.scripts.some((x) => x.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          state.scripts.push({ id: s.id, matches: [...s.matches], js: [...s.js] });
        }
      },
      async unregisterContentScripts(filter) {
        state.scripts = state.scripts.filter((s) => filter?.ids && !filter.ids.includes(s.id));
      },
    },
    permissions: {
      async contains({ origins }) {
        return origins.every((o) => state.granted.has(o));
      },
      async remove({ origins }) {
        for (const o of origins) {
          state.granted.delete(o);
          state.removed.push(o);
        }
        return true;
      },
    },
    readDomains: async () => state.domains,
    originsInUse: async () => inUse,
    injectOpenTabs: async (p) => {
      state.injected.push(p);
    },
    log: () => undefined,
  };
  return { state, deps };
}

describe('custom CRM domains', () => {
  it('normalises what the rep types to an origin and refuses what cannot be screened', () => {
    expect(normalizeDomain('crm.example.com')).toEqual({ ok: true, origin: 'https://crm.example.com' });
    expect(normalizeDomain(' https://CRM.Example.com:8443/deals/7?x=1 ')).toEqual({
      ok: true,
      origin: 'https://crm.example.com',
    });
    expect(normalizeDomain('http://erp.acme-intern.de/vertrieb')).toEqual({
      ok: true,
      origin: 'http://erp.acme-intern.de',
    });
    for (const bad of ['', '*.example.com', 'ftp://files.example.com', 'https://', 'javascript:alert(1)'])
      expect(normalizeDomain(bad).ok, bad).toBe(false);
    // Already screened by a registry adapter: adding it would run the content script twice.
    const sf = normalizeDomain('acme.lightning.force.com');
    expect(sf.ok).toBe(false);
    expect(domainPatterns(['crm.example.com', 'https://crm.example.com/x', 'bad*'])).toEqual([
      'https://crm.example.com/*',
    ]);
    expect(storedDomains({ v: 1, data: { customDomains: ['a.example', 3] } })).toEqual(['a.example']);
    expect(storedDomains(undefined)).toEqual([]);
  });

  it('registers one content script for the permitted domains only, and starts open tabs', async () => {
    const { state, deps } = fakeBrowser(
      ['https://crm.example-selfhosted.test', 'https://espo.acme.test'],
      ['https://crm.example-selfhosted.test/*'],
    );
    const sync = createDomainSync(deps);
    const r = await sync.sync();
    expect(r).toEqual({
      registered: ['https://crm.example-selfhosted.test/*'],
      unpermitted: ['https://espo.acme.test/*'],
    });
    expect(state.scripts).toEqual([
      { id: CUSTOM_SCRIPT_ID, matches: ['https://crm.example-selfhosted.test/*'], js: [CONTENT_SCRIPT_FILE] },
    ]);
    expect(state.injected).toEqual(['https://crm.example-selfhosted.test/*']);

    // Granting the second origin (permissions.onAdded → sync) adds it; nothing is injected twice.
    state.granted.add('https://espo.acme.test/*');
    await sync.sync();
    expect(state.scripts[0]?.matches.sort()).toEqual([
      'https://crm.example-selfhosted.test/*',
      'https://espo.acme.test/*',
    ]);
    expect(state.injected).toEqual(['https://crm.example-selfhosted.test/*', 'https://espo.acme.test/*']);

    // A sync with nothing changed leaves the registration alone (startup re-sync).
    await sync.sync();
    expect(state.scripts).toHaveLength(1);
  });

  it('unregisters and gives the permission back when a domain is removed, unless a subscription uses it', async () => {
    const { state, deps } = fakeBrowser(
      ['https://crm.example-selfhosted.test', 'https://lists.example.org'],
      ['https://crm.example-selfhosted.test/*', 'https://lists.example.org/*'],
      ['https://lists.example.org/*'],
    );
    const sync = createDomainSync(deps);
    await sync.sync();
    expect(state.scripts[0]?.matches).toHaveLength(2);
    const before = [...state.domains];
    state.domains = [];
    await sync.domainsChanged(before, state.domains);
    expect(state.scripts).toEqual([]);
    expect(state.removed).toEqual(['https://crm.example-selfhosted.test/*']);
    expect(state.granted.has('https://lists.example.org/*')).toBe(true);
  });

  it('follows a revoked permission (permissions.onRemoved → sync)', async () => {
    const { state, deps } = fakeBrowser(
      ['crm.example-selfhosted.test'],
      ['https://crm.example-selfhosted.test/*'],
    );
    const sync = createDomainSync(deps);
    await sync.sync();
    expect(state.scripts).toHaveLength(1);
    state.granted.clear();
    const r = await sync.sync();
    expect(r.unpermitted).toEqual(['https://crm.example-selfhosted.test/*']);
    expect(state.scripts).toEqual([]);
  });

  it('serialises bursts of events', async () => {
    const { state, deps } = fakeBrowser(
      ['crm.example-selfhosted.test'],
      ['https://crm.example-selfhosted.test/*'],
    );
    const sync = createDomainSync(deps);
    // Without serialising, two concurrent registrations would throw "Duplicate script ID".
    await Promise.all([sync.sync(), sync.sync(), sync.domainsChanged([], state.domains), sync.sync()]);
    expect(state.scripts).toHaveLength(1);
  });
});
