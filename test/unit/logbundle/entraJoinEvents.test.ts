/**
 * An Entra join leaves its trace in the AAD Operational and User Device Registration logs (esp-facts §3.2, §4.7):
 * the bundle of an Entra join has those events, not empty files; a hybrid join has its own (306).
 */
import { describe, expect, it } from 'vitest';
import { filesOf, runOf, selfDeployingScenario, successScenario, textOf } from './fixtures';

const UDR = 'microsoft-windows-user device registration-admin.txt';
const AAD = 'microsoft-windows-aad-operational.txt';
const ids = (text: string) => [...text.matchAll(/Event ID: (\d+)/g)].map((m) => Number(m[1]));

describe('the Entra join events', () => {
  it('a user-driven Entra join: the registration steps in User Device Registration/Admin, the token in AAD/Operational', () => {
    const scenario = successScenario();
    const run = runOf(scenario);
    const files = filesOf(scenario, run, run.endT);
    expect(ids(textOf(files, UDR))).toEqual([100, 101, 102, 103, 104, 105, 106, 111]);
    const aad = textOf(files, AAD);
    expect(ids(aad).length).toBeGreaterThanOrEqual(2);
    expect(aad).toContain('Http request status: 200');
  });

  it('a self-deploying join writes them when its Join row completes', () => {
    const scenario = selfDeployingScenario();
    const run = runOf(scenario);
    const udr = textOf(filesOf(scenario, run, run.endT), UDR);
    expect(ids(udr)).toContain(105);
  });

  it('a hybrid join writes the automatic registration (306) instead', () => {
    const base = successScenario();
    const scenario = { ...base, deployment: { ...base.deployment, join: 'hybrid' as const } };
    const run = runOf(scenario);
    const udr = textOf(filesOf(scenario, run, run.endT), UDR);
    expect(ids(udr)).toContain(306);
    expect(ids(udr)).not.toContain(105);
  });
});
