import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../electron/core/session/clock';
import { ManualClock } from '../helpers/manualClock';
import { LogExportError, Session } from '../../../electron/core/session/session';
import type { Snapshot } from '../../../shared/snapshot';
import {
  DEVICE_GROUP,
  allDevices,
  groupTarget,
  makeApp,
  makeProfile,
  makeScenario,
  required,
} from '../helpers/scenarioFactory';

function failingScenario() {
  return makeScenario({
    tenant: {
      espProfiles: [
        makeProfile({ id: 'esp', assignments: [groupTarget(DEVICE_GROUP)], allowDeviceUseOnInstallFailure: true }),
      ],
      apps: [makeApp({ id: 'teams', assignments: [required(allDevices())] })],
    },
    simulation: { apps: { teams: { installSeconds: 60, downloadMB: 0, exitCodes: [1603, 0] } } },
  });
}

function setup(speed = 1) {
  const clock = new ManualClock();
  const session = new Session({ scenario: failingScenario(), clock, speed });
  const seen: Snapshot[] = [];
  session.subscribe((s) => seen.push(s));
  return { clock, session, seen };
}

describe('the session clock', () => {
  it('advances simulated time at the chosen speed', () => {
    const { clock, session } = setup(60);
    clock.advance(2000);
    expect(session.snapshot().clock.elapsedSeconds).toBe(120);
  });

  it('stands still while paused and resumes where it stopped', () => {
    const { clock, session } = setup(10);
    clock.advance(1000);
    session.handle({ type: 'pause' });
    clock.advance(5000);
    expect(session.snapshot().clock.elapsedSeconds).toBe(10);
    expect(session.snapshot().clock.paused).toBe(true);
    session.handle({ type: 'resume' });
    clock.advance(1000);
    expect(session.snapshot().clock.elapsedSeconds).toBe(20);
  });

  it('keeps simulated time continuous when the speed changes', () => {
    const { clock, session } = setup(1);
    clock.advance(10_000);
    session.handle({ type: 'setSpeed', speed: 100 });
    clock.advance(1000);
    expect(session.snapshot().clock.elapsedSeconds).toBe(110);
  });

  it('pushes a new snapshot to subscribers when the screen changes', () => {
    const { clock, seen } = setup(100);
    clock.advance(60_000);
    const statuses = new Set(seen.map((s) => s.phases[1]!.statusText));
    expect(statuses).toContain('Working on it...');
    expect(seen.at(-1)!.errorScreen).not.toBeNull();
    expect(seen.map((s) => s.revision)).toEqual([...seen.map((s) => s.revision)].sort((a, b) => a - b));
  });
});

describe('user actions through the session', () => {
  it('refuses Try again while no error screen is showing', () => {
    const { session } = setup();
    expect(session.handle({ type: 'userAction', action: 'tryAgain' })).toEqual({
      ok: false,
      error: 'Try again is not offered on this screen (it offers nothing)',
    });
  });

  it('refuses Reset device when the profile does not allow it', () => {
    const { clock, session } = setup(1000);
    clock.advance(60_000);
    expect(session.snapshot().errorScreen?.actions).toEqual(['tryAgain', 'continueAnyway']);
    const result = session.handle({ type: 'userAction', action: 'resetDevice' });
    expect(result.ok).toBe(false);
  });

  it('runs the failed part again after Try again and reaches the desktop', () => {
    const { clock, session } = setup(1000);
    clock.advance(60_000);
    expect(session.handle({ type: 'userAction', action: 'tryAgain' })).toEqual({ ok: true });
    expect(session.snapshot().errorScreen).toBeNull();
    clock.advance(60_000);
    const end = session.snapshot();
    expect(end.screen.kind).toBe('desktop');
    expect(end.outcome).toBe('succeeded');
    expect(end.clock.finished).toBe(true);
  });

  it('starts the scenario over on restart', () => {
    const { clock, session } = setup(1000);
    clock.advance(60_000);
    session.handle({ type: 'restart' });
    const snap = session.snapshot();
    expect(snap.clock.elapsedSeconds).toBe(0);
    expect(snap.errorScreen).toBeNull();
    expect(snap.phases[0]!.statusText).toBe('Working on it...');
  });

  it('switches between the Windows 10 and Windows 11 looks', () => {
    const { session } = setup();
    expect(session.snapshot().look).toBe('windows11');
    session.handle({ type: 'setLook', look: 'windows10' });
    expect(session.snapshot().look).toBe('windows10');
  });
});

