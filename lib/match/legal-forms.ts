/**
 * Recognises legal-form descriptors (LLC, GmbH, OOO, ФГУП, S.A. de C.V. …) inside a tokenised name.
 * They are kept, with little weight, rather than deleted: "JSC Argument" still equals "JSCARGUMENT", and a
 * state-owned form is a red flag for the rule set.
 */
import { LEGAL_FORM_TABLE, type LegalFormClass } from './legal-form-table';
import { type RawToken, rawTokens, SYLLABIC } from './normalize';
import { editDistance } from './similarity';

export type { LegalFormClass } from './legal-form-table';

interface Form {
  tokens: string[];
  cls: LegalFormClass;
  /** Also an ordinary word or initials ("sa", "co", "a s"): only counts at the edges of a name. */
  weak: boolean;
}

export interface LegalFormSpan {
  start: number;
  end: number; // exclusive
  cls: LegalFormClass;
  weak: boolean;
}

/** Forms indexed by their first token, longest first so "s a de c v" wins over "sa". */
let byFirst: Map<string, Form[]> | null = null;

function addForm(map: Map<string, Form[]>, tokens: string[], cls: LegalFormClass, weak: boolean): void {
  const first = tokens[0];
  if (!first) return;
  const list = map.get(first) ?? [];
  if (list.some((f) => f.tokens.join(' ') === tokens.join(' '))) return; // first class listed wins
  list.push({ tokens, cls, weak });
  map.set(first, list);
}

