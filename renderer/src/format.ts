/**
 * How the device screen and the operator console print the run's facts: simulated time as `h:mm:ss`, and the
 * snapshot's internal names (modes, outcomes, screens) as the words a person reads.
 */
import type { DeploymentMode, JoinType, Outcome } from '../../shared/esp';
import type { ScreenView } from '../../shared/snapshot';

/** Simulated time as `h:mm:ss`; hours keep counting past 23 (`26:05:09`). */
export function formatElapsed(totalSeconds: number): string {
  const whole = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const seconds = whole % 60;
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

export const MODE_LABELS: Record<DeploymentMode, string> = {
  userDriven: 'User-driven',
  selfDeploying: 'Self-deploying',
  preProvisioning: 'Pre-provisioning',
  entraJoinOobe: 'Microsoft Entra join in OOBE (no Autopilot)',
};

export const JOIN_LABELS: Record<JoinType, string> = {
  entra: 'Microsoft Entra join',
  hybrid: 'Microsoft Entra hybrid join',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  timedOut: 'Timed out',
  continuedAnyway: 'Continued anyway',
  notShown: 'ESP not shown',
  reset: 'Device reset',
};

export const SCREEN_LABELS: Record<ScreenView['kind'], string> = {
  esp: 'Enrollment Status Page',
  restarting: 'Restarting',
  signIn: 'Windows sign-in',
  firstSignIn: 'First sign-in animation',
  desktop: 'Desktop',
  resetting: 'Resetting this PC',
  qualityUpdates: 'Quality updates',
  preProvisioningOptions: 'Pre-provisioning options',
  preProvisioningConfiguration: 'Windows Autopilot Configuration',
  preProvisioningResult: 'Pre-provisioning result',
  shutDown: 'Shutting down',
  kiosk: 'Kiosk',
};

export const TARGET_LABELS: Record<'device' | 'user' | 'default', string> = {
  device: 'assigned to the device',
  user: 'assigned to the user',
  default: 'the default profile',
};
