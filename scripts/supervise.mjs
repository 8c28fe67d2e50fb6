// What `npm start` and `npm run preview:web` do with the process they start: it follows them.
// Their signals are passed on, they exit with it, and when their own parent goes (npm killed by
// SIGTERM dies without passing the signal to the shell and this script), they stop it and go too.

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** How often to look for a new parent, and how long a child may take to stop before it is killed. */
const WATCH_MS = 250;
const GRACE_MS = 5000;

/** @param {import('node:child_process').ChildProcess} child */
export function supervise(child) {
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = (signal) => {
    if (!running()) return;
    child.kill(signal);
    setTimeout(() => running() && child.kill('SIGKILL'), GRACE_MS).unref();
  };
  for (const signal of SIGNALS) process.on(signal, () => stop(signal));
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    stop('SIGTERM');
  }, WATCH_MS);
  watch.unref();
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
