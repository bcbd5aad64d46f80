/**
 * Scenario table: realistic deals (benign, risky and the tricky false-positive cases) with the findings
 * and deal risk the rule set is expected to produce. Run by scenarios.test.ts through lib/screen.
 * All names are invented unless they are the curated list's own entries.
 */
import type { DealContext, Party, RiskLevel, Watchlist } from '../../lib/model';

export interface Scenario {
  name: string;
  ctx: DealContext;
  risk: RiskLevel;
  /** Findings that must be present: "kind" or "kind:ruleId-prefix". */
  has?: string[];
  /** Findings that must not be present: "kind" or "kind:ruleId-prefix". */
  not?: string[];
  /** Exact number of findings. */
  count?: number;
  /** Surveillance categories that must be present. */
  categories?: string[];
  /** Country codes the context must contain. */
  countries?: string[];
  /** Country codes the context must not contain. */
  noCountries?: string[];
  /** Each pattern must match one of the deal risk's reasons (what was found, in the page's words). */
  reasons?: RegExp[];
}

interface DealSpec {
  customer?: string;
  country?: string;
  products?: (string | [string, string])[];
  address?: string;
  notes?: string;
  title?: string;
  parties?: Party[];
  countries?: DealContext['countries'];
}

export function deal(s: DealSpec): DealContext {
  const parties: Party[] = [...(s.parties ?? [])];
  if (s.customer && !parties.some((p) => p.name === s.customer)) {
    parties.unshift({ name: s.customer, role: 'customer', ...(s.country ? { country: s.country } : {}) });
  }
  return {
    site: 'salesforce',
    pageKind: 'opportunity',
    url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdE/view',
    title: s.title,
    customer: s.customer,
    parties,
    products: (s.products ?? []).map((p) =>
      typeof p === 'string' ? { name: p } : { name: p[0], description: p[1] },
    ),
    countries: s.countries ?? [],
    addresses: s.address ? [{ label: 'Shipping Address', value: s.address }] : [],
    text: s.notes ? [{ label: 'Description', value: s.notes }] : [],
  };
}

/** A small user watchlist for the user-list scenario. */
export const USER_LIST: Watchlist = {
  id: 'user-test',
  name: 'Test team watchlist',
  origin: 'user',
  updatedAt: '2026-11-01T00:00:00.000Z',
  asOf: '2026-11-01',
  version: 3,
  entries: [
    {
      id: 'acme-rocket',
      listId: 'user-test',
      names: ['Acme Rocket Works Ltd', 'ARW Rocketry'],
      type: 'entity',
      countries: ['PK'],
    },
    { id: 'blue-lantern', listId: 'user-test', names: ['Blue Lantern Import Export Co'], type: 'entity' },
  ],
};

const US = '1200 Market St\nSan Francisco, CA 94103\nUnited States';

