/**
 * `esp-sim timeline <file> [--respond <action>]... [--plan-device <i> [--plan-seed <n>]] --format csv|json` (docs/cli.md): the record of
 * the run — the same run as `esp-sim run` with the same responses (runHeadless) — as a JSON array of
 * events or as CSV (electron/core/analysis/timelineCsv.ts).
 * Exit 0; 1 for an invalid or unreadable scenario; 2 for a command line it cannot understand
 * (including a response the screen never offers, as for `run`).
 */
import { timelineCsv } from '../core/analysis/timelineCsv';
import {
  PLAN_DEVICE_OPTIONS,
  asPlanDevice,
  loadValidScenario,
  onePositional,
  parseCommandLine,
  planDeviceOf,
  responsesOf,
} from './analysisArgs';
import type { CliIo } from './commands';
import { UsageError } from './commands';
import { runHeadless } from './respond';

const FORMATS = ['csv', 'json'] as const;

/** Runs `esp-sim timeline`; resolves to the exit code. */
export async function timelineCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandLine({
    args,
    options: { format: { type: 'string' }, respond: { type: 'string', multiple: true }, ...PLAN_DEVICE_OPTIONS },
    allowPositionals: true,
  });
  const file = onePositional(positionals, 'scenario file');
  const format = values.format;
  if (format === undefined) throw new UsageError('--format csv|json is required');
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format takes ${FORMATS.join(' or ')}, not "${format}"`);
  }
  const responses = responsesOf(values.respond);
  const device = planDeviceOf(values);
  const loaded = await loadValidScenario(file, io);
  if (!loaded) return 1;
  const result = runHeadless(asPlanDevice(loaded, device), responses);
  if (!result.ok) throw new UsageError(result.error);
  io.out(format === 'csv' ? timelineCsv(result.run.timeline) : JSON.stringify(result.run.timeline, null, 2) + '\n');
  return 0;
}
