import { useId, useRef, useState } from 'react';
import type { DismissalState } from '@/lib/record/dismissals';
import { DISMISS_REASONS, type DismissReason } from '@/lib/record/model';
import { when } from './labels';

export interface DismissActions {
  onDismiss(reason: DismissReason, note: string): void;
  onUndo(): void;
}

/** "Not this entity" on a name match: a reason, remembered; shown as dismissed, never hidden. */
export function DismissControl({ state, actions }: { state: DismissalState; actions: DismissActions }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<DismissReason>('different-country');
  const [note, setNote] = useState('');
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId();

  if (state.state === 'dismissed') {
    const d = state.dismissal;
    return (
      <div className="dismissed-note" data-testid="dismissal" role="note">
        <p>
          <strong>Marked as not this entity</strong>
          {d.by ? ` by ${d.by}` : ''} on {when(d.at)}: {DISMISS_REASONS[d.reason]}
          {d.note ? `. “${d.note}”` : ''}
        </p>
        <p className="small" data-testid="not-counted">
          Not counted in the deal risk or the toolbar badge while it is marked.
        </p>
        <button type="button" data-testid="undo-dismiss" onClick={actions.onUndo}>
          Undo: treat as a possible match
        </button>
      </div>
    );
  }

  const close = () => {
    setOpen(false);
    queueMicrotask(() => opener.current?.focus());
  };

  return (
    <div>
      {state.state === 'raised-again' && (
        <p className="raised-again" data-testid="raised-again" role="note">
          <strong>Raised again.</strong> This match was marked as not this entity on{' '}
          {when(state.dismissal.at)}
          {state.dismissal.by ? ` by ${state.dismissal.by}` : ''} ({DISMISS_REASONS[state.dismissal.reason]}),
          but the list entry has changed since. It counts toward the deal risk again: check the match again.
        </p>
      )}
      {!open ? (
        <button
          ref={opener}
          type="button"
          data-testid="dismiss-button"
          aria-expanded={false}
          onClick={() => setOpen(true)}
        >
          Not this entity…
        </button>
      ) : (
        <form
          className="dismiss-form"
          aria-label="Mark as not this entity"
          onSubmit={(e) => {
            e.preventDefault();
            actions.onDismiss(reason, note);
            setOpen(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <fieldset>
            <legend>Why is it not this entity?</legend>
            {(Object.keys(DISMISS_REASONS) as DismissReason[]).map((r, i) => (
              <label key={r} className="choice">
                <input
                  type="radio"
                  name={`${id}-reason`}
                  value={r}
                  checked={reason === r}
                  // biome-ignore lint/a11y/noAutofocus: focus moves into the form the rep just opened
                  autoFocus={i === 0}
                  data-testid="dismiss-reason"
                  onChange={() => setReason(r)}
                />{' '}
                {DISMISS_REASONS[r]}
              </label>
            ))}
          </fieldset>
          <label htmlFor={`${id}-note`}>What tells them apart? (kept in the record)</label>
          <textarea
            id={`${id}-note`}
            data-testid="dismiss-note"
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="row">
            <button type="submit" data-testid="dismiss-confirm">
              Mark as not this entity
            </button>
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
