/**
 * Targeting results are a pure function of the tenant, the device, the users and the deployment.
 * A run asks the same questions many times, and `esp-sim plan` runs thousands of devices whose
 * scenarios share those objects (only `simulation` differs), so answers are kept per tenant object
 * and reused while the device, users and deployment objects are the same ones.
 */
import type { Scenario } from '../scenario/model';

interface Entry {
  device: Scenario['device'];
  users: Scenario['users'];
  deployment: Scenario['deployment'];
  values: Map<string, unknown>;
}

const byTenant = new WeakMap<Scenario['tenant'], Entry>();

/** `compute()` once per (tenant, device, users, deployment) and key. */
export function memo<T>(scenario: Scenario, key: string, compute: () => T): T {
  let entry = byTenant.get(scenario.tenant);
  if (
    !entry ||
    entry.device !== scenario.device ||
    entry.users !== scenario.users ||
    entry.deployment !== scenario.deployment
  ) {
    entry = { device: scenario.device, users: scenario.users, deployment: scenario.deployment, values: new Map() };
    byTenant.set(scenario.tenant, entry);
  }
  if (entry.values.has(key)) return entry.values.get(key) as T;
  const value = compute();
  entry.values.set(key, value);
  return value;
}
