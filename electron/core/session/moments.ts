/**
 * The moments of a run a reviewer wants to jump to: each new screen, each category's status
 * change, the error screen. Labels use the screen's own words.
 */
import { PHASE_TITLES } from '../../../shared/esp';
import type { Moment, ScreenView } from '../../../shared/snapshot';
import { SCREEN_LABELS } from '../../../shared/snapshot';
import type { Run } from '../engine/simulate';

function screenLabel(screen: ScreenView): string {
  if (screen.kind === 'esp') return screen.part === 'user' ? 'ESP after sign-in (Account setup)' : 'ESP in OOBE';
  if (screen.kind === 'qualityUpdates') return `Quality updates: ${screen.stage}`;
  if (screen.kind === 'preProvisioningResult')
    return screen.success ? 'Pre-provisioning succeeded' : 'Pre-provisioning failed';
  return SCREEN_LABELS[screen.kind];
}

export function momentsOf(run: Run): Moment[] {
  const moments: Moment[] = [];
  let lastScreen = '';
  const lastStatus = new Map<string, string>();
  let errorShown = false;
  for (const { t, view } of run.steps) {
    const screen = screenLabel(view.screen);
    if (screen !== lastScreen) moments.push({ t, label: screen });
    lastScreen = screen;
    if (view.screen.kind === 'esp') {
      for (const phase of view.phases) {
        if (lastStatus.get(phase.id) !== phase.statusText && phase.status !== 'notStarted') {
          moments.push({ t, label: `${PHASE_TITLES[phase.id]}: ${phase.statusText}` });
        }
        lastStatus.set(phase.id, phase.statusText);
      }
    }
    if (view.errorScreen && !errorShown) moments.push({ t, label: 'Error screen' });
    errorShown = view.errorScreen !== null;
  }
  return moments;
}
