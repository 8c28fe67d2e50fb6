import { describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/contract';
import { commandFunctions } from '../../../shared/contract';
import { parseCommand } from '../../../shared/contractSchema';

describe('commands crossing the boundary', () => {
  it('accepts every command the bridges build', async () => {
    const sent: Command[] = [];
    const api = commandFunctions(async (command) => {
      sent.push(command);
      return { ok: true };
    });
    await api.start();
    await api.pause();
    await api.resume();
    await api.restart();
    await api.setSpeed(60);
    await api.setLook('windows10');
    await api.setLanguage('de');
    await api.seek(125);
    await api.act('tryAgain');
    await api.act('continueAnywayWhileRunning');
    await api.openDiagnostics();
    await api.closeDiagnostics();
    await api.exportLogs('/media/usb');
    await api.exportLogs(null);
    expect(sent).toHaveLength(14);
    for (const command of sent) expect(parseCommand(command)).toEqual({ ok: true, command });
  });

  it('refuses a language the device screens do not speak', () => {
    expect(parseCommand({ type: 'setLanguage', language: 'es' }).ok).toBe(false);
    expect(parseCommand({ type: 'setLanguage', language: 'de-DE' }).ok).toBe(false);
  });

  it('refuses a negative seek', () => {
    expect(parseCommand({ type: 'seek', seconds: -1 }).ok).toBe(false);
  });

  it('refuses an unknown command type', () => {
    expect(parseCommand({ type: 'formatDisk' }).ok).toBe(false);
  });

  it('refuses extra fields a sender slipped in', () => {
    const result = parseCommand({ type: 'pause', evil: true });
    expect(result.ok).toBe(false);
  });

  it('refuses a speed out of range and says which field', () => {
    const result = parseCommand({ type: 'setSpeed', speed: 1e9 });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('speed') });
  });

  it('refuses a user action that is not one of the ESP actions', () => {
    expect(parseCommand({ type: 'userAction', action: 'viewDiagnostics' }).ok).toBe(false);
    expect(parseCommand({ type: 'userAction', action: 'runShell' }).ok).toBe(false);
  });

  it('refuses things that are not commands at all without throwing', () => {
    for (const input of [null, undefined, 42, 'pause', [], { type: 42 }]) {
      expect(parseCommand(input).ok).toBe(false);
    }
  });
});
