// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordView } from '@/components/findings/RecordView';
import {
  type SidePanelActions,
  type SidePanelData,
  SidePanelView,
} from '@/components/findings/SidePanelView';
import { makeDismissal } from '@/lib/record/dismissals';
import { buildRecord } from '@/lib/record/export';
import { startRecord } from '@/lib/record/update';
import type { TabState } from '@/lib/storage/items';
import { destinationFinding, partyFinding, riskyResult } from './sample';

afterEach(cleanup);

const AT = '2026-11-30T12:00:00.000Z';
// "legal form" (LLC, GmbH) is the matcher's term, not a verdict on the deal.
const FORBIDDEN = /\b(illegal|cleared|approved)\b|\blegal\b(?! form)/i;

function ready(result = riskyResult()): TabState {
  return { status: 'ready', url: result.url!, result, updatedAt: AT };
}

function data(over: Partial<SidePanelData> = {}): SidePanelData {
  return {
    panel: { kind: 'tab', state: ready() },
    answers: {},
    dismissals: [],
    reviewer: 'Ana Rep',
    ...over,
  };
}

function actions(): SidePanelActions {
  return {
    onAnswer: vi.fn(),
    onReviewer: vi.fn(),
    onDismiss: vi.fn(),
    onUndoDismiss: vi.fn(),
    onExportJson: vi.fn(),
    onPrint: vi.fn(),
    onCopySummary: vi.fn(),
  };
}

