/**
 * readme.txt: what the bundle is (a simulation), what each file holds, and the choices a reader of
 * real bundles needs to know about (text event logs, the .reg encoding, UTC times, what is left out).
 */
import { PHASE_TITLES, formatHresult } from '../../../shared/esp';
import type { RunFacts } from '../facts/history';
import { failedAttempt } from '../facts/history';
import { DEPLOYMENT_MODE_TEXT, JOIN_TEXT } from '../diagnostics/diagnosticsView';
import { displayTime, isoTime } from '../facts/time';

export interface AppLogNote {
  /** Name of the app's log inside the bundle. */
  name: string;
  included: boolean;
  /** Why it is missing, when it is. */
  reason?: string;
}

const DESCRIPTIONS: [RegExp, string][] = [
  [/^readme\.txt$/, 'this file'],
  [/^AgentExecutor\.log$/, 'IME AgentExecutor: PowerShell detection scripts of Win32 apps (CMTrace format)'],
  [
    /^AppWorkload\.log$/,
    'IME app workload: Win32 app processing, ESP phases, downloads, lpExitCode, detection (CMTrace)',
  ],
  [/^AutopilotDDSZTDFile\.json$/, 'the Windows Autopilot profile the device downloaded'],
  [/^DeviceHash_.*\.csv$/, 'the hardware hash (a deterministic stand-in, not a decodable hash)'],
  [/^IntuneManagementExtension\.log$/, 'IME agent log: start, check-ins, ESP hand-offs (CMTrace format)'],
  [/^MDMDiagHtmlReport\.html$/, 'MDM diagnostics report: device, connection, ESP settings and state, policies'],
  [/^MdmDiagLogMetadata\.json$/, 'what was collected, when, for which areas'],
  [
    /^MdmDiagReport_RegistryDump\.reg$/,
    'registry: Enrollments\\FirstSync, EnrollmentStatusTracking, ESPTrackingInfo\\Diagnostics, AutopilotSettings, Provisioning\\Diagnostics\\Autopilot, IME Win32Apps',
  ],
  [/^MdmLogCollectorFootPrint\.txt$/, "the collector's own trace of what it gathered"],
  [/^microsoft-windows-.*\.txt$/, 'an event log as text (wevtutil qe /f:text layout)'],
  [/^setupact\.log$/, 'Windows Setup/OOBE action log around the ESP'],
  [/^scenario\.json$/, 'the ESP Simulator scenario this run came from (normalised)'],
  [/^timeline\.json$/, "the simulated run's timeline up to the collection time (seconds from the start)"],
];

function describe(name: string, appLog: AppLogNote | null): string {
  if (appLog && name === appLog.name) return "ESP Simulator's own application log (electron-log)";
  return DESCRIPTIONS.find(([re]) => re.test(name))?.[1] ?? '';
}

