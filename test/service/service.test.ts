import { describe, expect, it, vi } from 'vitest';
import type { DealContext } from '../../lib/model';
import { badgeFor, createService } from '../../lib/service/service';
import { memoryArea } from '../../lib/storage/item';

function setup() {
  const session = memoryArea();
  const badges = new Map<number, string>();
  const log = vi.fn();
  const service = createService({
    local: memoryArea(),
    session,
    async setBadge(tabId, text) {
      badges.set(tabId, text);
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
  return { service, badges, log, state };
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

  it('ignores a message that comes from no tab', async () => {
    const { service } = setup();
    expect(await service.handle({ type: 'context/extracted', payload: { context: risky } }, {})).toEqual({
      ok: false,
    });
  });
});
