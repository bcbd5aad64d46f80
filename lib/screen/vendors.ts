/**
 * Vendor mentions: names of companies on the curated list read in product lines and deal text
 * ("Hikvision DS-2CD2143 camera", "Pegasus licence from NSO Group"). The reference treats vendor names as
 * context signals, never as accusations (REFERENCE f.1), so these findings are low or medium and ask for a
 * compliance check; they are separate from party-name matches.
 */
import type { DealContext, Watchlist, WatchlistEntry } from '../model';
import { bounded, evidenceAround, normaliseForMatch } from '../rules/text';

export interface VendorMention {
  entry: WatchlistEntry;
  matched: string;
  evidence: string;
  field: string;
}

const LEGAL_TAIL =
  /[\s,]+(?:co\.?,?\s*ltd\.?|co\.?|ltd\.?|limited|inc\.?|s\.a\.?|zrt\.?|ad|pte\.?\s*ltd\.?)$/i;

function brandNames(entry: WatchlistEntry): string[] {
  const out = new Set<string>();
  for (const n of entry.names) {
    let b = n.trim();
    for (let i = 0; i < 3; i++) b = b.replace(LEGAL_TAIL, '').trim();
    if (b.length >= 3) out.add(b);
  }
  return [...out];
}

const escapeName = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

interface Compiled {
  entry: WatchlistEntry;
  res: RegExp[];
}

const cache = new WeakMap<Watchlist, Compiled[]>();

function compile(list: Watchlist): Compiled[] {
  const hit = cache.get(list);
  if (hit) return hit;
  const out: Compiled[] = [];
  for (const entry of list.entries) {
    const brands = brandNames(entry);
    // One distinctive word ("Hikvision") is matched in any case; acronyms ("DJI") and several words
    // ("Positive Technologies") only as written, so ordinary phrases do not fire.
    const loose = brands.filter((b) => !/\s/.test(b) && b.length >= 4);
    const strict = brands.filter((b) => !loose.includes(b));
    const res: RegExp[] = [];
    if (loose.length) res.push(new RegExp(bounded(loose.map(escapeName).join('|')), 'giu'));
    if (strict.length) res.push(new RegExp(bounded(strict.map(escapeName).join('|')), 'gu'));
    if (res.length) out.push({ entry, res });
  }
  cache.set(list, out);
  return out;
}

/** Curated-list companies named in the deal's product lines, title and notes (first mention each). */
export function vendorMentions(ctx: DealContext, list: Watchlist): VendorMention[] {
  const fields: { label: string; value: string }[] = [];
  for (const p of ctx.products) {
    fields.push({ label: 'Product', value: p.name });
    if (p.description) fields.push({ label: `Product description: ${p.name}`, value: p.description });
  }
  if (ctx.title) fields.push({ label: 'Title', value: ctx.title });
  for (const t of ctx.text ?? []) fields.push(t);
  const seen = new Set<string>();
  const out: VendorMention[] = [];
  for (const c of compile(list)) {
    for (const f of fields) {
      if (seen.has(c.entry.id)) break;
      const text = normaliseForMatch(f.value);
      const m = c.res
        .map((re) => {
          re.lastIndex = 0;
          return re.exec(text);
        })
        .find((x) => x !== null);
      if (!m) continue;
      seen.add(c.entry.id);
      out.push({
        entry: c.entry,
        matched: f.value.slice(m.index, m.index + m[0].length),
        evidence: evidenceAround(f.value, m.index, m.index + m[0].length),
        field: f.label,
      });
    }
  }
  return out;
}
