import { useState } from 'react';
import { SubscriptionFormat } from '@/lib/storage/managed';
import { FORMAT_LABELS } from '@/lib/watchlists/import';

export interface SubscribeRequest {
  name: string;
  url: string;
  format: SubscriptionFormat;
  everyHours: number;
}

export interface SubscribeFormProps {
  busy: boolean;
  message?: { tone: 'ok' | 'error'; text: string };
  onSubscribe(request: SubscribeRequest): void;
}

export const CSL_CSV_URL =
  'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv';

/** Follow a URL: DealScreen asks for that one origin, downloads now, then on a schedule. */
export function SubscribeForm({ busy, message, onSubscribe }: SubscribeFormProps) {
  const [req, setReq] = useState<SubscribeRequest>({
    name: 'Consolidated Screening List',
    url: CSL_CSV_URL,
    format: 'csl-csv',
    everyHours: 24,
  });
  return (
    <section aria-labelledby="subscribe-title">
      <h2 id="subscribe-title">Follow a list at a URL</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubscribe(req);
        }}
      >
        <p className="muted">
          DealScreen asks your permission for that one site, downloads the list now and refreshes it on the
          schedule below. A failed or malformed download keeps the last good copy.
        </p>
        <div className="row">
          <label className="field">
            List name
            <input
              type="text"
              required
              value={req.name}
              onChange={(e) => setReq({ ...req, name: e.target.value })}
              data-testid="subscribe-name"
            />
          </label>
          <label className="field">
            URL
            <input
              type="url"
              required
              value={req.url}
              onChange={(e) => setReq({ ...req, url: e.target.value })}
              data-testid="subscribe-url"
              size={50}
            />
          </label>
          <label className="field">
            Format
            <select
              value={req.format}
              onChange={(e) => setReq({ ...req, format: e.target.value as SubscriptionFormat })}
              data-testid="subscribe-format"
            >
              {SubscriptionFormat.options.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Refresh every (hours)
            <input
              type="number"
              min={1}
              max={2160}
              required
              value={req.everyHours}
              onChange={(e) => setReq({ ...req, everyHours: Number(e.target.value) })}
            />
          </label>
          <button type="submit" disabled={busy} data-testid="subscribe-submit">
            {busy ? 'Downloading…' : 'Follow'}
          </button>
        </div>
        {message && (
          <p
            className="notice"
            data-tone={message.tone}
            role={message.tone === 'error' ? 'alert' : 'status'}
            data-testid="subscribe-message"
          >
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