describe('kiosk looping', () => {
  it('starts the run over a while after it settles on its last screen', () => {
    const clock = new ManualClock();
    const session = new Session({ scenario: failingScenario(), clock, speed: 10, loopAfterSeconds: 30 });
    const errorAtMs = (session.run.endT / 10) * 1000;
    clock.advance(errorAtMs + 1000);
    expect(session.snapshot().errorScreen).not.toBeNull();
    clock.advance(28_000);
    expect(session.snapshot().errorScreen).not.toBeNull();
    clock.advance(3_000);
    const snap = session.snapshot();
    expect(snap.errorScreen).toBeNull();
    expect(snap.clock.elapsedSeconds).toBeLessThan(40);
  });

  it('never loops unless asked to', () => {
    const clock = new ManualClock();
    const session = new Session({ scenario: failingScenario(), clock, speed: 1000 });
    clock.advance(600_000);
    expect(session.snapshot().errorScreen).not.toBeNull();
  });
});

describe('jumping to a moment (UX review)', () => {
  it('lists the run’s screens and category changes, the error screen among them', () => {
    const { session } = setup();
    const labels = session.snapshot().moments.map((m) => m.label);
    expect(labels[0]).toBe('ESP in OOBE');
    expect(labels).toContain('Device setup: Working on it...');
    expect(labels).toContain('Device setup: Error');
    expect(labels).toContain('Error screen');
  });

  it('shows the run as it was at the chosen second', () => {
    const { session } = setup();
    session.handle({ type: 'pause' });
    const errorAt = session.snapshot().moments.find((m) => m.label === 'Error screen')!.t;
    session.handle({ type: 'seek', seconds: errorAt });
    const snap = session.snapshot();
    expect(snap.errorScreen).not.toBeNull();
    expect(snap.clock.elapsedSeconds).toBe(Math.floor(errorAt));
    session.handle({ type: 'seek', seconds: 0 });
    expect(session.snapshot().errorScreen).toBeNull();
  });

  it('drops user actions later than the second it jumps back to', () => {
    const { clock, session } = setup(1000);
    clock.advance(60_000);
    session.handle({ type: 'userAction', action: 'tryAgain' });
    clock.advance(60_000);
    expect(session.snapshot().screen.kind).toBe('desktop');
    const errorAt = session.snapshot().moments.find((m) => m.label === 'Error screen')!.t;
    session.handle({ type: 'pause' });
    session.handle({ type: 'seek', seconds: errorAt + 1 });
    expect(session.snapshot().errorScreen).not.toBeNull();
    expect(session.snapshot().moments.some((m) => m.label === 'Desktop')).toBe(false);
  });
});

describe('the diagnostics page (§2.1)', () => {
  const diagnostics = () => ({ configuration: [], deployment: [], appsAndPolicies: [] });

  it('opens on Windows 11 when the profile turns on log collection', () => {
    const scenario = failingScenario();
    scenario.tenant.espProfiles[0]!.allowLogCollectionOnInstallFailure = true;
    const session = new Session({ scenario, clock: new ManualClock(), diagnostics });
    expect(session.handle({ type: 'openDiagnostics' })).toEqual({ ok: true });
    expect(session.snapshot().diagnostics).not.toBeNull();
    session.handle({ type: 'closeDiagnostics' });
    expect(session.snapshot().diagnostics).toBeNull();
  });

  it('refuses when the profile does not turn on log collection', () => {
    const session = new Session({ scenario: failingScenario(), clock: new ManualClock(), diagnostics });
    expect(session.handle({ type: 'openDiagnostics' })).toMatchObject({ ok: false });
    expect(session.snapshot().diagnostics).toBeNull();
  });

  it('refuses on Windows 10, which has Collect logs instead', () => {
    const scenario = failingScenario();
    scenario.tenant.espProfiles[0]!.allowLogCollectionOnInstallFailure = true;
    scenario.windows = { release: '10', build: '10.0.19045.5487' };
    const session = new Session({ scenario, clock: new ManualClock(), diagnostics });
    expect(session.handle({ type: 'openDiagnostics' })).toMatchObject({ ok: false });
  });
});

