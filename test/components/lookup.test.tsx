// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LookupView } from '@/components/lookup/LookupView';
import { useLookup } from '@/entrypoints/popup/useLookup';
import type { LookupResult } from '@/lib/model';

afterEach(cleanup);

const result = (title: string): LookupResult => ({
  kind: 'restricted-party',
  title,
  detail: 'On the demo watchlist',
  severity: 'high',
  score: 0.95,
  source: { title: 'Demo watchlist', asOf: '2026-07-09' },
  match: {
    listId: 'demo',
    entryId: 'd1',
    name: 'Novatek Border Systems',
    score: 0.95,
    listName: 'Demo watchlist',
  },
});

function Harness({ lookup }: { lookup: (q: string) => Promise<LookupResult[]> }) {
  const { state, onQuery } = useLookup(lookup);
  return <LookupView data={state} actions={{ onQuery, onScreenPage() {}, onOpenPanel() {} }} />;
}

describe('popup lookup', () => {
  it('asks on every keystroke without waiting, and drops a stale reply', async () => {
    const pending = new Map<string, (r: LookupResult[]) => void>();
    const asked: string[] = [];
    const lookup = (q: string) => {
      asked.push(q);
      return new Promise<LookupResult[]>((ok) => pending.set(q, ok));
    };
    render(<Harness lookup={lookup} />);
    const input = screen.getByTestId('lookup-input');
    fireEvent.change(input, { target: { value: 'n' } });
    fireEvent.change(input, { target: { value: 'no' } });
    expect(asked).toEqual(['n', 'no']);
    expect(screen.getByTestId('lookup-status').textContent).toBe('Looking up…');
    await act(async () => pending.get('no')!([result('Novatek Border Systems')]));
    await act(async () => pending.get('n')!([result('Stale answer')]));
    const shown = screen.getAllByTestId('lookup-result');
    expect(shown.map((r) => r.textContent)).toEqual([expect.stringContaining('Novatek Border Systems')]);
    expect(shown[0]!.dataset.kind).toBe('restricted-party');
    expect(shown[0]!.textContent).toMatch(/score 0\.95/);
    expect(screen.getByTestId('lookup-results').dataset.query).toBe('no');
    expect(screen.getByTestId('lookup-status').textContent).toBe('1 result for “no”');
  });

  it('says when nothing was found, and when the lookup failed', async () => {
    const { unmount } = render(<Harness lookup={async () => []} />);
    await act(async () => fireEvent.change(screen.getByTestId('lookup-input'), { target: { value: 'zzz' } }));
    expect(screen.getByTestId('lookup-status').textContent).toMatch(/Nothing found for “zzz”/);
    unmount();
    render(<Harness lookup={() => Promise.reject(new Error('no worker'))} />);
    await act(async () => fireEvent.change(screen.getByTestId('lookup-input'), { target: { value: 'x' } }));
    expect(screen.getByTestId('lookup-status').textContent).toMatch(/not available right now/);
  });
});
