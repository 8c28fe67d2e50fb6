/**
 * The event logs of a real Autopilot diagnostics collection (§3.2), exported as text in the layout
 * of `wevtutil qe <log> /f:text` (oldest first), because .evtx is a binary, Windows-only format that
 * only Event Viewer (or a Windows API) opens. Events and IDs from §4.7; message wording marked [I]
 * in docs/fidelity.md where the reference gives only the ID.
 */
import { PHASE_TITLES, formatHresult } from '../../../shared/esp';
import type { PhaseId } from '../../../shared/esp';
import type { RunFacts } from '../facts/history';
import { appName, eventsOfType, exitFailed, installerOf, sidAt } from '../facts/history';
import { productCode, resourceLocUri } from './resources';
import { PROFILE_DOWNLOAD_OFFSET_SECONDS } from '../facts/history';
import { ticksOf } from '../facts/time';
import { TICKS_PER_SECOND } from '../facts/time';

export type EventLevel = 'Information' | 'Warning' | 'Error';

export interface EventRecord {
  seconds: number;
  id: number;
  level: EventLevel;
  message: string;
}

export interface EventLogDefinition {
  /** File name in the bundle, as the CAB names the .evtx, with .txt. */
  fileName: string;
  logName: string;
  source: string;
}

const log = (file: string, logName: string, source: string): EventLogDefinition => ({
  fileName: `${file}.txt`,
  logName,
  source,
});

const DM = 'Microsoft-Windows-DeviceManagement-Enterprise-Diagnostics-Provider';
const MD = 'Microsoft-Windows-ModernDeployment-Diagnostics-Provider';

/** The event logs of the real Autopilot CAB listing (§3.2), in its order. */
export const EVENT_LOGS = {
  aad: log('microsoft-windows-aad-operational', 'Microsoft-Windows-AAD/Operational', 'Microsoft-Windows-AAD'),
  appx: log(
    'microsoft-windows-appxdeploymentserver-operational',
    'Microsoft-Windows-AppXDeploymentServer/Operational',
    'Microsoft-Windows-AppXDeployment-Server',
  ),
  assignedAccessAdmin: log(
    'microsoft-windows-assignedaccess-admin',
    'Microsoft-Windows-AssignedAccess/Admin',
    'Microsoft-Windows-AssignedAccess',
  ),
  assignedAccessOperational: log(
    'microsoft-windows-assignedaccess-operational',
    'Microsoft-Windows-AssignedAccess/Operational',
    'Microsoft-Windows-AssignedAccess',
  ),
  assignedAccessBrokerAdmin: log(
    'microsoft-windows-assignedaccessbroker-admin',
    'Microsoft-Windows-AssignedAccessBroker/Admin',
    'Microsoft-Windows-AssignedAccessBroker',
  ),
  assignedAccessBrokerOperational: log(
    'microsoft-windows-assignedaccessbroker-operational',
    'Microsoft-Windows-AssignedAccessBroker/Operational',
    'Microsoft-Windows-AssignedAccessBroker',
  ),
  ncrypt: log(
    'microsoft-windows-crypto-ncrypt-operational',
    'Microsoft-Windows-Crypto-NCrypt/Operational',
    'Microsoft-Windows-Crypto-NCrypt',
  ),
  dmAdmin: log('microsoft-windows-devicemanagement-enterprise-diagnostics-provider-admin', `${DM}/Admin`, DM),
  dmDebug: log('microsoft-windows-devicemanagement-enterprise-diagnostics-provider-debug', `${DM}/Debug`, DM),
  dmOperational: log(
    'microsoft-windows-devicemanagement-enterprise-diagnostics-provider-operational',
    `${DM}/Operational`,
    DM,
  ),
  autopilot: log('microsoft-windows-moderndeployment-diagnostics-provider-autopilot', `${MD}/Autopilot`, MD),
  managementService: log(
    'microsoft-windows-moderndeployment-diagnostics-provider-managementservice',
    `${MD}/ManagementService`,
    MD,
  ),
  provisioning: log(
    'microsoft-windows-provisioning-diagnostics-provider-admin',
    'Microsoft-Windows-Provisioning-Diagnostics-Provider/Admin',
    'Microsoft-Windows-Provisioning-Diagnostics-Provider',
  ),
  shellCore: log(
    'microsoft-windows-shell-core-operational',
    'Microsoft-Windows-Shell-Core/Operational',
    'Microsoft-Windows-Shell-Core',
  ),
  userDeviceRegistration: log(
    'microsoft-windows-user device registration-admin',
    'Microsoft-Windows-User Device Registration/Admin',
    'Microsoft-Windows-User Device Registration',
  ),
} as const;

