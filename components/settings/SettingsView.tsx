import type { Settings } from '@/lib/storage/items';
import type { SettingsField } from '@/lib/storage/managed';
import { type Choice, toggle } from '@/lib/watchlists/settings';

export interface SettingsViewProps {
  settings: Settings;
  locked: readonly SettingsField[];
  defaultThreshold: number;
  categories: readonly Choice[];
  sites: readonly { id: string; name: string }[];
  saved?: string;
  /** The fields that changed (merged into the latest stored settings, so quick changes are not lost). */
  onChange(patch: Partial<Settings>): void;
  onReset(): void;
}

const LOCK_NOTE = ' (set by your organisation)';

/** Match threshold, rule categories and CRM sites, with defaults and a reset. */
export function SettingsView(props: SettingsViewProps) {
  const { settings, locked } = props;
  const isLocked = (f: SettingsField) => locked.includes(f);
  const threshold = settings.threshold ?? props.defaultThreshold;
  const groups = [...new Set(props.categories.map((c) => c.group))];
  return (
    <section aria-labelledby="settings-title" data-testid="settings">
      <h2 id="settings-title">Settings</h2>
      <fieldset disabled={isLocked('threshold')}>
        <legend>Name matching{isLocked('threshold') ? LOCK_NOTE : ''}</legend>
        <label className="field">
          <span>
            Match threshold: names scoring at least{' '}
            <output data-testid="threshold-value">{threshold.toFixed(2)}</output> are reported
            {settings.threshold === null ? ' (recommended default)' : ''}
          </span>
          <input
            type="range"
            min={0.5}
            max={1}
            step={0.01}
            value={threshold}
            onChange={(e) => props.onChange({ threshold: Number(e.target.value) })}
            data-testid="threshold"
          />
        </label>
        <p className="muted">
          Lower finds more spelling variants and more false alarms; higher misses more variants.
        </p>
        <button
          type="button"
          onClick={() => props.onChange({ threshold: null })}
          disabled={settings.threshold === null}
        >
          Use the recommended threshold ({props.defaultThreshold.toFixed(2)})
        </button>
      </fieldset>
      <fieldset disabled={isLocked('disabledCategories')}>
        <legend>Rule categories{isLocked('disabledCategories') ? LOCK_NOTE : ''}</legend>
        {groups.map((g) => (
          <fieldset key={g}>
            <legend>{g}</legend>
            {props.categories
              .filter((c) => c.group === g)
              .map((c) => (
                <label key={c.id} className="row">
                  <input
                    type="checkbox"
                    checked={!settings.disabledCategories.includes(c.id)}
                    onChange={(e) =>
                      props.onChange({
                        disabledCategories: toggle(settings.disabledCategories, c.id, e.target.checked),
                      })
                    }
                    data-testid="category-toggle"
                    data-category={c.id}
                  />
                  {c.label}
                </label>
              ))}
          </fieldset>
        ))}
      </fieldset>
      <fieldset disabled={isLocked('disabledSites')}>
        <legend>CRM sites screened automatically{isLocked('disabledSites') ? LOCK_NOTE : ''}</legend>
        {props.sites.map((s) => (
          <label key={s.id} className="row">
            <input
              type="checkbox"
              checked={!settings.disabledSites.includes(s.id)}
              onChange={(e) =>
                props.onChange({ disabledSites: toggle(settings.disabledSites, s.id, e.target.checked) })
              }
              data-testid="site-toggle"
              data-site={s.id}
            />
            {s.name}
          </label>
        ))}
        {settings.customDomains.length > 0 && (
          <p className="muted">Your own CRM addresses: {settings.customDomains.join(', ')}</p>
        )}
      </fieldset>
      <div className="actions">
        <button type="button" onClick={props.onReset} data-testid="settings-reset">
          Reset to defaults
        </button>
        {props.saved && (
          <span role="status" className="muted">
            {props.saved}
          </span>
        )}
      </div>
    </section>
  );
}
