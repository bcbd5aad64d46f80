import { describe, expect, it } from 'vitest';
import { ScreenResult } from '@/lib/model';
import { buildChecklist, progressOf } from '@/lib/record/checklist';
import {
  addDismissal,
  dismissalState,
  makeDismissal,
  nameKey,
  removeDismissal,
} from '@/lib/record/dismissals';
import { buildRecord, RECORD_FORMAT, recordFileName, recordSummary } from '@/lib/record/export';
import { entryFingerprint, matchFingerprint } from '@/lib/record/fingerprint';
import { dealRecordItem, dismissalsItem } from '@/lib/record/items';
import { dealKey, urlWithoutQuery } from '@/lib/record/key';
import { startRecord, withAnswer, withSnapshot } from '@/lib/record/update';
import { bindItem, memoryArea } from '@/lib/storage/item';
import { itemFinding, PROMPT_END_USER, partyFinding, riskyResult } from '../components/sample';

const AT = '2026-11-30T12:00:00.000Z';

describe('deal key', () => {
  it('is the site and record id when there is one', () => {
    expect(dealKey({ site: 'salesforce', recordId: '006RISKY000000001AAA', url: 'https://x/y?z=1' })).toBe(
      'salesforce:006RISKY000000001AAA',
    );
  });
  it('falls back to the address without query', () => {
    expect(dealKey({ site: 'generic', url: 'https://crm.example.com/deals/42/?tab=notes#activity' })).toBe(
      'generic:https://crm.example.com/deals/42',
    );
    expect(urlWithoutQuery('https://crm.example.com/app#/deal/42?x=1')).toBe(
      'https://crm.example.com/app#/deal/42',
    );
    expect(dealKey({ site: 'generic' })).toBeNull();
  });
});

describe('checklist', () => {
  it('lists each question once, with the findings that raise it, and known steps from the rule set', () => {
    const items = buildChecklist(riskyResult().findings);
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const endUser = items.find((i) => i.id === 'dd.state-2-end-user');
    expect(endUser?.step).toMatch(/step 2/);
    expect(endUser?.group).toBe('guidance');
    expect(endUser?.from.map((f) => f.id)).toEqual([partyFinding.id, itemFinding.id]);
    expect(items.find((i) => i.id === 'bis.rf2-end-use')?.group).toBe('kyc');
    const unknown = items.find((i) => i.text === 'A question the rule set does not list?');
    expect(unknown?.id).toMatch(/^q:[0-9a-f]{16}$/);
  });
  it('carries answers and counts progress', () => {
    const items = buildChecklist(riskyResult().findings, {
      'dd.state-2-end-user': { answer: 'no', note: 'Border police', by: 'Ana', at: AT },
    });
    expect(items.find((i) => i.id === 'dd.state-2-end-user')?.answer?.note).toBe('Border police');
    expect(progressOf(items)).toMatchObject({ total: 3, no: 1, open: 2 });
  });
});

describe('false-positive memory', () => {
  it('remembers "not this entity" for the name and entry, across spelling noise', () => {
    const d = makeDismissal(partyFinding, {
      reason: 'different-country',
      note: 'Ours is in Ohio',
      by: 'Ana',
      at: AT,
    });
    expect(d.fingerprint).toBe('fp-1');
    expect(dismissalState(partyFinding, [d]).state).toBe('dismissed');
    const noisy = { ...partyFinding, term: 'NOVATEK  Border-Systems' };
    expect(nameKey('NOVATEK  Border-Systems')).toBe('novatek border systems');
    expect(dismissalState(noisy, [d]).state).toBe('dismissed');
    const otherEntry = { ...partyFinding, match: { ...partyFinding.match!, entryId: 'demo-2' } };
    expect(dismissalState(otherEntry, [d]).state).toBe('open');
  });
  it('raises it again when the list entry changes', () => {
    const d = makeDismissal(partyFinding, { reason: 'other', note: '', by: '', at: AT });
    const changed = { ...partyFinding, match: { ...partyFinding.match!, fingerprint: 'fp-2' } };
    expect(dismissalState(changed, [d]).state).toBe('raised-again');
  });
  it('falls back to a fingerprint of the entry name and list version', () => {
    const { fingerprint: _f, ...bare } = partyFinding.match!;
    const finding = { ...partyFinding, match: bare };
    const d = makeDismissal(finding, { reason: 'other', note: '', by: '', at: AT });
    expect(dismissalState(finding, [d]).state).toBe('dismissed');
    expect(dismissalState({ ...finding, match: { ...bare, listVersion: '4' } }, [d]).state).toBe(
      'raised-again',
    );
    expect(matchFingerprint(bare)).not.toBe(matchFingerprint({ ...bare, name: 'Novatek Border' }));
  });
  it('replaces and undoes decisions', () => {
    const a = makeDismissal(partyFinding, { reason: 'other', note: 'a', by: '', at: AT });
    const b = makeDismissal(partyFinding, { reason: 'other', note: 'b', by: '', at: AT });
    const list = addDismissal(addDismissal([], a), b);
    expect(list).toHaveLength(1);
    expect(list[0]?.note).toBe('b');
    expect(removeDismissal(list, partyFinding)).toHaveLength(0);
  });
  it('fingerprints entries by names, countries, programs and type, not their order or case', () => {
    const e = { names: ['Novatek Border Systems', 'NBS'], countries: ['IR'] };
    expect(entryFingerprint(e)).toBe(
      entryFingerprint({ names: ['nbs', 'NOVATEK BORDER SYSTEMS'], countries: ['ir'] }),
    );
    expect(entryFingerprint(e)).not.toBe(entryFingerprint({ ...e, names: [...e.names, 'Novatek FZE'] }));
    expect(entryFingerprint(e)).not.toBe(entryFingerprint({ ...e, countries: ['AE'] }));
  });
});

