/**
 * MDMDiagHtmlReport.html (§3.2): the MDM diagnostics report — device info, connection info,
 * enrollment, the ESP settings the device received (FirstSync), the ESP state, certificates and the
 * managed policies table — for the run at t. Static HTML: no script, every text escaped.
 */
import { PHASE_TITLES } from '../../../shared/esp';
import type { RunFacts } from '../facts/history';
import { installationState, installerOf, trackedAppIds } from '../facts/history';
import { IME_AGENT_VERSION } from './imeLogs';
import { configurationInfo } from '../diagnostics/diagnosticsView';
import { appLocUri, resourceLocUri } from './resources';
import { displayTime } from '../facts/time';

/** Text safe inside HTML elements and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function table(caption: string, head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body =
    rows.length === 0
      ? `<tr><td colspan="${head.length}">None</td></tr>`
      : rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<caption>${escapeHtml(caption)}</caption>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function pairs(caption: string, items: [string, string][]): string {
  return table(
    caption,
    ['Property', 'Value'],
    items.map(([k, v]) => [k, v]),
  );
}

const STATE_TEXT = { 1: 'Not installed', 2: 'In progress', 3: 'Installed', 4: 'Error' } as const;

/** MDMDiagHtmlReport.html's text: static HTML of the device, its ESP settings and state, and what it tracks at t. */
export function mdmDiagHtml(facts: RunFacts): string {
  const { scenario, profile } = facts;
  const collected = displayTime(facts.startMs, facts.t);
  const config = configurationInfo(facts);
  const device = config.find((c) => c.categoryName === 'Device info')?.items ?? [];
  const autopilot = config.find((c) => c.categoryName === 'Autopilot profile')?.items ?? [];

  const policyRows: string[][] = [];
  for (const r of facts.resources) {
    const scope = r.phase === 'deviceSetup' ? 'device' : 'user';
    policyRows.push([
      r.displayName,
      resourceLocUri(scenario, r.resourceId, scope),
      scope === 'device' ? 'Device' : 'User',
      r.ok === null ? 'Pending' : r.ok ? 'Applied' : 'Failed (0x82b00006)',
    ]);
  }
  const appRows: string[][] = [];
  for (const phase of ['deviceSetup', 'accountSetup'] as const) {
    for (const id of trackedAppIds(facts, phase)) {
      const app = facts.apps.get(id);
      if (!app) continue;
      const attempts = facts.attempts.filter((a) => a.app.id === id);
      const last = attempts[attempts.length - 1];
      appRows.push([
        app.displayName,
        appLocUri(app, phase === 'deviceSetup' ? 'device' : 'user'),
        PHASE_TITLES[phase],
        installerOf(app) === 'ime'
          ? 'Intune Management Extension (Sidecar)'
          : installerOf(app) === 'msi'
            ? 'EnterpriseDesktopAppManagement'
            : 'EnterpriseModernAppManagement',
        STATE_TEXT[installationState(facts, id)],
        last?.exitCode != null ? String(last.exitCode) : '',
      ]);
    }
  }
  const certRows = facts.resources
    .filter((r) => r.item === 'certificates')
    .map((r) => [
      r.displayName,
      resourceLocUri(scenario, r.resourceId, r.phase === 'deviceSetup' ? 'device' : 'user'),
      r.ok ? 'Installed' : r.ok === false ? 'Failed' : 'Pending',
    ]);
  const espRows: string[][] = facts.view.phases.map((p) => [
    p.title,
    p.statusText,
    p.items.map((i) => i.text).join('; '),
  ]);

  const sections = [
    `<h2 id="device">Device info</h2>\n${pairs(
      'Device info',
      device.map((i) => [i.propertyName, i.value]),
    )}`,
    `<h2 id="connection">Connection info</h2>\n${pairs('Connection info', [
      ['Management server address', 'https://r.manage.microsoft.com/devicegatewayproxy/cimhandler.ashx'],
      ['Enrollment ID', `{${facts.ids.enrollment}}`],
      ['Provider ID', 'MS DM Server'],
      ['Enrollment type', facts.user ? 'MDMDeviceWithAAD' : 'Device'],
      ['User', facts.user?.userPrincipalName ?? '(none: device enrollment)'],
      ['Intune Management Extension', facts.imeStartT !== null ? `Installed (${IME_AGENT_VERSION})` : 'Not installed'],
      ['Last sync', collected],
    ])}`,
    `<h2 id="autopilot">Windows Autopilot</h2>\n${pairs(
      'Autopilot profile',
      autopilot.map((i) => [i.propertyName, i.value]),
    )}`,
    `<h2 id="esp">Enrollment Status Page settings</h2>\n${pairs('FirstSync', [
      ['Profile', profile.displayName],
      ['SkipDeviceStatusPage', facts.run.espShown.device ? '0' : '0xffffffff'],
      ['SkipUserStatusPage', facts.run.espShown.user ? '0' : '0xffffffff'],
      ['BlockInStatusPage', `0x${facts.blockInStatusPage.toString(16)}`],
      ['SyncFailureTimeout (minutes)', String(profile.installProgressTimeoutInMinutes)],
      ['AllowCollectLogsButton', profile.allowLogCollectionOnInstallFailure ? '1' : '0'],
      ['CustomErrorText', profile.customErrorMessage ?? ''],
    ])}`,
    `<h2 id="esp-state">Enrollment Status Page state</h2>\n${table('As shown on the screen at collection time', ['Category', 'Status', 'Rows'], espRows)}`,
    `<h2 id="apps">Tracked apps</h2>\n${table('Apps the ESP tracks', ['App', 'LocURI', 'Phase', 'Installed by', 'State', 'Last exit code'], appRows)}`,
    `<h2 id="certificates">Certificates</h2>\n${table('Certificate profiles', ['Name', 'LocURI', 'State'], certRows)}`,
    `<h2 id="policies">Managed policies</h2>\n${table('Policies, certificates and network profiles the ESP tracks', ['Name', 'LocURI', 'Scope', 'Status'], policyRows)}`,
  ];

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>MDM Diagnostic Report</title>
<style>
body { font-family: "Segoe UI", system-ui, sans-serif; margin: 2em; color: #1b1b1b; }
h1 { font-weight: 600; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; min-width: 40em; }
caption { text-align: left; font-weight: 600; padding: 0.25em 0; }
th, td { border: 1px solid #c8c8c8; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
.note { color: #555; }
</style>
</head>
<body>
<h1>MDM Diagnostic Report</h1>
<p class="note">Simulated by ESP Simulator from the scenario ${escapeHtml(JSON.stringify(scenario.name))} (seed ${scenario.seed}). Collected ${escapeHtml(collected)} (UTC) on ${escapeHtml(facts.computerName)}.</p>
${sections.join('\n')}
</body>
</html>
`;
}
