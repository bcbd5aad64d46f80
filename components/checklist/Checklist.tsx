import { useEffect, useId, useState } from 'react';
import { type ChecklistGroup, type ChecklistItem, GROUP_TITLES, progressOf } from '@/lib/record/checklist';
import { ANSWER_LABELS, type Answer } from '@/lib/record/model';
import { when } from '../findings/labels';

export interface ChecklistActions {
  onAnswer(id: string, answer: Answer, note: string): void;
  onReviewer(name: string): void;
}

export interface ChecklistData {
  items: ChecklistItem[];
  reviewer: string;
}

const GROUPS: ChecklistGroup[] = ['next', 'guidance', 'kyc'];
const ANSWERS: Answer[] = ['yes', 'no', 'not-yet'];

/** The deal's due-diligence questions, answered yes / no / not yet, with a note and who answered when. */
export function Checklist({ data, actions }: { data: ChecklistData; actions: ChecklistActions }) {
  const progress = progressOf(data.items);
  return (
    <section id="checklist" className="checklist" aria-labelledby="checklist-title" data-testid="checklist">
      <h2 id="checklist-title">Due-diligence checklist</h2>
      {data.items.length === 0 ? (
        <p className="muted">No questions for this deal: the findings raise none.</p>
      ) : (
        <>
          <p className="muted" data-testid="checklist-progress">
            {progress.total - progress.open} of {progress.total} answered · kept with this deal, in every tab
            and on later visits
          </p>
          <ReviewerName name={data.reviewer} onChange={actions.onReviewer} />
          {GROUPS.map((group) => {
            const items = data.items.filter((i) => i.group === group);
            if (items.length === 0) return null;
            return (
              <section key={group} aria-labelledby={`group-${group}`}>
                <h3 id={`group-${group}`}>{GROUP_TITLES[group]}</h3>
                <ol className="plain">
                  {items.map((item) => (
                    <ChecklistRow key={item.id} item={item} actions={actions} />
                  ))}
                </ol>
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}

function ReviewerName({ name, onChange }: { name: string; onChange(name: string): void }) {
  const [value, setValue] = useState(name);
  useEffect(() => setValue(name), [name]);
  const id = useId();
  return (
    <div className="reviewer">
      <label htmlFor={id}>Your name, for the record</label>
      <input
        id={id}
        data-testid="reviewer-name"
        type="text"
        autoComplete="name"
        maxLength={200}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => value.trim() !== name && onChange(value.trim())}
      />
    </div>
  );
}

function ChecklistRow({ item, actions }: { item: ChecklistItem; actions: ChecklistActions }) {
  const id = useId();
  const stored = item.answer?.note ?? '';
  const [note, setNote] = useState(stored);
  // Another tab (or the record page) may change the note: follow it unless the rep is typing here.
  useEffect(() => setNote(stored), [stored]);
  // Shown at once; the stored answer (written by the panel, or in another tab) follows and wins.
  const storedAnswer = item.answer?.answer;
  const [current, setCurrent] = useState(storedAnswer);
  useEffect(() => setCurrent(storedAnswer), [storedAnswer]);
  return (
    <li className="check" data-testid="checklist-item" data-id={item.id} data-answer={current ?? ''}>
      <fieldset>
        <legend>
          <span data-testid="prompt">{item.text}</span>
          {item.step && <span className="step muted"> {item.step}</span>}
        </legend>
        <div className="answers">
          {ANSWERS.map((a) => (
            <label key={a} className="choice">
              <input
                type="radio"
                name={`${id}-answer`}
                value={a}
                checked={current === a}
                data-testid={`answer-${a}`}
                onChange={() => {
                  setCurrent(a);
                  actions.onAnswer(item.id, a, note);
                }}
              />{' '}
              {ANSWER_LABELS[a]}
            </label>
          ))}
        </div>
        <label htmlFor={`${id}-note`} className="note-label">
          Note
        </label>
        <textarea
          id={`${id}-note`}
          data-testid="answer-note"
          rows={2}
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => note !== stored && actions.onAnswer(item.id, current ?? 'not-yet', note)}
        />
        <p className="muted small" data-testid="answered-by">
          {item.answer
            ? `${ANSWER_LABELS[item.answer.answer]}${item.answer.by ? `, by ${item.answer.by}` : ''}, ${when(item.answer.at)}`
            : 'Not answered yet'}
        </p>
        {item.from.length > 0 && (
          <details className="raised-by small">
            <summary>
              Raised by {item.from.length === 1 ? 'one finding' : `${item.from.length} findings`}
            </summary>
            <ul>
              {item.from.map((f) => (
                <li key={f.id}>{f.title}</li>
              ))}
            </ul>
          </details>
        )}
      </fieldset>
    </li>
  );
}
