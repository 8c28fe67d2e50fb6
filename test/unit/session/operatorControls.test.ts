/**
 * The session's operator controls: a run that waits to start, Step to the next event, and another scenario (or
 * an edit of this one) taking over the run.
 */
import { describe, expect, it } from 'vitest';
import { Session } from '../../../electron/core/session/session';
import { ManualClock } from '../helpers/manualClock';
import {
  DEVICE_GROUP,
  allDevices,
  groupTarget,
  makeApp,
  makeProfile,
  makeScenario,
  required,
} from '../helpers/scenarioFactory';

function scenario(message: string | null = null) {
  return makeScenario({
    tenant: {
      espProfiles: [makeProfile({ id: 'esp', assignments: [groupTarget(DEVICE_GROUP)], customErrorMessage: message })],
      apps: [makeApp({ id: 'teams', assignments: [required(allDevices())] })],
    },
    simulation: { apps: { teams: { installSeconds: 60, downloadMB: 0, exitCodes: [1603] } } },
  });
}

describe('a run that waits to start', () => {
  it('stands at zero until Start, and says it is waiting', () => {
    const clock = new ManualClock();
    const session = new Session({ scenario: scenario(), clock, speed: 60, autoStart: false });
    clock.advance(10_000);
    expect(session.snapshot().clock).toMatchObject({ elapsedSeconds: 0, waitingToStart: true, paused: true });
    session.handle({ type: 'start' });
    clock.advance(1000);
    expect(session.snapshot().clock).toMatchObject({ elapsedSeconds: 60, waitingToStart: false, paused: false });
  });
});

describe('Step', () => {
  it('pauses and moves to the next moment the screen changes, then the next', () => {
    const clock = new ManualClock();
    const session = new Session({ scenario: scenario(), clock, autoStart: false });
    const times = session.run.steps.map((s) => s.t);
    session.handle({ type: 'step' });
    const first = session.snapshot().clock;
    expect(first).toMatchObject({ paused: true, waitingToStart: false });
    expect(first.elapsedSeconds).toBe(Math.floor(times.find((t) => t > 0)!));
    clock.advance(60_000);
    expect(session.snapshot().clock.elapsedSeconds).toBe(first.elapsedSeconds);
    session.handle({ type: 'step' });
    expect(session.snapshot().clock.elapsedSeconds).toBeGreaterThanOrEqual(first.elapsedSeconds);
    expect(session.run.steps.some((s) => Math.floor(s.t) === session.snapshot().clock.elapsedSeconds)).toBe(true);
  });
});

describe('replacing the scenario', () => {
  it('keeps the moment on screen for an edit, and the new text shows at once', () => {
    const clock = new ManualClock();
    const session = new Session({ scenario: scenario(), clock, autoStart: false });
    const runId = session.snapshot().runId;
    session.handle({ type: 'seek', seconds: session.run.endT });
    session.handle({ type: 'pause' });
    const at = session.snapshot().clock.elapsedSeconds;
    session.replaceScenario(scenario('Call 555-0100.'), { keepTime: true });
    const after = session.snapshot();
    expect(after.clock).toMatchObject({ elapsedSeconds: at, paused: true });
    expect(after.errorScreen?.message).toBe('Call 555-0100.');
    expect(after.runId).toBeGreaterThan(runId);
  });

  it('starts another scenario from zero, waiting for the device screen', () => {
    const clock = new ManualClock();
    const session = new Session({ scenario: scenario(), clock, speed: 10 });
    clock.advance(5000);
    session.replaceScenario({ ...scenario(), name: 'Another' }, { keepTime: false, warnings: ['a: b'] });
    expect(session.snapshot()).toMatchObject({
      scenario: { name: 'Another' },
      clock: { elapsedSeconds: 0, waitingToStart: true },
      scenarioWarnings: ['a: b'],
    });
  });
});