export const SCENARIOS: Scenario[] = [
  // ---------------------------------------------------------------- benign, with ordinary words
  {
    name: 'benign demo: retail camera kit and analytics dashboard for a US logistics company',
    ctx: deal({
      customer: 'Harbor Freight Logistics Inc.',
      country: 'US',
      products: ['Retail Store Camera Kit', 'Inventory Analytics Dashboard'],
      address: '26541 Agoura Rd\nCalabasas, CA 91302\nUnited States',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: insurance policy software full of "policy" and "security"',
    ctx: deal({
      customer: 'Allianz Policy Services GmbH',
      products: [
        ['Policy Administration Suite', 'Policy management, security software updates and claims analytics'],
      ],
      address: 'Königinstraße 28\n80802 München\nGermany',
      notes:
        'Renewal of policy management licenses; the security policy review is done. Social security numbers are masked.',
    }),
    risk: 'none',
    count: 0,
    countries: ['DE'],
  },
  {
    name: 'benign: office printer with 1200 DPI',
    ctx: deal({
      customer: 'Acme Print Shop LLC',
      products: [
        ['Office Printer 1200 DPI', 'High resolution 1200 DPI printing and scanning for the front desk'],
      ],
      address: US,
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: Drone CI licences for a software company',
    ctx: deal({
      customer: 'Bitwise Labs B.V.',
      products: [['Drone CI Enterprise', 'Drone CI pipelines for continuous integration, 50 seats']],
      address: 'Keizersgracht 1\n1015 CJ Amsterdam\nNetherlands',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: business intelligence services company',
    ctx: deal({
      customer: 'Contoso Business Intelligence Services Pvt Ltd',
      products: ['Business Intelligence Services package', 'Sales dashboard'],
      address: 'MG Road 12\nBengaluru 560001\nIndia',
      notes: 'Expanding business intelligence and artificial intelligence features for the sales team.',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: bug tracker seats ("bug" as a defect)',
    ctx: deal({
      customer: 'Northwind Software Ltd',
      products: [['Bug Tracker Pro', 'Track and fix bugs faster; bug triage dashboards']],
      address: '1 King St\nLondon EC2V 8AU\nUnited Kingdom',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: fleet telematics with GPS tracking',
    ctx: deal({
      customer: 'Maple Freight Carriers Inc.',
      products: [['Fleet Telematics Bundle', 'GPS tracking and geolocation of trucks, driver dashboards']],
      address: '100 King St W\nToronto, ON M5X 1A9\nCanada',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: marketing social listening for brand campaigns',
    ctx: deal({
      customer: 'Agence Lumière SAS',
      products: [
        ['Social Listening Suite', 'Social media analytics for brand campaigns and audience engagement'],
      ],
      address: '10 rue de Rivoli\n75004 Paris\nFrance',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: thermal receipt printers for a retailer',
    ctx: deal({
      customer: 'Corner Market Stores',
      products: [['Thermal Receipt Printer x20', 'Thermal printer for point of sale']],
      address: US,
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: Pegasus Airlines corporate travel CRM',
    ctx: deal({
      customer: 'Pegasus Hava Taşımacılığı A.Ş.',
      products: [['CRM Enterprise licences', 'Loyalty and corporate travel desk for Pegasus Airlines']],
      address: 'Aeropark, Yenişehir Mah.\n34912 Pendik/İstanbul\nTürkiye',
    }),
    risk: 'none',
    count: 0,
    countries: ['TR'],
  },
  {
    name: 'benign: stingray exhibit at an aquarium',
    ctx: deal({
      customer: 'Reef Aquarium Pty Ltd',
      products: [['Exhibit Management', 'Ticketing and the new stingray touch pool in the reef hall']],
      address: '1 Flinders St\nMelbourne VIC 3000\nAustralia',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: lpr print queue integration',
    ctx: deal({
      customer: 'Unix Admin Tools GmbH',
      products: [['Print Connector', 'Integrates with the LPR print queue and CUPS on Linux']],
      address: 'Hauptstraße 5\n10115 Berlin\nGermany',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: gait analysis for a physiotherapy clinic',
    ctx: deal({
      customer: 'StrideWell Physiotherapy Clinic',
      products: [['Gait Analysis Treadmill', 'Gait analysis for physiotherapy and sports rehab patients']],
      address: US,
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: anti-spyware endpoint protection',
    ctx: deal({
      customer: 'Iberia Seguros S.A.',
      products: [['Anti-Spyware Endpoint Protection', 'Spyware detection and removal for 2,000 laptops']],
      address: 'Calle de Alcalá 50\n28014 Madrid\nSpain',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: forensic accounting toolkit',
    ctx: deal({
      customer: 'Baker & Lowe LLP',
      products: [['Forensic Accounting Toolkit', 'Forensic accounting and audit analytics']],
      address: US,
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: fingerprint scanners for time and attendance',
    ctx: deal({
      customer: 'Sunrise Hotels Ltd',
      products: [
        ['Fingerprint Scanner Terminal', 'Fingerprint scanner for time and attendance of hotel staff'],
      ],
      address: '5 Orchard Rd\nSingapore 238823\nSingapore',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign-ish: enterprise firewall with deep packet inspection (softened)',
    ctx: deal({
      customer: 'Rheinland Maschinenbau AG',
      products: [
        ['NGFW 5000', 'Next-generation firewall with deep packet inspection for the corporate network'],
      ],
      address: 'Industriestraße 3\n50667 Köln\nGermany',
    }),
    risk: 'none',
    has: ['surveillance-item:sv.internet.dpi'],
    categories: ['internet-surveillance'],
  },
  {
    name: 'benign: CCTV kit for a retail store',
    ctx: deal({
      customer: 'Main Street Grocers',
      products: [['CCTV Starter Kit', 'Camera for a retail store, 4 cameras and cloud storage']],
      address: US,
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: penetration testing tool for a bank (info only)',
    ctx: deal({
      customer: 'Straits Commercial Bank Ltd',
      products: [['Pen-Test Platform', 'Penetration testing tool licence for the bank red team']],
      address: '8 Marina Blvd\nSingapore 018981\nSingapore',
    }),
    risk: 'none',
    has: ['surveillance-item:sv.internet.pentest'],
  },
  {
    name: 'benign: municipality analytics dashboard (weak words only)',
    ctx: deal({
      customer: 'Uppsala Municipality',
      products: [['Analytics Dashboard', 'AI insights and dashboards for the municipality parks agency']],
      address: 'Stationsgatan 12\n753 75 Uppsala\nSweden',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: cash management module and SaaS needing no installation',
    ctx: deal({
      customer: 'First Prairie Bank',
      products: [['Cash Management Module', 'Cash management and cash flow forecasting']],
      address: US,
      notes:
        'No installation required: the product runs in the browser as SaaS. Route traffic through the VPN gateway.',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: interior design studio buying CRM (no "interior ministry")',
    ctx: deal({
      customer: 'Interior Design Studio Milano S.r.l.',
      products: ['CRM Professional'],
      address: 'Via Montenapoleone 8\n20121 Milano\nItaly',
      notes:
        'Interior design firm; also interested in policy templates. Military-grade encryption is a must.',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: Georgia-Pacific in Atlanta, GA (not the country Georgia)',
    ctx: deal({
      customer: 'Georgia Paper Supply Co',
      products: ['CRM Professional'],
      address: '133 Peachtree St NE\nAtlanta, GA 30303',
    }),
    risk: 'none',
    count: 0,
    countries: ['US'],
    noCountries: ['GE'],
  },
  {
    name: 'benign: a town called Cuba, New York',
    ctx: deal({
      customer: 'Cuba Cheese Co-op',
      products: ['CRM Professional'],
      address: '53 Genesee St\nCuba, NY 14727',
    }),
    risk: 'none',
    count: 0,
    countries: ['US'],
    noCountries: ['CU'],
  },
  {
    name: 'benign: Moscow, Idaho',
    ctx: deal({
      customer: 'Palouse Outfitters',
      products: ['CRM Professional'],
      address: '200 S Main St\nMoscow, ID 83843\nUSA',
    }),
    risk: 'none',
    count: 0,
    noCountries: ['RU'],
  },
  {
    name: 'benign: "exploit new markets" and Salvation Army donors',
    ctx: deal({
      customer: 'Salvation Army Northern Division',
      products: [['Donor CRM', 'Fundraising and volunteer management']],
      address: US,
      notes: 'They want to exploit new markets for donations; no payload, just CRM.',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: product-review sentiment analysis',
    ctx: deal({
      customer: 'ShopRight Online Ltd',
      products: [['Review Insights', 'Sentiment analysis of customer product reviews']],
      address: '2 Harbour Rd\nWan Chai\nHong Kong',
    }),
    risk: 'low',
    has: ['destination:dest.hk'],
    not: ['surveillance-item'],
  },
  {
    name: 'benign: CRM for a Kyiv software firm (Ukraine outside the embargoed regions)',
    ctx: deal({
      customer: 'Dnipro Code LLC',
      products: ['CRM Professional'],
      address: 'vul. Khreshchatyk 22\nKyiv 01001\nUkraine',
    }),
    risk: 'none',
    count: 0,
    countries: ['UA'],
  },
  // ---------------------------------------------------------------- destinations
  {
    name: 'China: CRM for a garment maker is low (arms-embargoed country alone)',
    ctx: deal({
      customer: 'Shanghai Sunrise Apparel Co., Ltd.',
      products: ['CRM Professional'],
      address: '88 Century Ave\nPudong, Shanghai 200120\nChina',
    }),
    risk: 'low',
    has: ['destination:dest.cn'],
    count: 1,
  },
  {
    name: 'Russia: CRM licences for a Moscow company are high (licence for CRM software)',
    ctx: deal({
      customer: 'Volga Retail OOO',
      products: ['CRM Enterprise licences'],
      address: 'ul. Tverskaya 1\nMoscow 125009\nRussian Federation',
    }),
    risk: 'high',
    has: ['destination:dest.ru'],
  },
  {
    name: 'Belarus in Cyrillic: Минск, Беларусь',
    ctx: deal({
      customer: 'ООО Белторг',
      products: ['CRM Professional'],
      address: 'пр. Независимости 10\nМинск\nБеларусь',
    }),
    risk: 'high',
    has: ['destination:dest.by'],
    countries: ['BY'],
  },
  {
    name: 'Crimea: Simferopol address',
    ctx: deal({
      customer: 'Tavria Trade LLC',
      products: ['CRM Professional'],
      address: 'ul. Pushkina 5\nSimferopol 295000\nCrimea',
    }),
    risk: 'high',
    reasons: [/Crimea \(Ukraine\), under a US region-wide embargo/],
    has: ['destination:dest.region.crimea'],
  },
  {
    name: 'Crimea in Cyrillic with a Russia country line',
    ctx: deal({
      customer: 'ООО Таврия',
      products: ['CRM Professional'],
      address: 'г. Севастополь, ул. Ленина 1\nРеспублика Крым\nРоссия',
    }),
    risk: 'high',
    has: ['destination:dest.region.crimea', 'destination:dest.ru'],
  },
  {
    name: 'DNR: Donetsk address',
    ctx: deal({
      customer: 'Donbass Supply',
      products: ['CRM Professional'],
      address: 'pr. Artema 100\nDonetsk 83000',
    }),
    risk: 'high',
    has: ['destination:dest.region.dnr'],
  },
  {
    name: 'LNR: Lugansk in notes',
    ctx: deal({
      customer: 'East Trade Partners',
      products: ['CRM Professional'],
      notes: 'Warehouse is in Lugansk, delivery next month.',
    }),
    risk: 'high',
    has: ['destination:dest.region.lnr'],
  },
  {
    name: 'North Korea: DPRK in notes',
    ctx: deal({
      customer: 'Sino Pacific Holdings',
      products: ['CRM Professional'],
      notes: 'Part of the order goes on to a partner in the DPRK.',
    }),
    risk: 'high',
    has: ['destination:dest.kp'],
  },
  {
    name: 'North Korea in Korean script',
    ctx: deal({
      customer: 'Morning Star Trading',
      products: ['CRM Professional'],
      address: '평양시 중구역\n북한',
    }),
    risk: 'high',
    has: ['destination:dest.kp'],
  },
  {
    name: 'Syria: Damascus address (E:1 after the end of the OFAC program)',
    ctx: deal({
      customer: 'Levant Medical Supplies',
      products: ['CRM Professional'],
      address: 'Abu Rummaneh St\nDamascus\nSyria',
    }),
    risk: 'high',
    reasons: [/Syria, a terrorist-supporting country.*E:1/],
    has: ['destination:dest.sy'],
  },
  {
    name: 'Cuba: Havana address',
    ctx: deal({
      customer: 'Habana Turismo',
      products: ['CRM Professional'],
      address: 'Calle 23 No. 201\nLa Habana\nCuba',
    }),
    risk: 'high',
    has: ['destination:dest.cu'],
  },
  {
    name: 'Iran: "Persia" in an address, ISO code line',
    ctx: deal({
      customer: 'Zagros Industrial Group',
      products: ['CRM Professional'],
      address: 'Zand Blvd\nShiraz, Persia\nIR',
    }),
    risk: 'high',
    has: ['destination:dest.ir'],
  },
  {
    name: 'Iran only in the description',
    ctx: deal({
      customer: 'Gulf Star Electronics LLC',
      products: ['CRM Professional'],
      notes: 'The end user is located in Iran.',
    }),
    risk: 'high',
    has: ['destination:dest.ir'],
  },
  {
    name: 'Venezuela: private retailer is low',
    ctx: deal({
      customer: 'Tiendas Caribe C.A.',
      products: ['CRM Professional'],
      address: 'Av. Francisco de Miranda\nCaracas 1060\nVenezuela',
    }),
    risk: 'low',
    has: ['destination:dest.ve'],
  },
  {
    name: 'Venezuela: ministry of interior is high (government blocked)',
    ctx: deal({
      customer: 'Ministerio del Poder Popular para Relaciones Interiores',
      products: ['CRM Professional'],
      address: 'Caracas\nVenezuela',
      notes: 'Project for the Ministry of Interior, Justice and Peace.',
    }),
    risk: 'high',
    reasons: [/Ministry of Interior.*Venezuela, whose government OFAC blocks/],
    has: ['destination:dest.ve', 'government-end-user:eu.security.interior'],
  },
  {
    name: 'Lebanon: private bank CRM is low',
    ctx: deal({
      customer: 'Cedar Commercial Bank SAL',
      products: ['CRM Professional'],
      address: 'Hamra St\nBeirut\nLebanon',
    }),
    risk: 'low',
    has: ['destination:dest.lb'],
  },
  // ---------------------------------------------------------------- surveillance items × end users × destinations
  {
    name: 'risky demo: Novatek Border Systems, DPI, Iran shipping address',
    ctx: deal({
      customer: 'Novatek Border Systems',
      products: [['Deep Packet Inspection Gateway', 'Carrier-grade DPI for subscriber monitoring']],
      address: '12 Valiasr St\nTehran\nIran',
    }),
    risk: 'high',
    reasons: [
      /Customer “Novatek Border Systems” resembles .* demo watchlist/,
      /Shipping address is in Iran/,
      /deep packet inspection/i,
    ],
    has: ['restricted-party:rp.demo', 'surveillance-item:sv.internet.dpi', 'destination:dest.ir'],
    categories: ['internet-surveillance'],
  },
  {
    name: 'IMSI catchers for the Ministry of Internal Affairs of Uzbekistan',
    ctx: deal({
      customer: 'Ministry of Internal Affairs of the Republic of Uzbekistan',
      products: [['Tactical IMSI Catcher', 'Portable cell-site simulator, 4G']],
      address: 'Yunusabad district\nTashkent\nUzbekistan',
    }),
    risk: 'high',
    reasons: [/IMSI catcher.*Ministry of Internal Affairs/],
    has: [
      'surveillance-item:sv.location.imsi-catcher',
      'government-end-user:eu.security.interior',
      'destination:dest.uz',
    ],
    categories: ['location-tracking'],
  },
  {
    name: 'facial recognition for a public security bureau in China',
    ctx: deal({
      customer: 'Urumqi Public Security Bureau',
      products: [
        ['FaceFind 1:N', 'Live facial recognition with watchlist face alerting across city cameras'],
      ],
      address: 'Urumqi, Xinjiang\nChina',
    }),
    risk: 'high',
    has: [
      'surveillance-item:sv.biometric.facial-recognition',
      'government-end-user:eu.security.public-security',
      // On the Entity List since 84 FR 54004 (Oct 9, 2019).
      'restricted-party:rp.curated',
    ],
    reasons: [/“Urumqi Public Security Bureau”.*Entity List/, /Facial recognition.*security-sector end user/],
    categories: ['biometric-identification'],
  },
  {
    name: 'spyware for an intelligence agency in the UAE',
    ctx: deal({
      customer: 'Falcon Advanced Projects (for the State Security intelligence agency)',
      products: [
        ['Remote Access Suite', 'Zero-click implant deployment on target phones; spyware for lawful hacking'],
      ],
      address: 'Abu Dhabi\nUAE',
    }),
    risk: 'high',
    has: ['surveillance-item:sv.internet.spyware', 'government-end-user'],
  },
  {
    name: 'body-worn cameras for riot police in Belarus',
    ctx: deal({
      customer: 'Special Police Supply RUP',
      products: ['Body-worn camera BWC-300 x500'],
      address: 'Minsk\nBelarus',
      notes: 'For the riot police units.',
    }),
    risk: 'high',
    has: ['surveillance-item:sv.recording.body-worn', 'destination:dest.by'],
    categories: ['recording-devices'],
  },
  {
    name: 'lawful intercept for a state-owned telecom operator in Ethiopia',
    ctx: deal({
      customer: 'Ethio National Telecom Share Company',
      products: [
        ['LI Mediation Platform', 'Lawful interception gateway with ETSI handover interface (HI2/HI3)'],
      ],
      address: 'Churchill Ave\nAddis Ababa\nEthiopia',
      notes: 'Customer is a state-owned telecom operator.',
    }),
    risk: 'high',
    has: [
      'surveillance-item:sv.internet.lawful-intercept',
      'destination:dest.et',
      'government-end-user:eu.soe',
    ],
  },
  {
    name: 'mobile forensics for police in Myanmar',
    ctx: deal({
      customer: 'Myanmar Police Force',
      products: [['UFED Field Kit', 'Mobile forensics: physical extraction and lock screen bypass']],
      address: 'Naypyidaw\nMyanmar',
    }),
    risk: 'high',
    has: ['surveillance-item:sv.internet.forensics', 'destination:dest.mm'],
  },
  {
    name: 'ALPR network for city police in Mexico is medium',
    ctx: deal({
      customer: 'Secretaría de Seguridad Ciudadana - Policía Municipal de Monterrey',
      products: [['PlateWatch', 'Automatic license plate recognition cameras, city-wide network']],
      address: 'Monterrey, N.L.\nMéxico',
      notes: 'Municipal police wants ANPR at 40 intersections.',
    }),
    risk: 'medium',
    has: ['surveillance-item:sv.location.alpr', 'government-end-user:eu.government.police'],
  },
  {
    name: 'SOCMINT platform for an interior ministry in Egypt',
    ctx: deal({
      customer: 'Ministry of Interior - Arab Republic of Egypt',
      products: [['SocialSight', 'Social media monitoring and SOCMINT for investigations']],
      address: 'Cairo\nEgypt',
    }),
    risk: 'high',
    has: [
      'surveillance-item:sv.analytics.social-media-monitoring',
      'government-end-user:eu.security.interior',
    ],
    categories: ['data-analytics'],
  },
  {
    name: 'gait recognition for border police in Kazakhstan',
    ctx: deal({
      customer: 'Border Service of the National Security Committee',
      products: [['GaitID', 'Gait recognition at checkpoints']],
      address: 'Astana\nKazakhstan',
      notes: 'Pilot with the border police.',
    }),
    risk: 'high',
    has: ['surveillance-item:sv.biometric.gait', 'government-end-user'],
  },
  {
    name: 'drones for the army in Iraq are medium',
    ctx: deal({
      customer: 'Iraqi Army Logistics Directorate',
      products: [['Quadcopter X8', 'UAV with 30x zoom']],
      address: 'Baghdad\nIraq',
    }),
    risk: 'medium',
    has: ['surveillance-item:sv.sensors.drone', 'government-end-user:eu.military', 'destination:dest.iq'],
  },
  {
    name: 'facial recognition through a Dubai free-zone trading company is medium',
    ctx: deal({
      customer: 'Gulf Vision General Trading FZE',
      products: [['FaceFind Enterprise', 'Face recognition SDK']],
      address: 'Jebel Ali Free Zone\nDubai\nUnited Arab Emirates',
    }),
    risk: 'medium',
    has: [
      'surveillance-item:sv.biometric.facial-recognition',
      'intermediary:int.trading-company',
      'intermediary:int.free-trade-zone',
    ],
  },
  {
    name: 'thermal cameras for the coast guard in the Philippines are medium',
    ctx: deal({
      customer: 'Philippine Coast Guard',
      products: [['Thermal Camera TC-640', 'Thermal imaging for patrol boats']],
      address: 'Manila\nPhilippines',
    }),
    risk: 'medium',
    has: ['surveillance-item:sv.sensors.thermal-imaging', 'government-end-user:eu.military'],
  },
  {
    name: 'pen-test platform for a defence ministry in Pakistan is medium',
    ctx: deal({
      customer: 'Ministry of Defence Pakistan',
      products: [['Red Team Platform', 'Post-exploitation framework, Cobalt Strike compatible']],
      address: 'Rawalpindi\nPakistan',
    }),
    risk: 'medium',
    has: ['surveillance-item:sv.internet.pentest', 'government-end-user:eu.military'],
  },
  {
    name: 'US police body cams are low (US end users are outside the guidance)',
    ctx: deal({
      customer: 'Springfield Police Department',
      country: 'US',
      products: ['Body-worn camera BWC-300 x50'],
      address: '800 E Monroe St\nSpringfield, IL 62701\nUSA',
    }),
    risk: 'low',
    has: ['surveillance-item:sv.recording.body-worn'],
  },
  {
    name: 'US homeland security buying face recognition is low',
    ctx: deal({
      customer: 'County Homeland Security Office',
      products: [['FaceFind', 'Face recognition for investigations']],
      address: US,
    }),
    risk: 'low',
    has: ['surveillance-item:sv.biometric.facial-recognition'],
  },
  {
    name: 'DPI for a state-owned operator in Kazakhstan is medium',
    ctx: deal({
      customer: 'Kazakh National Telecom JSC',
      products: [['TrafficEye', 'DPI for the national mobile network operator, subscriber analytics']],
      address: 'Almaty\nKazakhstan',
      notes: 'State-owned company.',
    }),
    risk: 'medium',
    has: ['surveillance-item:sv.internet.dpi-carrier', 'government-end-user:eu.soe'],
  },
  {
    name: 'state unitary enterprise form in the name (legal form via lib/match)',
    ctx: deal({
      customer: 'FGUP Signal Systems',
      products: [['Video analytics server', 'CCTV video analytics']],
      address: 'Yerevan\nArmenia',
    }),
    risk: 'medium',
    has: ['government-end-user:eu.soe-legal-form', 'surveillance-item:sv.sensors.video-analytics'],
  },
  {
    name: 'IMSI-catcher detection for a corporate HQ (defensive, lowered)',
    ctx: deal({
      customer: 'Rheinland Maschinenbau AG',
      products: [['CellGuard', 'IMSI catcher detection for the corporate headquarters']],
      address: 'Köln\nGermany',
    }),
    risk: 'none',
    has: ['surveillance-item:sv.location.imsi-catcher'],
  },
  // ---------------------------------------------------------------- intent and KYC phrases
  {
    name: 'tracking protesters with social media monitoring',
    ctx: deal({
      customer: 'Metro Analytics Group',
      products: [['SocialSight', 'Social media monitoring']],
      address: 'Nairobi\nKenya',
      notes: 'They want to identify and track protesters and journalists ahead of the rally.',
    }),
    risk: 'high',
    reasons: [/“identify and track protesters”/],
    has: ['red-flag:intent.hr.track-groups', 'surveillance-item:sv.analytics.social-media-monitoring'],
  },
  {
    name: 'hidden end user on a plain CRM deal',
    ctx: deal({
      customer: 'Orion Consulting Ltd',
      products: ['CRM Professional'],
      address: 'Limassol\nCyprus',
      notes: 'Partner says they cannot disclose the end user.',
    }),
    risk: 'high',
    has: ['red-flag:intent.kyc.hide-end-user'],
  },
  {
    name: 'cash payment is medium',
    ctx: deal({
      customer: 'Delta Office Supplies',
      products: ['CRM Professional'],
      address: US,
      notes: 'Customer wants to pay cash for the three-year licence.',
    }),
    risk: 'medium',
    has: ['red-flag:intent.kyc.cash'],
  },
  {
    name: 'ship to our forwarder is medium',
    ctx: deal({
      customer: 'Atlas Components Ltd',
      products: [['Industrial Router', 'Rugged LTE router']],
      address: 'Istanbul\nTurkey',
      notes: 'Please ship to our freight forwarder in Dubai; they will handle the rest.',
    }),
    risk: 'medium',
    has: ['red-flag:intent.kyc.forwarder'],
  },
  {
    name: 'no installation or training for thermal cameras in Kazakhstan is medium',
    ctx: deal({
      customer: 'Steppe Security Systems LLP',
      products: [['Thermal Camera TC-640', 'Thermal imaging, 640x512']],
      address: 'Almaty\nKazakhstan',
      notes: 'No installation or training needed, they will do it themselves.',
    }),
    risk: 'medium',
    has: ['red-flag:intent.kyc.no-installation'],
  },
  {
    name: 'Uyghur tracking with face recognition',
    ctx: deal({
      customer: 'Western Region Smart City Co.',
      products: [['FaceFind', 'Face recognition with attribute search']],
      address: 'Kashgar\nChina',
      notes: 'Needs alerts to identify Uyghur residents entering the district.',
    }),
    risk: 'high',
    has: ['red-flag:intent.hr.minorities', 'surveillance-item:sv.biometric.facial-recognition'],
  },
  {
    name: 'disable audit logging for a government analytics project',
    ctx: deal({
      customer: 'National Data Center',
      products: [['Investigation Hub', 'Big-data investigation platform']],
      address: 'Baku\nAzerbaijan',
      notes: 'Ministry asked us to disable audit logging for their analysts.',
    }),
    risk: 'high',
    has: ['red-flag:intent.covert.disable-safeguards'],
  },
  {
    name: 'covert install without their knowledge',
    ctx: deal({
      customer: 'Private Investigations Ltd',
      products: [['Phone Monitor', 'Mobile monitoring app']],
      address: 'Lagos\nNigeria',
      notes: 'Must run on the phone without their knowledge.',
    }),
    risk: 'high',
    has: ['red-flag:intent.covert.without-knowledge'],
  },
  {
    name: 're-export to Iran via Hong Kong',
    ctx: deal({
      customer: 'Pearl River Trading Co Ltd',
      products: [['Network Probe', 'Passive probe for mobile networks']],
      address: 'Kowloon\nHong Kong',
      notes: 'Goods will be re-exported to Iran after delivery.',
    }),
    risk: 'high',
    has: ['red-flag:intent.kyc.route-via', 'destination:dest.ir', 'intermediary:int.trading-company'],
  },
  // ---------------------------------------------------------------- more false-positive traps
  {
    name: 'benign kitchen sink: policy, security software, retail camera, printer DPI',
    ctx: deal({
      customer: 'Brightside Retail Group Inc.',
      country: 'US',
      products: [
        ['Security Software Suite', 'Endpoint security software and security policy management'],
        ['Camera for a retail store', 'HD camera, cloud recording'],
        ['Label Printer 600 DPI', 'Prints shelf labels at 600 DPI'],
      ],
      address: US,
      notes:
        'Insurance policy renewal next quarter; police report template for store incidents; business intelligence add-on.',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: PR software to find journalists and monitor coverage',
    ctx: deal({
      customer: 'Brightwave Communications',
      products: [
        [
          'Media Relations Cloud',
          'Media database to target journalists for press release outreach and monitor coverage',
        ],
      ],
      address: US,
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: DEI survey where employees self-identify as LGBTQ+',
    ctx: deal({
      customer: 'Evergreen Health Partners',
      products: [['People Survey', 'Diversity and inclusion survey; employees may self-identify as LGBTQ+']],
      address: US,
      notes: 'HR wants to track LGBTQ+ inclusion scores per team.',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: meeting transcription with speaker identification',
    ctx: deal({
      customer: 'Lakeside Consulting LLP',
      products: [['Meeting Notes AI', 'Meeting transcription with speaker identification and summaries']],
      address: '20 St Andrew Sq\nEdinburgh EH2 1AF\nUnited Kingdom',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: records management data retention and network performance probes',
    ctx: deal({
      customer: 'Nordbank ASA',
      products: [
        ['Records Vault', 'Data retention system for email archiving and compliance'],
        ['NetPerf Probe', 'Passive probe for network performance monitoring'],
      ],
      address: 'Karl Johans gate 1\n0154 Oslo\nNorway',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: privacy promise ("never ... without their consent") and log housekeeping',
    ctx: deal({
      customer: 'Clarity Apps GmbH',
      products: [['Consent Manager', 'We never share visitor data without their consent (GDPR).']],
      address: 'Torstraße 1\n10119 Berlin\nGermany',
      notes: 'They delete logs older than 90 days. Headset with little background noise.',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: political campaign CRM live before the elections',
    ctx: deal({
      customer: 'Citizens for Parks Campaign',
      products: ['Campaign CRM'],
      address: US,
      notes: 'Volunteer and donor management must be live before the elections.',
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: pest population control and Navy Federal',
    ctx: deal({
      customer: 'Navy Federal Credit Union',
      products: [['Field Service CRM', 'Scheduling for pest population control contractors']],
      address: US,
    }),
    risk: 'none',
    count: 0,
  },
  {
    name: 'benign: warehouse video surveillance system (info only)',
    ctx: deal({
      customer: 'Coastal Cold Storage Ltd',
      products: [['VSS-16', 'Video surveillance system for the warehouse loading docks']],
      address: '1 Harbour St\nAuckland 1010\nNew Zealand',
    }),
    risk: 'none',
    has: ['surveillance-item:sv.sensors.video-analytics'],
  },
  {
    name: 'elections: monitor opposition before the elections',
    ctx: deal({
      customer: 'Central Communications Agency',
      products: [['SocialSight', 'Social media monitoring']],
      address: 'Harare\nZimbabwe',
      notes: 'Client wants to monitor the opposition before the elections.',
    }),
    risk: 'high',
    has: ['red-flag:intent.hr.elections', 'red-flag:intent.hr.track-groups', 'destination:dest.zw'],
  },
  {
    name: 'white-label for a ministry is medium',
    ctx: deal({
      customer: 'Apex Integration Partners',
      products: ['CRM Professional'],
      address: 'Nairobi\nKenya',
      notes: 'They want it white-labelled with our branding removed for the ministry.',
    }),
    risk: 'medium',
    has: ['red-flag:intent.covert.white-label'],
  },
  // ---------------------------------------------------------------- other languages
  {
    name: 'Spanish: social media monitoring platform for Venezuela',
    ctx: deal({
      customer: 'Servicios Andinos de Seguridad C.A.',
      products: [['Plataforma de análisis de redes sociales', 'Monitoreo de redes sociales y perfiles']],
      address: 'Av. Urdaneta 45\nCaracas\nVenezuela',
    }),
    risk: 'high',
    has: ['surveillance-item:sv.i18n.social-media-monitoring', 'destination:dest.ve'],
  },
  {
    name: 'French: facial recognition and a discreet installation',
    ctx: deal({
      customer: 'Sahel Vision SARL',
      products: ['Logiciel de reconnaissance faciale'],
      address: 'Bamako\nMali',
      notes: 'Le client demande une installation discrète.',
    }),
    risk: 'high',
    has: [
      'surveillance-item:sv.i18n.facial-recognition',
      'red-flag:intent.covert.without-knowledge',
      'destination:dest.ml',
    ],
  },
  {
    name: 'German: Telekommunikationsüberwachung for a Landespolizei is medium',
    ctx: deal({
      customer: 'Beschaffungsamt Landespolizei',
      products: [['TKÜ-Plattform', 'Telekommunikationsüberwachung für die Polizei']],
      address: 'Hauptstraße 1\n70173 Stuttgart\nDeutschland',
    }),
    risk: 'low',
    has: ['surveillance-item:sv.i18n.interception'],
  },
  {
    name: 'Russian: SORM for a telecom operator in Kyrgyzstan with a state-owned operator',
    ctx: deal({
      customer: 'ОАО Кыргызтелеком',
      products: [['СОРМ-3', 'законный перехват для оператора связи']],
      address: 'Бишкек\nКыргызстан',
      notes: 'State-owned operator.',
    }),
    risk: 'medium',
    has: ['surveillance-item:sv.i18n.interception', 'government-end-user:eu.soe'],
    countries: ['KG'],
  },
  // ---------------------------------------------------------------- listed parties
  {
    name: 'curated: NSO Group as the customer',
    ctx: deal({
      customer: 'NSO Group Technologies',
      products: ['CRM Professional'],
      address: 'Herzliya\nIsrael',
    }),
    risk: 'high',
    has: ['restricted-party:rp.curated'],
  },
  {
    name: 'curated: Intellexa as an end user',
    ctx: deal({
      customer: 'Aegean Data Services',
      products: ['CRM Professional'],
      parties: [{ name: 'Intellexa S.A.', role: 'end-user' }],
      address: 'Athens\nGreece',
    }),
    risk: 'high',
    has: ['restricted-party:rp.curated'],
  },
  {
    name: 'curated (Entity List, 84 FR 54004): Hikvision as another party is high',
    ctx: deal({
      customer: 'Metro Security Distribution Ltd',
      products: ['CRM Professional'],
      parties: [{ name: 'Hikvision Digital Technology', role: 'other' }],
      address: '1 King St\nLondon EC2V 8AU\nUnited Kingdom',
    }),
    risk: 'high',
    has: ['restricted-party:rp.curated'],
    reasons: [/Party “Hikvision Digital Technology” resembles “Hangzhou Hikvision.*” on the BIS Entity List/],
  },
  {
    // Selling a listed company's products is a signal to check, not a dealing with the listed company.
    name: 'vendor named in a product line (confirmed curated entry) is low',
    ctx: deal({
      customer: 'Metro Security Installers Ltd',
      products: [['Hikvision DS-2CD2143G2 camera x40', 'IP cameras for the office car park']],
      address: '1 King St\nLondon EC2V 8AU\nUnited Kingdom',
    }),
    risk: 'low',
    has: ['restricted-party:rp.curated-vendor'],
    reasons: [/names “Hikvision”.*BIS Entity List/],
  },
  {
    name: 'curated: iFlytek as the customer',
    ctx: deal({
      customer: 'iFLYTEK Co., Ltd.',
      products: ['CRM Professional'],
      address: 'Hefei, Anhui\nChina',
    }),
    risk: 'high',
    has: ['restricted-party:rp.curated'],
    reasons: [/Customer “iFLYTEK Co\., Ltd\.” resembles “IFLYTEK” on the BIS Entity List/],
  },
  {
    name: 'curated: a Xinjiang public security bureau as the end user, by its other spelling',
    ctx: deal({
      customer: 'Silk Road Systems Integration Co',
      products: ['CRM Professional'],
      parties: [{ name: 'Kashi Prefecture Public Security Bureau', role: 'end-user' }],
      address: 'Kashgar, Xinjiang\nChina',
    }),
    risk: 'high',
    has: ['restricted-party:rp.curated', 'government-end-user:eu.security.public-security'],
    reasons: [/End user “Kashi Prefecture Public Security Bureau” resembles “Kashgar Prefecture/],
  },
  {
    name: 'a state border committee is a security-sector end user',
    ctx: deal({
      customer: 'Minsk Systems Integration LLC',
      products: [['Thermal imaging camera kit', 'Long-range thermal surveillance cameras for border posts']],
      parties: [{ name: 'State Border Committee of the Republic of Belarus', role: 'end-user' }],
      address: 'Minsk\nBelarus',
    }),
    risk: 'high',
    has: ['government-end-user:eu.security.special-forces'],
  },
  {
    name: 'a public security bureau outside Xinjiang is no curated match (still a security-sector end user)',
    ctx: deal({
      customer: 'Shanghai Municipal Public Security Bureau',
      products: ['CRM Professional'],
      address: 'Shanghai\nChina',
    }),
    risk: 'medium',
    has: ['government-end-user:eu.security.public-security'],
    not: ['restricted-party'],
  },
  {
    name: 'curated: Positive Technologies under its Russian name (86 FR 37903)',
    ctx: deal({
      customer: 'AO Pozitiv Teknolodzhiz',
      products: ['CRM Professional'],
      address: 'Moscow\nRussia',
    }),
    risk: 'high',
    has: ['restricted-party:rp.curated', 'destination'],
    reasons: [/Positive Technologies/, /Russia/],
  },
  {
    name: 'curated: Candiru under a later company name (Saito Tech)',
    ctx: deal({
      customer: 'Saito Tech Ltd',
      products: ['CRM Professional'],
      address: 'Tel Aviv\nIsrael',
    }),
    risk: 'high',
    has: ['restricted-party:rp.curated'],
    reasons: [/Customer “Saito Tech Ltd” resembles “Candiru”/],
  },
  {
    name: 'Pegasus licence from NSO Group for a ministry is high',
    ctx: deal({
      customer: 'Ministry of Interior',
      products: [['Pegasus licence', 'Pegasus spyware licence from NSO Group, 50 targets']],
      address: 'Kigali\nRwanda',
    }),
    risk: 'high',
    has: [
      'restricted-party:rp.curated-vendor',
      'surveillance-item:sv.internet.spyware',
      'government-end-user:eu.security.interior',
    ],
  },
  {
    name: 'user watchlist: Acme Rocket Works',
    ctx: deal({
      customer: 'Acme Rocket Works Limited',
      products: ['CRM Professional'],
      address: 'Karachi\nPakistan',
    }),
    risk: 'high',
    has: ['restricted-party:rp.user-list'],
  },
  {
    name: 'intermediary party role only (distributor) is none',
    ctx: deal({
      customer: 'Nordic Health AB',
      products: ['CRM Professional'],
      parties: [{ name: 'Baltic Channel Partners', role: 'intermediary' }],
      address: 'Stockholm\nSweden',
    }),
    risk: 'none',
    has: ['intermediary:int.party-role'],
  },
];