describe('side panel on a risky deal', () => {
  it('puts the deal risk and its reasons first, then findings grouped by severity', () => {
    const { container } = render(<SidePanelView data={data()} actions={actions()} />);
    const risk = screen.getByTestId('deal-risk');
    expect(risk.dataset.level).toBe('high');
    expect(within(risk).getByText('The customer matches a listed party')).toBeTruthy();
    expect(risk.textContent).toMatch(/3 findings · 0 of 3 checklist questions answered/);
    const groups = screen.getAllByTestId('severity-group').map((g) => g.querySelector('h3')?.textContent);
    expect(groups).toEqual(['High (2)', 'Medium (1)']);
    expect(container.textContent).not.toMatch(FORBIDDEN);
  });

  it('explains each finding: evidence highlighted, why, source, and the name match', () => {
    render(<SidePanelView data={data()} actions={actions()} />);
    const [party, item] = screen.getAllByTestId('finding');
    expect(party!.dataset.kind).toBe('restricted-party');
    expect(within(party!).getByTestId('evidence').querySelector('mark')?.textContent).toBe(
      'Novatek Border Systems',
    );
    expect(within(party!).getByTestId('why').textContent).toMatch(/matches an entry on the demo watchlist/);
    const explanation = within(party!).getByTestId('match-explanation');
    expect(explanation.textContent).toMatch(/matches Novatek Border Systems on Demo watchlist/);
    expect(within(explanation).getByTestId('match-score').textContent).toBe('0.97');
    expect(within(explanation).getAllByTestId('match-token')).toHaveLength(3);
    expect(explanation.textContent).toMatch(/Set aside.*llc/);
    expect(within(party!).getByTestId('source').textContent).toMatch(
      /^Source: Demo watchlist, as of 2026-07-09 \(from a secondary source\) · list version 3, entry demo-1/,
    );
    expect(item!.dataset.category).toBe('internet-surveillance');
    expect(within(item!).getByTestId('source').textContent).toMatch(/rule sv\.internet-surveillance\.dpi/);
    expect(within(item!).getByTestId('source').textContent).toMatch(
      /ECCNs to ask compliance about: 5A001\.j/,
    );
  });

  it('renders page text as text, never as markup', () => {
    const evil = { ...partyFinding, evidence: '<img src=x onerror="alert(1)">Novatek', term: 'Novatek' };
    const { container } = render(
      <SidePanelView
        data={data({ panel: { kind: 'tab', state: ready(riskyResult({ findings: [evil] })) } })}
        actions={actions()}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('evidence').textContent).toContain('<img src=x');
  });

  it('draws a checklist from the findings and reports answers and notes', () => {
    const a = actions();
    render(<SidePanelView data={data()} actions={a} />);
    const items = screen.getAllByTestId('checklist-item');
    expect(items.map((i) => i.dataset.id)).toContain('dd.state-2-end-user');
    expect(screen.getAllByTestId('prompt').length).toBe(items.length);
    const endUser = items.find((i) => i.dataset.id === 'dd.state-2-end-user')!;
    fireEvent.click(within(endUser).getByTestId('answer-no'));
    expect(a.onAnswer).toHaveBeenCalledWith('dd.state-2-end-user', 'no', '');
    const note = within(endUser).getByTestId('answer-note');
    fireEvent.change(note, { target: { value: 'Border police' } });
    fireEvent.blur(note);
    expect(a.onAnswer).toHaveBeenLastCalledWith('dd.state-2-end-user', 'no', 'Border police');
  });

  it('shows who answered and when', () => {
    render(
      <SidePanelView
        data={data({
          answers: { 'dd.state-2-end-user': { answer: 'no', note: 'Police', by: 'Ana Rep', at: AT } },
        })}
        actions={actions()}
      />,
    );
    const endUser = screen
      .getAllByTestId('checklist-item')
      .find((i) => i.dataset.id === 'dd.state-2-end-user')!;
    expect(endUser.dataset.answer).toBe('no');
    expect((within(endUser).getByTestId('answer-no') as HTMLInputElement).checked).toBe(true);
    expect(within(endUser).getByTestId('answered-by').textContent).toMatch(/^No, by Ana Rep, .*2026/);
    expect((within(endUser).getByTestId('answer-note') as HTMLTextAreaElement).value).toBe('Police');
    expect(screen.getByTestId('deal-risk').textContent).toMatch(/1 of 3 checklist questions answered/);
  });

  it('dismisses a name match with a reason, and shows it dismissed, not hidden', () => {
    const a = actions();
    const { rerender } = render(<SidePanelView data={data()} actions={a} />);
    fireEvent.click(screen.getByTestId('dismiss-button'));
    fireEvent.click(screen.getAllByTestId('dismiss-reason')[1]!);
    fireEvent.change(screen.getByTestId('dismiss-note'), { target: { value: 'Ours is a US shipping firm' } });
    fireEvent.click(screen.getByTestId('dismiss-confirm'));
    expect(a.onDismiss).toHaveBeenCalledWith(
      partyFinding,
      'different-business',
      'Ours is a US shipping firm',
    );

    const d = makeDismissal(partyFinding, {
      reason: 'different-business',
      note: 'Ours is a US shipping firm',
      by: 'Ana Rep',
      at: AT,
    });
    rerender(<SidePanelView data={data({ dismissals: [d] })} actions={a} />);
    const card = screen.getAllByTestId('finding')[0]!;
    expect(card.dataset.dismissed).toBe('true');
    expect(within(card).getByTestId('dismissal').textContent).toMatch(
      /Marked as not this entity by Ana Rep.*Ours is a US shipping firm/,
    );
    expect(screen.getByTestId('deal-risk').textContent).toMatch(
      /1 name match marked not this entity, still listed below/,
    );
    fireEvent.click(within(card).getByTestId('undo-dismiss'));
    expect(a.onUndoDismiss).toHaveBeenCalledWith(partyFinding);
  });

  it('a dismissed match no longer counts toward the deal risk; undo brings the risk back', () => {
    // The name match is the deal's only high finding: without it the deal is medium (the destination).
    const result = riskyResult({
      findings: [partyFinding, destinationFinding],
      risk: { level: 'high', reasons: ['The customer matches a listed party', 'Iran is under embargo'] },
      riskBasis: {
        floor: 'none',
        reasons: [
          { text: 'The customer matches a listed party', facts: ['party'], finding: partyFinding.id },
          { text: 'Iran is under embargo', facts: ['dest:IR'] },
        ],
      },
    });
    const panel = { kind: 'tab' as const, state: ready(result) };
    const d = makeDismissal(partyFinding, { reason: 'different-country', note: 'Ohio', by: 'Ana', at: AT });
    const { rerender, container } = render(<SidePanelView data={data({ panel })} actions={actions()} />);
    const reasons = () =>
      within(screen.getByTestId('risk-reasons'))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(screen.getByTestId('deal-risk').dataset.level).toBe('high');
    expect(screen.queryByTestId('risk-as-screened')).toBeNull();

    rerender(<SidePanelView data={data({ panel, dismissals: [d] })} actions={actions()} />);
    const risk = screen.getByTestId('deal-risk');
    expect(risk.dataset.level).toBe('medium');
    expect(risk.textContent).toMatch(/^Deal risk: Medium risk/);
    expect(reasons()).toEqual(['Iran is under embargo']);
    expect(screen.getByTestId('risk-as-screened').textContent).toBe(
      'As screened: High risk. A name match marked not this entity is not counted; undo on the finding to count it again.',
    );
    expect(risk.textContent).toMatch(/not counted in the risk or the toolbar badge/);
    // Still listed, marked, with undo.
    const card = screen.getAllByTestId('finding').find((f) => f.dataset.kind === 'restricted-party')!;
    expect(card.dataset.state).toBe('dismissed');
    expect(within(card).getByTestId('not-counted').textContent).toMatch(/Not counted in the deal risk/);
    expect(within(card).getByTestId('undo-dismiss')).toBeTruthy();
    expect(container.textContent).not.toMatch(FORBIDDEN);

    rerender(<SidePanelView data={data({ panel, dismissals: [] })} actions={actions()} />);
    expect(screen.getByTestId('deal-risk').dataset.level).toBe('high');
    expect(reasons()).toEqual(['The customer matches a listed party', 'Iran is under embargo']);
    expect(screen.queryByTestId('risk-as-screened')).toBeNull();
  });

  it('raises a dismissed match again when the list entry changed', () => {
    const d = {
      ...makeDismissal(partyFinding, { reason: 'other', note: '', by: '', at: AT }),
      fingerprint: 'old',
    };
    render(<SidePanelView data={data({ dismissals: [d] })} actions={actions()} />);
    const card = screen.getAllByTestId('finding')[0]!;
    expect(card.dataset.state).toBe('raised-again');
    expect(card.dataset.dismissed).toBeUndefined();
    expect(within(card).getByTestId('raised-again').textContent).toMatch(/list entry has changed since/);
  });

  it('offers the record: JSON, printable page, summary', () => {
    const a = actions();
    render(
      <SidePanelView
        data={data({ status: 'Summary copied', summary: 'DealScreen due-diligence record' })}
        actions={a}
      />,
    );
    fireEvent.click(screen.getByTestId('export-json'));
    fireEvent.click(screen.getByTestId('print-record'));
    fireEvent.click(screen.getByTestId('copy-summary'));
    expect(a.onExportJson).toHaveBeenCalled();
    expect(a.onPrint).toHaveBeenCalled();
    expect(a.onCopySummary).toHaveBeenCalled();
    expect(screen.getByTestId('record-status').textContent).toBe('Summary copied');
    expect((screen.getByTestId('summary-text') as HTMLTextAreaElement).value).toMatch(/record/);
  });
});

