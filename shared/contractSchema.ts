/**
 * Boundary checks for the contract. Imported by main and the preview server only, so the
 * renderer bundle carries no validator.
 */
import { z } from 'zod';
import type { Command } from './contract';
import { MAX_SPEED, MIN_SPEED } from './contract';
import { USER_ACTIONS } from './actions';

/** A week of simulated time: far beyond any ESP timeout (1440 minutes). */
const MAX_SEEK_SECONDS = 7 * 24 * 3600;

export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start') }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
  z.strictObject({ type: z.literal('restart') }),
  z.strictObject({ type: z.literal('seek'), seconds: z.number().finite().min(0).max(MAX_SEEK_SECONDS) }),
  z.strictObject({ type: z.literal('setSpeed'), speed: z.number().finite().min(MIN_SPEED).max(MAX_SPEED) }),
  z.strictObject({ type: z.literal('setLook'), look: z.enum(['windows10', 'windows11']) }),
  z.strictObject({ type: z.literal('setRelease'), release: z.enum(['10', '11']) }),
  z.strictObject({
    type: z.literal('userAction'),
    action: z.enum(USER_ACTIONS),
  }),
  z.strictObject({ type: z.literal('openDiagnostics') }),
  z.strictObject({ type: z.literal('closeDiagnostics') }),
  z.strictObject({ type: z.literal('exportLogs'), destination: z.string().min(1).max(4096).nullable() }),
]) satisfies z.ZodType<Command>;

export type ParsedCommand = { ok: true; command: Command } | { ok: false; error: string };

/** Never throws: an invalid message becomes a refusal the caller logs. */
export function parseCommand(input: unknown): ParsedCommand {
  const result = commandSchema.safeParse(input);
  if (result.success) return { ok: true, command: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') + ': ' : '';
  return { ok: false, error: `invalid command: ${where}${issue?.message ?? 'not a command'}` };
}