function table(): Map<string, Form[]> {
  if (byFirst) return byFirst;
  const map = new Map<string, Form[]>();
  for (const [cls, forms] of LEGAL_FORM_TABLE) {
    for (const form of forms.split('|')) {
      const tokens = rawTokens(form).map((t) => t.text);
      addForm(map, tokens, cls, tokens.length === 1 && (tokens[0]?.length ?? 0) <= 3);
      // "S. A." and "O O O" are written letter by letter as often as "SA" and "OOO".
      const only = tokens[0];
      if (tokens.length === 1 && only && only.length >= 2 && only.length <= 4 && /^[a-z]+$/.test(only)) {
        addForm(map, only.split(''), cls, true);
      }
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  byFirst = map;
  formWords = new Map();
  const words = new Set<string>();
  for (const list of map.values())
    for (const f of list) for (const t of f.tokens) if (t.length >= 5) words.add(t);
  for (const w of words) {
    const key = w.slice(0, 2);
    formWords.set(key, [...(formWords.get(key) ?? []), w]);
    formPrefix[prefixCode(w)] = 1;
  }
  return map;
}

/** Legal forms of one word of 2–5 letters ("llc", "jsc", "ooo", "gmbh"): those written glued to a name. */
let abbreviations: Set<string> | null = null;
/** 1 for the first two letters (prefixCode) of an abbreviation, and for its last two (suffixes). */
const abbrevStart = new Uint8Array(128 * 128);
const abbrevEnd = new Uint8Array(128 * 128);

function loadAbbreviations(): Set<string> {
  if (abbreviations) return abbreviations;
  abbreviations = new Set();
  for (const forms of table().values())
    for (const form of forms)
      if (form.tokens.length === 1 && /^[a-z]{2,5}$/.test(form.tokens[0]!))
        abbreviations.add(form.tokens[0]!);
  for (const a of abbreviations) {
    abbrevStart[prefixCode(a)] = 1;
    abbrevEnd[prefixCode(a.slice(-2))] = 1;
  }
  return abbreviations;
}

/**
 * Calls f with what is left of t once a legal form of one short word glued to its start or end is taken
 * off ("jscargument", "argumentllc" → "argument"), when four letters or more are left, and with the form.
 */
export function unglued(t: string, f: (rest: string, form: string) => void): void {
  if (t.length < 6) return;
  const forms = loadAbbreviations();
  if (abbrevStart[prefixCode(t)] === 1) {
    for (let n = 2; n <= 5 && t.length - n >= 4; n++) {
      const form = t.slice(0, n);
      if (forms.has(form)) f(t.slice(n), form);
    }
  }
  if (abbrevEnd[(t.charCodeAt(t.length - 2) & 127) * 128 + (t.charCodeAt(t.length - 1) & 127)] === 1) {
    for (let n = 2; n <= 5 && t.length - n >= 4; n++) {
      const form = t.slice(t.length - n);
      if (forms.has(form)) f(t.slice(0, t.length - n), form);
    }
  }
}

/** Words of five letters or more used in forms, by their first two letters (for typo-tolerant matching). */
let formWords = new Map<string, string[]>();
/** 1 for the first two letters (prefixCode) of a form word of five letters or more. */
const formPrefix = new Uint8Array(128 * 128);
const prefixCode = (t: string) => (t.charCodeAt(0) & 127) * 128 + (t.charCodeAt(1) & 127);
/** nearFormWord results, per word (most words are no form word at all). */
const nearCache = new Map<string, string | null>();

/**
 * The form word one typo (a letter changed, added, dropped or two swapped) from t, if any: "comapny",
 * "limitde", "compay" are written for Company, Limited. Only words of five letters or more, whose first two
 * letters are right.
 */
function nearFormWord(t: string): string | null {
  if (t.length < 5 || formPrefix[prefixCode(t)] === 0) return null;
  const cached = nearCache.get(t);
  if (cached !== undefined) return cached;
  let found: string | null = null;
  for (const w of formWords.get(t.slice(0, 2)) ?? []) {
    if (Math.abs(w.length - t.length) <= 1 && editDistance(t, w) <= 1) {
      found = w;
      break;
    }
  }
  if (nearCache.size >= 50_000) nearCache.clear();
  nearCache.set(t, found);
  return found;
}

/**
 * Finds legal-form spans in a token list. Short single-token forms ("sa", "ao", "co", "as") are also
 * ordinary words and names, so they count only in a run of forms at the start or end of the name.
 */
export function findLegalForms(tokens: readonly string[]): LegalFormSpan[] {
  const map = table();
  const spans: LegalFormSpan[] = [];
  // Each word as a form word: itself, or the form word it is a typo of.
  let near: (string | undefined)[] | null = null;
  const asForm = (k: number): string | undefined => {
    const t = tokens[k];
    if (t === undefined || map.has(t) || formWords.size === 0) return t;
    near ??= [];
    if (!(k in near)) near[k] = nearFormWord(t) ?? t;
    return near[k];
  };
  for (let i = 0; i < tokens.length; ) {
    const forms = map.get(tokens[i] ?? '');
    let hit = forms?.find((f) => f.tokens.every((t, k) => tokens[i + k] === t));
    // With a typo: a longer form of two words or more with at least one word as written ("limited
    // liability comapny"), or a one-word form of six letters or more closing a name of three words or more
    // ("… services limitde").
    const typoHit = map
      .get(asForm(i) ?? '')
      ?.find(
        (f) =>
          f.tokens.length > (hit?.tokens.length ?? 0) &&
          f.tokens.every((t, k) => asForm(i + k) === t) &&
          (f.tokens.length > 1
            ? f.tokens.some((t, k) => tokens[i + k] === t)
            : t6(f.tokens[0]) && i >= 2 && i === tokens.length - 1),
      );
    if (typoHit) hit = typoHit;
    if (hit) {
      spans.push({ start: i, end: i + hit.tokens.length, cls: hit.cls, weak: hit.weak });
      i += hit.tokens.length;
    } else i++;
  }
  if (spans.length === 0) return spans;
  // Runs of adjacent spans touching either end of the name.
  const atEdge = new Set<LegalFormSpan>();
  let pos = 0;
  for (const s of spans) {
    if (s.start !== pos) break;
    atEdge.add(s);
    pos = s.end;
  }
  pos = tokens.length;
  for (let k = spans.length - 1; k >= 0; k--) {
    const s = spans[k]!;
    if (s.end !== pos) break;
    atEdge.add(s);
    pos = s.start;
  }
  return spans.filter((s) => !s.weak || atEdge.has(s));
}

const t6 = (t: string | undefined) => (t?.length ?? 0) >= 6;

export interface LegalForm {
  /** The form as written in the name, normalised ("ooo", "s a de c v"). */
  form: string;
  cls: LegalFormClass;
}

/**
 * findLegalForms over a name's tokens as rawTokens gives them, but a syllable read from Chinese or Korean
 * script is no short legal form: 大华 (Dahua) does not open with "da", nor 奥迪 (Aodi) with "ao".
 */
export function nameLegalForms(raw: readonly RawToken[]): LegalFormSpan[] {
  return findLegalForms(raw.map((t) => t.text)).filter(
    (s) => !s.weak || raw.slice(s.start, s.end).some((t) => (t.flags & SYLLABIC) === 0),
  );
}

/** The legal forms recognised in a name, with their class ('soe' = state-owned enterprise form). */
export function legalForms(name: string): LegalForm[] {
  const raw = rawTokens(name);
  return nameLegalForms(raw).map((s) => ({
    form: raw
      .slice(s.start, s.end)
      .map((t) => t.text)
      .join(' '),
    cls: s.cls,
  }));
}
