import { describe, expect, it } from 'vitest';
import { detectFormat, ofacFileRole, parseOfacLegacy } from '../../lib/lists';
import { WatchlistEntry } from '../../lib/model';
import { fixture, text } from './fixtures';

const trio = () => ['ofac/sdn.csv', 'ofac/alt.csv', 'ofac/add.csv', 'ofac/sdn_comments.csv'].map(fixture);

describe('OFAC legacy CSV', () => {
  it('fixtures keep the real layout: CRLF and a trailing 0x1A', () => {
    const sdn = text('ofac/sdn.csv');
    expect(sdn.endsWith('\r\n\x1a')).toBe(true);
    expect(sdn).toContain('-0- ,');
  });

  it('parses sdn.csv alone: types, programs, -0- nulls, remarks, vessel details', () => {
    const r = parseOfacLegacy([fixture('ofac/sdn.csv')], { listId: 'sdn' });
    expect(r.ok).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.stats).toEqual({ rows: 5, entries: 5, aliases: 0 });
    const [co, person, vessel, aircraft, bank] = r.entries;
    expect(co).toMatchObject({
      id: '101',
      listId: 'sdn',
      names: ['EXAMPLE TRADING CO., LTD.'],
      type: 'entity',
    });
    expect(co!.notes).toBeUndefined();
    expect(person).toMatchObject({ type: 'individual', programs: ['SDGT', 'SYRIA'] });
    expect(person!.notes).toContain('Title: Director of Example Org');
    expect(person!.notes).toContain("a.k.a. 'JQ'");
    expect(vessel!.type).toBe('vessel');
    expect(vessel!.notes).toContain('Call sign 9XYZ1');
    expect(vessel!.notes).toContain('Flag Panama');
    expect(aircraft!.type).toBe('aircraft');
    // `-0-` without the trailing space is a null too.
    expect(bank).toMatchObject({ type: 'entity', programs: ['DPRK3'] });
    expect(co!.url).toBe('https://sanctionssearch.ofac.treas.gov/Details.aspx?id=101');
    for (const e of r.entries) expect(WatchlistEntry.safeParse(e).success).toBe(true);
    expect(r.meta).toMatchObject({ format: 'ofac-legacy-csv', source: 'OFAC SDN list' });
  });

  it('merges alt.csv aliases, add.csv countries and comments overflow, whatever the file order', () => {
    const r = parseOfacLegacy(trio().reverse());
    expect(r.ok).toBe(true);
    const byId = new Map(r.entries.map((e) => [e.id, e]));
    // The case-only duplicate alias ("example trading") is dropped.
    expect(byId.get('101')!.names).toEqual([
      'EXAMPLE TRADING CO., LTD.',
      'EXAMPLE TRADING',
      'OLD EXAMPLE CO',
    ]);
    expect(byId.get('101')!.countries).toEqual(['CU', 'KP']);
    expect(byId.get('102')!.names).toEqual(['DOE, John Quincy', 'DOE, Johnny']);
    expect(byId.get('102')!.countries).toEqual(['SY', 'UA']);
    expect(byId.get('103')!.countries).toBeUndefined();
    expect(byId.get('104')!.notes).toBe('Aircraft Model B747; Linked To: EXAMPLE AIRLINES.');
    expect(r.stats).toEqual({ rows: 5 + 5 + 7 + 1, entries: 5, aliases: 3 });
    // Orphan alias and unknown country are warnings with file and line; "undetermined" is not.
    expect(r.warnings).toContainEqual(expect.objectContaining({ file: 'alt.csv', line: 5 }));
    expect(r.warnings).toContainEqual({
      file: 'add.csv',
      line: 5,
      reason: 'unknown country "Atlantis" (kept without a code)',
    });
    expect(r.warnings.some((w) => w.reason.includes('undetermined'))).toBe(false);
  });

  it('recognises files by name and, when renamed, by shape', () => {
    expect(trio().map(ofacFileRole)).toEqual(['primary', 'alt', 'add', 'comments']);
    const renamed = trio().map((f, i) => ({ ...f, name: `download (${i}).csv` }));
    expect(renamed.slice(0, 3).map(ofacFileRole)).toEqual(['primary', 'alt', 'add']);
    const r = parseOfacLegacy(renamed.slice(0, 3));
    expect(r.stats.aliases).toBe(3);
    expect(detectFormat(trio())).toMatchObject({ format: 'ofac-legacy-csv' });
  });

  it('reads the non-SDN consolidated files (cons_*.csv)', () => {
    const files = ['cons_prim.csv', 'cons_alt.csv', 'cons_add.csv'].map((n) => fixture(`ofac-cons/${n}`));
    const r = parseOfacLegacy(files);
    expect(r.ok).toBe(true);
    expect(r.entries[0]).toMatchObject({
      names: ['EXAMPLE ENERGY PJSC', 'EXAMPLE ENERGY'],
      programs: ['UKRAINE-EO13662', 'RUSSIA-EO14024'],
      countries: ['RU'],
    });
    expect(r.meta.source).toBe('OFAC Consolidated (non-SDN) list');
  });

  it('reports malformed rows with line numbers and keeps the good ones', () => {
    const r = parseOfacLegacy([{ ...fixture('ofac/sdn-malformed.csv'), name: 'sdn.csv' }]);
    expect(r.ok).toBe(false);
    expect(r.errors).toContainEqual(
      expect.objectContaining({ line: 1, file: 'sdn.csv', reason: expect.stringContaining('ent_num') }),
    );
    expect(r.errors).toContainEqual(
      expect.objectContaining({ line: 3, reason: expect.stringContaining('double quote') }),
    );
    expect(r.entries.map((e) => e.id)).toContain('201');
  });

  it('refuses aliases without a primary file, without throwing', () => {
    const r = parseOfacLegacy([fixture('ofac/alt.csv')]);
    expect(r.ok).toBe(false);
    expect(r.errors[0]!.reason).toMatch(/no primary file/);
    expect(parseOfacLegacy([{ name: 'x.csv', text: 'hello' }]).ok).toBe(false);
  });

  it('parses a large list fast (20k entries, 30k aliases) and reports progress', () => {
    const N = 20000;
    const sdn: string[] = [];
    const alt: string[] = [];
    for (let i = 1; i <= N; i++) {
      sdn.push(
        `${i},"EXAMPLE NAME ${i}, LTD.",-0- ,"SDGT] [IRAN",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Remarks for ${i}."`,
      );
      if (i % 2)
        alt.push(`${i},${i * 3},"aka","ALIAS A ${i}",-0- `, `${i},${i * 3 + 1},"aka","ALIAS B ${i}",-0- `);
      else alt.push(`${i},${i * 3},"fka","ALIAS C ${i}",-0- `);
    }
    const progress: number[] = [];
    const t0 = performance.now();
    const r = parseOfacLegacy(
      [
        { name: 'sdn.csv', text: `${sdn.join('\r\n')}\r\n\x1a` },
        { name: 'alt.csv', text: `${alt.join('\r\n')}\r\n\x1a` },
      ],
      { onProgress: (f) => progress.push(f) },
    );
    const ms = performance.now() - t0;
    expect(r.ok).toBe(true);
    expect(r.stats.entries).toBe(N);
    expect(r.stats.aliases).toBe(30000);
    // Generous: CI machines are shared; eval:lists measures the real files (~0.3 s for the full SDN).
    expect(ms).toBeLessThan(5000);
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(5);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });
});