describe('exporting logs through the session', () => {
  function fakeCollector() {
    const calls: { signal: AbortSignal | undefined; finish: () => void; fail: (e: Error) => void }[] = [];
    const collector = {
      collect: (request: { destination: string; signal?: AbortSignal; onProgress(p: number): void }) =>
        new Promise<{ path: string }>((resolve, reject) => {
          request.onProgress(40);
          calls.push({
            signal: request.signal,
            finish: () => resolve({ path: `${request.destination}/MDMDiagReport.zip` }),
            fail: reject,
          });
        }),
    };
    return { collector, calls };
  }

  it('shows progress, then the path of the bundle', async () => {
    const { collector, calls } = fakeCollector();
    const session = new Session({ scenario: failingScenario(), clock: new ManualClock(), logCollector: collector });
    expect(session.handle({ type: 'exportLogs', destination: '/media/usb' })).toEqual({ ok: true });
    expect(session.snapshot().logExport).toEqual({ state: 'inProgress', percent: 40, destination: '/media/usb' });
    expect(session.handle({ type: 'exportLogs', destination: '/media/usb' })).toMatchObject({ ok: false });
    calls[0]!.finish();
    await new Promise((r) => setTimeout(r, 0));
    // The device screen shows a Windows path on the USB drive; the console shows where the file really went.
    expect(session.snapshot().logExport).toEqual({
      state: 'succeeded',
      path: '/media/usb/MDMDiagReport.zip',
      windowsPath: 'D:\\MDMDiagReport.zip',
    });
  });

  it('shows the Windows code when the export fails', async () => {
    const { collector, calls } = fakeCollector();
    const session = new Session({ scenario: failingScenario(), clock: new ManualClock(), logCollector: collector });
    session.handle({ type: 'exportLogs', destination: '/media/usb' });
    calls[0]!.fail(
      new LogExportError(
        '0x80070050',
        'MDMDiagReport.zip already exists in "/media/usb"',
        'MDMDiagReport.zip already exists in D:\\',
      ),
    );
    await new Promise((r) => setTimeout(r, 0));
    // As with a success: the device screen names the device's drive, the operator's side the real folder.
    expect(session.snapshot().logExport).toEqual({
      state: 'failed',
      code: '0x80070050',
      message: 'MDMDiagReport.zip already exists in "/media/usb"',
      windowsMessage: 'MDMDiagReport.zip already exists in D:\\',
    });
  });

  it('a failure that names no place reads the same on the device', async () => {
    const { collector, calls } = fakeCollector();
    const session = new Session({ scenario: failingScenario(), clock: new ManualClock(), logCollector: collector });
    session.handle({ type: 'exportLogs', destination: '/media/usb' });
    calls[0]!.fail(new Error('disk on fire'));
    await new Promise((r) => setTimeout(r, 0));
    expect(session.snapshot().logExport).toMatchObject({
      state: 'failed',
      message: 'disk on fire',
      windowsMessage: 'disk on fire',
    });
  });

  it('cancels the export on restart, and its late result does not reach the new run', async () => {
    const { collector, calls } = fakeCollector();
    const session = new Session({ scenario: failingScenario(), clock: new ManualClock(), logCollector: collector });
    session.handle({ type: 'exportLogs', destination: '/media/usb' });
    session.handle({ type: 'restart' });
    expect(calls[0]!.signal?.aborted).toBe(true);
    calls[0]!.finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(session.snapshot().logExport).toEqual({ state: 'idle' });
  });

  it('cancels the export when the app closes the session', () => {
    const { collector, calls } = fakeCollector();
    const session = new Session({ scenario: failingScenario(), clock: new ManualClock(), logCollector: collector });
    session.handle({ type: 'exportLogs', destination: '/media/usb' });
    session.dispose();
    expect(calls[0]!.signal?.aborted).toBe(true);
  });
});