describe('the record', () => {
  const result = riskyResult();
  const key = dealKey(result)!;
  const base = withAnswer(
    startRecord(key, result, '', AT),
    'dd.state-2-end-user',
    {
      answer: 'no',
      note: 'Border police',
      by: 'Ana Rep',
      at: AT,
    },
    AT,
  );

  it('holds findings, answers, dismissals, rule-set version, lists, timestamp and page URL', () => {
    const dismissal = makeDismissal(partyFinding, {
      reason: 'different-country',
      note: 'Ohio',
      by: 'Ana Rep',
      at: AT,
    });
    const record = buildRecord({
      record: base,
      result,
      dismissals: [dismissal],
      reviewer: 'Ana Rep',
      now: new Date(AT),
    });
    expect(record.format).toBe(RECORD_FORMAT);
    expect(record.exportedAt).toBe(AT);
    expect(record.deal.url).toBe(result.url);
    expect(record.ruleSetVersion).toBe('2026.11.1');
    expect(record.lists[0]).toMatchObject({ name: 'Demo watchlist', asOf: '2026-07-09' });
    expect(record.findings.map((f) => f.status)).toEqual(['dismissed', 'open', 'open']);
    expect(record.dismissals).toHaveLength(1);
    expect(record.checklist.find((c) => c.id === 'dd.state-2-end-user')).toMatchObject({
      answer: 'no',
      by: 'Ana Rep',
    });
    expect(recordFileName(record)).toBe('dealscreen-record-salesforce-006RISKY000000001AAA-2026-11-30.json');
    // It survives JSON.
    expect(JSON.parse(JSON.stringify(record)).findings).toHaveLength(3);
    const summary = recordSummary(record);
    expect(summary).toMatch(/Deal risk: High/);
    expect(summary).toMatch(/not this entity, not counted: different country or address, Ohio/);
    expect(summary).toMatch(/Checklist: 1 of 3 answered \(0 yes, 1 no, 0 not yet\)/);
    expect(summary).toMatch(/No: Who will actually use it\?.*Note: Border police \(Ana Rep, 2026-11-30\)/);
    expect(summary).not.toMatch(/\b(legal|illegal|cleared|approved)\b/i);
  });
  it('keeps answers to questions no longer raised', () => {
    const fewer = { ...result, findings: [result.findings[2]!] };
    const record = buildRecord({
      record: base,
      result: fewer,
      dismissals: [],
      reviewer: '',
      now: new Date(AT),
    });
    expect(record.checklist).toHaveLength(0);
    expect(record.earlierAnswers.map((a) => a.id)).toEqual(['dd.state-2-end-user']);
  });
  it('cuts a long summary', () => {
    const record = buildRecord({ record: base, result, dismissals: [], reviewer: '', now: new Date(AT) });
    expect(recordSummary(record, 200).length).toBeLessThanOrEqual(200);
  });
  it('writes the snapshot only when it changed', () => {
    expect(withSnapshot(base, key, result, '', AT)).toBeNull();
    const next = withSnapshot(base, key, riskyResult({ screenedAt: 'later' }), '', AT);
    expect(next?.answers).toEqual(base.answers);
  });
});

describe('stored items', () => {
  it('round-trip and repair', async () => {
    const area = memoryArea({ dismissals: { v: 1, data: [{ nonsense: true }] } });
    const logs: string[] = [];
    expect(await bindItem(dismissalsItem, area, (m) => logs.push(m)).get()).toEqual([]);
    expect(logs).toHaveLength(1);
    const item = bindItem(dealRecordItem('salesforce:006X'), area);
    const record = startRecord('salesforce:006X', riskyResult(), '', AT);
    await item.set(record);
    expect(ScreenResult.parse((await item.get())?.lastResult)).toBeTruthy();
    expect(Object.keys(area.dump())).toContain('deal:salesforce:006X');
  });
  it('knows a prompt written as "step: text"', () => {
    const prompt = `State guidance, step 2: review the end user: ${PROMPT_END_USER}`;
    const [item] = buildChecklist([{ ...itemFinding, prompts: [prompt] }]);
    expect(item).toMatchObject({ id: 'dd.state-2-end-user', text: PROMPT_END_USER });
  });
  it('use the answer text of a question as given', () => {
    expect(buildChecklist([{ ...itemFinding, prompts: [PROMPT_END_USER] }])[0]?.id).toBe(
      'dd.state-2-end-user',
    );
  });
});
