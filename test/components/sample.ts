/** A hand-made ScreenResult shaped like the risky demo deal, for unit tests of the record and the views. */
import type { Finding, ScreenResult } from '@/lib/model';

export const PROMPT_END_USER =
  'Who will actually use it? If a government body or a company close to a government: what is its mission (police, intelligence, security), its human-rights record and its oversight, and is it or any official sanctioned or listed?';

export const partyFinding: Finding = {
  id: 'party:demo:novatek',
  kind: 'restricted-party',
  severity: 'high',
  title: 'Customer matches a listed party: Novatek Border Systems',
  evidence: 'Novatek Border Systems LLC',
  term: 'Novatek Border Systems',
  field: 'Account Name',
  why: 'The customer’s name matches an entry on the demo watchlist. Dealing with a listed party can need a licence or be barred.',
  action: 'Do not go further until compliance has checked the match.',
  match: {
    listId: 'demo',
    entryId: 'demo-1',
    name: 'Novatek Border Systems',
    listName: 'Demo watchlist',
    score: 0.97,
    listVersion: '3',
    fingerprint: 'fp-1',
    explanation: {
      matchedName: 'Novatek Border Systems',
      alias: false,
      pairs: [
        { query: 'novatek', candidate: 'novatek', score: 1 },
        { query: 'border', candidate: 'border', score: 1 },
        { query: 'systems', candidate: 'systems', score: 1 },
      ],
      ignored: ['llc'],
      unmatched: [],
      legalForms: [],
      summary: 'all three name words match; "LLC" is a legal form',
    },
  },
  source: { title: 'Demo watchlist', asOf: '2026-07-09', verification: 'S' },
  prompts: [
    PROMPT_END_USER,
    'Ask the customer for the end use and the end user in writing. Reluctance to give them is itself a red flag.',
  ],
};

export const itemFinding: Finding = {
  id: 'sv:dpi',
  kind: 'surveillance-item',
  severity: 'high',
  title: 'Internet surveillance: deep packet inspection',
  evidence: 'NetSight DPI appliance 40G, deep packet inspection for carrier networks',
  term: 'deep packet inspection',
  field: 'Product',
  why: 'Deep packet inspection can read and block people’s internet traffic. The State Department guidance asks for extra care when it goes to government end users.',
  ruleId: 'sv.internet-surveillance.dpi',
  category: 'internet-surveillance',
  eccnHints: ['5A001.j'],
  source: {
    title: 'US Department of State guidance (2020)',
    url: 'https://www.state.gov/',
    asOf: '2020-09-30',
    verification: 'M',
  },
  prompts: [PROMPT_END_USER, 'A question the rule set does not list?'],
};

export const destinationFinding: Finding = {
  id: 'dest:ir',
  kind: 'destination',
  severity: 'medium',
  title: 'Destination under a comprehensive embargo: Iran',
  evidence: 'Shipping Address: 12 Azadi St, Tehran, Iran',
  term: 'Iran',
  field: 'Shipping Address',
  why: 'Iran is under a comprehensive US embargo.',
  ruleId: 'dest.ir',
  source: { title: 'OFAC country list', asOf: '2026-11' },
  prompts: [],
};

export function riskyResult(overrides: Partial<ScreenResult> = {}): ScreenResult {
  return {
    site: 'salesforce',
    pageKind: 'opportunity',
    url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006RISKY000000001AAA/view',
    recordId: '006RISKY000000001AAA',
    context: {
      customer: 'Novatek Border Systems LLC',
      title: 'Novatek border network upgrade',
      parties: [{ name: 'Novatek Border Systems LLC', role: 'customer' }],
      products: [{ name: 'NetSight DPI appliance 40G' }],
      countries: [{ code: 'IR', name: 'Iran', source: 'shipping address' }],
    },
    findings: [partyFinding, itemFinding, destinationFinding],
    risk: { level: 'high', reasons: ['The customer matches a listed party', 'Iran is under embargo'] },
    ruleSetVersion: '2026.11.1',
    lists: [{ id: 'demo', name: 'Demo watchlist', asOf: '2026-07-09', size: 12 }],
    screenedAt: '2026-11-30T10:00:00.000Z',
    ...overrides,
  };
}
