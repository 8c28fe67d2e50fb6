/**
 * `esp-sim run --expect`: exit 0 when every expectation holds, 3 with one line per expectation that does not,
 * 2 for an expectation the tool does not know, for each kind of expectation.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/commands';

const root = join(import.meta.dirname, '..', '..', '..');
const scenario = (name: string) => join(root, 'resources', 'scenarios', name);
const DEFAULT = scenario('default.json');
const VPN = 'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e01';
const EXPENSES = 'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e04';
const PORTAL = 'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e03';
const PROFILE_ID = '5e0c9a8b-7d6f-4e3a-b2c1-0f9e8d7c6b5a_Windows10EnrollmentCompletionPageConfiguration';

async function run(file: string, ...expectations: string[]) {
  let out = '';
  let err = '';
  const argv = ['run', file, '--json', ...expectations.flatMap((e) => ['--expect', e])];
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Each kind: an expectation that holds, one that does not (with its line), one the tool cannot use. */
const KINDS: { kind: string; file?: string; holds: string; fails: string; line: string; bad: string }[] = [
  {
    kind: 'outcome',
    holds: 'outcome=succeeded',
    fails: 'outcome=failed',
    line: 'expectation failed: outcome=failed: expected outcome failed, got succeeded',
    bad: 'outcome=finished',
  },
  {
    kind: 'tracked',
    holds: `tracked=${VPN}`,
    fails: 'tracked=no-such-app',
    line: 'expectation failed: tracked=no-such-app: expected app no-such-app, got no app with that id in the scenario',
    bad: 'tracked=',
  },
  {
    kind: 'notTracked',
    file: scenario('selected-blocking-apps.json'),
    holds: `notTracked=${PORTAL}`,
    fails: `notTracked=${VPN}`,
    line: `expectation failed: notTracked=${VPN}: expected not tracked in any phase, got tracked in deviceSetup`,
    bad: 'nottracked=x',
  },
  {
    kind: 'deferred',
    file: scenario('selected-blocking-apps.json'),
    holds: `deferred=${PORTAL}`,
    fails: `deferred=${VPN}`,
    line: `expectation failed: deferred=${VPN}: expected installed after the ESP, got not deferred (tracked in deviceSetup)`,
    bad: 'deferred',
  },
  {
    kind: 'maxMinutes',
    holds: 'maxMinutes=45',
    fails: 'maxMinutes=5',
    line: 'expectation failed: maxMinutes=5: expected the ESP within 5 min, got 8.6 min',
    bad: 'maxMinutes=soon',
  },
  {
    kind: 'phase',
    holds: 'phase.accountSetup=succeeded',
    fails: 'phase.deviceSetup=failed',
    line: 'expectation failed: phase.deviceSetup=failed: expected deviceSetup failed, got succeeded',
    bad: 'phase.setup=succeeded',
  },
  {
    kind: 'profile',
    holds: 'profile=Contoso Autopilot ESP',
    fails: 'profile=All users and all devices',
    line: `expectation failed: profile=All users and all devices: expected profile All users and all devices, got "Contoso Autopilot ESP" (${PROFILE_ID})`,
    bad: 'profiles=Contoso Autopilot ESP',
  },
];

describe('esp-sim run --expect', () => {
  for (const k of KINDS) {
    it(`${k.kind}: 0 when it holds, 3 with expected and got when not, 2 when the tool cannot use it`, async () => {
      const file = k.file ?? DEFAULT;
      const holds = await run(file, k.holds);
      expect(holds.code).toBe(0);
      expect(holds.err).toBe('the expectation holds\n');
      expect(JSON.parse(holds.out).outcome).toBeDefined(); // the report still prints
      const fails = await run(file, k.fails);
      expect(fails.code).toBe(3);
      expect(fails.err).toBe(`${k.line}\n`);
      expect(JSON.parse(fails.out).outcome).toBeDefined();
      const bad = await run(file, k.bad);
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/^esp-sim run: --expect .*\nusage:/);
      expect(bad.out).toBe('');
    });
  }

  it('checks them all at once, one line per expectation that does not hold, in the order given', async () => {
    const all = await run(
      DEFAULT,
      'outcome=succeeded',
      `tracked=${VPN}`,
      `tracked=${EXPENSES}`,
      'maxMinutes=45',
      'phase.deviceSetup=succeeded',
      `profile=${PROFILE_ID}`,
    );
    expect(all).toMatchObject({ code: 0, err: 'all 6 expectations hold\n' });
    const some = await run(DEFAULT, 'outcome=timedOut', `tracked=${VPN}`, 'maxMinutes=1.5', `notTracked=${EXPENSES}`);
    expect(some.code).toBe(3);
    expect(some.err.split('\n').filter(Boolean)).toEqual([
      'expectation failed: outcome=timedOut: expected outcome timedOut, got succeeded',
      'expectation failed: maxMinutes=1.5: expected the ESP within 1.5 min, got 8.6 min',
      `expectation failed: notTracked=${EXPENSES}: expected not tracked in any phase, got tracked in accountSetup`,
    ]);
  });

  it('works with the text report too, and an invalid scenario still exits 1', async () => {
    let err = '';
    const code = await runCli(['run', DEFAULT, '--expect', 'outcome=failed'], {
      out: () => {},
      err: (t) => (err += t),
    });
    expect(code).toBe(3);
    expect(err).toBe('expectation failed: outcome=failed: expected outcome failed, got succeeded\n');
    const invalid = await run(join(root, 'test', 'e2e', 'scenarios', 'bad-mode.json'), 'outcome=succeeded');
    expect(invalid.code).toBe(1);
  });

  it('refuses an unknown expectation before running anything', async () => {
    const result = await run(join(root, 'no-such-file.json'), 'colour=blue');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      /^esp-sim run: --expect colour=blue: unknown expectation "colour"; expectations: outcome, /,
    );
  });
});
