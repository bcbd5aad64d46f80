import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../lib/messaging/protocol';

const context = {
  site: 'salesforce',
  pageKind: 'opportunity',
  url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006/view',
  customer: 'Acme',
  parties: [{ name: 'Acme', role: 'customer' }],
  products: [{ name: 'Widget' }],
  countries: [],
};

describe('messages are validated where they arrive', () => {
  it('accepts a well-formed message', () => {
    const parsed = parseMessage({ type: 'context/extracted', payload: { context } });
    expect(parsed.ok).toBe(true);
  });

  it('rejects things that are not messages', () => {
    for (const raw of [null, 42, 'hello', { payload: {} }, []]) {
      expect(parseMessage(raw)).toEqual({ ok: false, error: 'not a DealScreen message' });
    }
  });

  it('rejects an unknown message type, without echoing a huge string', () => {
    const parsed = parseMessage({ type: 'x'.repeat(10000), payload: {} });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.length).toBeLessThan(120);
  });

  it('rejects a payload of the wrong shape and says where', () => {
    const parsed = parseMessage({
      type: 'context/extracted',
      payload: { context: { ...context, parties: [{ name: 'X', role: 'boss' }] } },
    });
    expect(parsed).toMatchObject({ ok: false, error: expect.stringMatching(/context\.parties\.0\.role/) });
  });

  it('rejects oversized input', () => {
    const parsed = parseMessage({ type: 'lookup', payload: { query: 'a'.repeat(501) } });
    expect(parsed.ok).toBe(false);
    const many = parseMessage({
      type: 'context/extracted',
      payload: { context: { ...context, products: Array.from({ length: 501 }, () => ({ name: 'p' })) } },
    });
    expect(many.ok).toBe(false);
  });

  it('does not let a prototype key pass as a message type', () => {
    expect(parseMessage({ type: 'constructor', payload: {} }).ok).toBe(false);
    expect(parseMessage({ type: '__proto__', payload: {} }).ok).toBe(false);
  });
});
