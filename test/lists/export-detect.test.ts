import { describe, expect, it } from 'vitest';
import {
  detectFile,
  detectFormat,
  exportCsv,
  exportJson,
  importFiles,
  parseGeneric,
  parseNativeJson,
  parseOfacLegacy,
} from '../../lib/lists';
import type { Watchlist, WatchlistEntry } from '../../lib/model';
import { fixture } from './fixtures';

const FIELDS = ['id', 'names', 'type', 'countries', 'programs', 'notes', 'url'] as const;
const pick = (e: WatchlistEntry) => Object.fromEntries(FIELDS.map((k) => [k, e[k]]));

function sampleList(): Watchlist {
  const ofac = parseOfacLegacy(
    ['ofac/sdn.csv', 'ofac/alt.csv', 'ofac/add.csv', 'ofac/sdn_comments.csv'].map(fixture),
    {
      listId: 'my-list',
    },
  );
  const tricky: WatchlistEntry[] = [
    {
      id: 'x1',
      listId: 'my-list',
      names: ['=HYPERLINK("http://evil")', 'Name; with semicolon', '-dash first', '@at'],
      type: 'unknown',
      countries: ['XK', 'PS'],
      programs: ['A; B program', 'C'],
      notes: 'Line one\nline two, "quoted"',
      url: 'https://example.org/x?a=1&b=2',
    },
    { id: 'x2', listId: 'my-list', names: ['Just A Name'] },
    // A lone alias with a ";" (the BIS JSON has such parse artefacts).
    {
      id: 'x3',
      listId: 'my-list',
      names: ['Magtech Example', 'M.A.G. Tech, 1 Example Ave; and 2 Example St'],
    },
  ];
  return {
    id: 'my-list',
    name: 'My list',
    origin: 'import:ofac-sdn',
    asOf: '2024-05-03',
    updatedAt: '2025-01-01T00:00:00.000Z',
    version: 3,
    entries: [...ofac.entries, ...tricky],
  };
}

describe('export and re-import', () => {
  it('CSV round trip keeps names, aliases, types, countries, programs, notes, urls', () => {
    const list = sampleList();
    const csv = exportCsv(list);
    expect(csv.split('\r\n')[0]).toBe('id,name,aliases,type,countries,programs,notes,url');
    // Formula-looking cells are neutralised for spreadsheets.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const back = parseGeneric(csv, { format: 'csv', listId: 'my-list' });
    expect(back.errors).toEqual([]);
    expect(back.warnings).toEqual([]);
    expect(back.entries.map(pick)).toEqual(list.entries.map(pick));
    expect(back.entries).toEqual(list.entries);
    // Same key order too (OFAC entries get countries merged in late).
    expect(JSON.stringify(back.entries)).toBe(JSON.stringify(list.entries));
  });

  it('JSON round trip (native format with a version) keeps the list and its entries', () => {
    const list = sampleList();
    const json = exportJson(list);
    expect(JSON.parse(json)).toMatchObject({
      format: 'dealscreen-watchlist',
      version: 1,
      list: { id: 'my-list' },
    });
    // One entry per line.
    expect(json.split('\n').length).toBeGreaterThan(list.entries.length);
    const back = parseNativeJson(json);
    expect(back.ok).toBe(true);
    expect(back.entries).toEqual(list.entries);
    expect(back.list).toMatchObject({ id: 'my-list', name: 'My list', version: 3, asOf: '2024-05-03' });
    expect(back.meta).toMatchObject({ format: 'dealscreen-json', asOf: '2024-05-03', name: 'My list' });
    expect(detectFormat([{ name: 'my-list.json', text: json }]).format).toBe('dealscreen-json');
    expect(importFiles([{ name: 'my-list.json', text: json }]).entries).toEqual(list.entries);
  });

  it('native JSON: invalid entries are errors on their line, newer versions are refused', () => {
    const json = exportJson({ ...sampleList(), entries: [sampleList().entries[0]!] }).replace(
      '"names":["EXAMPLE',
      '"names":[],"x":["EXAMPLE',
    );
    const r = parseNativeJson(json);
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatchObject({ line: 2, reason: expect.stringContaining('names') });
    const v2 = parseNativeJson('{"format":"dealscreen-watchlist","version":2,"list":{"entries":[]}}');
    expect(v2.errors[0]!.reason).toMatch(/unsupported export version 2/);
  });
});

describe('detectFormat', () => {
  it('recognises each fixture', () => {
    const cases: [string, string][] = [
      ['ofac/sdn.csv', 'ofac-legacy-csv'],
      ['ofac-cons/cons_prim.csv', 'ofac-legacy-csv'],
      ['csl-sample.csv', 'csl-csv'],
      ['csl-results.json', 'csl-json'],
      ['bis-entity-list.json', 'bis-entity-json'],
      ['bis-meu.json', 'bis-entity-json'],
      ['dpl.txt', 'bis-dpl-txt'],
      ['generic-with-aliases.csv', 'generic-csv'],
      ['generic-semicolon.csv', 'generic-csv'],
      ['generic.json', 'generic-json'],
    ];
    for (const [file, format] of cases)
      expect([file, detectFile(fixture(file)).format]).toEqual([file, format]);
    expect(
      detectFile({ name: 'x.xml', text: '<?xml version="1.0"?><sdnList><sdnEntry/></sdnList>' }).format,
    ).toBe('ofac-sdn-xml');
    expect(detectFile({ name: 'x.bin', text: '' }).format).toBe('unknown');
  });

  it('groups the OFAC trio, refuses mixes', () => {
    const trio = ['ofac/sdn.csv', 'ofac/alt.csv', 'ofac/add.csv'].map(fixture);
    expect(detectFormat(trio)).toMatchObject({ format: 'ofac-legacy-csv' });
    expect(detectFormat(trio).files.map((f) => f.role)).toEqual(['primary', 'alt', 'add']);
    const mixed = detectFormat([fixture('ofac/sdn.csv'), fixture('dpl.txt')]);
    expect(mixed.format).toBe('unknown');
    expect(mixed.reason).toMatch(/mixed formats/);
    const r = importFiles([fixture('ofac/sdn.csv'), fixture('dpl.txt')]);
    expect(r.ok).toBe(false);
    expect(r.errors[0]!.reason).toMatch(/mixed formats/);
  });

  it('importFiles dispatches to the right parser', () => {
    expect(importFiles(['ofac/sdn.csv', 'ofac/alt.csv'].map(fixture)).stats.aliases).toBe(3);
    expect(importFiles([fixture('dpl.txt')]).meta.format).toBe('bis-dpl-txt');
    expect(importFiles([fixture('csl-sample.csv')]).meta.format).toBe('csl-csv');
    const g = importFiles([fixture('generic-with-aliases.csv')], { mapping: { name: 'AKA' } });
    expect(g.entries[0]!.names[0]).toBe('ESS Ltd; Example Surveillance');
  });
});
