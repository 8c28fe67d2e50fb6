/**
 * Run: Start, Pause, Step, Resume (from a held moment), Restart, the speed (1× to 600×), Jump to (the held moment
 * stays selected), the Windows release and the screens' language, where the run is, and the live timeline (the
 * record's events up to now, in people's words). Every message says what happened in people's words.
 */
import { useEffect, useRef } from 'react';
import type { JSX } from 'react';
import type { CommandResult } from '../../../../shared/contract';
import type { Language, WindowsRelease } from '../../../../shared/esp';
import { ACTION_LABELS, LANGUAGES } from '../../../../shared/esp';
import type { Look, Moment, Snapshot } from '../../../../shared/snapshot';
import { getApi } from '../../bridge';
import { JOIN_LABELS, MODE_LABELS, OUTCOME_LABELS, SCREEN_LABELS, TARGET_LABELS, formatElapsed } from '../../format';
import { Section } from '../components/Fields';
import { useNavStore } from '../store/navStore';
import { useRecordStore } from '../store/recordStore';
import { useRunStore } from '../store/runStore';

/** From real time to a 10-hour ESP in a minute. */
export const SPEEDS = [1, 2, 5, 10, 30, 60, 120, 300, 600] as const;

const RELEASES: readonly { release: WindowsRelease; look: Look; label: string }[] = [
  { release: '10', look: 'windows10', label: 'Windows 10 (Inclusive Blue look, Collect logs)' },
  { release: '11', look: 'windows11', label: 'Windows 11 (Lite White look, diagnostics page, quality updates)' },
];

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch', fr: 'Français' };

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
  if (clock.waitingToStart) return 'Waiting to start';
  if (clock.finished) return 'Finished';
  return clock.paused ? 'Paused' : 'Running';
}

/** The moment the device screen is held at: the one jumped to, while the run stays paused there. */
function heldMoment(snapshot: Snapshot, held: ReturnType<typeof useRunStore.getState>['held']): Moment | null {
  if (!held || held.runId !== snapshot.runId || !snapshot.clock.paused) return null;
  return Math.floor(held.t) === snapshot.clock.elapsedSeconds ? held : null;
}

function momentKey(moment: Moment): string {
  return `${moment.t}|${moment.label}`;
}

