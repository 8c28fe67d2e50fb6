/**
 * The Windows release decides the features (Windows 10: Collect logs, no diagnostics page, no
 * quality-update step; Windows 11: the diagnostics page and quality updates, §1.13, §2.1), and the
 * look follows the release, so no impossible pair (a Windows 10 look on a Windows 11 flow) exists.
 */
import type { WindowsRelease } from '../../../shared/esp';
import type { Look } from '../../../shared/snapshot';
import type { Scenario } from './model';

/** Builds used when the operator switches release: Windows 10 22H2 and Windows 11 24H2. */
export const DEFAULT_BUILDS: Record<WindowsRelease, string> = {
  '10': '10.0.19045.5487',
  '11': '10.0.26100.2894',
};

/** Windows 11 builds start at 22000; anything below is Windows 10. */
const FIRST_WINDOWS_11_BUILD = 22000;

export function lookOf(release: WindowsRelease): Look {
  return release === '10' ? 'windows10' : 'windows11';
}

export function releaseOf(look: Look): WindowsRelease {
  return look === 'windows10' ? '10' : '11';
}

/** The scenario on another release; its build is kept when it belongs to that release. */
export function withRelease(scenario: Scenario, release: WindowsRelease): Scenario {
  if (scenario.windows.release === release) return scenario;
  const parts = scenario.windows.build.split('.');
  const build = Number(parts.length >= 3 ? parts[2] : parts[0]);
  const fits = Number.isFinite(build) && (release === '11') === build >= FIRST_WINDOWS_11_BUILD;
  return { ...scenario, windows: { release, build: fits ? scenario.windows.build : DEFAULT_BUILDS[release] } };
}
