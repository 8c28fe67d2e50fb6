/**
 * bench/logs: bundles a run whose logs total about 100 MB with the real collector (archiver 8,
 * streaming, level 6) and compares it, in the same process run, with `zip -r -6` of the same files
 * (Debian's `zip` package: /usr/bin/zip; the bench only, no test needs it).
 * Prints the throughput of each, their ratio, the peak memory (RSS) during collection, and the
 * longest stall of the event loop while the collector runs. Goal (issue 5): >= 0.9 of zip's
 * throughput, < 200 MB RSS, no stall over 50 ms.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { simulate } from '../../electron/core/engine/simulate';
import type { BundleOptions } from '../../electron/core/logbundle/bundle';
import { bundleFiles, bundleSources } from '../../electron/core/logbundle/bundle';
import { collectLogBundle } from '../../electron/core/logbundle/collect';
import { validateScenario } from '../../electron/core/scenario/validate';

const TARGET_BYTES = 100 * 1024 * 1024;
const ROUNDS = 3;
const DEVICE_GROUP = 'g-devices';
const USER_GROUP = 'g-users';
const group = (groupId: string) => ({ target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId } });

/** A busy tenant: 120 required apps (some MSI, some in user context, some retried), a 24-hour timeout. */
function bigScenario(): unknown {
  const apps = Array.from({ length: 120 }, (_, i) => ({
    '@odata.type': i % 10 === 9 ? '#microsoft.graph.windowsMobileMSI' : '#microsoft.graph.win32LobApp',
    id: `0b7c${String(i).padStart(4, '0')}-5d3e-4a2f-9c1b-${String(100000000000 + i)}`,
    displayName: `Line-of-business app ${i}`,
    installExperience: { runAsAccount: i % 7 === 6 ? 'user' : 'system' },
    assignments: [{ intent: 'required', ...group(i % 7 === 6 ? USER_GROUP : DEVICE_GROUP) }],
  }));
  const behaviour = Object.fromEntries(
    apps.map((a, i) => [
      a.id,
      { installSeconds: 60 + (i % 5) * 30, downloadMB: 50 + (i % 9) * 40, exitCodes: i % 11 === 3 ? [1618, 0] : [0] },
    ]),
  );
  return {
    schemaVersion: 1,
    name: 'Busy tenant, 120 apps',
    seed: 42,
    startTime: '2026-03-02T08:30:00Z',
    deployment: { mode: 'userDriven' },
    device: { serialNumber: 'BENCH-0001', groupIds: [DEVICE_GROUP], model: 'Surface Laptop 5' },
    users: [
      {
        id: '4b1e9c7a-2f63-4d5e-8a90-1c2b3d4e5f60',
        userPrincipalName: 'adele@contoso.com',
        displayName: 'Adele Vance',
        groupIds: [USER_GROUP],
        intuneLicensed: true,
      },
    ],
    tenant: {
      id: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
      displayName: 'Contoso',
      groups: [
        { id: DEVICE_GROUP, displayName: 'Devices' },
        { id: USER_GROUP, displayName: 'Users' },
      ],
      enrollmentStatusPageProfiles: [
        {
          id: 'esp',
          displayName: 'Busy ESP',
          priority: 1,
          showInstallationProgress: true,
          installProgressTimeoutInMinutes: 1440,
          assignments: [group(DEVICE_GROUP)],
        },
      ],
      apps,
    },
    simulation: { apps: behaviour },
  };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mb = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1);

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}

/**
 * Writes the files the collector archives, from the same generators and options (they are pure, so
 * these are byte for byte the archive's entries; test/unit/logbundle/collect.test.ts checks that).
 */
async function writeBundleFiles(
  scenario: Parameters<typeof bundleSources>[0],
  run: Parameters<typeof bundleSources>[1],
  t: number,
  options: BundleOptions,
  dir: string,
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const source of bundleSources(scenario, run, t, options)) {
    const bytes = async function* () {
      for await (const part of source.chunks()) yield typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    };
    await pipeline(Readable.from(bytes()), createWriteStream(join(dir, source.name)));
  }
}

function sizeOfTree(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    total += entry.isDirectory() ? sizeOfTree(full) : statSync(full).size;
  }
  return total;
}

