import { describe, it, expect } from 'vitest';
import {
  evaluateFilter,
  formatFilter,
  parseFilterRule,
  type FilterExpression,
} from '../../../electron/core/filters/assignmentFilter';
import { makeDevice } from '../helpers/scenarioFactory';
import type { Device } from '../../../electron/core/scenario/model';

function parse(rule: string): FilterExpression {
  const r = parseFilterRule(rule);
  if (!r.ok) throw new Error(`expected ${rule} to parse, got: ${r.error}`);
  return r.filter;
}

function refuse(rule: string): { error: string; offset: number } {
  const r = parseFilterRule(rule);
  if (r.ok) throw new Error(`expected ${rule} to be refused`);
  return r;
}

function matches(rule: string, device: Partial<Device> = {}): boolean {
  return evaluateFilter(parse(rule), makeDevice(device));
}

describe('assignment filter rules (§5.2)', () => {
  it('the reference example matches a Surface Laptop 5 on the AP-UserDriven profile', () => {
    // §5.2: (device.model -eq "Surface Laptop 5") and (device.enrollmentProfileName -eq "AP-UserDriven")
    const rule = '(device.model -eq "Surface Laptop 5") and (device.enrollmentProfileName -eq "AP-UserDriven")';
    expect(matches(rule, { model: 'Surface Laptop 5', enrollmentProfileName: 'AP-UserDriven' })).toBe(true);
    expect(matches(rule, { model: 'Surface Laptop 5', enrollmentProfileName: 'AP-SelfDeploying' })).toBe(false);
    expect(matches(rule, { model: 'Surface Pro 9', enrollmentProfileName: 'AP-UserDriven' })).toBe(false);
  });

  it('values compare case-insensitively, as Intune does', () => {
    // §5.2 [I]: Intune filter values are not case-sensitive
    expect(matches('(device.model -eq "surface laptop 5")', { model: 'Surface Laptop 5' })).toBe(true);
    expect(matches('(device.manufacturer -startsWith "MICRO")', { manufacturer: 'Microsoft Corporation' })).toBe(true);
  });

  it('operators, keywords and property names are case-insensitive', () => {
    // §5.2 [I]
    expect(matches('(DEVICE.MODEL -EQ "Surface Laptop 5") AND NOT (Device.Manufacturer -Eq "Dell")')).toBe(true);
  });

  it('-ne is true when the value differs', () => {
    // §5.2 [I]
    expect(matches('(device.manufacturer -ne "Dell Inc.")', { manufacturer: 'Microsoft Corporation' })).toBe(true);
    expect(matches('(device.manufacturer -ne "Dell Inc.")', { manufacturer: 'Dell Inc.' })).toBe(false);
  });

  it('-startsWith and -contains match part of a value', () => {
    // §5.2 [I]
    expect(matches('(device.model -startsWith "Surface")', { model: 'Surface Laptop 5' })).toBe(true);
    expect(matches('(device.model -contains "Laptop")', { model: 'Surface Laptop 5' })).toBe(true);
    expect(matches('(device.model -contains "Book")', { model: 'Surface Laptop 5' })).toBe(false);
  });

  it('-notContains, -endsWith, -notStartsWith and -notEndsWith are accepted too', () => {
    // §5.2 [I]
    expect(matches('(device.model -notContains "Book")', { model: 'Surface Laptop 5' })).toBe(true);
    expect(matches('(device.model -endsWith "5")', { model: 'Surface Laptop 5' })).toBe(true);
    expect(matches('(device.model -notStartsWith "Surface")', { model: 'Surface Laptop 5' })).toBe(false);
    expect(matches('(device.model -notEndsWith "5")', { model: 'Surface Laptop 5' })).toBe(false);
  });

  it('-in matches any value of the list and -notIn none of them', () => {
    // §5.2 [I]
    const inRule = '(device.model -in ["Surface Laptop 5", "Surface Pro 9"])';
    expect(matches(inRule, { model: 'Surface Pro 9' })).toBe(true);
    expect(matches(inRule, { model: 'Latitude 7440' })).toBe(false);
    expect(matches('(device.model -notIn ["Surface Laptop 5", "Surface Pro 9"])', { model: 'Latitude 7440' })).toBe(
      true,
    );
  });

  it('a trailing comma in a list is tolerated', () => {
    // §5.2 [I]
    expect(matches('(device.model -in ["Surface Laptop 5",])')).toBe(true);
  });

  it('and binds tighter than or, so "a or b and c" means "a or (b and c)"', () => {
    // §5.2 [I]: standard Intune precedence
    const rule =
      '(device.model -eq "Latitude") or (device.model -eq "Surface Laptop 5") and (device.enrollmentProfileName -eq "Other")';
    expect(matches(rule, { model: 'Latitude' })).toBe(true);
    expect(matches(rule, { model: 'Surface Laptop 5' })).toBe(false);
  });

  it('parentheses override precedence', () => {
    // §5.2 [I]
    const rule =
      '((device.model -eq "Latitude") or (device.model -eq "Surface Laptop 5")) and (device.enrollmentProfileName -eq "Other")';
    expect(matches(rule, { model: 'Latitude' })).toBe(false);
  });

  it('not and -not negate', () => {
    // §5.2 [I]
    expect(matches('not (device.model -eq "Surface Laptop 5")')).toBe(false);
    expect(matches('-not (device.model -eq "Latitude")')).toBe(true);
  });

  it('-and and -or are accepted as well as and and or', () => {
    // §5.2 [I]
    expect(matches('(device.model -eq "Latitude") -or (device.model -eq "Surface Laptop 5")')).toBe(true);
    expect(matches('(device.model -eq "Surface Laptop 5") -and (device.osVersion -startsWith "10.0.26100")')).toBe(
      true,
    );
  });

  it('a comparison without parentheses is accepted', () => {
    // §5.2 [I]
    expect(matches('device.operatingSystemSKU -eq "Enterprise"', { operatingSystemSKU: 'Enterprise' })).toBe(true);
  });

  it('escaped quotes inside a value are part of the value', () => {
    // §5.2 [I]
    expect(matches('(device.model -eq "15\\" Laptop")', { model: '15" Laptop' })).toBe(true);
  });

  it('deviceOwnership matches Corporate and Personal, and Graph\'s "company" counts as Corporate', () => {
    // §5.2: deviceOwnership is an ESP-allowed property; Intune's values are Corporate / Personal
    expect(matches('(device.deviceOwnership -eq "Corporate")', { deviceOwnership: 'Corporate' })).toBe(true);
    expect(matches('(device.deviceOwnership -eq "Corporate")', { deviceOwnership: 'company' })).toBe(true);
    expect(matches('(device.deviceOwnership -eq "Personal")', { deviceOwnership: 'Corporate' })).toBe(false);
  });

  it('a deviceOwnership value Intune does not use is refused', () => {
    // §5.2
    expect(refuse('(device.deviceOwnership -eq "Company-owned")').error).toMatch(/"Corporate" or "Personal"/);
  });

  it('a filter on device.deviceName is refused and names the property', () => {
    // §5.2: only model, manufacturer, osVersion, operatingSystemSKU, deviceOwnership, enrollmentProfileName
    expect(refuse('(device.deviceName -eq "KIOSK-01")').error).toBe(
      'device.deviceName is not supported for ESP profile filters; allowed: model, manufacturer, osVersion, operatingSystemSKU, deviceOwnership, enrollmentProfileName',
    );
  });

  it('a filter on device.deviceCategory is refused even after an allowed clause', () => {
    // §5.2
    const rule = '(device.model -eq "Surface Laptop 5") and (device.deviceCategory -eq "Kiosk")';
    const r = refuse(rule);
    expect(r.error).toMatch(/^device\.deviceCategory is not supported for ESP profile filters; allowed: model,/);
    expect(r.offset).toBe(rule.indexOf('device.deviceCategory'));
  });

  it('a syntax error names the offset and what was expected', () => {
    // §5.2: rules are validated like Intune's editor validates them
    const r = refuse('(device.model "Surface Laptop 5")');
    expect(r.offset).toBe(14);
    expect(r.error).toMatch(/expected an operator \(-eq, -ne, .*\) at offset 14, found "\\"Surface Laptop 5\\""/);
  });

  it('a missing closing parenthesis is reported at the end of the rule', () => {
    // §5.2
    const rule = '(device.model -eq "Surface Laptop 5"';
    const r = refuse(rule);
    expect(r.offset).toBe(rule.length);
    expect(r.error).toMatch(/expected "\)" .* found end of rule/);
  });

  it('an unterminated string is reported where it starts', () => {
    // §5.2
    const r = refuse('(device.model -eq "Surface)');
    expect(r.offset).toBe(18);
    expect(r.error).toMatch(/unterminated string/);
  });

  it('an unknown operator is refused with the list of operators', () => {
    // §5.2
    expect(refuse('(device.model -like "Surface*")').error).toMatch(
      /unsupported operator -like at offset 14; expected one of -eq/,
    );
  });

  it('-in needs a list and -eq refuses one', () => {
    // §5.2
    expect(refuse('(device.model -in "Surface Laptop 5")').error).toMatch(
      /expected a list such as \["a", "b"\] after -in/,
    );
    expect(refuse('(device.model -eq ["Surface Laptop 5"])').error).toMatch(/lists go with -in \/ -notIn/);
  });

  it('single-quoted and unquoted values are refused', () => {
    // §5.2
    expect(refuse("(device.model -eq 'Surface')").error).toMatch(/double quotes/);
    expect(refuse('(device.model -eq Surface)').error).toMatch(/expected a double-quoted string after -eq/);
  });

  it('an empty rule is refused', () => {
    // §5.2
    expect(refuse('   ').error).toMatch(/the rule is empty/);
  });

  it('a dangling and is refused', () => {
    // §5.2
    const r = refuse('(device.model -eq "Surface Laptop 5") and');
    expect(r.error).toMatch(/expected "\(", "not" or a property such as device.model at offset 41, found end of rule/);
  });

  it('a parsed rule prints back in canonical Intune syntax', () => {
    // §5.2
    expect(formatFilter(parse('(DEVICE.model -EQ "Surface") AND (device.model -IN ["a","b"])'))).toBe(
      '(device.model -eq "Surface") and (device.model -in ["a", "b"])',
    );
  });
});
