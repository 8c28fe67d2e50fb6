/**
 * The faults a scenario injects (scenario `simulation.faults`, esp-facts §7), looked up by kind with
 * their own types, so a handler asks "is this app's installer hanging?" instead of scanning a list.
 */
import type { Fault, Scenario } from '../scenario/model';

export type FaultKind = Fault['kind'];
export type FaultOf<K extends FaultKind> = Extract<Fault, { kind: K }>;
/** Faults that name one app. */
export type AppFaultKind = Extract<Fault, { appId: string }>['kind'];

/** The first fault of a kind, typed; undefined when the scenario has none. */
export function faultOf<K extends FaultKind>(scenario: Scenario, kind: K): FaultOf<K> | undefined {
  return scenario.simulation.faults.find((f): f is FaultOf<K> => f.kind === kind);
}

/** Every fault of a kind, typed. */
export function faultsOf<K extends FaultKind>(scenario: Scenario, kind: K): FaultOf<K>[] {
  return scenario.simulation.faults.filter((f): f is FaultOf<K> => f.kind === kind);
}

export function hasFault(scenario: Scenario, kind: FaultKind): boolean {
  return scenario.simulation.faults.some((f) => f.kind === kind);
}

/** Whether a fault of this kind names the app. */
export function appHasFault(scenario: Scenario, kind: AppFaultKind, appId: string): boolean {
  return scenario.simulation.faults.some((f) => f.kind === kind && f.appId === appId);
}

/** The resources `resourceFails` faults name, per fault list (asked once per resource of every tracking list). */
const failingByFaults = new WeakMap<Scenario['simulation']['faults'], ReadonlySet<string>>();

/** Whether a resource is set to fail, by its behaviour or a `resourceFails` fault (§7.8). */
export function resourceFails(scenario: Scenario, resourceId: string): boolean {
  if (scenario.simulation.resources[resourceId]?.fails) return true;
  const faults = scenario.simulation.faults;
  let failing = failingByFaults.get(faults);
  if (failing === undefined) {
    failing = new Set(faultsOf(scenario, 'resourceFails').map((f) => f.resourceId));
    failingByFaults.set(faults, failing);
  }
  return failing.has(resourceId);
}

/**
 * The code a failing policy, certificate or network profile reports, which its row then shows
 * (§1.4): 0x87d1fde8, Intune's "Remediation failed", the code the MDM poll reports for a setting
 * that did not apply (docs/engine-choices.md).
 */
export const RESOURCE_FAILURE_HRESULT = 0x87d1fde8;
