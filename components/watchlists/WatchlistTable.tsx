import { useState } from 'react';
import type { Watchlist } from '@/lib/model';
import { isManagedList } from '@/lib/storage/managed';
import { staleness } from '@/lib/subscriptions/schedule';

export interface WatchlistTableProps {
  lists: readonly Watchlist[];
  now: Date;
  selectedId?: string;
  /** Per-list status line (refresh outcome, export done …). */
  status: Record<string, string | undefined>;
  /** Origins the extension may not fetch yet, by list id. */
  needsAccess: Record<string, string | undefined>;
  onOpen(id: string): void;
  onRename(id: string, name: string): void;
  onDelete(id: string): void;
  onExport(id: string, format: 'csv' | 'json'): void;
  onRefresh(id: string): void;
  onUnsubscribe(id: string): void;
  onGrantAccess(id: string): void;
}

function originLabel(list: Watchlist): string {
  if (list.origin === 'managed') return 'Managed by your organisation';
  if (list.origin === 'managed-subscription') return 'Managed subscription';
  if (list.subscription) return 'Subscription';
  if (list.origin === 'user') return 'Your list';
  if (list.origin.startsWith('import:')) return `Imported (${list.origin.slice(7)})`;
  return list.origin;
}

function Row(props: WatchlistTableProps & { list: Watchlist }) {
  const { list, now } = props;
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const managed = isManagedList(list);
  const stale = staleness(list, now);
  const sub = list.subscription;
  const aliases = list.entries.reduce((n, e) => n + e.names.length - 1, 0);
  return (
    <tr
      data-testid="watchlist"
      data-list-id={list.id}
      data-size={list.entries.length}
      data-readonly={managed ? 'true' : 'false'}
      data-stale={stale?.stale ? 'true' : 'false'}
      aria-selected={props.selectedId === list.id}
    >
      <td>
        {renaming !== null ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              props.onRename(list.id, renaming);
              setRenaming(null);
            }}
          >
            <label className="field">
              <span className="visually-hidden">New name for {list.name}</span>
              <input type="text" value={renaming} onChange={(e) => setRenaming(e.target.value)} required />
            </label>
            <button type="submit">Save name</button>{' '}
            <button type="button" onClick={() => setRenaming(null)}>
              Cancel
            </button>
          </form>
        ) : (
          <button
            type="button"
            className="link"
            onClick={() => props.onOpen(list.id)}
            data-testid="watchlist-name"
          >
            {list.name}
          </button>
        )}
        <div className="muted">{originLabel(list)}</div>
        {managed && (
          <span className="badge" data-severity="info">
            read-only
          </span>
        )}
      </td>
      <td data-testid="watchlist-size">
        {list.entries.length.toLocaleString('en')} entries
        {aliases > 0 && <div className="muted">{aliases.toLocaleString('en')} aliases</div>}
      </td>
      <td>
        <div className="muted" style={{ maxWidth: '22em' }}>
          {list.source ?? '—'}
        </div>
      </td>
      <td>
        {list.asOf ? <div>List date {list.asOf}</div> : null}
        <div className="muted">Updated {list.updatedAt.slice(0, 10)}</div>
        {stale?.stale && (
          <div className="warn" data-testid="watchlist-stale" role="note">
            {stale.since
              ? `Older than 30 days (${stale.basis} ${stale.since}, ${stale.ageDays} days): update it`
              : 'Never downloaded yet'}
          </div>
        )}
        {sub && (
          <div className="muted">
            Follows {sub.url} every {sub.everyHours} h
            {sub.lastOk ? `; last good copy ${sub.lastOk.slice(0, 16).replace('T', ' ')}` : ''}
          </div>
        )}
        {sub?.lastError && (
          <div className="error" data-testid="subscription-error">
            Last refresh failed: {sub.lastError.replace(/^\S+\s/, '')}
          </div>
        )}
        {props.status[list.id] && (
          <div role="status" data-testid="watchlist-status">
            {props.status[list.id]}
          </div>
        )}
      </td>
      <td>
        <div className="actions">
          <button type="button" onClick={() => props.onOpen(list.id)}>
            {managed || sub ? 'View' : 'Edit entries'}
            <span className="visually-hidden"> of {list.name}</span>
          </button>
          <button type="button" onClick={() => props.onExport(list.id, 'csv')}>
            Export CSV<span className="visually-hidden"> of {list.name}</span>
          </button>
          <button type="button" onClick={() => props.onExport(list.id, 'json')}>
            Export JSON<span className="visually-hidden"> of {list.name}</span>
          </button>
          {sub && (
            <button type="button" onClick={() => props.onRefresh(list.id)}>
              Refresh now<span className="visually-hidden"> {list.name}</span>
            </button>
          )}
          {props.needsAccess[list.id] && (
            <button type="button" onClick={() => props.onGrantAccess(list.id)}>
              Allow downloads from {props.needsAccess[list.id]}
            </button>
          )}
          {!managed && (
            <>
              <button type="button" onClick={() => setRenaming(list.name)}>
                Rename<span className="visually-hidden"> {list.name}</span>
              </button>
              {sub && (
                <button type="button" onClick={() => props.onUnsubscribe(list.id)}>
                  Stop following<span className="visually-hidden"> for {list.name}</span>
                </button>
              )}
              {confirming ? (
                <>
                  <button type="button" onClick={() => props.onDelete(list.id)} data-testid="confirm-delete">
                    Delete {list.name} for good
                  </button>
                  <button type="button" onClick={() => setConfirming(false)}>
                    Keep it
                  </button>
                </>
              ) : (
                <button type="button" onClick={() => setConfirming(true)}>
                  Delete<span className="visually-hidden"> {list.name}</span>
                </button>
              )}
            </>
          )}
        </div>
      </td>
    </tr>
  );
}

/** One row per list: size, source, dates, staleness warning, actions. */
export function WatchlistTable(props: WatchlistTableProps) {
  if (props.lists.length === 0) {
    return <p className="empty">No watchlists yet. Create one, import a file or follow a URL.</p>;
  }
  return (
    <div className="scroll">
      <table className="table">
        <caption className="visually-hidden">Your watchlists</caption>
        <thead>
          <tr>
            <th scope="col">List</th>
            <th scope="col">Size</th>
            <th scope="col">Source</th>
            <th scope="col">Date</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {props.lists.map((list) => (
            <Row key={list.id} {...props} list={list} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
