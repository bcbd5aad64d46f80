import { describe, expect, it } from 'vitest';
import { detectMapping, parseGeneric } from '../../lib/lists';
import { text } from './fixtures';

describe('detectMapping', () => {
  it('recognises columns by name and leaves unknown ones out', () => {
    expect(
      detectMapping([
        'Company Name',
        'AKA',
        'Country',
        'Entity Type',
        'Program',
        'Remarks',
        'Link',
        'Ref ID',
        'Foo',
      ]),
    ).toEqual({
      name: 'Company Name',
      aliases: ['AKA'],
      countries: ['Country'],
      type: 'Entity Type',
      programs: ['Program'],
      notes: ['Remarks'],
      url: 'Link',
      id: 'Ref ID',
    });
    expect(detectMapping(['entity', 'alt names', 'alias 2', 'countries', 'reference'])).toEqual({
      name: 'entity',
      aliases: ['alt names', 'alias 2'],
      countries: ['countries'],
      url: 'reference',
    });
    expect(detectMapping(['party', 'notes', 'id'])).toMatchObject({
      name: 'party',
      id: 'id',
      notes: ['notes'],
    });
    expect(detectMapping(['Sanctioned Party Name'])).toEqual({ name: 'Sanctioned Party Name' });
    expect(detectMapping(['foo', 'bar'])).toEqual({});
  });
});

describe('parseGeneric CSV', () => {
  it('maps columns, splits aliases on ; or |, normalises countries and types', () => {
    const r = parseGeneric(text('generic-with-aliases.csv'), { format: 'csv', listId: 'team' });
    expect(r.meta.format).toBe('generic-csv');
    expect(r.mapping.name).toBe('Company Name');
    expect(r.preview.headers[0]).toBe('Company Name');
    expect(r.preview.rows).toHaveLength(4);
    const [ess, doe, odd] = r.entries;
    expect(ess).toEqual({
      id: 'W-1',
      listId: 'team',
      names: ['Example Surveillance Systems Ltd', 'ESS Ltd', 'Example Surveillance'],
      type: 'entity',
      countries: ['IL'],
      programs: ['Internal watch'],
      notes: 'Sells interception kits; see "Project X" memo',
      url: 'https://example.org/ess',
    });
    expect(doe).toMatchObject({
      names: ['Doe, Jane', 'Jane D.', 'J. Doe'],
      type: 'individual',
      countries: ['RU', 'KP'],
    });
    expect(odd).toMatchObject({ names: ['Odd Type Co'], type: 'unknown' });
    // Unknown type and country are warnings; the row without a name is an error on its line.
    expect(r.warnings).toContainEqual({ line: 4, reason: 'unrecognised type "robot" (kept as unknown)' });
    expect(r.warnings).toContainEqual({ line: 4, reason: 'unknown country "Narnia" (kept without a code)' });
    expect(r.errors).toEqual([{ line: 5, reason: 'missing name (column "Company Name" is empty)' }]);
    expect(r.ok).toBe(false);
    expect(r.stats).toEqual({ rows: 4, entries: 3, aliases: 4 });
  });

  it('sniffs ; as the delimiter', () => {
    const r = parseGeneric(text('generic-semicolon.csv'), { format: 'csv' });
    expect(r.entries[0]).toMatchObject({ names: ['Example GmbH', 'Beispiel GmbH'], countries: ['DE'] });
  });

  it('uses a corrected mapping from the UI', () => {
    const csv = 'col1,col2\nACME Ltd,ACME\n';
    const auto = parseGeneric(csv, { format: 'csv' });
    expect(auto.ok).toBe(false);
    expect(auto.errors[0]).toMatchObject({ line: 1, reason: expect.stringContaining('no name column') });
    expect(auto.preview).toEqual({ headers: ['col1', 'col2'], rows: [['ACME Ltd', 'ACME']] });
    const fixed = parseGeneric(csv, { format: 'csv', mapping: { name: 'col1', aliases: ['col2'] } });
    expect(fixed.ok).toBe(true);
    expect(fixed.entries[0]!.names).toEqual(['ACME Ltd', 'ACME']);
    const wrong = parseGeneric(csv, { format: 'csv', mapping: { name: 'Name' } });
    expect(wrong.errors[0]!.reason).toContain('column "Name"');
  });

  it('reports a missing name column', () => {
    const r = parseGeneric(text('missing-name.csv'), { format: 'csv' });
    expect(r.ok).toBe(false);
    expect(r.entries).toEqual([]);
    expect(r.errors[0]).toMatchObject({
      line: 1,
      reason: expect.stringMatching(/no name column.*alias, country, notes/),
    });
  });

  it('reports an unbalanced quote on its line and keeps the rows before it', () => {
    const r = parseGeneric(text('malformed-quotes.csv'), { format: 'csv' });
    expect(r.ok).toBe(false);
    expect(r.errors).toContainEqual({
      line: 3,
      reason: expect.stringContaining('quoted field is never closed'),
    });
    expect(r.entries.map((e) => e.names[0])).toEqual(['Good One']);
  });

  it('reports rows with too many fields and skips a repeated header', () => {
    const r = parseGeneric('name,country\nA,DE\nname,country\nB,FR,extra\n', { format: 'csv' });
    expect(r.warnings).toContainEqual({ line: 3, reason: 'duplicate header row skipped' });
    expect(r.errors).toEqual([{ line: 4, reason: expect.stringContaining('3 fields, the header has 2') }]);
  });

  it('never throws on odd input', () => {
    for (const t of ['', '\uFEFF', '"', '\n\n\n', 'name\n', '\x1a']) {
      const r = parseGeneric(t, { format: 'csv' });
      expect(r.entries).toEqual([]);
    }
  });
});

