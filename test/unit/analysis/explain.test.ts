/**
 * Explain (electron/core/analysis/explain.ts) and `esp-sim explain`: the JSON contract of docs/cli.md,
 * one entry per tenant app with a reason, agreement with the run it explains, and the article's
 * App 1–4 example (resources/scenarios/selected-blocking-apps.json).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/commands';
import { runHeadless } from '../../../electron/cli/respond';
import { explainRun, explanationJson } from '../../../electron/core/analysis/explain';
import { errorActionsFor } from '../../../electron/core/engine/errorActions';
import { simulate } from '../../../electron/core/engine/simulate';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import type { Scenario } from '../../../electron/core/scenario/model';
import {
  DEVICE_GROUP,
  USER_GROUP,
  groupTarget,
  makeApp,
  makeProfile,
  makeScenario,
  required,
  withFilter,
  makeFilter,
} from '../helpers/scenarioFactory';

const root = join(import.meta.dirname, '..', '..', '..');
const scenarios = join(root, 'resources', 'scenarios');
const bundled = readdirSync(scenarios).filter((f) => f.endsWith('.json'));

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function load(name: string): Promise<Scenario> {
  const loaded = await loadScenarioFile(join(scenarios, name));
  if (loaded.kind !== 'valid') throw new Error(`${name} is not valid`);
  return loaded.scenario;
}

describe('esp-sim explain --json', () => {
  it('prints exactly { profile, apps, errorActions } with the documented keys', async () => {
    const { code, out, err } = await cli('explain', join(scenarios, 'default.json'), '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['profile', 'apps', 'errorActions']);
    expect(Object.keys(json.profile)).toEqual(['id', 'displayName', 'targetedBy', 'candidates']);
    for (const c of json.profile.candidates) {
      expect(Object.keys(c)).toEqual(['id', 'displayName', 'priority', 'applies', 'reason']);
    }
    for (const a of json.apps) expect(Object.keys(a)).toEqual(['id', 'displayName', 'phase', 'tracked', 'reason']);
    expect(json.profile).toMatchObject({ displayName: 'Contoso Autopilot ESP', targetedBy: 'device' });
    expect(Array.isArray(json.errorActions)).toBe(true);
    expect(json.apps).toHaveLength(4);
  });

  it('prints the same JSON every time', async () => {
    const file = join(scenarios, 'selected-blocking-apps.json');
    expect((await cli('explain', file, '--json')).out).toBe((await cli('explain', file, '--json')).out);
  });

  it("exits 1 with the validator's messages for an invalid scenario, 2 for a bad command line", async () => {
    const invalid = await cli('explain', join(root, 'test', 'e2e', 'scenarios', 'bad-mode.json'));
    expect(invalid.code).toBe(1);
    expect(invalid.out).toBe('');
    expect(invalid.err).toBe(
      `${join(root, 'test', 'e2e', 'scenarios', 'bad-mode.json')} is not a valid scenario:\n` +
        'deployment.mode: expected one of userDriven, selfDeploying, preProvisioning, entraJoinOobe\n',
    );
    expect((await cli('explain')).code).toBe(2);
    expect((await cli('explain', 'a.json', 'b.json')).code).toBe(2);
    const unknown = await cli('explain', join(scenarios, 'default.json'), '--yaml');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('usage:');
  });
});

describe('explainRun on every bundled scenario', () => {
  it.each(bundled)('%s: every tenant app once, in tenant order, each with a reason', async (name) => {
    const scenario = await load(name);
    const run = simulate(scenario);
    const json = explanationJson(explainRun(scenario, run));
    expect(json.apps.map((a) => a.id)).toEqual(scenario.tenant.apps.map((a) => a.id));
    for (const app of json.apps) {
      expect(app.reason.trim(), app.id).not.toBe('');
      expect(app.tracked).toBe(app.phase !== null);
    }
    for (const c of json.profile.candidates) expect(c.reason.trim()).not.toBe('');
    expect(json.profile.candidates.filter((c) => c.applies).map((c) => c.id)).toEqual([json.profile.id]);
  });

  it.each(bundled)('%s: agrees with the run it explains', async (name) => {
    const scenario = await load(name);
    const run = simulate(scenario);
    const e = explainRun(scenario, run);
    // The profile is the run's first resolution; its candidates are the record's.
    const resolved = run.timeline.find((x) => x.type === 'profileResolved');
    if (resolved?.type !== 'profileResolved') throw new Error('no profileResolved');
    expect(e.profile.id).toBe(resolved.profileId);
    expect(e.profile.candidates.map((c) => c.reason)).toEqual(resolved.candidates.map((c) => c.reason));
    // Every app the record tracked in a phase is explained as tracked in that phase (or an earlier one).
    for (const ev of run.timeline) {
      if (ev.type !== 'appTracking' || !ev.tracked) continue;
      expect(e.apps.find((a) => a.id === ev.appId)?.phase, ev.appId).not.toBeNull();
    }
    // Apps explained as tracked from the record are on the phase's tracking list.
    for (const app of e.apps.filter((a) => a.phase !== null && a.recorded)) {
      const lists = run.timeline.filter(
        (x) => x.type === 'trackingListBuilt' && x.item === 'apps' && x.phase === app.phase,
      );
      expect(
        lists.some((l) => l.type === 'trackingListBuilt' && l.ids.includes(app.id)),
        app.id,
      ).toBe(true);
    }
    // The error screen offers what Explain announces.
    const profile = scenario.tenant.espProfiles.find((p) => p.id === e.profile.id);
    if (profile)
      expect(e.errorActions).toEqual(errorActionsFor(profile, scenario.windows.release, scenario.deployment.mode));
    const shown = run.timeline.find((x) => x.type === 'errorScreenShown');
    if (shown?.type === 'errorScreenShown' && scenario.deployment.mode !== 'preProvisioning') {
      expect(e.errorActions).toEqual(shown.actions);
    }
  });
});

describe("the article's App 1–4 example (selected-blocking-apps.json)", () => {
  it('two blocking apps in Device setup; App 3 and App 4 install after the ESP', async () => {
    const scenario = await load('selected-blocking-apps.json');
    const json = explanationJson(explainRun(scenario, simulate(scenario)));
    const [app1, app2, app3, app4] = json.apps;
    expect(app1).toMatchObject({ displayName: 'Contoso VPN Client', phase: 'deviceSetup', tracked: true });
    expect(app2).toMatchObject({ displayName: 'Microsoft Teams', phase: 'deviceSetup', tracked: true });
    expect(app1!.reason).toMatch(/required and it is in the blocking list/);
    expect(app3).toMatchObject({ displayName: 'Company Portal', phase: null, tracked: false });
    expect(app4).toMatchObject({ displayName: 'Contoso Expenses', phase: null, tracked: false });
    // Not "not required": they are required but left out of the list, so they wait until the ESP ends.
    expect(app3!.reason).toMatch(/not in the blocking list: it waits until the ESP ends, then installs/);
    expect(app4!.reason).toMatch(/not in the blocking list: it waits until the ESP ends, then installs/);
    expect(json.errorActions).toEqual(['resetDevice', 'tryAgain', 'viewDiagnostics']);
  });

  it("the text output says the same in people's words, app ids beside names and no profile ids", async () => {
    const { code, out } = await cli('explain', join(scenarios, 'selected-blocking-apps.json'));
    expect(code).toBe(0);
    expect(out).toContain('ESP profile: Contoso Autopilot ESP (assigned to the device)');
    expect(out).toMatch(/Device setup waits on 2 apps:\n {2}Contoso VPN Client \(c3a1f7e2-[^)]+\): /);
    expect(out).toMatch(/Installed after the ESP ends[^\n]*:\n {2}Company Portal \(/);
    expect(out).toContain('If setup fails, the error screen offers: Reset device, Try again, View diagnostics.');
    expect(out).not.toMatch(/EnrollmentCompletionPageConfiguration/);
  });
});

describe('profiles and apps the run never reached or never chose', () => {
  it('names every candidate and why it lost: lower priority, filtered out, user-targeted', async () => {
    const scenario = makeScenario({
      tenant: {
        assignmentFilters: [makeFilter('f-hololens', '(device.model -eq "HoloLens 2")', 'HoloLens only')],
        espProfiles: [
          makeProfile({
            id: 'p-kiosk',
            displayName: 'Kiosks',
            priority: 1,
            assignments: [withFilter(groupTarget(DEVICE_GROUP), 'f-hololens')],
          }),
          makeProfile({ id: 'p-main', displayName: 'Main', priority: 2, assignments: [groupTarget(DEVICE_GROUP)] }),
          makeProfile({ id: 'p-low', displayName: 'Low', priority: 3, assignments: [groupTarget(DEVICE_GROUP)] }),
          makeProfile({ id: 'p-user', displayName: 'Staff', priority: 4, assignments: [groupTarget(USER_GROUP)] }),
        ],
        apps: [makeApp({ id: 'a1', displayName: 'Editor', assignments: [required(groupTarget(DEVICE_GROUP))] })],
      },
    });
    const e = explainRun(scenario, simulate(scenario));
    expect(e.profile).toMatchObject({ id: 'p-main', targetedBy: 'device' });
    const reason = (id: string) => e.profile.candidates.find((c) => c.id === id)!.reason;
    expect(reason('p-kiosk')).toMatch(/does not match include filter "HoloLens only"/);
    expect(reason('p-low')).toMatch(/"Main" \(priority 2\) comes first/);
    expect(reason('p-user')).toMatch(/a profile targeted at the device wins over user-targeted ones/);
    expect(e.profile.candidates.at(-1)).toMatchObject({ applies: false });
  });

  it("an Account setup the run never reached is worked out with the engine's rule, and says so", async () => {
    const scenario = makeScenario({
      tenant: {
        espProfiles: [makeProfile({ id: 'p', assignments: [groupTarget(DEVICE_GROUP)] })],
        apps: [
          makeApp({ id: 'dev', assignments: [required(groupTarget(DEVICE_GROUP))] }),
          makeApp({ id: 'usr', installContext: 'user', assignments: [required(groupTarget(USER_GROUP))] }),
        ],
      },
      simulation: { apps: { dev: { installSeconds: 30, downloadMB: 1, exitCodes: [1603] } } },
    });
    const run = runHeadless(scenario).run;
    expect(run.timeline.some((x) => x.type === 'appTracking' && x.phase === 'accountSetup')).toBe(false);
    const e = explainRun(scenario, run);
    expect(e.apps.find((a) => a.id === 'usr')).toMatchObject({ phase: 'accountSetup', tracked: true, recorded: false });
    expect(e.apps.find((a) => a.id === 'usr')!.reason).toMatch(/Account setup did not run in this simulation/);
  });

  it('with the ESP hidden, no phase waits on any app and the reason says why', async () => {
    const scenario = await load('esp-not-shown.json');
    const e = explainRun(scenario, simulate(scenario));
    expect(e.espSkippedReason).toBeTruthy();
    for (const app of e.apps) {
      expect(app.phase).toBeNull();
      expect(app.reason).toMatch(/the ESP is not shown/);
    }
  });
});
