/**
 * lib/match public API (contract in ../shared/DESIGN.md, "lib/match public API"). Pure: runs in the
 * service worker, in pages and in Node.
 */
export { NameIndex } from './candidates';
export { compareNames, DEFAULT_MATCH_THRESHOLD } from './compare';
export {
  createMatcher,
  type Matcher,
  type MatcherOptions,
  type NameMatch,
  type SearchOptions,
} from './engine';
export { type LegalForm, type LegalFormClass, legalForms } from './legal-forms';
export { normalizeName } from './normalize';
