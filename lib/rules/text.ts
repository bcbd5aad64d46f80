/**
 * Phrase matching for the rule set: compiles terms and patterns once, scans page text, applies guards,
 * required context and softeners. Pure: no DOM, no browser APIs.
 */
import type { Strength } from './schema';

const WORD = '[\\p{L}\\p{N}]';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A plain phrase as a regular expression: case-insensitive at compile time, spaces, hyphens, underscores
 * and slashes interchangeable or absent ("body-worn", "body worn", "bodyworn"), and a trailing plural
 * tolerated ("IMSI catchers").
 */
export function termToPattern(term: string): string {
  const words = term
    .trim()
    .split(/[\s\-_/]+/)
    .filter(Boolean)
    .map(escapeRegExp);
  let src = words.join('[\\s\\-_/]*');
  if (/\p{L}$/u.test(term)) src += "(?:s|es|'s)?";
  return src;
}

/** Word-bounded: no letter or digit may touch the match on either side. */
export function bounded(src: string): string {
  return `(?<!${WORD})(?:${src})(?!${WORD})`;
}

export interface PhraseRule {
  id: string;
  strength: Strength;
  terms?: string[];
  patterns?: string[];
  casePatterns?: string[];
  guards?: string[];
  context?: string[];
  softeners?: string[];
}

export interface Compiled<R extends PhraseRule> {
  rule: R;
  /** One global regex per flavour (case-insensitive terms+patterns, case-sensitive patterns). */
  matchers: RegExp[];
  guards: RegExp[];
  context: RegExp[];
  softeners: RegExp[];
}

/** Compile a loose list of regular-expression sources into case-insensitive tests. */
export function compileTests(sources: readonly string[] | undefined): RegExp[] {
  return (sources ?? []).map((s) => new RegExp(s, 'iu'));
}

export function compileRule<R extends PhraseRule>(rule: R): Compiled<R> {
  const insensitive = [...(rule.terms ?? []).map(termToPattern), ...(rule.patterns ?? [])];
  const matchers: RegExp[] = [];
  if (insensitive.length) matchers.push(new RegExp(bounded(insensitive.join('|')), 'giu'));
  if (rule.casePatterns?.length) matchers.push(new RegExp(bounded(rule.casePatterns.join('|')), 'gu'));
  return {
    rule,
    matchers,
    guards: compileTests(rule.guards),
    context: compileTests(rule.context),
    softeners: compileTests(rule.softeners),
  };
}

/**
 * Page text normalised for matching without changing its length (so offsets still point into the
 * original): curly quotes to straight ones, non-breaking and other odd spaces to plain spaces.
 */
export function normaliseForMatch(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
}

const STRENGTHS: Strength[] = ['strong', 'medium', 'weak'];
export function lower(s: Strength): Strength {
  return STRENGTHS[Math.min(STRENGTHS.indexOf(s) + 1, STRENGTHS.length - 1)]!;
}

export interface Hit<R extends PhraseRule = PhraseRule> {
  rule: R;
  /** The matched text exactly as on the page. */
  matched: string;
  /** The sentence or phrase around the match, exactly as on the page. */
  evidence: string;
  /** Label of the field it was found in ("Product", "Description", "Account Name"). */
  field: string;
  start: number;
  end: number;
  /** Strength after softeners and defensive context. */
  strength: Strength;
  /** Lowered by a softener or defensive context ("anti-", "detection"). */
  lowered: boolean;
}

function windowOf(text: string, start: number, end: number, radius: number): string {
  return text.slice(Math.max(0, start - radius), Math.min(text.length, end + radius));
}

/** The sentence (or up to ~200 characters) around a match, as it stands on the page. */
export function evidenceAround(text: string, start: number, end: number): string {
  const max = 100;
  let a = start;
  while (a > 0 && start - a < max && !/[.!?\n;]/.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && b - end < max && !/[.!?\n;]/.test(text[b]!)) b++;
  if (b < text.length && /[.!?]/.test(text[b]!)) b++;
  return text.slice(a, b).trim();
}

export interface ScanOptions {
  /** Defensive context ("anti-", "detection"): lowers the strength by one. */
  defensive?: readonly RegExp[];
  /** Skip the required-context check (the popup lookup: one word typed on its own). */
  ignoreContext?: boolean;
}

/** All hits of the compiled rules in one text field, after guards and required context. */
export function scanField<R extends PhraseRule>(
  rules: readonly Compiled<R>[],
  field: { label: string; value: string; companion?: string },
  opts: ScanOptions = {},
): Hit<R>[] {
  const raw = field.value;
  if (!raw) return [];
  const text = normaliseForMatch(raw);
  const hits: Hit<R>[] = [];
  for (const c of rules) {
    for (const re of c.matchers) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const start = m.index;
        const end = start + m[0].length;
        // A product name and its description are read together: the description guards the name.
        const companion = field.companion ? `\n${normaliseForMatch(field.companion)}` : '';
        const near = windowOf(text, start, end, 60) + companion;
        if (c.guards.some((g) => g.test(near))) continue;
        if (
          !opts.ignoreContext &&
          c.context.length &&
          !c.context.some((g) => g.test(windowOf(text, start, end, 80) + companion))
        )
          continue;
        let strength = c.rule.strength;
        let lowered = false;
        if (c.softeners.some((g) => g.test(near))) {
          strength = lower(strength);
          lowered = true;
        }
        if (opts.defensive?.some((g) => g.test(windowOf(text, start, end, 25)))) {
          strength = lower(strength);
          lowered = true;
        }
        hits.push({
          rule: c.rule,
          matched: raw.slice(start, end),
          evidence: evidenceAround(raw, start, end),
          field: field.label,
          start,
          end,
          strength,
          lowered,
        });
      }
    }
  }
  return hits;
}