describe('parseGeneric JSON', () => {
  it('finds the records array and maps fields, with line numbers for bad records', () => {
    const r = parseGeneric(text('generic.json'), { format: 'json' });
    expect(r.meta.format).toBe('generic-json');
    expect(r.headers).toEqual(['party', 'aka', 'countries', 'type', 'notes', 'reference']);
    expect(r.mapping).toEqual({
      name: 'party',
      aliases: ['aka'],
      countries: ['countries'],
      type: 'type',
      notes: ['notes'],
      url: 'reference',
    });
    expect(r.entries[0]).toMatchObject({
      names: ['Example Analytics LLC', 'EA LLC', 'Example Analytics'],
      countries: ['US', 'IR'],
      type: 'entity',
      notes: 'Watch: resells data tools',
      url: 'https://example.org/ea',
    });
    expect(r.entries[1]).toMatchObject({ names: ['Example Person'], countries: ['KP'], type: 'individual' });
    expect(r.errors).toEqual([{ line: 12, reason: expect.stringContaining('missing name') }]);
    expect(r.preview.rows[0]![1]).toBe('["EA LLC","Example Analytics"]');
  });

  it('accepts a bare array', () => {
    const r = parseGeneric('[{"name":"A","aliases":"B; C"}]', { format: 'json' });
    expect(r.entries[0]!.names).toEqual(['A', 'B', 'C']);
  });

  it('reports truncated JSON at the end with a position', () => {
    const r = parseGeneric(text('truncated.json'), { format: 'json' });
    expect(r.ok).toBe(false);
    expect(r.entries).toEqual([]);
    expect(r.errors[0]!.reason).toMatch(/bad JSON/);
    expect(r.errors[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports a syntax error with line and column', () => {
    const r = parseGeneric('[\n  {"name": "A"},\n  {"name": "B",}\n]', { format: 'json' });
    expect(r.errors[0]).toMatchObject({ line: 3, reason: expect.stringMatching(/^bad JSON/) });
    expect(r.errors[0]!.column).toBeGreaterThan(1);
  });

  it('reports JSON without a list', () => {
    expect(parseGeneric('{"a":1}', { format: 'json' }).errors[0]!.reason).toMatch(/no list found/);
    expect(parseGeneric('42', { format: 'json' }).ok).toBe(false);
  });
});
