/**
 * Device preparation (§1.1, §1.3): TPM attestation (self-deploying and pre-provisioning only),
 * the join, MDM enrollment and the ESP provider, one after another. Each step's duration and
 * fate are drawn when the phase starts.
 */
import type { EngineEvent } from './events';
import { fail } from './errors';
import { faultOf, hasFault } from './faults';
import { runSetupPhase } from './setupPhase';
import type { Sim } from './sim';
import { at, setItem, setPhase } from './sim';
import type { PreparationStep } from './state';

/** ERROR_TIMEOUT (0x800705b4): what a timed-out TPM attestation or ESP provider reports. */
export const ERROR_TIMEOUT = 0x800705b4;
/** §1.11: the ESP provider's own timeout. */
export const ESP_PROVIDER_TIMEOUT_SECONDS = 15 * 60;

const PHASE = 'devicePreparation';

export function runDevicePreparation(sim: Sim): void {
  const { scenario, state, rng } = sim;
  const { mode, join } = scenario.deployment;
  setPhase(sim, PHASE, 'inProgress');
  const needsTpm = mode === 'selfDeploying' || state.technician;
  // In user-driven mode the user has joined and enrolled before the ESP opens (§1.1).
  const userAlreadyJoined = !needsTpm;
  const tpmFault = faultOf(scenario, 'tpmAttestationFailure');
  const providerTimesOut = hasFault(scenario, 'espProviderTimeout');
  const steps: PreparationStep[] = [
    {
      id: 'tpm',
      seconds: rng.between(15, 45),
      hresult:
        needsTpm && (tpmFault || scenario.device.tpmAttestation === 'fails')
          ? (tpmFault?.hresult ?? ERROR_TIMEOUT)
          : null,
      skip: !needsTpm,
    },
    {
      id: 'join',
      seconds: userAlreadyJoined
        ? rng.between(1, 3)
        : rng.between(join === 'hybrid' ? 60 : 15, join === 'hybrid' ? 180 : 40),
      hresult: null,
      skip: false,
    },
    {
      id: 'mdm',
      seconds: userAlreadyJoined ? rng.between(1, 3) : rng.between(10, 30),
      hresult: null,
      skip: false,
    },
    {
      id: 'espProvider',
      seconds: providerTimesOut ? ESP_PROVIDER_TIMEOUT_SECONDS : rng.between(25, 75),
      hresult: providerTimesOut ? ERROR_TIMEOUT : null,
      skip: false,
    },
  ];
  state.preparation = steps;
  nextStep(sim, 0);
}

function nextStep(sim: Sim, index: number): void {
  const step = sim.state.preparation[index];
  if (!step) {
    setPhase(sim, PHASE, 'succeeded');
    runSetupPhase(sim, 'deviceSetup');
    return;
  }
  if (step.skip) {
    setItem(sim, PHASE, step.id, { status: 'notRun', skippedAsComplete: true });
    nextStep(sim, index + 1);
    return;
  }
  setItem(sim, PHASE, step.id, { status: 'inProgress' });
  at(sim, step.seconds, 'device', { type: 'preparationStepDone', index });
}

export function onPreparationStepDone(sim: Sim, e: Extract<EngineEvent, { type: 'preparationStepDone' }>): void {
  const steps = sim.state.preparation;
  const step = steps[e.index]!;
  if (step.hresult !== null) {
    setItem(sim, PHASE, step.id, { status: 'failed', hresult: step.hresult });
    for (const later of steps.slice(e.index + 1)) setItem(sim, PHASE, later.id, { status: 'previousStepFailed' });
    fail(sim, PHASE, 'failed');
    return;
  }
  setItem(sim, PHASE, step.id, { status: 'succeeded' });
  nextStep(sim, e.index + 1);
}
