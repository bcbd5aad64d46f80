import { useId, useState } from 'react';
import { EntryType } from '@/lib/model';
import type { DraftErrors, EntryDraft } from '@/lib/watchlists/edit';

export interface EntryFormProps {
  initial: EntryDraft;
  errors: DraftErrors;
  onSave(draft: EntryDraft): void;
  onCancel(): void;
}

/** Add or edit one entry: name, aliases, type, countries, notes, reference link. */
export function EntryForm({ initial, errors, onSave, onCancel }: EntryFormProps) {
  const [draft, setDraft] = useState<EntryDraft>(initial);
  const id = useId();
  const set = (k: keyof EntryDraft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  const err = (k: keyof DraftErrors) =>
    errors[k] ? (
      <span className="error" id={`${id}-${k}-err`}>
        {errors[k]}
      </span>
    ) : null;
  const described = (k: keyof DraftErrors) => (errors[k] ? `${id}-${k}-err` : undefined);
  return (
    <form
      data-testid="entry-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(draft);
      }}
    >
      <fieldset>
        <legend>{initial.id ? 'Edit entry' : 'New entry'}</legend>
        <div className="row">
          <label className="field">
            Name
            <input
              type="text"
              value={draft.name}
              onChange={set('name')}
              required
              aria-invalid={!!errors.name}
              aria-describedby={described('name')}
              data-testid="entry-name"
            />
            {err('name')}
          </label>
          <label className="field">
            Type
            <select value={draft.type} onChange={set('type')} aria-invalid={!!errors.type}>
              <option value="">(not given)</option>
              {EntryType.options.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
            {err('type')}
          </label>
          <label className="field">
            Countries (codes or names, comma-separated)
            <input
              type="text"
              value={draft.countries}
              onChange={set('countries')}
              aria-invalid={!!errors.countries}
              aria-describedby={described('countries')}
              data-testid="entry-countries"
            />
            {err('countries')}
          </label>
        </div>
        <label className="field">
          Aliases (one per line)
          <textarea rows={3} value={draft.aliases} onChange={set('aliases')} data-testid="entry-aliases" />
        </label>
        <label className="field">
          Notes
          <textarea rows={2} value={draft.notes} onChange={set('notes')} />
        </label>
        <label className="field">
          Reference link
          <input
            type="url"
            value={draft.url}
            onChange={set('url')}
            aria-invalid={!!errors.url}
            aria-describedby={described('url')}
            placeholder="https://"
          />
          {err('url')}
        </label>
        <div className="actions">
          <button type="submit" className="primary">
            Save entry
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </fieldset>
    </form>
  );
}
