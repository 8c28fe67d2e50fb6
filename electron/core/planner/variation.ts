/**
 * How one simulated device of `esp-sim plan` differs from the scenario as written (docs/cli.md, `esp-sim plan`;
 * docs/scenario-format.md §8.5). Pure: no clock, no I/O, no Node modules.
 *
 * Device i of a plan with seed S gets its own seed, `deviceSeed(S, i)`, and from a random source derived from it:
 * - one download bandwidth in Mbps, log-normal (`simulation.variation.bandwidthMbps`);
 * - for every app of the tenant, in tenant order, one install-time factor, log-normal
 *   (`simulation.apps[id].installTimeFactor`, else `simulation.variation.installTimeFactor`), and, where the
 *   scenario gives none, a download size and an install time drawn from the engine's own seeded ranges.
 *
 * The device's scenario is the scenario with that applied: the engine's seed is the device seed, each app's
 * download takes `downloadMB × 8 / bandwidth` seconds (the engine downloads at a fixed 12 MB/s, so downloadMB is
 * scaled by 96 / bandwidth), and each app's installer runs `installSeconds × factor` seconds (whole seconds, at
 * least 1). Every device draws the same numbers in the same order whatever the scenario says, so changing one
 * app's figures never moves another app's draws.
 */
import { DOWNLOAD_MB_PER_SECOND, SEEDED_DOWNLOAD_MB, SEEDED_INSTALL_SECONDS } from '../engine/appInstall';
import type { Rng } from '../engine/rng';
import { createRng } from '../engine/rng';
import type { AppBehaviour, Scenario } from '../scenario/model';
import { DEFAULT_VARIATION } from '../scenario/schema';

/** A log-normal spread: `median × e^(sigma × z)`, z standard normal. */
export interface LogNormal {
  median: number;
  sigma: number;
}

/** The engine's download rate as a bandwidth: 12 MB/s is 96 Mbps. */
export const ENGINE_BANDWIDTH_MBPS = DOWNLOAD_MB_PER_SECOND * 8;

/** A 32-bit integer hash (murmur3's finaliser): spreads neighbouring inputs over the whole range. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * The seed of device `index` (0-based) of a plan run with `seed`: an unsigned 32-bit integer, different for
 * every index and seed in practice, and the same on every machine. It is the device scenario's `seed`.
 */
export function deviceSeed(seed: number, index: number): number {
  return mix32((mix32(seed >>> 0) + Math.imul(index + 1, 0x9e3779b9)) >>> 0);
}

/** A standard normal draw (Box–Muller; the first uniform is kept away from 0). */
function normal(rng: Rng): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

function logNormal(rng: Rng, spread: LogNormal): number {
  return spread.median * Math.exp(spread.sigma * normal(rng));
}

/** What one device drew: its bandwidth, and per app id its factor and the figures the device scenario uses. */
export interface DeviceDraw {
  seed: number;
  /** Mbps. */
  bandwidthMbps: number;
  apps: Record<string, { installTimeFactor: number; downloadMB: number; installSeconds: number }>;
}

/**
 * The draws of device `index` of a plan run with `seed` (see the top of this file). `downloadMB` and
 * `installSeconds` are the figures before the device's bandwidth and factor apply.
 */
export function drawDevice(scenario: Scenario, seed: number, index: number): DeviceDraw {
  const own = deviceSeed(seed, index);
  // Not the engine's own stream: the engine is seeded with `own`, these draws with a hash of it.
  const rng = createRng(mix32(own ^ 0x5bd1e995) || 1);
  const variation = scenario.simulation.variation ?? DEFAULT_VARIATION;
  const bandwidthMbps = logNormal(rng, variation.bandwidthMbps);
  const apps: DeviceDraw['apps'] = {};
  for (const app of scenario.tenant.apps) {
    const behaviour = scenario.simulation.apps[app.id];
    const installTimeFactor = logNormal(rng, behaviour?.installTimeFactor ?? variation.installTimeFactor);
    const seededMB = rng.between(...SEEDED_DOWNLOAD_MB);
    const seededSeconds = rng.between(...SEEDED_INSTALL_SECONDS);
    apps[app.id] = {
      installTimeFactor,
      downloadMB: behaviour?.downloadMB ?? seededMB,
      installSeconds: behaviour?.installSeconds ?? seededSeconds,
    };
  }
  return { seed: own, bandwidthMbps, apps };
}

/**
 * The scenario device `index` (0-based) of a plan run with `seed` goes through: the same scenario, with the
 * device's seed and every app's download and install time set from `drawDevice`. The input is not changed;
 * the result shares everything but `seed` and `simulation.apps` with it.
 */
export function deviceScenario(scenario: Scenario, seed: number, index: number): Scenario {
  const draw = drawDevice(scenario, seed, index);
  const written = scenario.simulation.apps;
  // Built key by key: object spread of these per-app records cost more than the device's whole run (bench/planner).
  const apps: Record<string, AppBehaviour> = Object.assign({}, written);
  for (const app of scenario.tenant.apps) {
    const d = draw.apps[app.id]!;
    const downloadMB = (d.downloadMB * ENGINE_BANDWIDTH_MBPS) / draw.bandwidthMbps;
    const installSeconds = Math.max(1, Math.round(d.installSeconds * d.installTimeFactor));
    const own = written[app.id];
    apps[app.id] = own
      ? Object.assign({}, own, { downloadMB, installSeconds })
      : { exitCodes: [0], downloadMB, installSeconds };
  }
  return { ...scenario, seed: draw.seed, simulation: { ...scenario.simulation, apps } };
}
