import { describe, expect, it } from 'vitest';
import { parseCrmExport } from '../../lib/batch/crm-export';
import { batchCsv, screenRows, sortByRisk } from '../../lib/batch/results';
import { createScreener } from '../../lib/screen';

const EXPORT = `Opportunity ID,Opportunity Name,Account Name,Billing Country,Product,Description
006A,Gateway upgrade,Novatek Border Systems,Iran,NetProbe DPI Appliance 40G,Deep packet inspection for national gateway traffic
006B,Warehouse scanners,Harbor Freight Logistics,Netherlands,Barcode scanner,Inventory counting
006C,"=HYPERLINK(""http://x"")",Acme,Germany,Widget,
`;

describe('batch screening of a CRM export', () => {
  it('screens every row, sorts highest risk first and writes a CSV that spreadsheets cannot run', async () => {
    const parsed = parseCrmExport(EXPORT);
    const screener = createScreener();
    const progress: number[] = [];
    const rows = await screenRows(
      parsed.rows,
      (ctx) => screener.screen(ctx, new Date('2026-11-30T00:00:00Z')),
      {
        chunk: 1,
        onProgress: (done) => progress.push(done),
        pause: async () => undefined,
      },
    );
    expect(rows).toHaveLength(3);
    expect(progress.at(-1)).toBe(3);
    const sorted = sortByRisk(rows);
    expect(sorted[0]).toMatchObject({ line: 2, customer: 'Novatek Border Systems', risk: 'high' });
    expect(sorted[0]?.countries).toContain('IR');
    const csv = batchCsv(sorted).trim().split('\r\n');
    expect(csv[0]).toBe(
      'line,record_id,deal,customer,countries,risk,high,medium,findings,matched_entries,error',
    );
    expect(csv).toHaveLength(4);
    expect(csv.find((l) => l.startsWith('4,'))).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('a row that makes the screener throw is reported, not fatal', async () => {
    const parsed = parseCrmExport(EXPORT);
    const rows = await screenRows(
      parsed.rows,
      () => {
        throw new Error('boom');
      },
      { pause: async () => undefined },
    );
    expect(rows.every((r) => r.error === 'Error: boom')).toBe(true);
  });
});
