import { describe, expect, it } from 'vitest';
import { detectFile, importFiles, parseOfacXml } from '../../lib/lists';
import { fixture, text } from './fixtures';

describe('OFAC sdn.xml', () => {
  it('reads entries, akas, programs, address countries and the publish date', () => {
    const r = parseOfacXml(text('sdn-excerpt.xml'), { listId: 'x' });
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([]);
    expect(r.meta).toMatchObject({ format: 'ofac-sdn-xml', asOf: '2024-03-15' });
    expect(r.stats).toEqual({ rows: 3, entries: 3, aliases: 2 });
    const [person, company, vessel] = r.entries;
    expect(person).toMatchObject({
      id: '901',
      listId: 'x',
      names: ['EXAMPLEMAN, John', 'EXAMPLEMAN, Johnny', 'JOHNNY X'],
      type: 'individual',
      countries: ['IR', 'KP'],
      programs: ['SDGT', 'IRAN-EO13876'],
      url: 'https://sanctionssearch.ofac.treas.gov/Details.aspx?id=901',
    });
    expect(person!.notes).toBe('Title: Director (Linked To: EXAMPLE GROUP)');
    expect(company).toMatchObject({
      names: ['SMITH & SONS TRADING, S.A.'],
      type: 'entity',
      countries: ['PA'],
    });
    expect(vessel).toMatchObject({ names: ['EXAMPLE STAR'], type: 'vessel' });
    expect(detectFile(fixture('sdn-excerpt.xml')).format).toBe('ofac-sdn-xml');
    expect(importFiles([fixture('sdn-excerpt.xml')]).stats.entries).toBe(3);
  });

  it('reports truncated and mismatched XML with a line number, without throwing', () => {
    const t = text('sdn-excerpt.xml');
    const cut = parseOfacXml(t.slice(0, t.indexOf('<uid>902')));
    expect(cut.ok).toBe(false);
    expect(cut.errors[0]!.reason).toMatch(/never closed/);
    const bad = parseOfacXml(
      t.replace('</firstName>\n    <lastName>EXAMPLEMAN', '</first>\n    <lastName>EXAMPLEMAN'),
    );
    expect(bad.errors[0]).toMatchObject({ line: 9, reason: expect.stringContaining('does not match') });
    expect(parseOfacXml('<other/>').errors[0]!.reason).toMatch(/no <sdnList>/);
    expect(parseOfacXml('').ok).toBe(false);
  });
});
