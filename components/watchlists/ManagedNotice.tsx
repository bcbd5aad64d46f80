import type { ManagedState } from '@/lib/storage/managed';

/** What the organisation manages here, whether it is simulated, and the policy parts ignored. */
export function ManagedNotice({ managed }: { managed: ManagedState }) {
  const { policy, problems, simulated } = managed;
  const settings = Object.keys(policy.settings);
  const any = policy.lists.length + policy.subscriptions.length + settings.length > 0;
  if (!any && problems.length === 0) return null;
  return (
    <div className="notice" data-testid="managed-notice" data-simulated={simulated ? 'true' : 'false'}>
      <strong>Managed by your organisation:</strong>{' '}
      {[
        policy.lists.length ? `${policy.lists.length} list${policy.lists.length === 1 ? '' : 's'}` : '',
        policy.subscriptions.length
          ? `${policy.subscriptions.length} subscription${policy.subscriptions.length === 1 ? '' : 's'}`
          : '',
        settings.length ? `settings (${settings.join(', ')})` : '',
      ]
        .filter(Boolean)
        .join(', ') || 'nothing usable'}
      . These are read-only here.
      {simulated && (
        <div className="warn">
          Simulated policy: read from the "managed:test" test hook of this unpacked development build, not
          from enterprise policy.
        </div>
      )}
      {problems.length > 0 && (
        <details>
          <summary>{problems.length} parts of the policy were ignored</summary>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
