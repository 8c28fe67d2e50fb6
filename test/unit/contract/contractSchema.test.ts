import { describe, expect, it } from 'vitest';
import { commandFor } from '../../../shared/contract';
import { parseCommand } from '../../../shared/contractSchema';

describe('commands crossing the boundary', () => {
  it('accepts every command the bridges build', () => {
    for (const command of [
      commandFor('start'),
      commandFor('pause'),
      commandFor('resume'),
      commandFor('restart'),
      commandFor('setSpeed', 60),
      commandFor('setLook', 'windows10'),
      commandFor('act', 'tryAgain'),
      commandFor('act', 'continueAnywayWhileRunning'),
    ]) {
      expect(parseCommand(command)).toEqual({ ok: true, command });
    }
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
