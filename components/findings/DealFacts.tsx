import type { ScreenResult } from '@/lib/model';

/** What DealScreen read from the page: the rep can check it read the right things. */
export function DealFacts({ context }: { context: ScreenResult['context'] }) {
  const others = context.parties.filter((p) => p.role !== 'customer');
  return (
    <section aria-labelledby="facts-title">
      <h2 id="facts-title">Read from this page</h2>
      <dl className="facts">
        {context.title && (
          <>
            <dt>Deal</dt>
            <dd>{context.title}</dd>
          </>
        )}
        <dt>Customer</dt>
        <dd data-testid="context-customer">{context.customer ?? <span className="muted">not found</span>}</dd>
        {others.map((p) => (
          <Fragmentish key={`${p.role}:${p.name}`} label={ROLE_LABELS[p.role]} value={p.name} />
        ))}
        <dt>Products</dt>
        <dd>
          {context.products.length === 0 ? (
            <span className="muted">none found</span>
          ) : (
            <ul className="plain">
              {context.products.map((p) => (
                <li key={p.name} data-testid="context-product">
                  {p.name}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Countries</dt>
        <dd>
          {context.countries.length === 0 ? (
            <span className="muted">none found</span>
          ) : (
            <ul className="plain">
              {context.countries.map((c) => (
                <li
                  key={`${c.code}:${c.source}:${c.region ?? ''}`}
                  data-testid="context-country"
                  data-code={c.code}
                >
                  {c.region ? `${c.region} (${c.name})` : c.name} <span className="muted">· {c.source}</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  );
}

const ROLE_LABELS = {
  customer: 'Customer',
  'end-user': 'End user',
  intermediary: 'Intermediary',
  other: 'Other party',
};

function Fragmentish({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
