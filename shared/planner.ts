/**
 * The timeout planner (`esp-sim plan`, docs/cli.md; the console's Timeout planner page): its limits, the report
 * `esp-sim plan --json` prints, and what the console's `planTimeouts` request answers. Plain data: the figures are
 * computed by electron/core/planner; the console only lays them out.
 */

/** More devices than any tenant needs to plan for; keeps a typo from running for hours (CLI and console). */
export const MAX_PLAN_DEVICES = 1_000_000;
/** A plan's seed is an unsigned 32-bit integer, as device seeds are (electron/core/planner/variation.ts). */
export const MAX_PLAN_SEED = 0xffffffff;

/**
 * The plan seed a scenario's own `seed` stands for when none is given: its low 32 bits. A scenario may hold any whole
 * number, but every random source takes the seed as an unsigned 32-bit integer (engine/rng.ts, planner/variation.ts),
 * so this is the same plan, and a seed the planner's own limits accept (0 to MAX_PLAN_SEED).
 */
export function planSeedOf(scenarioSeed: number): number {
  return scenarioSeed >>> 0;
}

/** A log-normal spread: a device's value is `median × e^(sigma × z)`, z standard normal (scenario-format §8.5). */
export interface LogNormalSpread {
  median: number;
  sigma: number;
}

/**
 * The spread `esp-sim plan` gives devices when `simulation.variation` leaves it out (scenario-format §8.5). 96 Mbps
 * is the engine's own 12 MB/s, so the median device downloads as a plain run does; an install-time factor of 1
 * leaves `installSeconds` as written.
 */
export const DEFAULT_VARIATION = {
  bandwidthMbps: { median: 96, sigma: 0.5 },
  installTimeFactor: { median: 1, sigma: 0.25 },
} as const satisfies Record<string, LogNormalSpread>;

/** The JSON `esp-sim plan --json` prints (docs/cli.md). */
export interface PlanReport {
  devices: number;
  /** The applied profile's installProgressTimeoutInMinutes, plus 40 for hybrid join (§1.11). */
  timeoutMinutes: number;
  /** The ESP's duration (to its end, or to the error screen it stops on), nearest-rank, minutes to 2 decimals. */
  durationMinutes: { p50: number; p90: number; p99: number };
  /** Devices whose ESP timed out, over all devices, 0–1 to 4 decimals. */
  timedOutShare: number;
  /** Devices whose ESP timed out, counted (the share is rounded; this is not). */
  timedOutDevices: number;
  /** Apps some phase waited on, longest median first: seconds their attempts ran (download and installer). */
  byApp: { id: string; displayName: string; medianSeconds: number }[];
}

/** One bin of the ESP-duration histogram: devices whose ESP lasted from `fromMinutes` up to (not including) `toMinutes`. */
export interface PlanHistogramBin {
  fromMinutes: number;
  toMinutes: number;
  devices: number;
}

/** The ESP-duration histogram of a plan (`esp-sim plan`'s text form draws the same bins). */
export interface PlanHistogram {
  /** Every bin's width in minutes: 1, 2, 5, 10, 15, 30, 60, 120 or 240, so there are at most about 20 bins. */
  widthMinutes: number;
  /** From the bin holding the shortest ESP to the one holding the longest, empty bins included. */
  bins: PlanHistogramBin[];
  /** The index of the bin the timeout falls in, or null when it falls outside them all. */
  timeoutBin: number | null;
}

/** The timeout the ESP runs against, and where it comes from. */
export interface PlanTimeout {
  /** What the devices run against: `profileMinutes + hybridExtraMinutes` (= `PlanReport.timeoutMinutes`). */
  minutes: number;
  /** The applied profile's `installProgressTimeoutInMinutes` (Intune's default when the profile sets none). */
  profileMinutes: number;
  /** The applied profile's name; null when the ESP's default timeout applies without a profile naming it. */
  profileName: string | null;
  /** 40 for hybrid join (§1.11), else 0. */
  hybridExtraMinutes: number;
}

/** The spreads the devices draw from, as the plan used them, and whether each is the default (DEFAULT_VARIATION). */
export interface PlanDistributions {
  /** `simulation.variation.bandwidthMbps`, or the default. */
  bandwidthMbps: LogNormalSpread & { isDefault: boolean };
  /** `simulation.variation.installTimeFactor`, or the default: every app without its own. */
  installTimeFactor: LogNormalSpread & { isDefault: boolean };
  /** `simulation.apps[id].installTimeFactor`: the apps with their own spread, tenant order. */
  appOverrides: { id: string; displayName: string; installTimeFactor: LogNormalSpread }[];
}

/** What the console's `planTimeouts` request answers: a plan of the scenario on the device screen. */
export interface TimeoutPlan {
  scenarioName: string;
  seed: number;
  /** Threads that simulated the devices (1: the host's own thread). */
  threads: number;
  /** The same figures `esp-sim plan --json` prints for this scenario, device count and seed. */
  report: PlanReport;
  timeout: PlanTimeout;
  histogram: PlanHistogram;
  distributions: PlanDistributions;
}
