/**
 * The Timeout planner's request (`planTimeouts`): what the console's bridges build is what both hosts accept, and a
 * device count or seed the planner cannot use is refused at the boundary, naming the field.
 */
import { describe, expect, it } from 'vitest';
import type { OperatorRequest } from '../../../shared/contract';
import { operatorFunctions } from '../../../shared/contract';
import { parseOperatorRequest } from '../../../shared/contractSchema';
import { MAX_PLAN_DEVICES, MAX_PLAN_SEED } from '../../../shared/planner';

const request = (fields: Record<string, unknown>) => ({ type: 'planTimeouts', devices: 200, seed: 7, ...fields });

describe('the Timeout planner request', () => {
  it('accepts what the console builds, from 1 device to the CLI limit and seeds 0 to 2³²−1', async () => {
    const sent: OperatorRequest[] = [];
    const api = operatorFunctions(async (r) => {
      sent.push(r);
      return { ok: true, value: null };
    });
    await api.planTimeouts(200, 7);
    await api.planTimeouts(1, 0);
    await api.planTimeouts(MAX_PLAN_DEVICES, MAX_PLAN_SEED);
    expect(sent[0]).toEqual({ type: 'planTimeouts', devices: 200, seed: 7 });
    for (const r of sent) expect(parseOperatorRequest(r)).toEqual({ ok: true, request: r });
  });

  it('takes as many devices as esp-sim plan does: 10,001 is fine, the CLI limit is the limit', () => {
    expect(MAX_PLAN_DEVICES).toBe(1_000_000);
    expect(MAX_PLAN_SEED).toBe(0xffffffff);
    expect(parseOperatorRequest(request({ devices: 10_001 })).ok).toBe(true);
  });

  it.each([
    ['no devices', { devices: 0 }, 'devices'],
    ['more devices than the limit', { devices: MAX_PLAN_DEVICES + 1 }, 'devices'],
    ['a fraction of a device', { devices: 1.5 }, 'devices'],
    ['devices as text', { devices: 'x' }, 'devices'],
    ['devices left out', { devices: undefined }, 'devices'],
    ['an infinite number of devices', { devices: Infinity }, 'devices'],
    ['a negative seed', { seed: -1 }, 'seed'],
    ['a seed past 32 bits', { seed: MAX_PLAN_SEED + 1 }, 'seed'],
    ['a fractional seed', { seed: 1.5 }, 'seed'],
    ['a seed as text', { seed: 'x' }, 'seed'],
    ['the seed left out', { seed: undefined }, 'seed'],
  ])('refuses %s, naming the field', (_what, fields, field) => {
    const input = JSON.parse(JSON.stringify(request(fields))) as unknown;
    const parsed = parseOperatorRequest(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(new RegExp(`^invalid request: ${field}: `));
  });

  it('refuses fields it does not know', () => {
    expect(parseOperatorRequest(request({ threads: 4 })).ok).toBe(false);
  });
});
