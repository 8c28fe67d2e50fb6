/**
 * Boundary checks for the contract. Imported by main and the preview server only, so the
 * renderer bundle carries no validator.
 */
import { z } from 'zod';
import type { Command, KioskRequest, OperatorRequest } from './contract';
import { KIOSK_PIN, MAX_SPEED, MIN_SPEED } from './contract';
import { USER_ACTIONS } from './actions';
import { LANGUAGES } from './esp';
import { MAX_PLAN_DEVICES, MAX_PLAN_SEED } from './planner';
import type { NextAction, TrainingCause } from './training';
import { CAUSE_CHOICES, NEXT_ACTIONS } from './training';

/** A week of simulated time: far beyond any ESP timeout (1440 minutes). */
const MAX_SEEK_SECONDS = 7 * 24 * 3600;

export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start') }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
  z.strictObject({ type: z.literal('step') }),
  z.strictObject({ type: z.literal('restart') }),
  z.strictObject({ type: z.literal('seek'), seconds: z.number().finite().min(0).max(MAX_SEEK_SECONDS) }),
  z.strictObject({ type: z.literal('setSpeed'), speed: z.number().finite().min(MIN_SPEED).max(MAX_SPEED) }),
  z.strictObject({ type: z.literal('setLook'), look: z.enum(['windows10', 'windows11']) }),
  z.strictObject({ type: z.literal('setRelease'), release: z.enum(['10', '11']) }),
  z.strictObject({ type: z.literal('setLanguage'), language: z.enum(LANGUAGES) }),
  z.strictObject({
    type: z.literal('userAction'),
    action: z.enum(USER_ACTIONS),
  }),
  z.strictObject({ type: z.literal('openDiagnostics') }),
  z.strictObject({ type: z.literal('closeDiagnostics') }),
  z.strictObject({ type: z.literal('exportLogs'), destination: z.string().min(1).max(4096).nullable() }),
  z.strictObject({ type: z.literal('requestKioskExit') }),
  z.strictObject({ type: z.literal('cancelKioskExit') }),
  // Any short string: a wrong PIN is the session's to refuse (and count), not a malformed command.
  z.strictObject({ type: z.literal('exitKiosk'), pin: z.string().max(64) }),
]) satisfies z.ZodType<Command>;

export type ParsedCommand = { ok: true; command: Command } | { ok: false; error: string };

/** Never throws: an invalid message becomes a refusal the caller logs. */
export function parseCommand(input: unknown): ParsedCommand {
  const result = commandSchema.safeParse(input);
  if (result.success) return { ok: true, command: result.data };
  const issue = result.error.issues[0];
  return { ok: false, error: `invalid command: ${issuePath(issue)}: ${issue?.message ?? 'not a command'}` };
}

/**
 * Where a refusal is: the field's path (`speed`), the unknown key itself for an unrecognized one, or
 * `(root)` when the message as a whole is wrong (not an object): every refusal names a path.
 */
export function issuePath(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return '(root)';
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : issue.path;
  return path.length > 0 ? path.map(String).join('.') : '(root)';
}

// ---------------------------------------------------------------------------------------------
// The operator console's requests

/**
 * The most an operator request may carry: a few scenario files or Intune exports at once (a scenario file is at
 * most 20 MB, electron/core/scenario/json.ts). The preview server refuses larger bodies before reading them.
 */
export const MAX_OPERATOR_REQUEST_BYTES = 32 * 1024 * 1024;
const MAX_UPLOADED_FILES = 50;

/** `bundled:<name>`, `user:<name>` or `startup`: entries are named, never addressed by path. */
export const LIBRARY_ID = /^(?:startup|(?:bundled|user):[a-z0-9][a-z0-9-]{0,99})$/;

const libraryId = z.string().regex(LIBRARY_ID, 'not a library entry');
const entryName = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(200, 'at most 200 characters')
  // eslint-disable-next-line no-control-regex
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'a name cannot hold control characters');
const uploadedFile = z.strictObject({
  name: z.string().min(1).max(255),
  base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
});

