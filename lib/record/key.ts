/**
 * Which deal a page is: the CRM site plus its record id (Salesforce 18-character id, HubSpot object id…),
 * or, when the page has no record id, its address without the query string. The key is what the checklist
 * answers and the exported record hang off, so the rep finds them again in another tab or on another day.
 */
export interface DealRef {
  site: string;
  recordId?: string;
  url?: string;
}

/** The URL without query, and without a fragment unless the site routes by fragment ("#/deal/42", "#!…"). */
export function urlWithoutQuery(url: string): string {
  try {
    const u = new URL(url);
    const hash = u.hash.startsWith('#/') || u.hash.startsWith('#!') ? u.hash.replace(/\?.*$/, '') : '';
    return `${u.origin}${u.pathname.replace(/\/+$/, '') || '/'}${hash}`;
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}

export function dealKey(ref: DealRef): string | null {
  const site = ref.site.trim() || 'unknown';
  const id = ref.recordId?.trim();
  if (id) return `${site}:${id}`;
  if (ref.url) return `${site}:${urlWithoutQuery(ref.url)}`;
  return null;
}
