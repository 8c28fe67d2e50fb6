// bench/soak (issue "Kiosk demos that run for days"): the kiosk loop, for a long time, in the real browser preview
// with a connected page (Debian's Chromium through Playwright).
//
//   npm run bench:soak                                # 1,000 loops, or 10 minutes, whichever comes first
//   npm run bench:soak -- --loops 300 --minutes 5
//
// The preview runs as a kiosk demo at the highest speed (10,000x) on a playlist of three bundled scenarios that end
// three ways (the desktop, an error screen nobody answers, the kiosk app), with the shortest loop pause --loop takes
// (1 s), so a loop is one run plus one second. The preview starts with --expose-gc and ESP_SIM_DEBUG_COUNTS=1, so
// its debug route reports session subscribers, open event streams, kiosk loops and memory after a full collection.
// Warm-up: the first 5 % of the loops (at least 20). Goals: resident memory growth of the server after warm-up under
// 10 MB; no growth in subscribers or streams. The page's JS heap, DOM nodes and event listeners (Chromium's
// Performance.getMetrics) are printed too. Exit code 1 when a goal is missed.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { loops: { type: 'string', default: '1000' }, minutes: { type: 'string', default: '10' } },
});
const LOOPS = Number(values.loops);
const BUDGET_MS = Number(values.minutes) * 60_000;
if (!(LOOPS >= 1) || !(BUDGET_MS > 0)) {
  console.error('usage: npm run bench:soak -- [--loops <n>] [--minutes <m>]');
  process.exit(2);
}
const WARM_UP = Math.max(20, Math.round(LOOPS * 0.05));
const MB = 1024 * 1024;
const PLAYLIST = ['default.json', 'user-driven-app-fails.json', 'self-deploying-kiosk.json'].map((name) =>
  join(root, 'resources', 'scenarios', name),
);

const work = mkdtempSync(join(tmpdir(), 'esp-sim-soak-'));
const child = spawn(
  process.execPath,
  [
    '--expose-gc',
    join(root, 'out', 'node', 'preview.mjs'),
    '--port',
    '0',
    '--kiosk',
    '--playlist',
    PLAYLIST.join(','),
    '--loop',
    '1',
    '--speed',
    '10000',
    '--settings',
    join(work, 'settings.json'),
    '--library',
    join(work, 'library'),
  ],
  {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ESP_SIM_DEBUG_COUNTS: '1', ESP_SIM_LOG_DIR: join(work, 'logs') },
  },
);
let output = '';
const url = await new Promise((resolveUrl, reject) => {
  const timer = setTimeout(() => reject(new Error(`the preview did not start:\n${output}`)), 30_000);
  child.stdout.on('data', (chunk) => {
    output += chunk;
    const match = /ESP Simulator preview: (\S+)/.exec(output);
    if (match) {
      clearTimeout(timer);
      resolveUrl(match[1]);
    }
  });
  child.stderr.on('data', (chunk) => (output += chunk));
  child.on('exit', (code) => reject(new Error(`the preview exited with ${code}:\n${output}`)));
});

/** The server's counts; `gc` first runs a full collection in the server so memory compares like with like. */
async function counts(gc = false) {
  const response = await fetch(new URL(`api/debug/counts${gc ? '?gc=1' : ''}`, url));
  return response.json();
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
async function pageMetrics() {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { heap: get('JSHeapUsedSize'), nodes: get('Nodes'), listeners: get('JSEventListeners') };
}
const pageErrors = [];
page.on('pageerror', (error) => pageErrors.push(error.message));

const started = Date.now();
await page.goto(url);
const rows = [];
async function sample(label) {
  const server = await counts(true);
  const client = await pageMetrics();
  const row = { label, minutes: (Date.now() - started) / 60_000, ...server, page: client };
  rows.push(row);
  console.log(
    `${label.padEnd(10)} loops ${String(server.loops).padStart(5)}  ${row.minutes.toFixed(1).padStart(5)} min  ` +
      `server RSS ${(server.rssBytes / MB).toFixed(1)} MB, heap ${(server.heapUsedBytes / MB).toFixed(1)} MB, ` +
      `subscribers ${server.listeners}, streams ${server.streams}  |  page heap ${(client.heap / MB).toFixed(1)} MB, ` +
      `${client.nodes} nodes, ${client.listeners} listeners`,
  );
  return row;
}

let warm = null;
let nextReport = WARM_UP;
let loops = 0;
while (loops < LOOPS && Date.now() - started < BUDGET_MS) {
  await new Promise((r) => setTimeout(r, 1000));
  ({ loops } = await counts());
  if (!warm && loops >= WARM_UP) {
    warm = await sample('warm-up');
    nextReport = WARM_UP + 100;
  } else if (warm && loops >= nextReport) {
    await sample('progress');
    nextReport += 100;
  }
}
const elapsedMs = Date.now() - started;
const end = await sample('end');
await browser.close();
await new Promise((done) => {
  child.once('exit', done);
  child.kill('SIGINT');
  setTimeout(() => child.kill('SIGKILL'), 5000).unref();
});
rmSync(work, { recursive: true, force: true });

const secondsPerLoop = elapsedMs / 1000 / Math.max(1, end.loops);
console.log('');
console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, ` +
    `Node ${process.version}, Chromium ${browser.version()}`,
);
console.log(
  `loops: ${end.loops} of ${LOOPS} in ${(elapsedMs / 60_000).toFixed(1)} min (${secondsPerLoop.toFixed(2)} s a loop)` +
    (end.loops < LOOPS ? `; the full ${LOOPS} would need about ${((LOOPS * secondsPerLoop) / 60).toFixed(0)} min` : ''),
);
if (!warm) {
  console.log(`not enough loops for the warm-up (${WARM_UP}): no growth figures`);
  process.exit(1);
}
const growthMb = (end.rssBytes - warm.rssBytes) / MB;
const heapGrowthMb = (end.heapUsedBytes - warm.heapUsedBytes) / MB;
console.log(
  `server RSS after warm-up ${(warm.rssBytes / MB).toFixed(1)} MB -> ${(end.rssBytes / MB).toFixed(1)} MB ` +
    `(growth ${growthMb.toFixed(1)} MB, goal < 10 MB); heap ${heapGrowthMb >= 0 ? '+' : ''}${heapGrowthMb.toFixed(1)} MB`,
);
console.log(
  `subscribers ${warm.listeners} -> ${end.listeners}, streams ${warm.streams} -> ${end.streams} (goal: no growth)`,
);
console.log(
  `page: heap ${(warm.page.heap / MB).toFixed(1)} -> ${(end.page.heap / MB).toFixed(1)} MB, ` +
    `nodes ${warm.page.nodes} -> ${end.page.nodes}, listeners ${warm.page.listeners} -> ${end.page.listeners}`,
);
if (pageErrors.length > 0) console.log(`page errors: ${pageErrors.length} (first: ${pageErrors[0]})`);
const ok = growthMb < 10 && end.listeners <= warm.listeners && end.streams <= warm.streams && pageErrors.length === 0;
console.log(ok ? 'goals met' : 'GOALS MISSED');
process.exit(ok ? 0 : 1);
