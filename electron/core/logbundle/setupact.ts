/**
 * setupact.log (§3.2): the Windows Setup/OOBE action log (C:\Windows\Panther\UnattendGC\setupact.log
 * during OOBE), with the OOBE milestones around this run's ESP. Line layout as Setup writes it:
 * `YYYY-MM-DD HH:MM:SS, <Level padded to 22>[component] message`.
 */
import { PHASE_TITLES } from '../../../shared/esp';
import type { RunFacts } from '../facts/history';
import { PROFILE_DOWNLOAD_OFFSET_SECONDS } from '../facts/history';
import { setupactTime, ticksOf } from '../facts/time';

type Level = 'Info' | 'Warning' | 'Error';

/** setupact.log's text up to t (CRLF), oldest first: the OOBE milestones and the record's ESP events. */
export function setupactLog(facts: RunFacts): string {
  const { scenario } = facts;
  const lines: { seconds: number; level: Level; component: string; message: string }[] = [];
  const add = (seconds: number, level: Level, component: string, message: string): void => {
    if (seconds <= facts.t) lines.push({ seconds, level, component, message });
  };
  const mode = scenario.deployment.mode;
  add(
    -900,
    'Info',
    'msoobe.exe',
    `OOBE is starting. OS build ${scenario.windows.build}, edition ${scenario.device.operatingSystemSKU}.`,
  );
  add(-600, 'Info', 'msoobe.exe', 'Network connectivity is available.');
  add(PROFILE_DOWNLOAD_OFFSET_SECONDS, 'Info', 'msoobe.exe', 'Retrieving the Windows Autopilot profile.');
  add(
    PROFILE_DOWNLOAD_OFFSET_SECONDS + 4,
    scenario.deployment.autopilotRegistered ? 'Info' : 'Warning',
    'msoobe.exe',
    scenario.deployment.autopilotRegistered
      ? `Windows Autopilot profile "${scenario.device.enrollmentProfileName}" applied (${mode}, ${scenario.deployment.join === 'hybrid' ? 'hybrid Microsoft Entra join' : 'Microsoft Entra join'}).`
      : 'No Windows Autopilot profile was found for this device.',
  );
  // A user the ESP resolved its profile for before any sign-in of theirs was recorded typed their
  // work account in OOBE (user-driven): before the run when the ESP opened at once, else then.
  const signedIn = new Set<string>();
  for (const e of facts.events) {
    if (e.type === 'signedIn') signedIn.add(e.userPrincipalName.toLowerCase());
    if (e.type !== 'profileResolved' || e.userPrincipalName === null) continue;
    if (signedIn.has(e.userPrincipalName.toLowerCase())) continue;
    signedIn.add(e.userPrincipalName.toLowerCase());
    add(
      e.t === 0 ? -120 : e.t,
      'Info',
      'CloudExperienceHost',
      `Work or school account sign-in: ${e.userPrincipalName}.`,
    );
  }
  for (const e of facts.events) {
    switch (e.type) {
      case 'profileResolved':
        add(
          e.t,
          'Info',
          'CloudExperienceHost',
          `Enrollment Status Page profile "${e.displayName}" (targeted by ${e.targetedBy}).`,
        );
        break;
      case 'espSkipped':
        add(e.t, 'Info', 'CloudExperienceHost', `Enrollment Status Page (${e.part}) skipped: ${e.reason}.`);
        break;
      case 'phaseStarted':
        add(e.t, 'Info', 'CloudExperienceHost', `Enrollment Status Page: ${PHASE_TITLES[e.phase]} started.`);
        break;
      case 'phaseCompleted':
        add(
          e.t,
          e.status === 'failed' ? 'Error' : 'Info',
          'CloudExperienceHost',
          `Enrollment Status Page: ${PHASE_TITLES[e.phase]} ${e.status}.`,
        );
        break;
      case 'errorScreenShown':
        add(
          e.t,
          'Error',
          'CloudExperienceHost',
          `Enrollment Status Page error shown in ${PHASE_TITLES[e.phase]}: ${e.message}`,
        );
        break;
      case 'restartStarted':
        add(e.t, 'Info', 'msoobe.exe', `Restarting the device: ${e.reason}.`);
        break;
      case 'signedIn':
        add(e.t, 'Info', 'CloudExperienceHost', `User signed in: ${e.userPrincipalName}.`);
        break;
      case 'desktopReached':
        add(e.t, 'Info', 'msoobe.exe', 'OOBE is complete. Loading the desktop.');
        break;
      default:
        break;
    }
  }
  lines.sort((a, b) => a.seconds - b.seconds);
  return lines
    .map(
      (l) =>
        `${setupactTime(facts.startMs, ticksOf(l.seconds))}, ${l.level.padEnd(22)}[${l.component}] ${l.message}\r\n`,
    )
    .join('');
}
