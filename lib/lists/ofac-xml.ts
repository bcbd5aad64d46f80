/**
 * OFAC sdn.xml (and consolidated.xml, same schema): <sdnList><publshInformation><Publish_Date>…
 * <sdnEntry><uid/><firstName/><lastName/><title/><sdnType/><remarks/><programList><program/>…
 * <akaList><aka><type/><category/><lastName/><firstName/></aka>…<addressList><address><country/>…
 * Read with a small hand-written scanner (indexOf, no DOM): DOMParser does not exist in an MV3
 * service worker, and the format needs only elements and text (attributes are ignored).
 * Names follow the legacy CSV's convention: "LASTNAME, Firstname" for people.
 */
import type { WatchlistEntry } from '../model';
import { lookupCountry } from './countries';
import { OFAC_DETAIL_URL } from './ofac';
import type { ParseOptions, ParseResult } from './types';
import { EntryCollector, guarded, Issues, lineColAt, listIdOf, progressReporter, result } from './util';

interface El {
  name: string;
  children: El[];
  text: string;
  /** Offset of the start tag. */
  at: number;
}

class XmlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

/** Parse to a light element tree. Throws XmlError with an offset on malformed markup (caught below). */
function parseXml(src: string, onProgress?: (f: number) => void): El {
  const root: El = { name: '#root', children: [], text: '', at: 0 };
  const stack: El[] = [root];
  let i = 0;
  let n = 0;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    if (lt === -1) {
      if (src.slice(i).trim()) top.text += decode(src.slice(i));
      break;
    }
    if (lt > i) top.text += decode(src.slice(i, lt));
    if (src.startsWith('<!--', lt)) {
      const end = src.indexOf('-->', lt + 4);
      if (end === -1) throw new XmlError('unterminated comment', lt);
      i = end + 3;
    } else if (src.startsWith('<![CDATA[', lt)) {
      const end = src.indexOf(']]>', lt + 9);
      if (end === -1) throw new XmlError('unterminated CDATA section', lt);
      top.text += src.slice(lt + 9, end);
      i = end + 3;
    } else if (src[lt + 1] === '?' || src[lt + 1] === '!') {
      const end = src.indexOf('>', lt);
      if (end === -1) throw new XmlError('unterminated declaration', lt);
      i = end + 1;
    } else {
      const end = src.indexOf('>', lt);
      if (end === -1) throw new XmlError('unterminated tag (file truncated?)', lt);
      const body = src.slice(lt + 1, end);
      if (body[0] === '/') {
        const name = body.slice(1).trim();
        if (top.name !== name) throw new XmlError(`closing </${name}> does not match <${top.name}>`, lt);
        stack.pop();
      } else {
        const selfClosing = body.endsWith('/');
        const name = (selfClosing ? body.slice(0, -1) : body).trim().split(/\s/, 1)[0]!;
        if (!name) throw new XmlError('empty tag name', lt);
        // Namespace prefixes (sdn:lastName) are dropped: the schema has no clashes.
        const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
        const el: El = { name: local, children: [], text: '', at: lt };
        top.children.push(el);
        if (!selfClosing) stack.push(el);
      }
      i = end + 1;
      if (onProgress && ++n % 5000 === 0) onProgress(i / src.length);
    }
  }
  if (stack.length > 1)
    throw new XmlError(
      `<${stack[stack.length - 1]!.name}> is never closed (file truncated?)`,
      stack[stack.length - 1]!.at,
    );
  return root;
}

const child = (el: El | undefined, name: string) => el?.children.find((c) => c.name === name);
const kids = (el: El | undefined, name: string) => el?.children.filter((c) => c.name === name) ?? [];
const textOf = (el: El | undefined) => (el ? el.text.replace(/\s+/g, ' ').trim() : '');

function personName(el: El): string {
  const last = textOf(child(el, 'lastName'));
  const first = textOf(child(el, 'firstName'));
  return last && first ? `${last}, ${first}` : last || first;
}

const TYPES: Record<string, WatchlistEntry['type']> = {
  individual: 'individual',
  entity: 'entity',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

/** "04/22/2020" → "2020-04-22". */
function usDate(s: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim());
  return m ? `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}` : undefined;
}

export function parseOfacXml(text: string, opts: ParseOptions = {}): ParseResult {
  return guarded('ofac-sdn-xml', () => {
    const issues = new Issues();
    const collector = new EntryCollector(listIdOf(opts));
    const report = progressReporter(opts.onProgress);
    const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    let doc: El;
    try {
      doc = parseXml(src, (f) => report(f * 0.8));
    } catch (err) {
      if (!(err instanceof XmlError)) throw err;
      const { line, column } = lineColAt(src, err.offset);
      issues.error(line, `bad XML: ${err.message}`, undefined, column);
      return result('ofac-sdn-xml', collector, issues, 0);
    }
    const list = child(doc, 'sdnList');
    if (!list) {
      issues.error(1, 'not an OFAC sdn.xml: no <sdnList> root element');
      return result('ofac-sdn-xml', collector, issues, 0);
    }
    const pub = child(list, 'publshInformation');
    const asOf = usDate(textOf(child(pub, 'Publish_Date')));
    const entries = kids(list, 'sdnEntry');
    const starts = entries.map((e) => e.at);
    // Line of each entry, in one pass.
    const lines: number[] = [];
    {
      let line = 1;
      let pos = 0;
      for (const off of starts) {
        let k = src.indexOf('\n', pos);
        while (k !== -1 && k < off) {
          line++;
          k = src.indexOf('\n', k + 1);
        }
        pos = off;
        lines.push(line);
      }
    }
    entries.forEach((e, idx) => {
      const line = lines[idx]!;
      const uid = textOf(child(e, 'uid'));
      const name = personName(e);
      if (!name) {
        issues.error(line, `missing name (uid ${uid || '?'})`, 'missing name');
        return;
      }
      const typeRaw = textOf(child(e, 'sdnType')).toLowerCase();
      const type = TYPES[typeRaw];
      if (!type) issues.warn(line, `unknown sdnType "${typeRaw}" (kept as unknown)`, 'unknown type');
      const akas = kids(child(e, 'akaList'), 'aka').map(personName);
      const countries: string[] = [];
      for (const a of kids(child(e, 'addressList'), 'address')) {
        const c = textOf(child(a, 'country'));
        if (!c) continue;
        const hit = lookupCountry(c);
        if (hit.code) countries.push(hit.code);
        else if (!hit.known)
          issues.warn(line, `unknown country "${c}" (kept without a code)`, `unknown country "${c}"`);
      }
      const title = textOf(child(e, 'title'));
      const remarks = textOf(child(e, 'remarks'));
      const notes = [title && `Title: ${title}`, remarks].filter(Boolean).join(' ');
      collector.add({
        id: uid || undefined,
        names: [name, ...akas],
        type: type ?? 'unknown',
        countries,
        programs: kids(child(e, 'programList'), 'program').map(textOf),
        notes: notes || undefined,
        url: uid ? OFAC_DETAIL_URL + uid : undefined,
      });
    });
    const count = Number(textOf(child(pub, 'Record_Count')));
    if (Number.isFinite(count) && count > entries.length)
      issues.warn(0, `the file says Record_Count ${count} but holds ${entries.length} entries (an excerpt?)`);
    report(1);
    return result('ofac-sdn-xml', collector, issues, entries.length, {
      asOf,
      source: 'OFAC SDN list (XML)',
      name: 'OFAC SDN',
    });
  });
}