export const operatorRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('listLibrary') }),
  z.strictObject({ type: z.literal('readEntry'), id: libraryId }),
  z.strictObject({ type: z.literal('openEntry'), id: libraryId }),
  z.strictObject({ type: z.literal('createEntry'), name: entryName }),
  z.strictObject({ type: z.literal('duplicateEntry'), id: libraryId, name: entryName }),
  z.strictObject({ type: z.literal('renameEntry'), id: libraryId, name: entryName }),
  z.strictObject({ type: z.literal('deleteEntry'), id: libraryId }),
  z.strictObject({ type: z.literal('importScenario'), file: uploadedFile }),
  z.strictObject({
    type: z.literal('importIntune'),
    files: z.array(uploadedFile).min(1, 'no files').max(MAX_UPLOADED_FILES, `at most ${MAX_UPLOADED_FILES} files`),
  }),
  z.strictObject({ type: z.literal('exportEntry'), id: libraryId }),
  z.strictObject({ type: z.literal('previewEdit'), id: libraryId, document: z.unknown() }),
  z.strictObject({ type: z.literal('saveEntry'), id: libraryId, document: z.unknown() }),
  z.strictObject({ type: z.literal('discardDraft'), id: libraryId }),
  z.strictObject({ type: z.literal('runRecord') }),
  z.strictObject({
    type: z.literal('startTraining'),
    source: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('entry'), id: libraryId }),
      z.strictObject({
        kind: z.literal('randomFault'),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1),
      }),
    ]),
    difficulty: z.enum(['easy', 'hard']),
  }),
  z.strictObject({
    type: z.literal('answerTraining'),
    trainee: entryName,
    answer: z.strictObject({
      cause: z.enum(CAUSE_CHOICES.map((c) => c.kind) as [TrainingCause, ...TrainingCause[]]).nullable(),
      appId: z.string().min(1).max(500).nullable(),
      code: z.string().max(40),
      nextAction: z.enum(NEXT_ACTIONS.map((a) => a.id) as [NextAction, ...NextAction[]]).nullable(),
    }),
  }),
  z.strictObject({ type: z.literal('trainingResultsCsv'), trainee: entryName }),
  z.strictObject({ type: z.literal('setSafeNames'), on: z.boolean().nullable() }),
  z.strictObject({ type: z.literal('runAnalysis') }),
  z.strictObject({ type: z.literal('compareRuns'), id: libraryId }),
  z.strictObject({
    type: z.literal('planTimeouts'),
    devices: z
      .number('a number of devices is required')
      .int('a whole number of devices')
      .min(1, 'at least 1 device')
      .max(MAX_PLAN_DEVICES, `at most ${MAX_PLAN_DEVICES} devices`),
    seed: z
      .number('a seed (a number) is required')
      .int('a whole number')
      .min(0, 'at least 0')
      .max(MAX_PLAN_SEED, `at most ${MAX_PLAN_SEED}`),
  }),
]) satisfies z.ZodType<OperatorRequest>;

export type ParsedOperatorRequest = { ok: true; request: OperatorRequest } | { ok: false; error: string };

/** Never throws: a request that is not one of the console's becomes a refusal saying which part is wrong. */
export function parseOperatorRequest(input: unknown): ParsedOperatorRequest {
  const result = operatorRequestSchema.safeParse(input);
  if (result.success) return { ok: true, request: result.data as OperatorRequest };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') + ': ' : '';
  return { ok: false, error: `invalid request: ${where}${issue?.message ?? 'not a request'}` };
}

// ---------------------------------------------------------------------------------------------
// The kiosk playlist panel's requests

/** A playlist entry: a library entry, or a file the host listed as `file:<n>` (never a path from the page). */
export const PLAYLIST_ENTRY_ID = /^(?:(?:bundled|user):[a-z0-9][a-z0-9-]{0,99}|file:[0-9]{1,4})$/;
/** The longest pause `--loop` takes (a day). */
export const MAX_LOOP_SECONDS = 86_400;
export const MAX_PLAYLIST_ENTRIES = 100;

export const kioskRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('kioskState') }),
  z.strictObject({
    type: z.literal('setKioskPlaylist'),
    entries: z
      .array(z.string().regex(PLAYLIST_ENTRY_ID, 'not a library entry'))
      .max(MAX_PLAYLIST_ENTRIES, `at most ${MAX_PLAYLIST_ENTRIES} scenarios`),
    loopSeconds: z.number().finite().min(1).max(MAX_LOOP_SECONDS).nullable(),
    playNow: z.boolean(),
  }),
  z.strictObject({
    type: z.literal('setKioskPin'),
    pin: z.string().regex(KIOSK_PIN, 'a PIN is 4 to 12 digits').nullable(),
  }),
]) satisfies z.ZodType<KioskRequest>;

export type ParsedKioskRequest = { ok: true; request: KioskRequest } | { ok: false; error: string };

/** Never throws: anything else becomes a refusal saying which part is wrong. */
export function parseKioskRequest(input: unknown): ParsedKioskRequest {
  const result = kioskRequestSchema.safeParse(input);
  if (result.success) return { ok: true, request: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') + ': ' : '';
  return { ok: false, error: `invalid request: ${where}${issue?.message ?? 'not a request'}` };
}