/** readme.txt's text (CRLF): what the bundle is, the run it comes from, each file, and the choices made. */
export function readmeText(
  facts: RunFacts,
  archiveName: string,
  files: string[],
  appLog: AppLogNote | null,
  eventCounts: Map<string, number>,
): string {
  const { scenario } = facts;
  const outcome = facts.view.outcome ?? (facts.view.errorScreen ? 'failed' : 'in progress');
  const failed = failedAttempt(facts);
  const lines: string[] = [
    'ESP Simulator log bundle',
    '========================',
    '',
    'SIMULATED. Nothing in this bundle comes from a real device. ESP Simulator wrote every file from a',
    'simulated Windows Autopilot run so that support staff can practise reading a diagnostics collection.',
    'Do NOT import MdmDiagReport_RegistryDump.reg on a real computer: it would write these keys into HKLM.',
    '',
    `Scenario:        ${scenario.name} (seed ${scenario.seed})`,
    `Windows:         ${scenario.windows.release} (${scenario.windows.build})`,
    `Deployment:      ${DEPLOYMENT_MODE_TEXT[scenario.deployment.mode]}, ${JOIN_TEXT[scenario.deployment.join]}`,
    `Device:          ${facts.computerName}, ${scenario.device.manufacturer} ${scenario.device.model}, serial ${scenario.device.serialNumber}`,
    `ESP profile:     ${facts.profile.displayName} (targeted by ${facts.targetedBy})`,
    `Collected at:    ${isoTime(facts.startMs, facts.t)} (${displayTime(facts.startMs, facts.t)} UTC), ${Math.round(facts.t)} simulated seconds after the ESP started`,
    `Outcome so far:  ${outcome}`,
  ];
  if (facts.view.errorScreen) lines.push(`Error screen:    ${facts.view.errorScreen.message}`);
  if (failed && failed.exitCode !== null) {
    const hr = formatHresult(failed.hresult ?? failed.exitCode);
    const phase = failed.phase === 'afterEsp' ? 'after the ESP' : PHASE_TITLES[failed.phase];
    lines.push(
      `Failed app:      ${failed.app.displayName} (${failed.app.id}) in ${phase}: exit code ${failed.exitCode} (${hr}) at ${isoTime(facts.startMs, failed.endT ?? facts.t)}`,
    );
  }
  lines.push(
    '',
    `How a device writes this: Windows 11 "Export logs" on the diagnostics page and Windows 10 "Collect logs"`,
    `run MDMDiagnosticsTool for the area(s) ${facts.areas.join(';')} and write ${archiveName} to the chosen`,
    'removable drive or folder. The real collection is a CAB/ZIP of the same file names.',
    '',
    'Files',
    '-----',
  );
  for (const file of files) {
    const count = eventCounts.get(file);
    const suffix = count === undefined ? '' : ` (${count} event${count === 1 ? '' : 's'})`;
    lines.push(file, `    ${describe(file, appLog)}${suffix}`);
  }
  lines.push(
    '',
    'Choices to know about',
    '---------------------',
    '* Event logs are TEXT, not .evtx. An .evtx file is a binary, Windows-only format that only Event Viewer',
    '  or the Windows event API can open; text opens everywhere and can be searched. Each file is named after',
    '  the .evtx a real collection holds, with .txt, and uses the layout of `wevtutil qe <log> /f:text`,',
    '  oldest event first. An empty file means the log had no events by the collection time.',
    '* MdmDiagReport_RegistryDump.reg is written like a regedit export: UTF-16LE with a byte-order mark,',
    '  the "Windows Registry Editor Version 5.00" header and CRLF line ends. The real tool\'s dump has no',
    '  header (people add it before importing); here it is ready for any .reg reader or diff tool.',
    '* IME logs use the CMTrace line format of IME 1.10x (seven fractional digits, no UTC bias). Open them',
    '  with CMTrace, OneTrace or any text editor. Since IME 1.7x most Win32 app work is in AppWorkload.log.',
    "* All times are UTC: the simulated device's clock runs in UTC from the scenario's startTime.",
    '* Identifiers (enrollment GUID, Entra and Intune device IDs, correlation IDs) are derived from the',
    '  scenario and its seed, so the same scenario and seed always give the same files.',
    '* Not simulated, so not included: the ETL traces (DiagnosticLogCSP_Collector_*.etl, binary),',
    '  MDMDiagReport.xml, LicensingDiag.cab/_Output.txt, ClientHealth.log, Sensor.log,',
    '  AutopilotConciergeFile.json and the TPM tool outputs (CertReq/CertUtil/TpmHliInfo).',
  );
  if (appLog && !appLog.included) {
    lines.push(`* The app's own log (${appLog.name}) is not included: ${appLog.reason ?? 'it was not found'}.`);
  }
  if (!appLog) lines.push("* The app's own log is not included: this collection was made without one.");
  if (facts.imeStartT === null) {
    lines.push('* The Intune Management Extension had not started by the collection time, so its logs are empty.');
  }
  return lines.join('\r\n') + '\r\n';
}
