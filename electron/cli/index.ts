/**
 * `esp-sim`: the headless command line of scenario-and-cli.md §2.
 *   --version / -v                          the package version
 *   validate <file>                         0 valid, 1 invalid, 2 unreadable
 *   run <file> [--json] [--respond <a>]...  0 ran, 1 invalid scenario
 *   collect-logs <file> --out <folder>      0 written, 1 failed
 *   import <file-or-folder>... --out <f>    0 written, 1 nothing usable
 * A command line the tool cannot understand (unknown command, switch or --respond value) exits 2.
 * Whatever else goes wrong is one `esp-sim: <message>` line and exit 1: a person never sees a stack trace.
 */
import type { CliIo } from './commands';
import { interrupted, runCli, unexpected } from './commands';

const argv = process.argv.slice(2);
const io: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

// `esp-sim run ... | head -1`: the reader has what it wanted and went away. Nothing left to say to it.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.exit(unexpected(error, io));
});
// Nowhere left to complain to: leave with the code the command had reached, or 1.
process.stderr.on('error', () => process.exit(typeof process.exitCode === 'number' ? process.exitCode : 1));

// Ctrl+C during collect-logs: the partial file goes (and exiting runs the bundle's exit hook as well).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => process.exit(interrupted(argv[0], signal, io)));
}
process.on('uncaughtException', (error) => process.exit(unexpected(error, io)));
process.on('unhandledRejection', (error) => process.exit(unexpected(error, io)));

process.exitCode = await runCli(argv, io).catch((error: unknown) => unexpected(error, io));
