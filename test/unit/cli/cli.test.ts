import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/commands';

const root = join(import.meta.dirname, '..', '..', '..');
const defaultScenario = join(root, 'resources', 'scenarios', 'default.json');
const e2eScenario = (name: string) => join(root, 'test', 'e2e', 'scenarios', name);

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('esp-sim validate', () => {
  it('prints valid and exits 0 for the bundled default scenario', async () => {
    expect(await cli('validate', defaultScenario)).toMatchObject({ code: 0, out: 'valid\n' });
  });

  it('names the wrong field and the allowed values, exit 1', async () => {
    const result = await cli('validate', e2eScenario('bad-mode.json'));
    expect(result.code).toBe(1);
    expect(result.out).toBe(
      'deployment.mode: expected one of userDriven, selfDeploying, preProvisioning, entraJoinOobe\n',
    );
  });

  it('says where a file stops being JSON, exit 1', async () => {
    const result = await cli('validate', e2eScenario('not-json.json'));
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/line 2, column 1/);
  });

  it('exits 2 when the file cannot be read', async () => {
    const result = await cli('validate', join(tmpdir(), 'no-such-scenario.json'));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/cannot read/);
  });
});

describe('esp-sim run --json', () => {
  it('prints the contract keys for the default scenario', async () => {
    const { code, out } = await cli('run', defaultScenario, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual([
      'scenario',
      'profile',
      'espShown',
      'outcome',
      'phases',
      'deferredApps',
      'errorScreen',
      'elapsedSeconds',
      'timeline',
    ]);
    expect(report.outcome).toBe('succeeded');
    expect(report.profile).toMatchObject({ displayName: 'Contoso Autopilot ESP', targetedBy: 'device' });
    expect(report.errorScreen).toBeNull();
    expect(report.phases.deviceSetup.items.find((i: { id: string }) => i.id === 'apps')).toMatchObject({
      status: 'succeeded',
      text: 'Apps (3 of 3 installed)',
      tracked: [
        'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e01',
        'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e02',
        'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e03',
      ],
    });
    expect(report.timeline[0]).toMatchObject({ t: 0, type: 'profileResolved' });
  });

  it('prints the same JSON, byte for byte, every time', async () => {
    const first = await cli('run', defaultScenario, '--json');
    const second = await cli('run', defaultScenario, '--json');
    expect(second.out).toBe(first.out);
  });

  it('stops at the error screen and lists its actions in screen order', async () => {
    const report = JSON.parse((await cli('run', e2eScenario('teams-fails.json'), '--json')).out);
    expect(report.outcome).toBe('failed');
    expect(report.errorScreen.actions).toEqual(['resetDevice', 'tryAgain', 'continueAnyway', 'viewDiagnostics']);
    expect(report.phases.accountSetup.status).toBe('previousStepFailed');
  });

  it('answers the error screen with --respond', async () => {
    const retried = JSON.parse(
      (await cli('run', e2eScenario('teams-fails.json'), '--json', '--respond', 'tryAgain')).out,
    );
    expect(retried.outcome).toBe('succeeded');
    const continued = JSON.parse(
      (await cli('run', e2eScenario('teams-fails.json'), '--json', '--respond', 'continueAnyway')).out,
    );
    expect(continued.outcome).toBe('continuedAnyway');
  });

  it('exits 1 on an invalid scenario and says why on stderr', async () => {
    const result = await cli('run', e2eScenario('bad-mode.json'), '--json');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    // The file, then each problem as `<JSON path>: <reason>`.
    expect(result.err).toMatch(/^\S+bad-mode\.json is not a valid scenario:\ndeployment\.mode: /);
  });

  it('refuses an unknown --respond action with exit 2', async () => {
    const result = await cli('run', defaultScenario, '--respond', 'pleaseWork');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      /--respond takes resetDevice, tryAgain, continueAnyway, signOut, continueAnywayWhileRunning, startProvisioning, provision, reseal, retry, reset, not "pleaseWork"/,
    );
  });

  it('an option that takes one value, given twice, exits 2 instead of keeping the last without a word', async () => {
    for (const argv of [
      ['run', defaultScenario, '--plan-device', '1', '--plan-device', '2'],
      ['run', defaultScenario, '--json', '--json'],
      ['plan', defaultScenario, '--devices', '5', '--seed', '1', '--seed=2'],
      ['collect-logs', defaultScenario, '--out', tmpdir(), '--out', tmpdir()],
    ]) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.out).toBe('');
      expect(result.err).toMatch(
        /^esp-sim [a-z-]+: --(plan-device|json|seed|out) is given more than once: give it once\n/,
      );
    }
    // Options made to repeat still do: both answers are read (the second finds no error screen to answer).
    const twice = await cli(
      'run',
      e2eScenario('teams-fails.json'),
      '--json',
      '--respond',
      'tryAgain',
      '--respond',
      'continueAnyway',
    );
    expect(twice.err).not.toContain('more than once');
    expect(twice.err).toContain('--respond continueAnyway: not offered');
  });

  it('an action the screen does not offer exits 2 and names what the screen offers', async () => {
    const result = await cli('run', defaultScenario, '--respond', 'tryAgain');
    expect(result.code).toBe(2);
    expect(result.err).toContain('--respond tryAgain: not offered');
    expect(result.err).toContain('offers nothing');
  });

  it('Reseal from the command line runs the user flow after pre-provisioning (§7.6)', async () => {
    const file = join(root, 'resources', 'scenarios', 'pre-provisioning-success.json');
    const result = await cli('run', file, '--json', '--respond', 'reseal');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    const actions = report.timeline.filter((e: { type: string }) => e.type === 'userAction');
    expect(actions.map((e: { action: string }) => e.action)).toEqual(['reseal']);
    expect(report.phases.accountSetup.status).toBe('succeeded');
    expect(report.timeline.some((e: { type: string }) => e.type === 'desktopReached')).toBe(true);
  });

  it("the technician's Continue and Provision, then Retry on the red page, all headless (§7.6)", async () => {
    const file = join(root, 'resources', 'scenarios', 'pre-provisioning-app-failure.json');
    const result = await cli(
      'run',
      file,
      '--json',
      '--respond',
      'startProvisioning',
      '--respond',
      'provision',
      '--respond',
      'retry',
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    const actions = report.timeline.filter((e: { type: string }) => e.type === 'userAction');
    // The red page's Retry is the ESP's Try again.
    expect(actions.map((e: { action: string }) => e.action)).toEqual(['startProvisioning', 'provision', 'tryAgain']);
  });

  it('the text report uses the words on the screen, and durations as h:mm:ss', async () => {
    const file = join(root, 'resources', 'scenarios', 'user-driven-app-fails.json');
    const result = await cli('run', file, '--respond', 'continueAnyway');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/outcome: Continued anyway after \d+:\d\d:\d\d \(simulated\)/);
    expect(result.out).not.toMatch(/continuedAnyway|previousStepFailed|userDriven|succeeded/);
  });
});

