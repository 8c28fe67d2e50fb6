/**
 * What a person does (§1.9, §1.10, §7.6): Try again, Reset device, Continue anyway (on the error
 * screen or while the ESP runs), and the technician's Continue, Provision, Reseal, Retry and Reset.
 * An action the screen does not offer is ignored here (the session and the CLI refuse it first).
 */
import type { UserAction } from '../../../shared/actions';
import { PHASES } from '../../../shared/esp';
import { allRequiredApps, deviceRequiredApps, goToDesktop, leaveOobe } from './afterEsp';
import { runDevicePreparation } from './devicePreparation';
import { runSetupPhase, startAccountSetup } from './setupPhase';
import type { Sim } from './sim';
import { at, cancelLanes, currentOffered, currentUser, record, setItem, setScreen } from './sim';
import { showProvisioningConfiguration, startEsp } from './start';
import { startTimer } from './timer';

type EspAction = Exclude<UserAction, 'retry' | 'reset'>;

/** The technician page's Retry and Reset are the ESP's Try again and Reset device (§7.6). */
function espActionOf(action: UserAction): EspAction {
  return action === 'retry' ? 'tryAgain' : action === 'reset' ? 'resetDevice' : action;
}

export function applyUserAction(sim: Sim, requested: UserAction): void {
  if (!currentOffered(sim).includes(requested)) return;
  const action = espActionOf(requested);
  const { state } = sim;
  record(sim, { t: sim.state.now, type: 'userAction', action });
  switch (action) {
    case 'reseal':
      reseal(sim);
      return;
    case 'startProvisioning':
      cancelLanes(sim, (lane) => lane === 'device', 'provision');
      showProvisioningConfiguration(sim);
      return;
    case 'provision':
      cancelLanes(sim, (lane) => lane === 'device', 'provision');
      startEsp(sim);
      return;
    case 'tryAgain':
      tryAgain(sim);
      return;
    case 'resetDevice':
      cancelLanes(sim, () => true, 'reset');
      state.errorScreen = null;
      state.continueAnywayWhileRunning = false;
      state.outcome = 'reset';
      state.espEndedAt ??= state.now;
      record(sim, { t: sim.state.now, type: 'outcome', outcome: 'reset' });
      setScreen(sim, { kind: 'resetting' });
      return;
    case 'continueAnyway':
    case 'signOut':
    case 'continueAnywayWhileRunning':
      continueAnyway(sim);
      return;
  }
}

/**
 * Continue anyway advances one step (Niehaus, "Coming soon: Improvements to app installation error
 * handling in ESP", 2020-09-27; §1.9, §1.10): from the device part — its error screen, or the
 * button while it runs — to Account setup when the user gets one; from Account setup to the
 * desktop. What the device part did not install installs after the ESP.
 */
function continueAnyway(sim: Sim): void {
  const { state } = sim;
  const inDevicePart =
    state.failedPhase !== null
      ? state.failedPhase !== 'accountSetup'
      : !(state.screen.kind === 'esp' && state.screen.part === 'user');
  cancelLanes(sim, (lane) => lane !== 'background', 'continuedAnyway');
  state.errorScreen = null;
  state.failedPhase = null;
  state.continueAnywayWhileRunning = false;
  const user = currentUser(sim);
  if (inDevicePart && user && state.userPartShown && !state.technician) {
    state.continuedPastDevice = true;
    state.outcome = null;
    for (const app of deviceRequiredApps(sim)) {
      if (!state.installed.has(app.id))
        state.deferred.set(app.id, { id: app.id, displayName: app.displayName, installed: false });
    }
    sim.dirty = true;
    leaveOobe(sim, false);
    return;
  }
  state.outcome = 'continuedAnyway';
  record(sim, { t: sim.state.now, type: 'outcome', outcome: 'continuedAnyway' });
  goToDesktop(
    sim,
    allRequiredApps(sim)
      .filter((a) => !state.installed.has(a.id))
      .map((a) => a.id),
  );
}

/**
 * Reseal shuts the device down; the user later turns it on, signs in, and the device ESP runs
 * again before Account setup (§7.6). What the technician installed stays installed.
 */
function reseal(sim: Sim): void {
  const { state } = sim;
  state.roundAttempts.clear();
  setScreen(sim, { kind: 'shutDown' });
  state.outcome = null;
  state.espEndedAt = null;
  at(sim, 10, 'device', { type: 'deviceTurnedOn' });
}

export function onDeviceTurnedOn(sim: Sim): void {
  const { state } = sim;
  state.technician = false;
  for (const phase of PHASES) {
    state.phases[phase].status = 'notStarted';
    for (const row of state.phases[phase].items) {
      setItem(sim, phase, row.id, {
        status: 'notStarted',
        expected: null,
        done: 0,
        hresult: null,
        skippedAsComplete: false,
      });
    }
  }
  startEsp(sim);
}

/** Resets the failed category to waiting, restarts the timer and reruns it (§1.9). */
function tryAgain(sim: Sim): void {
  const { state } = sim;
  const phase = state.failedPhase;
  if (!phase) return;
  state.errorScreen = null;
  state.failedPhase = null;
  state.outcome = null;
  for (const later of PHASES.slice(PHASES.indexOf(phase))) {
    if (state.phases[later].status === 'notRun') continue;
    state.phases[later].status = 'notStarted';
    for (const row of state.phases[later].items) {
      setItem(sim, later, row.id, { status: 'notStarted', expected: null, done: 0, hresult: null });
    }
  }
  if (state.screen.kind === 'preProvisioningResult') setScreen(sim, { kind: 'esp', part: 'device' });
  state.roundAttempts.clear();
  startTimer(sim, phase);
  if (phase === 'devicePreparation') runDevicePreparation(sim);
  else if (phase === 'deviceSetup') runSetupPhase(sim, 'deviceSetup');
  else startAccountSetup(sim);
}
