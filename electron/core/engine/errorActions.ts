/**
 * Which actions the error screen offers, from the profile (§1.9 table, BlockInStatusPage bits,
 * §4.2) and the Windows release (Collect logs on Windows 10, View diagnostics on Windows 11).
 */
import type { DeploymentMode, ErrorAction, WindowsRelease } from '../../../shared/esp';
import type { EspProfile } from '../scenario/model';

/** The order the contract prints them in (scenario-and-cli.md §2). */
const SCREEN_ORDER: ErrorAction[] = [
  'resetDevice',
  'tryAgain',
  'continueAnyway',
  'collectLogs',
  'viewDiagnostics',
  'signOut',
];

/** BlockInStatusPage as Intune writes it to FirstSync (§4.2, §4.3). */
export function blockInStatusPage(profile: EspProfile): number {
  if (profile.blockDeviceSetupRetryByUser) return 0; // Block device use = No: the user may leave (§1.10)
  return (
    0x2 | (profile.allowDeviceResetOnInstallFailure ? 0x1 : 0) | (profile.allowDeviceUseOnInstallFailure ? 0x4 : 0)
  );
}

export function errorActionsFor(profile: EspProfile, release: WindowsRelease, mode: DeploymentMode): ErrorAction[] {
  const bits = blockInStatusPage(profile);
  const actions = new Set<ErrorAction>();
  if (bits & 0x1) actions.add('resetDevice');
  if (bits & 0x2) actions.add('tryAgain');
  // With Block device use = No nothing holds the user on the page, so the error offers the way out
  // that the running page already offered (a choice: §1.9 does not say; docs/fidelity.md).
  if (bits & 0x4 || bits === 0) actions.add('continueAnyway');
  if (profile.allowLogCollectionOnInstallFailure) {
    // The diagnostics page exists only on Windows 11 (§2.1) and is not offered to the technician flow.
    actions.add(release === '11' && mode !== 'preProvisioning' ? 'viewDiagnostics' : 'collectLogs');
  }
  return SCREEN_ORDER.filter((a) => actions.has(a));
}