// Real Intune exports kept beside the repository; a fresh clone has no ../shared, so that test skips and says why.
const realWorld = join(root, '..', 'shared', 'fixtures', 'real-world');
const hasRealWorld = existsSync(realWorld);
if (!hasRealWorld) {
  console.warn(
    'skipped: cli.test.ts "builds a runnable scenario from the real Intune exports" — ../shared/fixtures/real-world is absent (a fresh clone has no ../shared)',
  );
}

describe('esp-sim import', () => {
  const fixtures = realWorld;

  it.skipIf(!hasRealWorld)('builds a runnable scenario from the real Intune exports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esp-import-'));
    const out = join(dir, 'imported.json');
    const result = await cli('import', join(fixtures, 'esp-profiles'), join(fixtures, 'apps'), '--out', out);
    expect(result.code).toBe(0);
    expect((await cli('validate', out)).out).toBe('valid\n');
    expect((await cli('run', out, '--json')).code).toBe(0);
  });

  it('never overwrites an existing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esp-import-'));
    const out = join(dir, 'taken.json');
    writeFileSync(out, 'keep me');
    // An export of its own, so this runs in a fresh clone too.
    const profile = join(dir, 'esp-profile.json');
    writeFileSync(
      profile,
      JSON.stringify({
        '@odata.type': '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration',
        id: 'esp-1',
        displayName: 'Autopilot ESP',
        priority: 1,
        showInstallationProgress: true,
      }),
    );
    const result = await cli('import', profile, '--out', out);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/already exists/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
  });
});

describe('esp-sim run --json with two users (§1.12)', () => {
  it('reports the ESP as it ended for the first user', async () => {
    const scenario = JSON.parse(readFileSync(defaultScenario, 'utf8'));
    scenario.users.push({
      ...scenario.users[0],
      id: 'u2',
      userPrincipalName: 'megan@contoso.com',
      displayName: 'Megan Bowen',
    });
    const dir = mkdtempSync(join(tmpdir(), 'esp-two-users-'));
    const file = join(dir, 'two.json');
    writeFileSync(file, JSON.stringify(scenario));
    const single = JSON.parse((await cli('run', defaultScenario, '--json')).out);
    const report = JSON.parse((await cli('run', file, '--json')).out);
    expect(report.phases).toEqual(single.phases);
    expect(report.elapsedSeconds).toBe(single.elapsedSeconds);
    expect(report.espShown).toEqual({ device: true, user: true });
    expect(report.timeline.filter((e: { type: string }) => e.type === 'signedIn')).toHaveLength(2);
  });
});
