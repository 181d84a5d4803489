import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { PLATFORM_IDS, PLATFORM_LABELS } from '@/utils/platforms/hosts';
import { DEFAULT_HOTKEY, getSettings, saveSettings, type Settings } from '@/utils/settings';

const MODIFIER_KEYS = new Set(['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'OS']);

/** "Ctrl+Shift+Space" from a key event; null while only modifiers are held or none is held. */
export function hotkeyFromEvent(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey'>): string | null {
  if (MODIFIER_KEYS.has(e.key)) return null;
  const mods = [e.ctrlKey && 'Ctrl', e.altKey && 'Alt', e.shiftKey && 'Shift', e.metaKey && 'Meta'].filter(Boolean) as string[];
  if (mods.length === 0) return null; // a bare key would fire while typing
  let key = e.code.startsWith('Key') ? e.code.slice(3) : e.code.startsWith('Digit') ? e.code.slice(5) : e.key;
  if (key === ' ' || e.code === 'Space') key = 'Space';
  if (key.length === 1) key = key.toUpperCase();
  return [...mods, key].join('+');
}

export function SettingsView() {
  const ids = useId();
  const [settings, setSettings] = useState<Settings>();
  const [recording, setRecording] = useState(false);
  const [status, setStatus] = useState('');
  const [slaText, setSlaText] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void getSettings().then((s) => {
      setSettings(s);
      setSlaText(String(s.slaMinutes));
    });
  }, []);
  if (!settings) return <p role="status">Loading settings…</p>;

  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setSettings({ ...settings, [key]: value });
    setStatus('');
  };

  const sla = Number(slaText);
  const slaError = !/^\d+$/.test(slaText.trim()) || sla < 1 || sla > 1440 ? 'Enter whole minutes from 1 to 1440.' : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (slaError) {
      setError(slaError);
      document.getElementById(`${ids}-sla`)?.focus();
      return;
    }
    setError(null);
    try {
      const saved = await saveSettings({ ...settings, slaMinutes: sla, myName: settings.myName.trim() });
      setSettings(saved);
      setStatus('Settings saved.');
    } catch (err) {
      setError(`Could not save: ${(err as Error).message}`);
    }
  };

  const onHotkeyKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!recording) return;
    if (e.key === 'Tab') return; // keep the keyboard path out of the recorder
    e.preventDefault();
    if (e.key === 'Escape') {
      setRecording(false);
      return;
    }
    const combo = hotkeyFromEvent(e);
    if (combo) {
      set('hotkey', combo);
      setRecording(false);
    }
  };

  return (
    <form className="settings" onSubmit={submit} aria-label="Settings" noValidate>
      <div className="field">
        <label htmlFor={`${ids}-name`}>Your name</label>
        <input id={`${ids}-name`} value={settings.myName} maxLength={100} onChange={(e) => set('myName', e.target.value)} aria-describedby={`${ids}-name-hint`} />
        <p id={`${ids}-name-hint`} className="muted small">
          Used for {'{{my_name}}'} in saved replies.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-sla`}>Reply-time target (minutes)</label>
        <input
          id={`${ids}-sla`}
          inputMode="numeric"
          value={slaText}
          onChange={(e) => {
            setSlaText(e.target.value);
            setStatus('');
          }}
          aria-invalid={slaError ? true : undefined}
          aria-describedby={`${ids}-sla-hint${slaError ? ` ${ids}-sla-error` : ''}`}
        />
        <p id={`${ids}-sla-hint`} className="muted small">
          Conversations waiting longer are overdue; “due soon” at half of it.
        </p>
        {slaError ? (
          <p id={`${ids}-sla-error`} className="field-error">
            {slaError}
          </p>
        ) : null}
      </div>
      <div className="field">
        <span id={`${ids}-hotkey-label`}>Overlay hotkey</span>
        <div className="hotkey">
          <kbd id={`${ids}-hotkey-value`}>{settings.hotkey}</kbd>
          <button
            type="button"
            aria-labelledby={`${ids}-hotkey-label ${ids}-hotkey-value`}
            aria-describedby={`${ids}-hotkey-hint`}
            aria-pressed={recording}
            onClick={() => setRecording((r) => !r)}
            onKeyDown={onHotkeyKey}
            onBlur={() => setRecording(false)}
          >
            {recording ? 'Press the keys…' : 'Record hotkey'}
          </button>
          <button type="button" onClick={() => set('hotkey', DEFAULT_HOTKEY)} disabled={settings.hotkey === DEFAULT_HOTKEY}>
            Reset to {DEFAULT_HOTKEY}
          </button>
        </div>
        <p id={`${ids}-hotkey-hint`} className="muted small" aria-live="polite">
          {recording ? 'Press a combination with Ctrl, Alt, Shift or Meta; Escape cancels.' : 'Opens saved replies while a message box has focus.'}
        </p>
      </div>
      <fieldset className="field">
        <legend>Enabled platforms</legend>
        {PLATFORM_IDS.map((p) => (
          <label key={p} className="check">
            <input
              type="checkbox"
              checked={settings.enabledPlatforms.includes(p)}
              onChange={(e) =>
                set('enabledPlatforms', e.target.checked ? PLATFORM_IDS.filter((x) => x === p || settings.enabledPlatforms.includes(x)) : settings.enabledPlatforms.filter((x) => x !== p))
              }
            />
            {PLATFORM_LABELS[p]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label className="check">
          <input type="checkbox" checked={settings.storePreviews} onChange={(e) => set('storePreviews', e.target.checked)} />
          Store message previews
        </label>
        <label className="check">
          <input type="checkbox" checked={settings.notifications} onChange={(e) => set('notifications', e.target.checked)} />
          Notifications
        </label>
      </div>
      {error ? <p role="alert" className="field-error">{error}</p> : null}
      <div className="actions">
        <button type="submit" className="primary">
          Save settings
        </button>
        <span role="status">{status}</span>
      </div>
    </form>
  );
}
