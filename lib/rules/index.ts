/**
 * lib/rules public API: the bundled rule set, country detection and tiers, and rule evaluation over a
 * DealContext. Pure: runs in the service worker, in pages and in Node.
 */
export {
  countryName,
  type FindCountriesOptions,
  findCountries,
  isD1,
  nameKey,
  type TierInfo,
  tierOf,
} from './countries';
export { evaluate, type RuleHits } from './evaluate';
export { type LoadedRuleSet, loadRuleSet, promptTexts, ruleSetVersion } from './load';
export * from './schema';
export { type Hit, scanField, termToPattern } from './text';
