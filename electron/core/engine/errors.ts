/**
 * A phase fails or times out (§1.9): what was running stops, later categories read Previous step
 * failed, and the error screen — or the technician's red page (§7.6) — offers the profile's actions.
 */
import type { ErrorAction, PhaseId } from '../../../shared/esp';
import type { ErrorMessageParts } from '../../../shared/snapshot';
import {
  DEFAULT_ERROR_MESSAGE,
  PHASES,
  PHASE_TITLES,
  PRE_PROVISIONING_ERRORS,
  formatHresult,
} from '../../../shared/esp';
import { ERROR_TIMEOUT } from './devicePreparation';
import { errorActionsFor } from './errorActions';
import { phaseStatusText } from './rowText';
import type { Sim } from './sim';
import { cancelLanes, profileOf, record, setItem, setPhase, setScreen } from './sim';
import { provisioningDetails } from './start';

/** §7.6: which text the red page shows for what failed (`code`: the 8 hex digits of its `0x{0}`). */
function technicianError(sim: Sim, phase: PhaseId, outcome: 'failed' | 'timedOut'): ErrorMessageParts {
  if (outcome === 'timedOut') return { kind: 'preProvisioning', error: 'timeout', code: null };
  if (phase === 'devicePreparation') {
    const failed = sim.state.phases.devicePreparation.items.find((i) => i.status === 'failed');
    const code = formatHresult(failed?.hresult ?? ERROR_TIMEOUT).slice(2);
    if (failed?.id === 'tpm') return { kind: 'preProvisioning', error: 'tpmTimeout', code: null };
    if (failed?.id === 'espProvider') return { kind: 'preProvisioning', error: 'espProvider', code };
    if (failed?.id === 'mdm') return { kind: 'preProvisioning', error: 'mdmEnrollment', code };
    if (failed?.id === 'join') return { kind: 'preProvisioning', error: 'aadJoin', code };
  }
  return profileMessage(sim);
}

/** The profile's own message when it has one (shown as written), Intune's default otherwise (§1.9). */
function profileMessage(sim: Sim): ErrorMessageParts {
  return profileOf(sim).customErrorMessage === null ? { kind: 'default' } : { kind: 'custom' };
}

/** The English text of an error: Windows' wording, or the admin's message as written. */
function errorMessageText(sim: Sim, parts: ErrorMessageParts): string {
  switch (parts.kind) {
    case 'default':
      return DEFAULT_ERROR_MESSAGE;
    case 'custom':
      return profileOf(sim).customErrorMessage ?? DEFAULT_ERROR_MESSAGE;
    case 'preProvisioning':
      return PRE_PROVISIONING_ERRORS[parts.error].replace('{0}', parts.code ?? '');
  }
}

export function fail(sim: Sim, phase: PhaseId, outcome: 'failed' | 'timedOut'): void {
  const { state, scenario } = sim;
  cancelLanes(sim, (lane) => lane !== 'background', outcome === 'timedOut' ? 'timedOut' : 'phaseFailed');
  // A timeout can strike while the device restarts; the error is shown on the ESP it comes back to (§1.9).
  if (state.screen.kind !== 'esp' && !state.technician) {
    setScreen(sim, { kind: 'esp', part: phase === 'accountSetup' ? 'user' : 'device' });
  }
  for (const row of state.phases[phase].items) {
    if (row.status === 'inProgress' || row.status === 'identifying') setItem(sim, phase, row.id, { status: 'failed' });
  }
  setPhase(sim, phase, 'failed');
  for (const later of PHASES.slice(PHASES.indexOf(phase) + 1)) {
    if (state.phases[later].status === 'notRun') continue;
    state.phases[later].status = 'previousStepFailed';
    for (const row of state.phases[later].items) setItem(sim, later, row.id, { status: 'previousStepFailed' });
  }
  state.failedPhase = phase;
  state.outcome = outcome;
  state.continueAnywayWhileRunning = false;
  const profile = profileOf(sim);
  let messageParts = profileMessage(sim);
  let actions = errorActionsFor(profile, scenario.windows.release, scenario.deployment.mode);
  if (state.technician) {
    // §7.6: the red result page, with Retry, Reset and a diagnostics link, whatever the profile says.
    messageParts = technicianError(sim, phase, outcome);
    const logs: ErrorAction =
      scenario.windows.release === '11' && profile.allowLogCollectionOnInstallFailure
        ? 'viewDiagnostics'
        : 'collectLogs';
    actions = ['resetDevice', 'tryAgain', logs];
    setScreen(sim, {
      kind: 'preProvisioningResult',
      success: false,
      details: provisioningDetails(sim),
      elapsedSeconds: state.now,
      errorText: errorMessageText(sim, messageParts),
      errorParts: messageParts,
      actions: ['retry', 'reset', logs],
    });
  }
  const message = errorMessageText(sim, messageParts);
  state.errorScreen = { message, messageParts, actions };
  state.announcement = `${PHASE_TITLES[phase]}: ${phaseStatusText('failed')}. ${message}`;
  state.announcementParts = { kind: 'error', phase, messageParts, message };
  record(sim, { t: sim.state.now, type: 'errorScreenShown', phase, message, actions });
  record(sim, { t: sim.state.now, type: 'outcome', outcome });
}