export type EventLogKey = keyof typeof EVENT_LOGS;

const CATEGORY: Record<PhaseId, string> = {
  devicePreparation: 'DevicePreparation',
  deviceSetup: 'DeviceSetup',
  accountSetup: 'AccountSetup',
};

/** The CXH activity that hosts the ESP (§2.1, navigation set). */
const ESP_CXID = 'MOSETMDMCONNECTTOWORKPROVISIONINGPROGRESS';

const MSI_RESULTS: Record<number, string> = {
  0: 'The operation completed successfully.',
  1603: 'Fatal error during installation.',
  1618: 'Another installation is already in progress. Complete that installation before proceeding with this install.',
  1641: 'The requested operation completed successfully. The system will be restarted so the changes can take effect.',
  3010: 'The requested operation is successful. Changes will not be effective until the system is rebooted.',
};

/** The Windows Installer text of an exit code, or the unknown-code text with the record's HRESULT. */
function msiResult(code: number, hresult: number | null): string {
  return MSI_RESULTS[code] ?? `Unknown Win32 Error code: ${formatHresult(hresult ?? code)}`;
}

const hex = (n: number): string => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;

/** Every log's events up to t, oldest first. */
export function eventLogEvents(facts: RunFacts): Record<EventLogKey, EventRecord[]> {
  const logs = Object.fromEntries(Object.keys(EVENT_LOGS).map((k) => [k, [] as EventRecord[]])) as Record<
    EventLogKey,
    EventRecord[]
  >;
  const add = (key: EventLogKey, seconds: number, id: number, level: EventLevel, message: string): void => {
    if (seconds <= facts.t) logs[key].push({ seconds, id, level, message });
  };
  const { scenario } = facts;
  const mode = scenario.deployment.mode;

  // Before the ESP: the Autopilot profile download (§4.7).
  const download = PROFILE_DOWNLOAD_OFFSET_SECONDS;
  add('autopilot', download, 160, 'Information', 'AutopilotRetrieveSettings beginning acquisition.');
  add(
    'autopilot',
    download + 1,
    164,
    'Information',
    'AutopilotManager determined Internet is available to attempt policy download.',
  );
  if (scenario.deployment.autopilotRegistered) {
    add(
      'autopilot',
      download + 4,
      153,
      'Information',
      'AutopilotManager reported the state changed from ProfileState_Unknown to ProfileState_Available.',
    );
  } else {
    add(
      'autopilot',
      download + 4,
      100,
      'Warning',
      'AutopilotManager could not find an Autopilot policy for this device (the device is not registered with Windows Autopilot). Standard OOBE continues.',
    );
  }
  if (mode === 'preProvisioning') {
    add(
      'managementService',
      0,
      509,
      'Information',
      'Autopilot pre-provisioning (white glove) started. The technician flow is running the device ESP.',
    );
  }

  // Device preparation rows.
  for (const run of facts.items.filter((r) => r.phase === 'devicePreparation' && r.endT !== null)) {
    const end = run.endT!;
    if (run.item === 'tpm' && run.status === 'succeeded') {
      add('autopilot', end, 172, 'Information', 'AutopilotManager successfully set TPM identity confirmed.');
    }
    if (run.item === 'tpm' && run.status === 'failed') {
      add(
        'autopilot',
        end,
        171,
        'Error',
        `AutopilotManager failed to set TPM identity confirmed. HRESULT=${hex(run.hresult ?? 0x800705b4)}.`,
      );
    }
    if (run.item === 'join' && run.status === 'succeeded' && scenario.deployment.join === 'hybrid') {
      add('userDeviceRegistration', end, 306, 'Information', 'Automatic registration Succeeded.');
    }
    if (run.item === 'mdm' && run.status === 'succeeded')
      add('dmAdmin', end, 72, 'Information', 'MDM Enroll: Succeeded.');
  }

  // A Microsoft Entra join writes its registration steps to User Device Registration/Admin (100–106, 111) and
  // the token requests of the CloudAP plugin to AAD/Operational (1025). A user-driven device joined at the
  // sign-in just before the ESP; self-deploying and pre-provisioning join in the Join row (§1.1, §4.7).
  if (scenario.deployment.join === 'entra') {
    const join = facts.items.find((r) => r.phase === 'devicePreparation' && r.item === 'join' && r.endT !== null);
    if (join && join.status !== 'failed' && join.status !== 'previousStepFailed') {
      const joined = mode === 'userDriven' || mode === 'entraJoinOobe' ? -30 : join.endT!;
      const endpoint = `https://enterpriseregistration.windows.net/${facts.tenantDomain}`;
      const steps: [number, string][] = [
        [100, 'The discovery request send operation was successful.'],
        [101, `The discovery operation callback was successful. Discovery endpoint: ${endpoint}/Discover`],
        [102, 'The initialization of the join request was successful. Join request type: 0 (DEVICE_JOIN).'],
        [103, 'The join request was successfully sent to server.'],
        [104, `The get join response operation callback was successful. Activity Id: ${facts.ids.ztdCorrelation}`],
        [105, 'The complete join response operation was successful.'],
        [106, 'The post join tasks for the AAD Authentication Package completed successfully.'],
        [111, 'The registration status has been successfully flushed to disk. Join type: 4 (AZURE_AD_JOIN).'],
      ];
      steps.forEach(([id, message], i) => add('userDeviceRegistration', joined - 8 + i, id, 'Information', message));
      add(
        'aad',
        joined - 5,
        1025,
        'Information',
        `Http request status: 200. Method: POST Endpoint Uri: https://login.microsoftonline.com/${facts.tenantDomain}/oauth2/token Correlation ID: ${facts.ids.ztdCorrelation}`,
      );
    }
    // Each user's first sign-in asks for their primary refresh token.
    for (const e of eventsOfType(facts.events, 'signedIn')) {
      add(
        'aad',
        e.t,
        1025,
        'Information',
        `Http request status: 200. Method: POST Endpoint Uri: https://login.microsoftonline.com/${facts.tenantDomain}/oauth2/token Correlation ID: ${facts.ids.ztdCorrelation} User: ${e.userPrincipalName}`,
      );
    }
  }

  // Resources that did not apply.
  for (const r of facts.resources) {
    if (r.ok !== false || r.endT === null) continue;
    const scope = r.phase === 'deviceSetup' ? 'device' : 'user';
    add(
      'dmAdmin',
      r.endT,
      404,
      'Error',
      `MDM ConfigurationManager: Command failure status. Configuration Source ID: ({${facts.ids.enrollment}}), Enrollment Name: (MDMDeviceWithAAD), Provider Name: (Policy), Command Type: (Add), CSP URI: (${resourceLocUri(scenario, r.resourceId, scope)}), Result: (Unknown Win32 Error code: 0x82b00006).`,
    );
  }

  // LOB MSI and Office installs (EnterpriseDesktopAppManagement).
  for (const a of facts.attempts.filter((a) => installerOf(a.app) === 'msi')) {
    const code = productCode(a.app);
    const sid =
      (a.app.installContext === 'user' ? sidAt(facts, a.startT) : null) ??
      'S-0-0-00-0000000000-0000000000-000000000-000';
    add(
      'dmAdmin',
      a.startT,
      1905,
      'Information',
      `EnterpriseDesktopAppManagement CSP: Content download started. Product code: ${code}, User SID: (${sid}).`,
    );
    const downloaded = a.startT + a.downloadSeconds;
    if (a.cancelledAt === null || downloaded <= a.cancelledAt) {
      add(
        'dmAdmin',
        downloaded,
        1906,
        'Information',
        `EnterpriseDesktopAppManagement CSP: Content download completed. Product code: ${code}, User SID: (${sid}), Result: (The operation completed successfully.)`,
      );
      add(
        'dmAdmin',
        downloaded,
        1920,
        'Information',
        `EnterpriseDesktopAppManagement CSP: An application install has started. Product code: ${code}, User SID: (${sid}), Command line: (/qn /norestart).`,
      );
    }
    if (a.endT === null || a.exitCode === null) continue;
    if (a.result === 'failed' || a.result === 'retry') {
      add(
        'dmAdmin',
        a.endT,
        1924,
        'Error',
        `EnterpriseDesktopAppManagement CSP: An application install has failed. Examine the MSI log (C:\\Windows\\system32\\config\\systemprofile\\AppData\\Local\\mdm\\${code}.log) for more details. Product code: ${code}, User SID: (${sid}), Exit code: (${a.exitCode}), Result: (${msiResult(a.exitCode, a.hresult)})`,
      );
    } else {
      add(
        'dmAdmin',
        a.endT,
        1922,
        'Information',
        `EnterpriseDesktopAppManagement CSP: An application install has succeeded. Product code: ${code}, User SID: (${sid}), Exit code: (${a.exitCode}), Result: (${msiResult(a.exitCode, a.hresult)})`,
      );
    }
  }

  // Restarts.
  for (const e of eventsOfType(facts.events, 'restartStarted')) {
    add(
      'dmAdmin',
      e.t,
      2800,
      'Information',
      `The device is restarting because a reboot was requested (${e.reason}). URI: (./Device/Vendor/MSFT/EnrollmentStatusTracking/Setup/Apps/Tracking).`,
    );
  }

  // The ESP page itself (CloudExperienceHost, Shell-Core).
  const cxh = (seconds: number, name: string, value: string, level: EventLevel = 'Information'): void =>
    add(
      'shellCore',
      seconds,
      62407,
      level,
      `CloudExperienceHost Web App Event 2. Name: 'CommercialOOBE_ESPProgress_${name}', Value: '${value}'.`,
    );
  let pageOpen = false;
  for (const e of facts.events) {
    switch (e.type) {
      case 'phaseStarted':
        if (!pageOpen) {
          add(
            'shellCore',
            e.t,
            62404,
            'Information',
            `CloudExperienceHost Web App Activity Started. CXID: '${ESP_CXID}'.`,
          );
          pageOpen = true;
        }
        cxh(e.t, `${CATEGORY[e.phase]}Category_Started`, PHASE_TITLES[e.phase]);
        break;
      case 'phaseCompleted':
        cxh(e.t, `${CATEGORY[e.phase]}Category_Completed`, e.status, e.status === 'failed' ? 'Error' : 'Information');
        break;
      case 'appInstallCompleted': {
        // The ESP page reports an install whose exit code put the app in Error (a failure, or the last retry).
        const attempt = facts.attempts.find((a) => a.app.id === e.appId && a.attempt === e.attempt);
        if (attempt && exitFailed(attempt)) {
          cxh(
            e.t,
            'AppInstallFailed',
            JSON.stringify({
              phase: e.phase,
              appId: e.appId,
              appName: appName(facts, e.appId),
              exitCode: e.exitCode,
              hresult: e.hresult,
            }),
            'Error',
          );
        }
        break;
      }
      case 'timeout':
        cxh(e.t, 'Timeout', `${CATEGORY[e.phase]}: ${e.minutes} minutes (0x800705b4)`, 'Error');
        break;
      case 'errorScreenShown':
        cxh(e.t, 'ErrorPageDisplayed', JSON.stringify({ category: CATEGORY[e.phase], actions: e.actions }), 'Error');
        break;
      case 'userAction':
        cxh(e.t, 'UserAction', e.action);
        break;
      case 'espCompleted':
        cxh(e.t, 'Page_Exiting', e.part === 'device' ? 'DeviceEspCompleted' : 'UserEspCompleted');
        if (pageOpen) {
          add(
            'shellCore',
            e.t,
            62405,
            'Information',
            `CloudExperienceHost Web App Activity Completed. CXID: '${ESP_CXID}'.`,
          );
          pageOpen = false;
        }
        break;
      default:
        break;
    }
  }

  for (const key of Object.keys(logs) as EventLogKey[]) logs[key].sort((a, b) => a.seconds - b.seconds);
  return logs;
}

