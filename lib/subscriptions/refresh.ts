/**
 * Refresh one subscribed list: download, parse, and either replace the entries or keep the last
 * good copy and say why. Never throws; the caller saves the returned list.
 */
import { importFiles } from '../lists';
import type { ListFormat } from '../lists/types';
import type { Watchlist } from '../model';
import { SubscriptionFormat } from '../storage/managed';

/** Bigger downloads are refused (the full CSL CSV is about 30 MB). */
export const MAX_DOWNLOAD_BYTES = 200 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 120_000;

export interface RefreshDeps {
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  now: () => Date;
}

export interface RefreshOutcome {
  ok: boolean;
  list: Watchlist;
  /** One line for the user: what happened. */
  message: string;
}

function fileNameOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() || 'download');
  } catch {
    return 'download';
  }
}

export async function refreshSubscription(list: Watchlist, deps: RefreshDeps): Promise<RefreshOutcome> {
  const sub = list.subscription;
  const now = deps.now();
  if (!sub) return { ok: false, list, message: `${list.name} follows no URL` };
  const keep = (reason: string): RefreshOutcome => {
    const had = list.entries.length;
    const message = `${reason}; ${had ? `kept the last good copy (${had} entries${sub.lastOk ? ` from ${sub.lastOk.slice(0, 10)}` : ''})` : 'no earlier copy to keep'}`;
    return {
      ok: false,
      list: { ...list, subscription: { ...sub, lastError: `${now.toISOString()} ${message}` } },
      message,
    };
  };
  const format = SubscriptionFormat.safeParse(sub.format);
  if (!format.success) return keep(`unsupported subscription format "${sub.format}"`);

  let text: string;
  try {
    const response = await deps.fetch(sub.url, {
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (!response.ok) return keep(`download failed: HTTP ${response.status}`);
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_DOWNLOAD_BYTES) return keep(`download refused: ${length} bytes is more than the limit`);
    text = await response.text();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return keep(`download failed: ${reason}`);
  }

  const parsed = importFiles([{ name: fileNameOf(sub.url), text }], {
    format: format.data as ListFormat,
    listId: list.id,
  });
  if (!parsed.ok) {
    const first = parsed.errors[0];
    const where = first ? `${first.line ? `line ${first.line}: ` : ''}${first.reason}` : 'unknown error';
    return keep(
      `malformed download (${parsed.errors.length} problem${parsed.errors.length === 1 ? '' : 's'}; ${where})`,
    );
  }
  if (parsed.entries.length === 0) return keep('the download held no entries');

  const next: Watchlist = {
    ...list,
    entries: parsed.entries.map((e) => ({ ...e, listId: list.id })),
    asOf: parsed.meta.asOf ?? now.toISOString().slice(0, 10),
    source: sub.url,
    updatedAt: now.toISOString(),
    version: list.version + 1,
    subscription: { url: sub.url, format: sub.format, everyHours: sub.everyHours, lastOk: now.toISOString() },
  };
  return { ok: true, list: next, message: `refreshed: ${next.entries.length} entries` };
}
