import { useMemo, useState } from 'react';
import type { Watchlist } from '@/lib/model';
import { isManagedList } from '@/lib/storage/managed';
import {
  type DraftErrors,
  EMPTY_DRAFT,
  type EntryDraft,
  entryToDraft,
  searchEntries,
} from '@/lib/watchlists/edit';
import { EntryForm } from './EntryForm';

export interface ListDetailProps {
  list: Watchlist;
  /** Errors of the last save attempt, by field. */
  errors: DraftErrors;
  /** Which entry the form is open for: 'new', an entry id, or null. */
  editing: string | null;
  onEdit(entryId: string | null): void;
  onSaveEntry(draft: EntryDraft): void;
  onRemoveEntry(entryId: string): void;
  onClose(): void;
}

const PAGE = 100;

/** Entries of one list: search, add, edit, remove (read-only for managed and subscribed lists). */
export function ListDetail({
  list,
  errors,
  editing,
  onEdit,
  onSaveEntry,
  onRemoveEntry,
  onClose,
}: ListDetailProps) {
  const [query, setQuery] = useState('');
  const found = useMemo(() => searchEntries(list, query, PAGE), [list, query]);
  const managed = isManagedList(list);
  const editable = !managed && !list.subscription;
  const editingEntry = editing && editing !== 'new' ? list.entries.find((e) => e.id === editing) : undefined;
  return (
    <section aria-labelledby="list-detail-title" data-testid="list-detail" data-list-id={list.id}>
      <h2 id="list-detail-title">Entries of {list.name}</h2>
      {managed && (
        <p className="notice" data-testid="readonly-notice">
          This list is managed by your organisation. You can search and export it, but not change it.
        </p>
      )}
      {!managed && list.subscription && (
        <p className="notice">
          This list follows {list.subscription.url}; each refresh replaces its entries. Stop following it to
          edit entries.
        </p>
      )}
      <div className="row">
        <label className="field">
          Search in this list
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="entry-search"
          />
        </label>
        {editable && (
          <button type="button" onClick={() => onEdit('new')} data-testid="add-entry">
            Add entry
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close list
        </button>
      </div>
      {editable && editing && (
        <EntryForm
          key={editing}
          initial={editingEntry ? entryToDraft(editingEntry) : EMPTY_DRAFT}
          errors={errors}
          onSave={onSaveEntry}
          onCancel={() => onEdit(null)}
        />
      )}
      <p className="muted" role="status">
        {query
          ? `${found.total.toLocaleString('en')} of ${list.entries.length.toLocaleString('en')} entries match`
          : `${list.entries.length.toLocaleString('en')} entries`}
        {found.total > found.entries.length ? `; showing the first ${found.entries.length}` : ''}
      </p>
      <div className="scroll">
        <table className="table">
          <caption className="visually-hidden">Entries of {list.name}</caption>
          <thead>
            <tr>
              <th scope="col">Name and aliases</th>
              <th scope="col">Type</th>
              <th scope="col">Countries</th>
              <th scope="col">Notes</th>
              {editable && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {found.entries.map((e) => (
              <tr key={e.id} data-testid="entry">
                <td>
                  <strong data-testid="entry-primary">{e.names[0]}</strong>
                  {e.names.length > 1 && <div className="muted">aka {e.names.slice(1).join('; ')}</div>}
                  {e.url && (
                    <div>
                      <a href={e.url} target="_blank" rel="noreferrer noopener">
                        Reference
                      </a>
                    </div>
                  )}
                </td>
                <td>{e.type ?? ''}</td>
                <td>{(e.countries ?? []).join(', ')}</td>
                <td>
                  {e.programs?.length ? <div className="muted">{e.programs.join(', ')}</div> : null}
                  {e.notes}
                </td>
                {editable && (
                  <td>
                    <div className="actions">
                      <button type="button" onClick={() => onEdit(e.id)}>
                        Edit<span className="visually-hidden"> {e.names[0]}</span>
                      </button>
                      <button type="button" onClick={() => onRemoveEntry(e.id)}>
                        Remove<span className="visually-hidden"> {e.names[0]}</span>
                      </button>
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