/** One log as `wevtutil qe <log> /f:text` prints it, CRLF. */
export function eventLogText(facts: RunFacts, key: EventLogKey, events: EventRecord[]): string {
  const def = EVENT_LOGS[key];
  const out: string[] = [];
  const perSecond = new Map<number, number>();
  events.forEach((e, i) => {
    const base = ticksOf(e.seconds);
    const seq = perSecond.get(base) ?? 0;
    perSecond.set(base, seq + 1);
    out.push(
      `Event[${i}]:`,
      `  Log Name: ${def.logName}`,
      `  Source: ${def.source}`,
      `  Date: ${wevtutilDate(facts.startMs, base + seq * (TICKS_PER_SECOND / 1000) * 7)}`,
      `  Event ID: ${e.id}`,
      '  Task: N/A',
      `  Level: ${e.level}`,
      '  Opcode: Info',
      '  Keyword: N/A',
      '  User: S-1-5-18',
      '  User Name: NT AUTHORITY\\SYSTEM',
      `  Computer: ${facts.computerName}`,
      '  Description: ',
      e.message,
      '',
    );
  });
  return out.length === 0 ? '' : out.join('\r\n') + '\r\n';
}

/** `2026-03-02T08:31:05.1230000Z`: UTC with seven fractional digits. */
function wevtutilDate(startMs: number, ticks: number): string {
  const wholeMs = Math.floor(ticks / 10_000);
  const sub = ticks - wholeMs * 10_000;
  const iso = new Date(startMs + wholeMs).toISOString(); // ...T08:31:05.123Z
  return `${iso.slice(0, 23)}${String(sub).padStart(4, '0')}Z`;
}
