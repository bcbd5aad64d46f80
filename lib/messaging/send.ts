import { browser } from 'wxt/browser';
import type { MessageType, Payload, Reply } from './protocol';

/** Typed sender for every extension context. */
export async function send<T extends MessageType>(type: T, payload: Payload<T>): Promise<Reply<T>> {
  return (await browser.runtime.sendMessage({ type, payload })) as Reply<T>;
}