describe('jumping to the moment an action created', () => {
  it('keeps the action that happened at that very second', () => {
    const { clock, session } = setup(1000);
    clock.advance(60_000);
    session.handle({ type: 'userAction', action: 'tryAgain' });
    clock.advance(60_000);
    const rerun = session
      .snapshot()
      .moments.filter((m) => m.label === 'Device setup: Working on it...')
      .at(-1)!;
    session.handle({ type: 'pause' });
    session.handle({ type: 'seek', seconds: rerun.t });
    expect(session.snapshot().errorScreen).toBeNull();
    expect(session.snapshot().moments.some((m) => m.label === 'Desktop')).toBe(true);
  });
});

describe('pushing the last screen when timers fire early and time moves between readings', () => {
  /**
   * Like Node under load: a timer fires a couple of milliseconds before its due time (libuv's cached loop
   * time), and every reading of the clock is a little later than the one before.
   */
  class LoadedClock implements Clock {
    private now = 0;
    private timers: { at: number; callback: () => void; id: number }[] = [];
    private nextId = 1;
    nowMs(): number {
      this.now += 1;
      return this.now;
    }
    setTimer(callback: () => void, ms: number): unknown {
      const id = this.nextId++;
      this.timers.push({ at: this.now + ms, callback, id });
      return id;
    }
    clearTimer(handle: unknown): void {
      this.timers = this.timers.filter((t) => t.id !== handle);
    }
    runFor(ms: number): void {
      const end = this.now + ms;
      for (;;) {
        this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
        const due = this.timers.shift();
        if (!due || due.at > end) break;
        this.now = Math.max(this.now, due.at - 2);
        due.callback();
      }
    }
  }

  it('still pushes the error screen to subscribers', () => {
    const clock = new LoadedClock();
    const session = new Session({ scenario: failingScenario(), clock, speed: 100 });
    const seen: Snapshot[] = [];
    session.subscribe((s) => seen.push(s));
    clock.runFor(60_000);
    expect(seen.at(-1)!.errorScreen).not.toBeNull();
  });
});

describe('the Windows release decides the features, and the look follows it (§1.13, §2.1)', () => {
  function logsScenario() {
    const s = failingScenario();
    const profile = { ...s.tenant.espProfiles[0]!, allowLogCollectionOnInstallFailure: true };
    return { ...s, tenant: { ...s.tenant, espProfiles: [profile] } };
  }

  it('choosing Windows 10 switches to its look and its error screen: Collect logs, no diagnostics page', () => {
    const clock = new ManualClock();
    const session = new Session({ scenario: logsScenario(), clock, speed: 1000 });
    clock.advance(10_000);
    expect(session.snapshot().errorScreen?.actions).toContain('viewDiagnostics');
    expect(session.handle({ type: 'setRelease', release: '10' })).toEqual({ ok: true });
    const after = session.snapshot();
    expect(after.look).toBe('windows10');
    expect(after.scenario.windowsRelease).toBe('10');
    expect(after.errorScreen?.actions).toContain('collectLogs');
    expect(after.errorScreen?.actions).not.toContain('viewDiagnostics');
    expect(session.handle({ type: 'openDiagnostics' }).ok).toBe(false);
  });

  it('asking for the Windows 10 look is asking for Windows 10: no Windows 10 look on a Windows 11 flow', () => {
    const session = new Session({ scenario: logsScenario(), clock: new ManualClock(), look: 'windows10' });
    expect(session.snapshot().scenario.windowsRelease).toBe('10');
    session.handle({ type: 'setLook', look: 'windows11' });
    expect(session.snapshot()).toMatchObject({ look: 'windows11', scenario: { windowsRelease: '11' } });
  });
});
