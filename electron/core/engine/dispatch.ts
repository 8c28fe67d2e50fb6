/** Routes each engine event to the part of the flow that handles it: one exhaustive switch. */
import { onEspExitDelayDone, onNextUserArrives, onQualityUpdatesChecked, onQualityUpdatesStage } from './afterEsp';
import { onInstallerExited, onRetryDue } from './appInstall';
import { onPreparationStepDone } from './devicePreparation';
import type { EngineEvent } from './events';
import { onRestartDone } from './restart';
import { onAccountJoinDone, onResourceReported, onTrackingListsReady } from './setupPhase';
import { onCredentialsEntered, onFirstSignInDone } from './signIn';
import type { Sim } from './sim';
import { showProvisioningConfiguration, startEsp } from './start';
import { onTimerExpired } from './timer';
import { onDeviceTurnedOn } from './userActions';

export function dispatch(sim: Sim, event: EngineEvent): void {
  switch (event.type) {
    case 'technicianContinues':
      return showProvisioningConfiguration(sim);
    case 'technicianProvisions':
      return startEsp(sim);
    case 'timerExpired':
      return onTimerExpired(sim, event);
    case 'preparationStepDone':
      return onPreparationStepDone(sim, event);
    case 'trackingListsReady':
      return onTrackingListsReady(sim, event);
    case 'resourceReported':
      return onResourceReported(sim, event);
    case 'installerExited':
      return onInstallerExited(sim, event);
    case 'retryDue':
      return onRetryDue(sim, event);
    case 'restartDone':
      return onRestartDone(sim, event);
    case 'credentialsEntered':
      return onCredentialsEntered(sim, event);
    case 'firstSignInDone':
      return onFirstSignInDone(sim, event);
    case 'espExitDelayDone':
      return onEspExitDelayDone(sim, event);
    case 'nextUserArrives':
      return onNextUserArrives(sim, event);
    case 'accountJoinDone':
      return onAccountJoinDone(sim);
    case 'qualityUpdatesChecked':
      return onQualityUpdatesChecked(sim);
    case 'qualityUpdatesStage':
      return onQualityUpdatesStage(sim, event);
    case 'deviceTurnedOn':
      return onDeviceTurnedOn(sim);
    default:
      return unreachable(event);
  }
}

function unreachable(event: never): never {
  throw new Error(`engine: unknown event ${JSON.stringify(event)}`);
}
