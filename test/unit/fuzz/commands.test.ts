/**
 * Property-based fuzzing of the command boundary of both hosts (docs/robustness.md):
 * - parseCommand (shared/contractSchema.ts), which the desktop shell's IPC handler and the preview
 *   server both call, with anything IPC's structured clone can carry and mutations of real commands;
 * - the browser preview's HTTP command endpoint (POST /api/command), started in-process as
 *   electron/preview/index.ts builds it, with bodies, content types and tokens of every kind.
 * Nothing throws or answers 500, no input takes more than 5 s, and every schema refusal names the
 * field (a path, `(root)` for the message itself). FUZZ_RUNS inputs per target (200 in CI).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnosticsView } from '../../../electron/core/diagnostics/diagnosticsView';
import { silentLogger } from '../../../electron/core/logging/logger';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import type { LogCollector } from '../../../electron/core/session/session';
import { Session } from '../../../electron/core/session/session';
import type { PreviewServer } from '../../../electron/preview/server';
import { startPreviewServer } from '../../../electron/preview/server';
import { HTTP, PREVIEW_TOKEN } from '../../../shared/contract';
import { commandSchema, parseCommand } from '../../../shared/contractSchema';
import { ManualClock } from '../helpers/manualClock';
import {
  assertNoPrototypePollution,
  fcOptions,
  jsonValue,
  mutate,
  mutation,
  root,
  Stats,
  TEST_TIMEOUT_MS,
} from './fuzzKit';

/** One of each command the bridges send, to mutate. */
const VALID_COMMANDS: readonly object[] = [
  { type: 'start' },
  { type: 'pause' },
  { type: 'resume' },
  { type: 'restart' },
  { type: 'seek', seconds: 125 },
  { type: 'setSpeed', speed: 60 },
  { type: 'setLook', look: 'windows10' },
  { type: 'setRelease', release: '11' },
  { type: 'userAction', action: 'tryAgain' },
  { type: 'openDiagnostics' },
  { type: 'closeDiagnostics' },
  { type: 'exportLogs', destination: null },
  { type: 'exportLogs', destination: '/media/usb' },
];

const mutatedCommand = fc
  .tuple(fc.constantFrom(...VALID_COMMANDS), fc.array(mutation, { maxLength: 3 }))
  .map(([command, mutations]) => mutate(command, mutations));

/** What IPC's structured clone can deliver to main: also Maps, Sets, Dates, typed arrays, BigInts... */
const cloneable = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** The refusal names the path of what zod found wrong first: the field, the unknown key, or `(root)`. */
function expectNamedRefusal(input: unknown, error: string): void {
  const issue = commandSchema.safeParse(input).error?.issues[0];
  expect(issue).toBeDefined();
  const path = issue!.code === 'unrecognized_keys' ? [...issue!.path, issue!.keys[0]] : issue!.path;
  const where = path.length > 0 ? path.map(String).join('.') : '(root)';
  expect(error.startsWith(`invalid command: ${where}: `), `${error} (expected the path ${where})`).toBe(true);
}

describe('parseCommand (both hosts)', () => {
  it('never throws, answers within 5 s, and every refusal names a path', { timeout: TEST_TIMEOUT_MS }, () => {
    const stats = new Stats('parseCommand');
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(mutatedCommand, jsonValue, cloneable), (input) => {
        const parsed = stats.time(() => parseCommand(input));
        if (parsed.ok) {
          accepted += 1;
          // What passes is a plain command: the same after a JSON round trip, and accepted again.
          expect(JSON.parse(JSON.stringify(parsed.command))).toEqual(parsed.command);
          expect(parseCommand(parsed.command)).toEqual(parsed);
        } else {
          expectNamedRefusal(input, parsed.error);
        }
        assertNoPrototypePollution();
      }),
      fcOptions(),
    );
    stats.report();
    console.log(`fuzz parseCommand: ${accepted} inputs were valid commands`);
  });
});

// ---------------------------------------------------------------------------------------------

