/** The kiosk part of the contract: the commands and panel requests the bridges build are the ones the hosts accept. */
import { describe, expect, it } from 'vitest';
import type { Command, KioskRequest } from '../../../shared/contract';
import { commandFunctions, kioskFunctions } from '../../../shared/contract';
import { parseCommand, parseKioskRequest } from '../../../shared/contractSchema';

describe('the kiosk commands and requests', () => {
  it('accepts every one the bridges build', async () => {
    const commands: Command[] = [];
    const api = commandFunctions(async (command) => {
      commands.push(command);
      return { ok: true };
    });
    await api.requestKioskExit();
    await api.cancelKioskExit();
    await api.exitKiosk('2468');
    expect(commands.map((c) => parseCommand(c).ok)).toEqual([true, true, true]);

    const requests: KioskRequest[] = [];
    const kiosk = kioskFunctions(async (request) => {
      requests.push(request);
      return { ok: true, value: null };
    });
    await kiosk.kioskState();
    await kiosk.setKioskPlaylist(['bundled:default', 'user:my-demo', 'file:2'], 30, true);
    await kiosk.setKioskPlaylist([], null, false);
    await kiosk.setKioskPin('123456');
    await kiosk.setKioskPin(null);
    for (const request of requests) expect(parseKioskRequest(request)).toEqual({ ok: true, request });
  });

  it('refuses a path where a playlist entry is expected: the page never names files', () => {
    for (const entry of ['/etc/passwd', '../secret.json', 'C:\\demo.json', 'startup', 'file:x']) {
      expect(
        parseKioskRequest({ type: 'setKioskPlaylist', entries: [entry], loopSeconds: 30, playNow: false }).ok,
      ).toBe(false);
    }
  });

  it('refuses a PIN that is not 4 to 12 digits, and a loop pause out of range', () => {
    for (const pin of ['123', '1234567890123', 'abcd', ' 1234'])
      expect(parseKioskRequest({ type: 'setKioskPin', pin })).toMatchObject({ ok: false });
    for (const loopSeconds of [0, -1, 86_401, Number.NaN])
      expect(parseKioskRequest({ type: 'setKioskPlaylist', entries: [], loopSeconds, playNow: false }).ok).toBe(false);
  });

  it('takes any short PIN attempt as a command, and leaves judging it to the session', () => {
    expect(parseCommand({ type: 'exitKiosk', pin: 'wrong' }).ok).toBe(true);
    expect(parseCommand({ type: 'exitKiosk', pin: 'x'.repeat(65) }).ok).toBe(false);
    expect(parseCommand({ type: 'exitKiosk' }).ok).toBe(false);
  });
});
