/**
 * The console's Timeout planner page, host side: `esp-sim plan` (electron/core/planner) on the scenario the device
 * screen runs, with the same figures the CLI prints for the same scenario, device count and seed, plus the
 * histogram's bins and the spreads the devices drew from. One plan at a time: a plan keeps every core busy.
 */
import type { OperatorResult } from '../../../shared/contract';
import type { LogNormalSpread, PlanDistributions, TimeoutPlan } from '../../../shared/planner';
import { DEFAULT_VARIATION, MAX_PLAN_DEVICES, MAX_PLAN_SEED } from '../../../shared/planner';
import type { Logger } from '../logging/logger';
import { durationHistogram } from '../planner/histogram';
import { runPlan } from '../planner/parallel';
import { timeoutOf } from '../planner/plan';
import type { Scenario } from '../scenario/model';

/** The spreads a plan of `scenario` draws from (docs/scenario-format.md §8.5), defaults filled in. */
export function distributionsOf(scenario: Scenario): PlanDistributions {
  const variation = scenario.simulation.variation ?? DEFAULT_VARIATION;
  // Validation fills a spread the file leaves out with the default, so "the default" is a matter of value.
  const isDefault = (s: LogNormalSpread, d: LogNormalSpread) => s.median === d.median && s.sigma === d.sigma;
  return {
    bandwidthMbps: {
      ...variation.bandwidthMbps,
      isDefault: isDefault(variation.bandwidthMbps, DEFAULT_VARIATION.bandwidthMbps),
    },
    installTimeFactor: {
      ...variation.installTimeFactor,
      isDefault: isDefault(variation.installTimeFactor, DEFAULT_VARIATION.installTimeFactor),
    },
    appOverrides: scenario.tenant.apps.flatMap((app) => {
      const own = scenario.simulation.apps[app.id]?.installTimeFactor;
      return own ? [{ id: app.id, displayName: app.displayName, installTimeFactor: { ...own } }] : [];
    }),
  };
}

export interface PlannerHostOptions {
  logger: Logger;
  /** The worker script (parallel.ts `plannerWorkerFile()` by default); null runs the devices on this thread. */
  workerFile?: string | null;
}

/** Runs the console's plans, one at a time. */
export class PlannerHost {
  private running = false;

  constructor(private readonly options: PlannerHostOptions) {}

  /**
   * Plans `devices` devices (1 to MAX_PLAN_DEVICES) from `seed` (0 to MAX_PLAN_SEED) of the scenario `scenarioOf`
   * gives once this plan starts, on worker threads when a worker file exists (else on this thread). Refuses, in
   * people's words, a second plan while one runs, figures out of range, and a plan that fails (never a stack trace).
   */
  async plan(scenarioOf: () => Promise<Scenario>, devices: number, seed: number): Promise<OperatorResult<TimeoutPlan>> {
    if (!Number.isSafeInteger(devices) || devices < 1 || devices > MAX_PLAN_DEVICES)
      return { ok: false, error: `the number of devices is a whole number from 1 to ${MAX_PLAN_DEVICES}` };
    if (!Number.isSafeInteger(seed) || seed < 0 || seed > MAX_PLAN_SEED)
      return { ok: false, error: `the seed is a whole number from 0 to ${MAX_PLAN_SEED}` };
    if (this.running)
      return { ok: false, error: 'a plan is already running: wait for it to finish, then run this one' };
    this.running = true;
    const { logger } = this.options;
    try {
      const scenario = await scenarioOf();
      const started = Date.now();
      const plan = await runPlan(scenario, {
        devices,
        seed,
        offThisThread: true,
        ...(this.options.workerFile !== undefined ? { workerFile: this.options.workerFile } : {}),
      });
      const timeout = timeoutOf(scenario);
      logger.info(
        `operator: planned ${devices} devices (seed ${seed}, ${plan.threads} threads) in ${Date.now() - started} ms`,
      );
      return {
        ok: true,
        value: {
          scenarioName: scenario.name,
          seed,
          threads: plan.threads,
          report: plan.report,
          timeout,
          histogram: durationHistogram(plan.durationsSeconds, plan.report.timeoutMinutes),
          distributions: distributionsOf(scenario),
        },
      };
    } catch (error) {
      logger.error(`operator: plan of ${devices} devices failed: ${error instanceof Error ? error.stack : error}`);
      const why = error instanceof Error ? error.message : String(error);
      return { ok: false, error: `the plan could not finish (${why}); nothing was changed, you can run it again` };
    } finally {
      this.running = false;
    }
  }
}
