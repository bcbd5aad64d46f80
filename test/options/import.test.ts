import { describe, expect, it } from 'vitest';
import { type ColumnMapping, exportCsv, exportJson, importFiles } from '../../lib/lists';
import type { Watchlist } from '../../lib/model';
import { assignColumn, importedList, issueText, mappingToColumns } from '../../lib/watchlists/import';
import { resetSettings, toggle } from '../../lib/watchlists/settings';

const now = new Date('2026-11-30T09:00:00Z');

describe('import into a list', () => {
  it('makes a new list from a parse, or replaces the entries of an existing one', () => {
    const parse = importFiles([
      { name: 'deny.csv', text: 'name,aliases,country\nAcme Surveillance,Acme SV,China\n' },
    ]);
    expect(parse.ok).toBe(true);
    const list = importedList(parse, { name: '' }, [], ['deny.csv'], now);
    expect(list).toMatchObject({
      name: 'deny',
      origin: 'import:generic-csv',
      version: 1,
      source: 'deny.csv',
    });
    expect(list.entries[0]).toMatchObject({
      listId: list.id,
      names: ['Acme Surveillance', 'Acme SV'],
      countries: ['CN'],
    });

    const old: Watchlist = { ...list, name: 'Kept name', version: 7, subscription: undefined };
    const replaced = importedList(parse, { replace: old, name: 'ignored' }, [list.id], ['deny.csv'], now);
    expect(replaced).toMatchObject({ id: list.id, name: 'Kept name', version: 8 });
  });

  it('re-imports an exported list (JSON and CSV) to the same entries', () => {
    const parse = importFiles([
      {
        name: 'deny.csv',
        text: 'id,name,aliases,type,countries,notes,url\nx1,Acme; Ltd,"Acme | A; B",entity,CN;RU,=note,https://e.org/1\nx2,Bob Smith,,individual,,,\n',
      },
    ]);
    expect(parse.errors).toEqual([]);
    const list = importedList(parse, { name: 'Deny' }, [], ['deny.csv'], now);
    const fromJson = importedList(
      importFiles([{ name: 'deny.json', text: exportJson({ ...list, asOf: '2026-11-01' }) }]),
      {},
      [list.id],
      ['deny.json'],
      now,
    );
    expect(fromJson.name).toBe('Deny');
    expect(fromJson.asOf).toBe('2026-11-01');
    const strip = (l: Watchlist) => l.entries.map(({ listId: _, ...e }) => e);
    expect(strip(fromJson)).toEqual(strip(list));
    const fromCsv = importedList(
      importFiles([{ name: 'deny.csv', text: exportCsv(list) }]),
      {},
      [list.id],
      ['deny.csv'],
      now,
    );
    expect(strip(fromCsv)).toEqual(strip(list));
  });

  it('formats issues with file, line and column', () => {
    expect(issueText({ line: 4, reason: 'bad', file: 'sdn.csv' })).toBe('sdn.csv, line 4: bad');
    expect(issueText({ line: 0, reason: 'empty' })).toBe('empty');
    expect(issueText({ line: 2, column: 7, reason: 'x' })).toBe('line 2, column 7: x');
  });
});

describe('column mapping edits', () => {
  const headers = ['Party', 'AKA 1', 'AKA 2', 'Nation', 'Remarks'];
  it('moves a single-valued field and adds to multi-valued ones', () => {
    let m: ColumnMapping = { name: 'Party', aliases: ['AKA 1'] };
    m = assignColumn(m, 'AKA 2', 'aliases');
    expect(m).toEqual({ name: 'Party', aliases: ['AKA 1', 'AKA 2'] });
    m = assignColumn(m, 'Remarks', 'name');
    expect(m).toEqual({ name: 'Remarks', aliases: ['AKA 1', 'AKA 2'] });
    m = assignColumn(m, 'AKA 1', '');
    expect(mappingToColumns(m, headers)).toEqual(['', '', 'aliases', '', 'name']);
    m = assignColumn(m, 'Nation', 'countries');
    expect(mappingToColumns(m, headers)).toEqual(['', '', 'aliases', 'countries', 'name']);
  });

  it('a corrected mapping changes what is imported', () => {
    const text = 'Party,Nation,Remarks\nAcme,CN,seen at fair\n';
    const first = importFiles([{ name: 'x.csv', text }]);
    const mapping = assignColumn((first as { mapping: object }).mapping, 'Remarks', 'notes');
    const second = importFiles([{ name: 'x.csv', text }], { format: 'generic-csv', mapping });
    expect(second.entries[0]?.notes).toBe('seen at fair');
  });
});

describe('settings edits', () => {
  it('toggles categories and resets to defaults, keeping CRM domains', () => {
    expect(toggle(['a'], 'b', false)).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a', true)).toEqual(['b']);
    const reset = resetSettings({
      threshold: 0.7,
      disabledCategories: ['sensors'],
      disabledSites: ['hubspot'],
      customDomains: ['https://crm.example.com'],
    });
    expect(reset).toEqual({
      threshold: null,
      disabledCategories: [],
      disabledSites: [],
      customDomains: ['https://crm.example.com'],
    });
  });
});
