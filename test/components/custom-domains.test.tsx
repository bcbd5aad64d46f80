// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CustomDomains } from '@/components/settings/CustomDomains';

afterEach(cleanup);

function setup(domains: string[], granted: Set<string>, answer = true) {
  const requested: string[] = [];
  const changes: string[][] = [];
  render(
    <CustomDomains
      domains={domains}
      hasOrigin={async (p) => granted.has(p)}
      requestOrigin={(p) => {
        requested.push(p);
        if (answer) granted.add(p);
        return Promise.resolve(answer);
      }}
      onChange={(d) => changes.push(d)}
    />,
  );
  return { requested, changes };
}

describe('Your CRM domains', () => {
  it('asks for exactly the one origin in the click, then stores the domain', async () => {
    const { requested, changes } = setup([], new Set());
    fireEvent.change(screen.getByTestId('custom-domain-input'), {
      target: { value: 'https://crm.example-selfhosted.test/index.php?module=Opportunities' },
    });
    // The request must start synchronously inside the click (user gesture), before any await.
    fireEvent.click(screen.getByTestId('custom-domain-add'));
    expect(requested).toEqual(['https://crm.example-selfhosted.test/*']);
    await act(async () => undefined);
    expect(changes).toEqual([['https://crm.example-selfhosted.test']]);
  });

  it('does not store a domain whose access was refused, and explains why', async () => {
    const { changes } = setup([], new Set(), false);
    fireEvent.change(screen.getByTestId('custom-domain-input'), { target: { value: 'erp.acme-intern.de' } });
    fireEvent.click(screen.getByTestId('custom-domain-add'));
    await act(async () => undefined);
    expect(changes).toEqual([]);
    expect(screen.getByTestId('custom-domain-error').textContent).toMatch(/not granted/);
  });

  it('refuses wildcards and CRMs already screened, without asking the browser', () => {
    const { requested } = setup([], new Set());
    for (const value of ['*.example.com', 'acme.lightning.force.com']) {
      fireEvent.change(screen.getByTestId('custom-domain-input'), { target: { value } });
      fireEvent.click(screen.getByTestId('custom-domain-add'));
      expect(screen.getByTestId('custom-domain-error').textContent?.length).toBeGreaterThan(10);
    }
    expect(requested).toEqual([]);
  });

  it('lists domains, offers to grant a revoked one, and removes', async () => {
    const { requested, changes } = setup(
      ['https://espo.acme.test', 'https://erp.acme-intern.de'],
      new Set(['https://espo.acme.test/*']),
    );
    await act(async () => undefined);
    const rows = screen.getAllByTestId('custom-domain');
    expect(rows.map((r) => r.getAttribute('data-origin'))).toEqual([
      'https://espo.acme.test',
      'https://erp.acme-intern.de',
    ]);
    expect(rows[0]?.textContent).not.toMatch(/not granted/);
    expect(rows[1]?.textContent).toMatch(/not granted/);
    fireEvent.click(screen.getByText('Allow access'));
    expect(requested).toEqual(['https://erp.acme-intern.de/*']);
    fireEvent.click(screen.getAllByTestId('custom-domain-remove')[0]!);
    expect(changes).toEqual([['https://erp.acme-intern.de']]);
  });
});
