/**
 * `esp-sim`: the headless command line of scenario-and-cli.md §2.
 *   validate <file>                         0 valid, 1 invalid, 2 unreadable
 *   run <file> [--json] [--respond <a>]...  0 ran, 1 invalid scenario
 *   collect-logs <file> --out <folder>      0 written, 1 failed
 *   import <file-or-folder>... --out <f>    0 written, 1 nothing usable
 * A command line the tool cannot understand (unknown command, switch or --respond value) exits 2.
 */
import { runCli } from './commands';

// Ctrl+C during collect-logs: exiting runs the log bundle's exit hook, which removes the partial file.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
process.exitCode = code;