describe('side panel states', () => {
  it('loading, nothing to screen, screening, error, no findings', () => {
    const cases: [SidePanelData['panel'], string][] = [
      [{ kind: 'loading' }, 'loading'],
      [{ kind: 'tab', state: null }, 'nothing-to-screen'],
      [{ kind: 'tab', state: { status: 'screening', url: 'x', updatedAt: AT } }, 'screening'],
      [
        {
          kind: 'tab',
          state: { status: 'error', url: 'x', error: 'Screening failed on this page.', updatedAt: AT },
        },
        'screen-error',
      ],
      [
        { kind: 'tab', state: ready(riskyResult({ findings: [], risk: { level: 'none', reasons: [] } })) },
        'no-findings',
      ],
    ];
    for (const [panel, testId] of cases) {
      const { container, unmount } = render(<SidePanelView data={data({ panel })} actions={actions()} />);
      expect(screen.getByTestId(testId)).toBeTruthy();
      expect(container.textContent).not.toMatch(FORBIDDEN);
      unmount();
    }
  });
});

describe('printable record', () => {
  it('shows findings, dismissals, answers, rule set, lists, time and page', () => {
    const result = riskyResult();
    const d = makeDismissal(partyFinding, { reason: 'different-country', note: 'Ohio', by: 'Ana', at: AT });
    const record = buildRecord({
      record: {
        ...startRecord('k', result, '', AT),
        answers: { 'bis.rf2-end-use': { answer: 'yes', note: 'Letter on file', by: 'Ana', at: AT } },
      },
      result,
      dismissals: [d],
      reviewer: 'Ana',
      now: new Date(AT),
    });
    const print = vi.fn();
    render(<RecordView data={record} actions={{ onPrint: print, onExportJson: vi.fn() }} />);
    expect(screen.getByTestId('record-url').textContent).toBe(result.url);
    expect(screen.getByTestId('record-ruleset').textContent).toBe('2026.11.1');
    expect(screen.getByTestId('record-lists').textContent).toMatch(
      /Demo watchlist \(12 entries, as of 2026-07-09\)/,
    );
    expect(screen.getAllByTestId('record-finding').map((f) => f.dataset.status)).toEqual([
      'dismissed',
      'open',
      'open',
    ]);
    expect(screen.getByTestId('record-dismissal').textContent).toMatch(
      /Different country or address.*Ohio.*Not counted in the deal risk/,
    );
    // The sample's item finding is high too: the level stays, and the record says what was not counted.
    expect(screen.getByTestId('record-risk').dataset.level).toBe('high');
    expect(screen.getByTestId('record-not-counted').textContent).toBe(
      'Not counted in the deal risk: 1 name match marked not this entity (as screened: High).',
    );
    const answer = screen.getAllByTestId('record-answer').find((r) => r.dataset.id === 'bis.rf2-end-use')!;
    expect(answer.textContent).toMatch(/Yes.*Letter on file.*Ana/);
    act(() => screen.getByTestId('record-print').click());
    expect(print).toHaveBeenCalled();
  });
});
