/**
 * A CRM export (CSV) turned into one DealContext per row. Columns are found by header name, in the
 * spellings Salesforce, HubSpot, Dynamics, Pipedrive and Zoho exports use, so a rep can drop any export in.
 */
import Papa from 'papaparse';
import type { DealContext, Party, PartyRole } from '../model';

type Field =
  | 'customer'
  | 'title'
  | 'country'
  | 'product'
  | 'description'
  | 'address'
  | 'endUser'
  | 'intermediary'
  | 'id';

/** Header patterns per field, tried in order; the first matching header wins. */
const HEADERS: Record<Field, RegExp[]> = {
  id: [/^(record|opportunity|deal|account)?\s*id$/i, /^id$/i],
  customer: [
    /^(account|company|customer|organi[sz]ation|client|buyer|sold.?to)(\s*name)?$/i,
    /account|customer|company/i,
  ],
  title: [/^(opportunity|deal|potential)(\s*name)?$/i, /^name$/i, /deal name|opportunity name/i],
  country: [/^(billing|shipping|ship.?to|destination|delivery)?\s*country(\s*\/\s*region)?$/i, /country/i],
  product: [/^(products?|line items?|items?|sku|product name)$/i, /product/i],
  description: [/^(description|notes?|next step|comments?|details)$/i, /description|notes?/i],
  address: [/address|city|street/i],
  endUser: [/^(?!.*(country|address|city|region)).*(end.?user|ultimate consignee)/i],
  intermediary: [
    /^(?!.*(country|address|city|region)).*(distributor|reseller|partner|forwarder|intermediar)/i,
  ],
};

export interface ExportColumns {
  [field: string]: string[] | undefined;
}

export interface ExportParse {
  rows: { line: number; context: DealContext }[];
  columns: Partial<Record<Field, string[]>>;
  errors: { line: number; reason: string }[];
}

export function detectColumns(headers: string[]): Partial<Record<Field, string[]>> {
  const used = new Set<string>();
  const out: Partial<Record<Field, string[]>> = {};
  // Specific fields first, so "End User Country" is not taken as the customer.
  const order: Field[] = [
    'id',
    'endUser',
    'intermediary',
    'country',
    'product',
    'description',
    'title',
    'customer',
    'address',
  ];
  for (const field of order) {
    for (const pattern of HEADERS[field]) {
      const hits = headers.filter((h) => !used.has(h) && pattern.test(h.trim()));
      if (hits.length === 0) continue;
      const take =
        field === 'country' || field === 'address' || field === 'product' || field === 'description'
          ? hits
          : [hits[0]!];
      for (const h of take) used.add(h);
      out[field] = take;
      break;
    }
  }
  return out;
}

const split = (value: string) =>
  value
    .split(/\s*[;|\n]\s*/)
    .map((s) => s.trim())
    .filter(Boolean);

export function parseCrmExport(text: string, maxRows = 100_000): ExportParse {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
  });
  const errors = parsed.errors.map((e) => ({ line: (e.row ?? 0) + 2, reason: e.message }));
  const headers = parsed.meta.fields ?? [];
  const columns = detectColumns(headers);
  if (!columns.customer && !columns.endUser && !columns.product) {
    errors.unshift({
      line: 1,
      reason: `no account, customer, end user or product column among: ${headers.join(', ') || '(none)'}`,
    });
    return { rows: [], columns, errors };
  }
  const rows: ExportParse['rows'] = [];
  const get = (row: Record<string, string>, field: Field) =>
    (columns[field] ?? []).map((h) => (row[h] ?? '').trim()).filter(Boolean);
  parsed.data.slice(0, maxRows).forEach((row, i) => {
    const line = i + 2;
    const customer = get(row, 'customer')[0];
    const parties: Party[] = [];
    const add = (name: string | undefined, role: PartyRole, label: string) => {
      if (name) parties.push({ name: name.slice(0, 500), role, label });
    };
    add(customer, 'customer', columns.customer?.[0] ?? 'customer');
    for (const name of get(row, 'endUser').flatMap(split))
      add(name, 'end-user', columns.endUser?.[0] ?? 'end user');
    for (const name of get(row, 'intermediary').flatMap(split))
      add(name, 'intermediary', columns.intermediary?.[0] ?? 'intermediary');
    const products = get(row, 'product')
      .flatMap(split)
      .slice(0, 500)
      .map((name) => ({ name: name.slice(0, 1000) }));
    if (parties.length === 0 && products.length === 0) {
      errors.push({ line, reason: 'no customer, party or product in this row' });
      return;
    }
    const countryValues = get(row, 'country');
    rows.push({
      line,
      context: {
        site: 'csv',
        pageKind: 'other',
        url: `csv:line:${line}`,
        recordId: get(row, 'id')[0],
        title: get(row, 'title')[0],
        customer,
        parties,
        products,
        countries: [],
        addresses: [
          ...countryValues.map((value, k) => ({ label: columns.country?.[k] ?? 'Country', value })),
          ...get(row, 'address').map((value, k) => ({ label: columns.address?.[k] ?? 'Address', value })),
        ],
        text: get(row, 'description').map((value, k) => ({
          label: columns.description?.[k] ?? 'Description',
          value: value.slice(0, 20000),
        })),
      },
    });
  });
  if (parsed.data.length > maxRows)
    errors.push({ line: maxRows + 2, reason: `only the first ${maxRows} rows were screened` });
  return { rows, columns, errors };
}
