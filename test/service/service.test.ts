import { describe, expect, it, vi } from 'vitest';
import type { DealContext, ScreenResult } from '../../lib/model';
import { makeDismissal } from '../../lib/record/dismissals';
import { dismissalsItem } from '../../lib/record/items';
import { badgeFor, createService } from '../../lib/service/service';
import { bindItem, memoryArea } from '../../lib/storage/item';

function setup() {
  const session = memoryArea();
  const local = memoryArea();
  const badges = new Map<number, string>();
  const levels = new Map<number, string>();
  const log = vi.fn();
  const service = createService({
    local,
    session,
    async setBadge(tabId, text, level) {
      badges.set(tabId, text);
      levels.set(tabId, level);
    },
    injectExtraction: vi.fn(async () => undefined),
    log,
    now: () => new Date('2026-11-30T09:00:00Z'),
  });
  const state = (tabId: number) =>
    (
      session.dump()[`tab:${tabId}`] as
        | { data: { status: string; result?: { risk: { level: string }; findings: unknown[] } } }
        | undefined
    )?.data;
  return { service, badges, levels, log, state, local };
}

const risky: DealContext = {
  site: 'salesforce',
  pageKind: 'opportunity',
  url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006RISKY000000001AAA/view',
  recordId: '006RISKY000000001AAA',
  title: 'Gateway Monitoring Upgrade',
  customer: 'Novatek Border Systems',
  parties: [{ name: 'Novatek Border Systems', role: 'customer' }],
  products: [
    {
      name: 'NetProbe DPI Appliance 40G',
      description: 'Deep packet inspection for national gateway traffic',
    },
  ],
  countries: [{ code: 'IR', name: 'Iran', source: 'shipping address' }],
  addresses: [{ label: 'Shipping Address', value: 'Valiasr St 12\nTehran\nIran' }],
  text: [],
};
const tab = { tab: { id: 7, url: risky.url }, url: risky.url };

describe('background service', () => {
  it('rejects and logs a content-script message of the wrong shape, and nothing crashes', async () => {
    const { service, log, state } = setup();
    const reply = await service.handle({ type: 'context/extracted', payload: { context: { site: 3 } } }, tab);
    expect(reply).toMatchObject({ ok: false });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/rejected a message/));
    expect(state(7)).toBeUndefined();
    // It keeps working afterwards.
    expect(await service.handle({ type: 'context/extracted', payload: { context: risky } }, tab)).toEqual({
      ok: true,
    });
    expect(state(7)?.status).toBe('ready');
  });

  it('screens a deal, stores it per tab and sets the badge to the high and medium count', async () => {
    const { service, badges, state } = setup();
    await service.handle({ type: 'context/extracted', payload: { context: risky } }, tab);
    const result = state(7)?.result;
    expect(result?.risk.level).toBe('high');
    expect(badges.get(7)).toBe(badgeFor(result as never).text);
    expect(Number(badges.get(7))).toBeGreaterThanOrEqual(3);
  });

  it('a page with no record produces no findings and no error', async () => {
    const { service, badges, state } = setup();
    await service.handle({ type: 'context/extracted', payload: { context: risky } }, tab);
    await service.handle({ type: 'context/extracted', payload: { context: null } }, tab);
    expect(state(7)).toMatchObject({ status: 'none' });
    expect(state(7)?.result).toBeUndefined();
    expect(badges.get(7)).toBe('');
  });

  it('handles messages for a tab in arrival order', async () => {
    const { service, state } = setup();
    const first = service.handle({ type: 'context/extracted', payload: { context: risky } }, tab);
    const second = service.handle({ type: 'context/extracted', payload: { context: null } }, tab);
    await Promise.all([first, second]);
    expect(state(7)?.status).toBe('none');
  });

  it('"not this entity" takes the match out of the badge count on every screened tab; undo puts it back', async () => {
    const { service, badges, levels, state, local } = setup();
    // Only a name match (the demo list's Novatek) on an ordinary US deal; and the risky deal in tab 8.
    const onlyMatch: DealContext = {
      ...risky,
      products: [{ name: 'CRM Professional' }],
      countries: [{ code: 'US', name: 'United States', source: 'shipping address' }],
      addresses: [
        { label: 'Shipping Address', value: '1200 Market St\nSan Francisco, CA 94103\nUnited States' },
      ],
    };
    await service.handle({ type: 'context/extracted', payload: { context: onlyMatch } }, tab);
    await service.handle(
      { type: 'context/extracted', payload: { context: risky } },
      { tab: { id: 8, url: risky.url }, url: risky.url },
    );
    expect(badges.get(7)).toBe('1');
    expect(levels.get(7)).toBe('high');
    const riskyBadge = Number(badges.get(8));
    const result = state(7)?.result as ScreenResult | undefined;
    const match = result?.findings.find((f) => f.kind === 'restricted-party');
    if (!match) throw new Error('the name match was screened');
    const dismissals = bindItem(dismissalsItem, local);
    await dismissals.set([
      makeDismissal(match, { reason: 'different-country', note: '', by: '', at: '2026-11-30' }),
    ]);
    await service.dismissalsChanged();
    expect(badges.get(7)).toBe('');
    expect(levels.get(7)).toBe('none');
    expect(Number(badges.get(8))).toBe(riskyBadge - 1);
    // A new screening of the page keeps the decision.
    await service.handle({ type: 'context/extracted', payload: { context: onlyMatch } }, tab);
    expect(badges.get(7)).toBe('');
    // Undo.
    await dismissals.set([]);
    await service.dismissalsChanged();
    expect(badges.get(7)).toBe('1');
    expect(levels.get(7)).toBe('high');
    expect(Number(badges.get(8))).toBe(riskyBadge);
  });

  it('ignores a message that comes from no tab', async () => {
    const { service } = setup();
    expect(await service.handle({ type: 'context/extracted', payload: { context: risky } }, {})).toEqual({
      ok: false,
    });
  });
});
