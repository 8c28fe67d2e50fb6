/**
 * The operator console: what the trainer or reviewer uses to drive the run shown on the device screen.
 */
import { useState } from 'react';
import type { JSX } from 'react';
import type { CommandResult } from '../../../shared/contract';
import type { Look, Snapshot } from '../../../shared/snapshot';
import type { WindowsRelease } from '../../../shared/esp';
import { ACTION_LABELS } from '../../../shared/esp';
import { getApi } from '../bridge';
import { JOIN_LABELS, MODE_LABELS, OUTCOME_LABELS, SCREEN_LABELS, TARGET_LABELS, formatElapsed } from '../format';
import { hrefFor } from '../route';
import '../styles/operator.css';

const SPEEDS = [1, 10, 60, 120, 600] as const;

/** The operator picks the Windows release; its look and features follow (no Windows 10 look on a Windows 11 flow). */
const RELEASES: readonly { release: WindowsRelease; look: Look; label: string }[] = [
  { release: '10', look: 'windows10', label: 'Windows 10 (Inclusive Blue look, Collect logs)' },
  { release: '11', look: 'windows11', label: 'Windows 11 (Lite White look, diagnostics page, quality updates)' },
];

const STATUS_LABELS: Record<string, string> = {
  notStarted: 'Not started',
  identifying: 'Identifying',
  inProgress: 'In progress',
  succeeded: 'Succeeded',
  failed: 'Failed',
  previousStepFailed: 'Previous step failed',
  notRun: 'Not run',
};

function runState(clock: Snapshot['clock']): string {
  if (clock.finished) return 'Finished';
  return clock.paused ? 'Paused' : 'Running';
}

