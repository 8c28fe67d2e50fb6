/** Training mode on the session: the snapshot (what the device screen reads) never names the round's scenario. */
import { describe, expect, it } from 'vitest';
import { Session, TRAINING_NAME } from '../../../electron/core/session/session';
import { ManualClock } from '../helpers/manualClock';
import { makeScenario } from '../helpers/scenarioFactory';

describe('Session.setTraining', () => {
  it('hides the scenario name, description and warnings while on, and shows them again after', () => {
    const scenario = { ...makeScenario({}), name: 'Teams fails with 1603', description: 'Teams exits 1603.' };
    const session = new Session({ scenario, clock: new ManualClock(), scenarioWarnings: ['apps[0]: Teams'] });
    session.setTraining(true);
    const hidden = session.snapshot();
    expect(hidden.scenario.name).toBe(TRAINING_NAME);
    expect(hidden.scenario.description).toBe('');
    expect(hidden.scenarioWarnings).toEqual([]);
    expect(JSON.stringify(hidden)).not.toContain('1603');
    session.setTraining(false);
    expect(session.snapshot().scenario.name).toBe('Teams fails with 1603');
  });
});

describe('Session.setSafeNames', () => {
  it('switches the running scenario to generated names and back, keeping the release', () => {
    const scenario = makeScenario({});
    const session = new Session({ scenario, clock: new ManualClock(), look: 'windows10' });
    const realSerial = session.scenario.device.serialNumber;
    expect(session.safeNamesOn).toBe(false);
    session.setSafeNames(true);
    expect(session.safeNamesOn).toBe(true);
    expect(session.scenario.device.serialNumber).not.toBe(realSerial);
    expect(session.scenario.windows.release).toBe('10');
    expect(JSON.stringify(session.snapshot())).not.toContain(realSerial);
    session.setSafeNames(false);
    expect(session.scenario.device.serialNumber).toBe(realSerial);
    expect(session.scenario.windows.release).toBe('10');
  });
});