async function main(): Promise<void> {
  if (!existsSync('/usr/bin/zip')) {
    throw new Error("bench/logs compares with /usr/bin/zip: install Debian's zip package (apt-get install zip)");
  }
  const validated = validateScenario(bigScenario());
  if (!validated.ok) throw new Error(`bench scenario invalid: ${JSON.stringify(validated.problems.slice(0, 3))}`);
  const scenario = validated.scenario;
  const simulated = simulate(scenario);
  const t = simulated.endT;
  const { fileCount, plain } = (() => {
    const files = bundleFiles(scenario, simulated, t);
    return { fileCount: files.length, plain: files.reduce((n, f) => n + Buffer.byteLength(f.content), 0) };
  })();
  const padding = Math.max(0, TARGET_BYTES - plain);
  const work = mkdtempSync(join(tmpdir(), 'esp-bench-logs-'));
  const baselineRss = process.memoryUsage().rss;

  const ours: number[] = [];
  const theirs: number[] = [];
  let peakRss = 0;
  let longestStall = 0;
  const stalls: number[] = [];
  let histogramMax = 0;
  let histogramMin = Infinity;
  let inputBytes = 0;
  let ourArchive = 0;
  let zipArchive = 0;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // Ours: generate and stream every file into the archive, while timers keep firing.
      const dest = join(work, `ours-${round}`);
      rmSync(dest, { recursive: true, force: true });
      await run('mkdir', ['-p', dest], work);
      const histogram = monitorEventLoopDelay({ resolution: 10 });
      let last = performance.now();
      let stall = 0;
      const drift = setInterval(() => {
        const now = performance.now();
        stall = Math.max(stall, now - last - 10);
        last = now;
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }, 10);
      histogram.enable();
      const started = performance.now();
      const { path, bytes } = await collectLogBundle({
        scenario,
        run: simulated,
        t,
        destination: dest,
        appLogPath: null,
        bundleOptions: { imeLogPaddingBytes: padding },
      });
      ours.push(performance.now() - started);
      histogram.disable();
      clearInterval(drift);
      longestStall = Math.max(longestStall, stall);
      stalls.push(stall);
      histogramMax = Math.max(histogramMax, histogram.max / 1e6);
      histogramMin = Math.min(histogramMin, histogram.min / 1e6);
      ourArchive = bytes;

      // zip -r -6 of the very same files (written from the same generators, not timed).
      const extracted = join(work, `files-${round}`);
      await writeBundleFiles(
        scenario,
        simulated,
        t,
        { imeLogPaddingBytes: padding, archiveName: basename(path), appLog: null },
        extracted,
      );
      inputBytes = sizeOfTree(extracted);
      const out = join(work, `zip-${round}.zip`);
      const zipStarted = performance.now();
      await run('/usr/bin/zip', ['-r', '-6', '-q', out, '.'], extracted);
      theirs.push(performance.now() - zipStarted);
      zipArchive = statSync(out).size;
      rmSync(extracted, { recursive: true, force: true });
      rmSync(dest, { recursive: true, force: true });
      rmSync(out, { force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const ourMs = median(ours);
  const zipMs = median(theirs);
  const ourRate = inputBytes / (1024 * 1024) / (ourMs / 1000);
  const zipRate = inputBytes / (1024 * 1024) / (zipMs / 1000);
  console.log(
    `bench/logs — ${scenario.name}: ${simulated.timeline.length} timeline events, ${mb(inputBytes)} MB in ${fileCount} files (IME log padded by ${mb(padding)} MB), ${ROUNDS} rounds`,
  );
  console.log(
    `  collector (archiver 8, level 6, generation included): median ${ourMs.toFixed(0)} ms = ${ourRate.toFixed(1)} MB/s, archive ${mb(ourArchive)} MB   [${ours.map((x) => x.toFixed(0)).join(', ')}]`,
  );
  console.log(
    `  zip -r -6 of the same files:                          median ${zipMs.toFixed(0)} ms = ${zipRate.toFixed(1)} MB/s, archive ${mb(zipArchive)} MB   [${theirs.map((x) => x.toFixed(0)).join(', ')}]`,
  );
  console.log(
    `  throughput ratio (collector / zip):                   ${(ourRate / zipRate).toFixed(2)}   (goal >= 0.9)`,
  );
  console.log(
    `  peak RSS during collection:                          ${mb(peakRss)} MB (process max ${mb(process.resourceUsage().maxRSS * 1024)} MB, before: ${mb(baselineRss)} MB)   (goal < 200 MB)`,
  );
  console.log(
    `  longest event-loop stall during collection:           ${longestStall.toFixed(1)} ms (10 ms timer drift, per round [${stalls.map((x) => x.toFixed(1)).join(', ')}]); monitorEventLoopDelay(10 ms) min ${histogramMin.toFixed(1)} / max ${histogramMax.toFixed(1)} ms   (goal < 50 ms)`,
  );
}

await main();
