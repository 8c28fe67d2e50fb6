/**
 * The Tenant page's spread fields (renderer/src/operator/tenant/VariationFields.tsx): typing a median or a sigma
 * writes a whole spread (the shape scenario-format §8.5 asks for, which the host validates), emptying both takes
 * the spread out again, and an app's own spread starts from the scenario's.
 */
import { describe, expect, it } from 'vitest';
import { installTimeFallback, withSpread } from '../../../renderer/src/operator/tenant/VariationFields';
import { DEFAULT_VARIATION } from '../../../shared/planner';

const BANDWIDTH = ['simulation', 'variation', 'bandwidthMbps'] as const;
const FACTOR = ['simulation', 'variation', 'installTimeFactor'] as const;
const BIG = ['simulation', 'apps', 'big', 'installTimeFactor'] as const;

const plain = () => ({ schemaVersion: 1, simulation: { apps: { big: { installSeconds: 540 } } } });
const simulationOf = (document: unknown) => (document as { simulation: Record<string, unknown> }).simulation;

describe('editing how devices differ', () => {
  it('starts a spread from its default when one field is typed', () => {
    const edited = withSpread(plain(), BANDWIDTH, 'median', 40, DEFAULT_VARIATION.bandwidthMbps);
    expect(simulationOf(edited)['variation']).toEqual({ bandwidthMbps: { median: 40, sigma: 0.5 } });
    expect(simulationOf(edited)['apps']).toEqual(plain().simulation.apps);
  });

  it('gives one app its own install-time factor, starting from the scenario’s', () => {
    expect(installTimeFallback(plain())).toEqual(DEFAULT_VARIATION.installTimeFactor);
    const document = withSpread(plain(), FACTOR, 'sigma', 0.1, DEFAULT_VARIATION.installTimeFactor);
    expect(installTimeFallback(document)).toEqual({ median: 1, sigma: 0.1 });
    const edited = withSpread(document, BIG, 'sigma', 0.6, installTimeFallback(document));
    expect(simulationOf(edited)['apps']).toEqual({
      big: { installSeconds: 540, installTimeFactor: { median: 1, sigma: 0.6 } },
    });
  });

  it('takes the spread out when both fields are emptied, and the emptied variation with it', () => {
    let document: unknown = withSpread(plain(), BANDWIDTH, 'median', 40, DEFAULT_VARIATION.bandwidthMbps);
    document = withSpread(document, BANDWIDTH, 'median', NaN, DEFAULT_VARIATION.bandwidthMbps);
    // Half a spread stays for the host to refuse, naming the missing field, as any other invalid edit.
    expect(simulationOf(document)['variation']).toEqual({ bandwidthMbps: { sigma: 0.5 } });
    document = withSpread(document, BANDWIDTH, 'sigma', NaN, DEFAULT_VARIATION.bandwidthMbps);
    expect('variation' in simulationOf(document)).toBe(false);
  });
});
