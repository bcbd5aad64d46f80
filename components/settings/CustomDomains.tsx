/**
 * "Your CRM domains": the rep adds the address of a CRM DealScreen does not know (self-hosted, in-house ERP),
 * grants that one origin, and from then on its pages are screened automatically with the generic adapter.
 *
 * The permission is asked for inside the click (browsers only show the prompt in a user gesture), for that
 * origin only. The background registers the content script for permitted domains and gives the permission back
 * when a domain is removed (lib/service/domains.ts). Presentational apart from that: storage and permission
 * calls come in as props.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { domainPattern, normalizeDomain } from '@/lib/service/domains';

export interface CustomDomainsProps {
  /** settings.customDomains (origins). */
  domains: readonly string[];
  /** Is the origin permission (a match pattern) held? */
  hasOrigin(pattern: string): Promise<boolean>;
  /** Ask for the origin permission; must be called synchronously inside the click. */
  requestOrigin(pattern: string): Promise<boolean>;
  /** Store the new list (the background follows). */
  onChange(domains: string[]): void;
}

export function CustomDomains(props: CustomDomainsProps) {
  const { domains } = props;
  const [input, setInput] = useState('');
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [permitted, setPermitted] = useState<Record<string, boolean>>({});

  useEffect(() => {
    let live = true;
    void Promise.all(
      domains.map(async (d) => [d, await props.hasOrigin(domainPattern(d)).catch(() => false)] as const),
    ).then((pairs) => {
      if (live) setPermitted(Object.fromEntries(pairs));
    });
    return () => {
      live = false;
    };
  }, [domains, props.hasOrigin]);

  const grant = (origin: string, adding: boolean) => {
    // The request starts here, synchronously in the click: the browser shows its prompt for this origin only.
    const request = props.requestOrigin(domainPattern(origin));
    void request.then(
      (ok) => {
        setPermitted((p) => ({ ...p, [origin]: ok }));
        if (!ok) {
          setError(`Access to ${origin} was not granted, so its pages cannot be screened.`);
          return;
        }
        setError(undefined);
        if (adding) {
          props.onChange([...domains, origin]);
          setInput('');
        }
        setMessage(`${origin} is screened automatically from now on. Reload its open pages if needed.`);
      },
      (e: unknown) => setError(`Could not ask for access to ${origin}: ${String(e)}`),
    );
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setMessage(undefined);
    const n = normalizeDomain(input);
    if (!n.ok) {
      setError(n.error);
      return;
    }
    if (domains.includes(n.origin)) {
      setError(`${n.origin} is already in your list.`);
      return;
    }
    grant(n.origin, true);
  };

  return (
    <fieldset data-testid="custom-domains">
      <legend>Your CRM domains</legend>
      <p className="muted">
        For a CRM DealScreen does not know (self-hosted, in-house ERP, quotes): add its address and allow
        access to that site only. Its pages are then screened automatically. Other sites can still be screened
        one at a time with “Screen this page” in the toolbar popup.
      </p>
      {domains.length > 0 && (
        <ul className="custom-domains">
          {domains.map((d) => (
            <li key={d} data-testid="custom-domain" data-origin={d}>
              <code>{d}</code>{' '}
              {permitted[d] === false ? (
                <>
                  <span className="muted">(access not granted)</span>{' '}
                  <button type="button" onClick={() => grant(d, false)}>
                    Allow access
                  </button>
                </>
              ) : null}{' '}
              <button
                type="button"
                onClick={() => {
                  setMessage(`${d} removed; DealScreen gave back its access to the site.`);
                  props.onChange(domains.filter((x) => x !== d));
                }}
                data-testid="custom-domain-remove"
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} className="row">
        <label>
          CRM address{' '}
          <input
            type="text"
            value={input}
            placeholder="crm.example.com"
            onChange={(e) => setInput(e.target.value)}
            data-testid="custom-domain-input"
          />
        </label>{' '}
        <button type="submit" data-testid="custom-domain-add">
          Add and allow access
        </button>
      </form>
      {error && (
        <p role="alert" data-testid="custom-domain-error">
          {error}
        </p>
      )}
      {message && (
        <p role="status" className="muted">
          {message}
        </p>
      )}
    </fieldset>
  );
}