describe('the preview server: POST /api/command', () => {
  let server: PreviewServer;
  let session: Session;
  let url: URL;
  let token: string;
  const exports: string[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const dirs: string[] = [];

  beforeAll(async () => {
    const loaded = await loadScenarioFile(join(root, 'resources', 'scenarios', 'default.json'));
    if (loaded.kind !== 'valid') throw new Error('the bundled default scenario does not load');
    const rendererDir = mkdtempSync(join(tmpdir(), 'esp-fuzz-renderer-'));
    dirs.push(rendererDir);
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'index.html'), readFileSync(join(root, 'renderer', 'index.html')));
    // Never writes: a generated destination may name a real folder ("/"), and fuzzing must not fill it.
    const logCollector: LogCollector = {
      collect: async ({ destination }) => {
        exports.push(destination);
        return { path: join(destination, 'MDMDiagReport.zip') };
      },
    };
    session = new Session({
      scenario: loaded.scenario,
      clock: new ManualClock(),
      logCollector,
      diagnostics: diagnosticsView,
      autoStart: true,
    });
    server = await startPreviewServer({ session, rendererDir, host: '127.0.0.1', port: 0, logger: silentLogger });
    url = new URL(server.url);
    const page = await send('GET', '/', {}, undefined);
    token = new RegExp(`<meta name="${PREVIEW_TOKEN.meta}" content="([^"]+)"`).exec(page.body)?.[1] ?? '';
    expect(token).not.toBe('');
  });
  afterAll(async () => {
    session.dispose();
    await server.close();
    agent.destroy();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  function send(
    method: string,
    path: string,
    headers: Record<string, string>,
    body: Buffer | undefined,
  ): Promise<{ status: number; type: string; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, method, path, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  const body = fc.oneof(
    { weight: 4, arbitrary: mutatedCommand.map((c) => Buffer.from(JSON.stringify(c) ?? 'null')) },
    { weight: 2, arbitrary: jsonValue.map((v) => Buffer.from(JSON.stringify(v) ?? '')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((s) => Buffer.from(s)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) },
    { weight: 1, arbitrary: fc.integer({ min: 4000, max: 9000 }).map((n) => Buffer.alloc(n, 0x20)) },
  );
  const contentType = fc.oneof(
    { weight: 6, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'text/plain', 'application/jsonp', '') },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }).filter((s) => /^[\x20-\x7e]*$/.test(s)) },
  );
  const tokenKind = fc.oneof(
    { weight: 8, arbitrary: fc.constant('right' as const) },
    { weight: 1, arbitrary: fc.constantFrom('missing' as const, 'wrong' as const) },
  );

  /** Each status the endpoint may answer a command with, and nothing else (no 500). */
  const STATUSES = new Set([200, 400, 403, 409, 413, 415]);

  it(
    'never answers 500 or hangs (5 s per request), answers JSON, and every schema refusal names a path',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const stats = new Stats('POST /api/command');
      const seen = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(body, contentType, tokenKind, async (payload, type, tokenIs) => {
          const headers: Record<string, string> = { 'content-length': String(payload.length) };
          if (type) headers['content-type'] = type;
          if (tokenIs !== 'missing') headers[PREVIEW_TOKEN.header] = tokenIs === 'right' ? token : `${token}x`;
          const label = `${JSON.stringify(headers)} ${JSON.stringify(payload.toString('utf8').slice(0, 500))}`;
          const answer = await stats.timeAsync(label, () => send('POST', HTTP.command, headers, payload));
          seen.set(answer.status, (seen.get(answer.status) ?? 0) + 1);
          expect(STATUSES.has(answer.status), `${answer.status} ${answer.body}`).toBe(true);
          expect(answer.type).toMatch(/^application\/json/);
          const json = JSON.parse(answer.body) as { ok: boolean; error?: string };
          expect(typeof json.ok).toBe('boolean');
          if (answer.status === 200) expect(json.ok).toBe(true);
          else expect(json).toMatchObject({ ok: false, error: expect.any(String) });
          // A schema refusal names the field; `not JSON` is the one refusal of a body that is not a value at all.
          if (answer.status === 400 && json.error!.startsWith('invalid command: ')) {
            if (json.error === 'invalid command: not JSON')
              expect(() => JSON.parse(payload.toString('utf8'))).toThrow();
            else expectNamedRefusal(JSON.parse(payload.toString('utf8')), json.error!);
          }
          assertNoPrototypePollution();
        }),
        fcOptions(),
      );
      stats.report();
      console.log(
        `fuzz POST /api/command: answers by status ${[...seen]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(', ')}; ` + `${exports.length} export(s) reached the (non-writing) collector`,
      );
      // Still serving: the page and the snapshot.
      expect((await send('GET', HTTP.snapshot, {}, undefined)).status).toBe(200);
    },
  );
});
