/**
 * One protocol map: message name → payload and reply schemas. Content scripts run on pages we do not
 * control, so every message is validated with zod where it arrives.
 */
import { z } from 'zod';
import { DealContext, LookupResult } from '../model';

export const protocol = {
  /** Content script → background: what the page shows now (null: no record on this page). */
  'context/extracted': {
    payload: z.object({ context: DealContext.nullable() }),
    reply: z.object({ ok: z.boolean() }),
  },
  /** Popup → background: quick lookup of a name, product or country. */
  lookup: {
    payload: z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(50).optional() }),
    reply: z.object({ results: z.array(LookupResult) }),
  },
  /** Popup → background: run the extraction on this tab now (activeTab). */
  'screen/tab': {
    payload: z.object({ tabId: z.number().int().nonnegative() }),
    reply: z.object({ ok: z.boolean(), error: z.string().optional() }),
  },
} as const;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type Payload<T extends MessageType> = z.infer<Protocol[T]['payload']>;
export type Reply<T extends MessageType> = z.infer<Protocol[T]['reply']>;

export type ParsedMessage = { [T in MessageType]: { type: T; payload: Payload<T> } }[MessageType];

export type ParseOutcome = { ok: true; message: ParsedMessage } | { ok: false; error: string };

const Envelope = z.object({ type: z.string(), payload: z.unknown() });

/** Validate a message at the receiver. Never throws. */
export function parseMessage(raw: unknown): ParseOutcome {
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) return { ok: false, error: 'not a DealScreen message' };
  const { type, payload } = envelope.data;
  if (!Object.hasOwn(protocol, type))
    return { ok: false, error: `unknown message type "${type.slice(0, 60)}"` };
  const entry = protocol[type as MessageType];
  const parsed = entry.payload.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `bad "${type}" payload at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    };
  }
  return { ok: true, message: { type, payload: parsed.data } as ParsedMessage };
}
