/**
 * The JSON that `esp-sim run --json` prints: the public contract of scenario-and-cli.md §2.
 * A projection of a finished (or waiting) run; nothing here decides ESP behaviour.
 */
import type { ErrorAction, ItemId, Outcome, PhaseId, Status } from '../../shared/esp';
import { PHASES } from '../../shared/esp';
import type { TimelineEvent } from '../../shared/timeline';
import type { Run } from '../core/engine/simulate';
import { viewAt } from '../core/engine/simulate';
import type { Scenario } from '../core/scenario/model';

export interface RunReport {
  scenario: string;
  profile: { id: string; displayName: string; targetedBy: 'device' | 'user' | 'default' } | null;
  espShown: { device: boolean; user: boolean };
  outcome: Outcome | null;
  phases: Record<
    PhaseId,
    { status: Status; items: { id: ItemId; status: Status; text: string; tracked?: string[] }[] }
  >;
  deferredApps: string[];
  errorScreen: { message: string; actions: ErrorAction[] } | null;
  elapsedSeconds: number;
  timeline: TimelineEvent[];
}

export function runReport(scenario: Scenario, run: Run): RunReport {
  // The report describes the ESP as it ended for the first user (or the error screen it waits on);
  // later sign-ins and background installs are in the timeline.
  const view = viewAt(run, run.waitingForUser ? run.endT : (run.espEndedAt ?? run.endT));
  const phases = {} as RunReport['phases'];
  for (const id of PHASES) {
    const phase = view.phases.find((p) => p.id === id)!;
    // The report keeps its documented shape (docs/cli.md): the snapshot's data for other languages stays out.
    phases[id] = {
      status: phase.status,
      items: phase.items.map(({ id, status, text, tracked }) => ({
        id,
        status,
        text,
        ...(tracked ? { tracked } : {}),
      })),
    };
  }
  return {
    scenario: scenario.name,
    profile: view.profile,
    espShown: run.espShown,
    outcome: view.outcome,
    phases,
    deferredApps: [...run.deferredAppIds],
    errorScreen: view.errorScreen && { message: view.errorScreen.message, actions: view.errorScreen.actions },
    elapsedSeconds: Math.round(run.waitingForUser ? run.endT : (run.espEndedAt ?? run.endT)),
    timeline: [...run.timeline],
  };
}