/** The Run page for the latest snapshot. */
export function RunPage({ snapshot }: { snapshot: Snapshot }): JSX.Element {
  const { scenario, clock, phases, look, errorScreen } = snapshot;
  const say = useNavStore((s) => s.say);
  const record = useRecordStore((s) => s.record);
  const heldRaw = useRunStore((s) => s.held);
  const hold = useRunStore((s) => s.hold);
  const release = useRunStore((s) => s.release);
  const held = heldMoment(snapshot, heldRaw);
  const speeds: number[] = (SPEEDS as readonly number[]).includes(clock.speed)
    ? [...SPEEDS]
    : [...SPEEDS, clock.speed].sort((a, b) => a - b);

  /** Sends a command; says `done()` in people's words, or why it was refused. */
  const run = (command: () => Promise<CommandResult>, done: () => Promise<string> | string): void => {
    command().then(
      async (result) => {
        if (result.ok) say(await done());
        else say(`Not done: ${result.error}`, true);
      },
      (error: unknown) => say(`Not done: ${error instanceof Error ? error.message : String(error)}`, true),
    );
  };
  /** Where the run is now, as `0:08:35 Desktop`. */
  const whereNow = async (): Promise<string> => {
    const now = await getApi().getSnapshot();
    return `${formatElapsed(now.clock.elapsedSeconds)} ${SCREEN_LABELS[now.screen.kind]}`;
  };

  const lines = (record?.runId === snapshot.runId ? record.timeline : []).filter((l) => l.t <= clock.elapsedSeconds);
  const timelineRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const list = timelineRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [lines.length]);

  return (
    <div className="operator-grid">
      <Section title="Run">
        <dl className="operator-facts">
          <dt>State</dt>
          <dd data-testid="op-run-state">{runState(clock)}</dd>
          <dt>Simulated time</dt>
          <dd data-testid="op-elapsed" className="operator-time">
            {formatElapsed(clock.elapsedSeconds)}
          </dd>
          <dt>Screen</dt>
          <dd data-testid="op-screen" data-screen={snapshot.screen.kind}>
            {SCREEN_LABELS[snapshot.screen.kind]}
          </dd>
          <dt>Outcome</dt>
          <dd data-testid="op-outcome">{snapshot.outcome ? OUTCOME_LABELS[snapshot.outcome] : 'none yet'}</dd>
        </dl>
        {clock.waitingToStart && (
          <p className="operator-muted">The run waits until the device screen is open, or until you press Start.</p>
        )}

        <div className="operator-controls">
          {clock.waitingToStart ? (
            <button
              type="button"
              className="op-button op-primary"
              onClick={() =>
                run(
                  () => getApi().start(),
                  () => `Started at ${clock.speed}×`,
                )
              }
            >
              Start
            </button>
          ) : clock.paused ? (
            <button
              type="button"
              className="op-button op-primary"
              onClick={() => {
                const from = formatElapsed(clock.elapsedSeconds);
                release();
                run(
                  () => getApi().resume(),
                  () => `Resumed from ${from}`,
                );
              }}
            >
              {held ? `Resume from ${formatElapsed(held.t)}` : 'Resume'}
            </button>
          ) : (
            <button
              type="button"
              className="op-button"
              disabled={clock.finished}
              onClick={() =>
                run(
                  () => getApi().pause(),
                  async () => `Paused at ${await whereNow()}`,
                )
              }
            >
              Pause
            </button>
          )}
          <button
            type="button"
            className="op-button"
            disabled={clock.finished && !clock.waitingToStart}
            onClick={() => {
              release();
              run(
                () => getApi().step(),
                async () => `Stepped to ${await whereNow()}`,
              );
            }}
          >
            Step to next event
          </button>
          <button
            type="button"
            className="op-button"
            onClick={() => {
              release();
              run(
                () => getApi().restart(),
                () => 'Restarted from the beginning',
              );
            }}
          >
            Restart
          </button>
          <label className="operator-field">
            <span>Speed</span>
            <select
              value={String(clock.speed)}
              onChange={(event) => {
                const speed = Number(event.target.value);
                run(
                  () => getApi().setSpeed(speed),
                  () => `Speed set to ${speed}×`,
                );
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
            value={held ? momentKey(held) : ''}
            onChange={(event) => {
              const moment = snapshot.moments.find((m) => momentKey(m) === event.target.value);
              if (!moment) return;
              // Reviewers jump to look at a state: pause there so it stays on screen.
              hold(moment, snapshot.runId);
              run(
                async () => {
                  const paused = await getApi().pause();
                  return paused.ok ? getApi().seek(moment.t) : paused;
                },
                () => `Jumped to ${formatElapsed(moment.t)} ${moment.label}`,
              );
            }}
          >
            <option value="" disabled>
              A moment of this run…
            </option>
            {snapshot.moments.map((moment) => (
              <option key={momentKey(moment)} value={momentKey(moment)} data-t={String(moment.t)}>
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
                onChange={() =>
                  run(
                    () => getApi().setRelease(option.release),
                    () => `Now showing Windows ${option.release}`,
                  )
                }
              />
              {option.label}
            </label>
          ))}
        </fieldset>
        <label className="operator-field operator-language">
          <span>Device screen language</span>
          <select
            value={snapshot.language}
            onChange={(event) => {
              const language = event.target.value as Language;
              run(
                () => getApi().setLanguage(language),
                () => `The device screen speaks ${LANGUAGE_NAMES[language]}`,
              );
            }}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {LANGUAGE_NAMES[language]}
              </option>
            ))}
          </select>
        </label>
      </Section>

      <Section title="Scenario">
        <p className="operator-scenario-name">{scenario.name}</p>
        <p className="operator-muted">{scenario.description}</p>
        <dl className="operator-facts">
          <dt>Windows</dt>
          <dd>Windows {scenario.windowsRelease}</dd>
          <dt>Mode</dt>
          <dd>{MODE_LABELS[scenario.mode] ?? scenario.mode}</dd>
          <dt>Join</dt>
          <dd>{JOIN_LABELS[scenario.join] ?? scenario.join}</dd>
          <dt>ESP profile</dt>
          <dd>
            {snapshot.profile
              ? `${snapshot.profile.displayName} (${TARGET_LABELS[snapshot.profile.targetedBy]})`
              : 'none yet'}
          </dd>
        </dl>
      </Section>

      <Section title="Phases" className="operator-wide">
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
      </Section>

      <Section title="Timeline" className="operator-wide">
        <ol
          className="operator-timeline"
          ref={timelineRef}
          tabIndex={0}
          aria-label="What happened so far"
          data-testid="op-timeline"
        >
          {lines.length === 0 && <li className="operator-muted">Nothing yet.</li>}
          {lines.map((line, i) => (
            <li key={i} data-type={line.type}>
              <span className="operator-time">{formatElapsed(line.t)}</span> {line.text}
            </li>
          ))}
        </ol>
      </Section>
    </div>
  );
}