export function OperatorConsole({ snapshot }: { snapshot: Snapshot }): JSX.Element {
  const { scenario, clock, phases, look, errorScreen } = snapshot;
  const [message, setMessage] = useState('');
  const speeds: number[] = SPEEDS.includes(clock.speed as (typeof SPEEDS)[number])
    ? [...SPEEDS]
    : [...SPEEDS, clock.speed].sort((a, b) => a - b);

  const run = (what: string, command: () => Promise<CommandResult>): void => {
    command().then(
      (result) => setMessage(result.ok ? `${what}: done` : `${what} refused: ${result.error}`),
      (error: unknown) => setMessage(`${what} failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  };

  return (
    <main data-screen="operator" data-look={look} className="operator">
      <header className="operator-header">
        <h1>ESP Simulator operator console</h1>
        <a className="operator-link" href={hrefFor('device')}>
          Device screen
        </a>
      </header>

      <div className="operator-grid">
        <section className="operator-card" aria-labelledby="op-scenario">
          <h2 id="op-scenario">Scenario</h2>
          <p className="operator-scenario-name" data-testid="op-scenario-name">
            {scenario.name}
          </p>
          <p className="operator-muted">{scenario.description}</p>
          <dl className="operator-facts">
            <dt>Windows</dt>
            <dd>Windows {scenario.windowsRelease}</dd>
            <dt>Mode</dt>
            <dd>{MODE_LABELS[scenario.mode] ?? scenario.mode}</dd>
            <dt>Join</dt>
            <dd>{JOIN_LABELS[scenario.join] ?? scenario.join}</dd>
            <dt>Seed</dt>
            <dd>{scenario.seed}</dd>
            <dt>ESP profile</dt>
            <dd>
              {snapshot.profile
                ? `${snapshot.profile.displayName} (${TARGET_LABELS[snapshot.profile.targetedBy]})`
                : 'none'}
            </dd>
          </dl>
        </section>

        <section className="operator-card" aria-labelledby="op-run">
          <h2 id="op-run">Run</h2>
          <dl className="operator-facts">
            <dt>State</dt>
            <dd data-testid="op-run-state">{runState(clock)}</dd>
            <dt>Simulated time</dt>
            <dd data-testid="op-elapsed" className="operator-time">
              {formatElapsed(clock.elapsedSeconds)}
            </dd>
            <dt>Outcome</dt>
            <dd data-testid="op-outcome">{snapshot.outcome ? OUTCOME_LABELS[snapshot.outcome] : 'none yet'}</dd>
            <dt>Screen</dt>
            <dd data-testid="op-screen" data-screen={snapshot.screen.kind}>
              {SCREEN_LABELS[snapshot.screen.kind]}
            </dd>
          </dl>

          <div className="operator-controls">
            {clock.paused ? (
              <button
                type="button"
                className="op-button op-primary"
                onClick={() => run('Resume', () => getApi().resume())}
              >
                Resume
              </button>
            ) : (
              <button
                type="button"
                className="op-button"
                disabled={clock.finished}
                onClick={() => run('Pause', () => getApi().pause())}
              >
                Pause
              </button>
            )}
            <button type="button" className="op-button" onClick={() => run('Restart', () => getApi().restart())}>
              Restart
            </button>
            <label className="operator-field">
              <span>Speed</span>
              <select
                value={String(clock.speed)}
                onChange={(event) => {
                  const speed = Number(event.target.value);
                  run('Speed', () => getApi().setSpeed(speed));
                }}
              >
                {speeds.map((speed) => (
                  <option key={speed} value={String(speed)}>
                    {speed}×
                  </option>
                ))}
              </select>
            </label>
          </div>

          <label className="operator-field operator-jump">
            <span>Jump to</span>
            <select
              value=""
              onChange={(event) => {
                const seconds = Number(event.target.value);
                // Reviewers jump to look at a state: pause there so it stays on screen.
                run('Jump', async () => {
                  const paused = await getApi().pause();
                  return paused.ok ? getApi().seek(seconds) : paused;
                });
              }}
            >
              <option value="" disabled>
                A moment of this run…
              </option>
              {snapshot.moments.map((moment) => (
                <option key={`${moment.t}-${moment.label}`} value={String(moment.t)}>
                  {formatElapsed(moment.t)} {moment.label}
                </option>
              ))}
            </select>
          </label>

          <fieldset className="operator-looks">
            <legend>Windows release</legend>
            {RELEASES.map((option) => (
              <label key={option.release} className="operator-radio">
                <input
                  type="radio"
                  name="release"
                  value={option.release}
                  checked={look === option.look}
                  onChange={() => run('Windows release', () => getApi().setRelease(option.release))}
                />
                {option.label}
              </label>
            ))}
          </fieldset>
          <p className="operator-message" role="status" data-testid="op-message">
            {message}
          </p>
        </section>

        <section className="operator-card operator-wide" aria-labelledby="op-phases">
          <h2 id="op-phases">Phases</h2>
          <ol className="operator-phases">
            {phases.map((phase) => (
              <li key={phase.id} data-testid={`op-phase-${phase.id}`} data-status={phase.status}>
                <div className="operator-phase-head">
                  <span className="operator-phase-title">{phase.title}</span>
                  <span className={`status-chip status-${phase.status}`}>
                    {STATUS_LABELS[phase.status] ?? phase.status}
                  </span>
                </div>
                <ul className="operator-items">
                  {phase.items.map((item) => (
                    <li key={item.id} data-status={item.status}>
                      <span className={`status-dot status-${item.status}`} aria-hidden="true" />
                      {item.text}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          {errorScreen && (
            <div className="operator-error" data-testid="op-error">
              <p>
                <strong>Error screen:</strong> {errorScreen.message}
              </p>
              <p>Offers: {errorScreen.actions.map((a) => ACTION_LABELS[a]).join(', ') || 'nothing'}</p>
            </div>
          )}
          {snapshot.announcement && (
            <p className="operator-muted">
              <strong>Latest:</strong> {snapshot.announcement}
            </p>
          )}
        </section>
      </div>
    </main>
  );
}
