import { describe, expect, it } from 'vitest';
import { parseBisDpl, parseBisEntityJson, parseCslCsv, parseCslJson } from '../../lib/lists';
import { WatchlistEntry } from '../../lib/model';
import { text } from './fixtures';

describe('Consolidated Screening List', () => {
  it('CSV: skips the duplicate header at line 2 with a warning, maps fields', () => {
    const r = parseCslCsv(text('csl-sample.csv'), { listId: 'csl' });
    expect(r.meta).toMatchObject({ format: 'csl-csv', source: 'trade.gov Consolidated Screening List' });
    expect(r.warnings).toEqual([{ line: 2, reason: 'duplicate header row skipped' }]);
    expect(r.errors).toEqual([{ line: 7, reason: 'missing name' }]);
    expect(r.stats).toEqual({ rows: 5, entries: 4, aliases: 4 });
    const [sdn, el, person, vessel] = r.entries;
    expect(sdn).toMatchObject({
      id: '5001',
      names: ['EXAMPLE PETROCHEMICAL COMPANY', 'EXAMPLE PETCHEM', 'EPC'],
      type: 'entity',
      countries: ['IR', 'AE'],
      programs: ['SDGT', 'IRAN'],
      url: 'https://home.treasury.gov/example-sdn',
    });
    expect(sdn!.notes).toContain('Specially Designated Nationals (SDN)');
    expect(sdn!.notes).toContain('Example remark.');
    // BIS rows carry no type or programs; postal codes in the last address slot are not countries.
    expect(el).toMatchObject({
      names: ['Example Microelectronics Institute', 'EMI', 'Example Micro Institute'],
      countries: ['CN'],
    });
    expect(el!.type).toBeUndefined();
    expect(el!.notes).toContain('License requirement: For all items subject to the EAR.');
    expect(el!.notes).toContain('Federal Register: 88 FR 12345');
    expect(person).toMatchObject({ type: 'individual', countries: ['RU'] });
    expect(person!.notes).toContain('Title: Director');
    expect(vessel!.type).toBe('vessel');
    for (const e of r.entries) expect(WatchlistEntry.safeParse(e).success).toBe(true);
  });

  it('CSV: a truncated last row is a malformed-row error on its line', () => {
    const t = text('csl-sample.csv').trimEnd();
    const cut = `${t.slice(0, t.lastIndexOf('\n'))}\n"6001","Specially Designated Nationals (SDN)","6001","Individual","SDNT","TRUNCATED, Person","","Camino 41, la Cuspide departament`;
    const r = parseCslCsv(cut);
    expect(r.errors).toEqual([{ line: 7, reason: expect.stringContaining('never closed') }]);
    expect(r.entries).toHaveLength(4);
  });

  it('CSV: not a CSL file', () => {
    const r = parseCslCsv('foo,bar\n1,2\n');
    expect(r.ok).toBe(false);
    expect(r.errors[0]!.reason).toMatch(/no "name" column/);
  });

  it('JSON: API {results} shape, arrays or "; " strings for alt_names, address objects', () => {
    const r = parseCslJson(text('csl-results.json'));
    expect(r.meta).toMatchObject({ format: 'csl-json', asOf: '2024-05-03' });
    expect(r.entries[0]).toMatchObject({
      id: 'e1f2',
      names: ['Example Optics Company', 'Example Optics Co., Ltd.', 'EOC'],
      countries: ['CN'],
    });
    expect(r.entries[1]).toMatchObject({
      id: '7001',
      names: ['EXAMPLE, Ahmad', 'EXAMPLE, Ahmed', 'AL-EXAMPLE, Ahmad'],
      type: 'individual',
      countries: ['LB'],
      programs: ['SDGT'],
    });
    expect(r.errors).toEqual([{ line: 68, reason: 'missing name' }]);
  });

  it('JSON: a bare array and a truncated file', () => {
    expect(
      parseCslJson('[{"name":"A","alt_names":["B"],"addresses":[{"country":"RU"}]}]').entries[0],
    ).toMatchObject({
      names: ['A', 'B'],
      countries: ['RU'],
    });
    const bad = parseCslJson('{"results":[{"name":"A"');
    expect(bad.ok).toBe(false);
    expect(bad.errors[0]!.reason).toMatch(/ends too early/);
  });
});

describe('BIS', () => {
  it('Entity List JSON: aliases, country names, citation in notes, asOf from "extracted"', () => {
    const r = parseBisEntityJson(text('bis-entity-list.json'), { listId: 'el' });
    expect(r.meta).toEqual({
      format: 'bis-entity-json',
      asOf: '2026-07-09',
      source: 'bis-entity-list',
      name: 'BIS Entity List',
    });
    expect(r.entries[0]).toMatchObject({
      names: ['Example Aviation Institute', 'EAI', 'Example Aviation Research Institute'],
      countries: ['CN'],
      programs: ['EL'],
    });
    expect(r.entries[0]!.notes).toContain('Federal Register: 85 FR 83416, 12/22/20');
    expect(r.entries[0]!.notes).toContain('License requirement: For all items subject to the EAR.');
    expect(r.entries[1]!.countries).toEqual(['UA']); // "Crimea Region of Ukraine"
    expect(r.warnings).toEqual([{ line: 30, reason: 'unknown country "Atlantis"' }]);
    expect(r.stats).toEqual({ rows: 3, entries: 3, aliases: 3 });
    expect(r.ok).toBe(true);
  });

  it('MEU JSON: same schema, named as the MEU list', () => {
    const r = parseBisEntityJson(text('bis-meu.json'));
    expect(r.meta.name).toBe('BIS Military End-User List');
    expect(r.entries[0]).toMatchObject({ programs: ['MEU'], countries: ['CN'] });
    expect(r.entries[0]!.notes).toContain('Subordinate institution of Example Aero Group');
  });

  it('Entity List JSON: count mismatch warns, missing name errors with line, bad JSON errors', () => {
    const r = parseBisEntityJson(
      '{"count": 5, "entities": [\n{"name": "A", "aliases": [], "country": "Iran", "federal_register": "x"},\n{"aliases": ["B"], "federal_register": "y"}\n]}',
    );
    expect(r.warnings[0]!.reason).toMatch(/count 5 but holds 2/);
    expect(r.errors).toEqual([{ line: 3, reason: 'missing name' }]);
    expect(r.entries[0]!.countries).toEqual(['IR']);
    expect(parseBisEntityJson('{"entities": [').ok).toBe(false);
  });

  it('Denied Persons List: tab-separated, quoted; rows of one person merge; US inferred from state + ZIP', () => {
    const r = parseBisDpl(text('dpl.txt'));
    expect(r.ok).toBe(true);
    expect(r.stats).toEqual({ rows: 4, entries: 3, aliases: 0 });
    const [john, llc, jane] = r.entries;
    expect(john).toMatchObject({ names: ['JOHN EXAMPLE'], countries: ['US'], programs: ['DPL'] });
    expect(llc).toMatchObject({ names: ['EXAMPLE EXPORTS LLC'], countries: ['AE', 'GB'] });
    expect(llc!.notes).toContain('1 HARBOUR ROAD, DUBAI, AE / 2 EXAMPLE STREET, LONDON, EC1 1AA, GB');
    expect(jane!.countries).toEqual(['CN']); // "PRC"
    // Last_Update "3020-01-05" is a typo: the list date ignores dates in the future.
    expect(r.meta.asOf).toBe('2022-08-29');
  });

  it('Denied Persons List: not a DPL file', () => {
    expect(parseBisDpl('a\tb\n1\t2').errors[0]!.reason).toMatch(/no "Name" column/);
  });
});
