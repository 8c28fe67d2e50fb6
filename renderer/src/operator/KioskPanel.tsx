/**
 * The operator console's "Kiosk playlist" panel (README, "Kiosk demos"): the scenarios a kiosk demo runs in turn,
 * the pause after each run, and the PIN that guards leaving kiosk mode. Everything here is remembered for the next
 * launch (the settings file it names); a scenario that cannot run is listed with its path and the reason, and the
 * demo skips it. The host validates and decides; this panel shows what it answers.
 */
import { useEffect, useId, useState } from 'react';
import type { JSX } from 'react';
import type { KioskState, OperatorResult } from '../../../shared/contract';
import { getApi } from '../bridge';
import '../styles/kioskPanel.css';

interface Draft {
  entries: string[];
  looping: boolean;
  loopSeconds: string;
}

function draftOf(state: KioskState): Draft {
  return {
    entries: state.playlist.map((item) => item.id),
    // A new playlist loops: without a pause it would never go past its first scenario.
    looping: state.loopSeconds !== null || state.playlist.length === 0,
    loopSeconds: String(state.loopSeconds ?? 30),
  };
}

export function KioskPanel(): JSX.Element {
  const id = useId();
  const [state, setState] = useState<KioskState | null>(null);
  const [draft, setDraft] = useState<Draft>({ entries: [], looping: true, loopSeconds: '30' });
  const [adding, setAdding] = useState('');
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean }>({ text: '', error: false });

  const take = (result: OperatorResult<KioskState>, done: string): void => {
    if (!result.ok) {
      setMessage({ text: `Not done: ${result.error}`, error: true });
      return;
    }
    setState(result.value);
    setDraft(draftOf(result.value));
    setMessage({ text: done, error: false });
  };

  useEffect(() => {
    let live = true;
    void getApi()
      .kioskState()
      .then((result) => {
        if (!live) return;
        if (result.ok) {
          setState(result.value);
          setDraft(draftOf(result.value));
        } else setMessage({ text: `The kiosk settings cannot be read: ${result.error}`, error: true });
      });
    return () => {
      live = false;
    };
  }, []);

  const labelOf = (entry: string): string =>
    state?.playlist.find((item) => item.id === entry)?.label ??
    state?.choices.find((choice) => choice.id === entry)?.label ??
    entry;
  const problemOf = (entry: string): string | null =>
    state?.playlist.find((item) => item.id === entry)?.problem ?? null;
  const move = (from: number, to: number): void => {
    const entries = [...draft.entries];
    const [moved] = entries.splice(from, 1);
    if (moved === undefined || to < 0 || to > entries.length) return;
    entries.splice(to, 0, moved);
    setDraft({ ...draft, entries });
  };
  const loopValue = Number(draft.loopSeconds);
  const loopProblem =
    draft.looping && !(Number.isFinite(loopValue) && loopValue >= 1 && loopValue <= 86_400)
      ? 'The pause is from 1 to 86400 seconds.'
      : null;
  const save = (playNow: boolean): void => {
    if (loopProblem) return;
    void getApi()
      .setKioskPlaylist(draft.entries, draft.looping ? loopValue : null, playNow)
      .then((result) => {
        const skipped = result.ok ? result.value.playlist.filter((item) => item.problem).length : 0;
        take(
          result,
          `${playNow ? 'Playing the playlist from the first scenario' : 'Playlist saved'}${
            skipped > 0 ? `; ${skipped} scenario${skipped === 1 ? ' is' : 's are'} skipped (see why below)` : ''
          }.`,
        );
      });
  };
  const pinValid = /^[0-9]{4,12}$/.test(pin);

  return (
    <section className="operator-card kiosk-panel" aria-labelledby={`${id}-title`} data-testid="kiosk-panel">
      <div className="op-section-head">
        <h2 id={`${id}-title`}>Kiosk playlist</h2>
      </div>
      {state?.notices.map((notice) => (
        <p key={notice} className="op-problem kiosk-panel-notice" role="alert">
          {notice}
        </p>
      ))}
      <p className="op-help">
        {state?.kioskMode ? 'The device screen is in kiosk mode.' : 'Used by kiosk launches (--kiosk).'} Remembered in{' '}
        <code>{state?.settingsFile ?? '…'}</code>.
      </p>

      <ol className="kiosk-panel-list" aria-label="Scenarios in the playlist">
        {draft.entries.map((entry, index) => {
          const problem = problemOf(entry);
          const playing = state?.playing === index && state.playlist[index]?.id === entry;
          return (
            <li key={`${entry}-${index}`} data-problem={problem ? 'true' : undefined}>
              <span className="kiosk-panel-label">
                {labelOf(entry)}
                {playing && <strong className="kiosk-panel-playing"> (on the device screen now)</strong>}
              </span>
              {problem && <span className="op-problem kiosk-panel-problem">Skipped: {problem}</span>}
              <span className="kiosk-panel-row-actions">
                <button
                  type="button"
                  className="op-button"
                  disabled={index === 0}
                  aria-label={`Move ${labelOf(entry)} up`}
                  onClick={() => move(index, index - 1)}
                >
                  Up
                </button>
                <button
                  type="button"
                  className="op-button"
                  disabled={index === draft.entries.length - 1}
                  aria-label={`Move ${labelOf(entry)} down`}
                  onClick={() => move(index, index + 1)}
                >
                  Down
                </button>
                <button
                  type="button"
                  className="op-button"
                  aria-label={`Remove ${labelOf(entry)}`}
                  onClick={() => setDraft({ ...draft, entries: draft.entries.filter((_, at) => at !== index) })}
                >
                  Remove
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {draft.entries.length === 0 && <p className="op-help">No scenarios yet: a kiosk runs its one scenario.</p>}

      <div className="kiosk-panel-row">
        <label className="operator-field">
          <span>Add</span>
          <select value={adding} onChange={(event) => setAdding(event.target.value)}>
            <option value="" disabled>
              A scenario…
            </option>
            {state?.choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="op-button"
          disabled={adding === ''}
          onClick={() => setDraft({ ...draft, entries: [...draft.entries, adding] })}
        >
          Add to playlist
        </button>
      </div>

      <div className="kiosk-panel-row">
        <label className="op-check">
          <input
            type="checkbox"
            checked={draft.looping}
            onChange={(event) => setDraft({ ...draft, looping: event.target.checked })}
          />
          <span>Start the next run after</span>
        </label>
        <label className="operator-field">
          <input
            type="number"
            min={1}
            max={86400}
            step={1}
            className="kiosk-panel-seconds"
            disabled={!draft.looping}
            value={draft.loopSeconds}
            aria-label="Pause after each run, in seconds"
            aria-invalid={loopProblem !== null || undefined}
            onChange={(event) => setDraft({ ...draft, loopSeconds: event.target.value })}
          />
          <span>seconds</span>
        </label>
      </div>
      {loopProblem && (
        <p className="op-problem" role="alert">
          {loopProblem}
        </p>
      )}
      <div className="kiosk-panel-row">
        <button
          type="button"
          className="op-button"
          disabled={!state || loopProblem !== null}
          onClick={() => save(false)}
        >
          Save
        </button>
        <button
          type="button"
          className="op-button op-primary"
          disabled={!state || loopProblem !== null || draft.entries.length === 0}
          onClick={() => save(true)}
        >
          Save and play from the first
        </button>
      </div>

      <h3>Kiosk PIN</h3>
      <p className="op-help" data-testid="kiosk-pin-state">
        {state?.pinSet
          ? 'A PIN is set: Ctrl+Alt+Shift+Q on the device screen asks for it before leaving kiosk mode.'
          : 'No PIN: Ctrl+Alt+Shift+Q leaves kiosk mode at once.'}
      </p>
      <div className="kiosk-panel-row">
        <label className="operator-field">
          <span>New PIN</span>
          <input
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={12}
            value={pin}
            aria-describedby={`${id}-pin-help`}
            onChange={(event) => setPin(event.target.value.replace(/[^0-9]/g, ''))}
          />
        </label>
        <button
          type="button"
          className="op-button"
          disabled={!pinValid}
          onClick={() =>
            void getApi()
              .setKioskPin(pin)
              .then((result) => {
                setPin('');
                take(result, 'PIN set (only its hash is kept).');
              })
          }
        >
          Set PIN
        </button>
        <button
          type="button"
          className="op-button"
          disabled={!state?.pinSet}
          onClick={() =>
            void getApi()
              .setKioskPin(null)
              .then((result) => take(result, 'PIN removed.'))
          }
        >
          Remove PIN
        </button>
      </div>
      <p id={`${id}-pin-help`} className="op-help">
        4 to 12 digits.
      </p>
      <p className="kiosk-panel-message" role="status" data-error={message.error ? 'true' : undefined}>
        {message.text}
      </p>
    </section>
  );
}
