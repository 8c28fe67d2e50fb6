/**
 * `esp-sim explain <file> [--json]` (docs/cli.md): which ESP profile applies and why every other one
 * lost, which apps each phase waits on and why every other app is not waited on, and what the error
 * screen would offer. It runs the scenario with no responses and explains that run
 * (electron/core/analysis/explain.ts), so the explanation and `esp-sim run` never disagree.
 * Exit 0; 1 for an invalid or unreadable scenario; 2 for a command line it cannot understand.
 */
import { ACTION_LABELS, PHASE_TITLES, TARGETED_BY_TEXT } from '../../shared/esp';
import type { Explanation, ExplainedApp } from '../core/analysis/explain';
import { explainRun, explanationJson } from '../core/analysis/explain';
import { simulate } from '../core/engine/simulate';
import { loadValidScenario, onePositional, parseCommandLine } from './analysisArgs';
import type { CliIo } from './commands';

/** Runs `esp-sim explain`; resolves to the exit code. */
export async function explainCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandLine({
    args,
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
  });
  const file = onePositional(positionals, 'scenario file');
  const scenario = await loadValidScenario(file, io);
  if (!scenario) return 1;
  const explanation = explainRun(scenario, simulate(scenario));
  io.out(values.json ? JSON.stringify(explanationJson(explanation), null, 2) + '\n' : explanationText(explanation));
  return 0;
}

function appLine(app: ExplainedApp): string {
  return `  ${app.displayName} (${app.id}): ${app.reason}\n`;
}

/** Explain in people's words: no internal ids, except app ids beside their names. */
export function explanationText(e: Explanation): string {
  let out = `${e.scenario}\n\n`;
  const p = e.profile;
  out += `ESP profile: ${p.displayName} (${TARGETED_BY_TEXT[p.targetedBy]})\n`;
  out += `  Why: ${p.reason}\n`;
  if (p.candidates.length > 1) {
    out += '  Every profile considered, in the order Intune tries them:\n';
    for (const c of p.candidates) {
      const which = e.defaultProfileIds.includes(c.id) ? 'the default profile' : `priority ${c.priority}`;
      out += `    ${c.applies ? 'applies' : 'not used'}: ${c.displayName} (${which}): ${c.reason}\n`;
    }
  }
  out += '\n';
  if (e.espSkippedReason) out += `The ESP is not shown: ${e.espSkippedReason}.\n\n`;

  for (const phase of ['deviceSetup', 'accountSetup'] as const) {
    const tracked = e.apps.filter((a) => a.phase === phase);
    if (tracked.length === 0) {
      const runs = phase === 'deviceSetup' || e.espShown.user || e.apps.some((a) => a.decidedIn === 'accountSetup');
      if (e.espSkippedReason) continue;
      out += runs
        ? `${PHASE_TITLES[phase]} waits on no app.\n`
        : `${PHASE_TITLES[phase]} does not run: no user signs in during this ESP.\n`;
      continue;
    }
    out += `${PHASE_TITLES[phase]} waits on ${tracked.length} app${tracked.length === 1 ? '' : 's'}:\n`;
    for (const app of tracked) out += appLine(app);
  }
  const deferred = e.apps.filter((a) => a.phase === null && a.why === 'deferredUntilAfterEsp');
  if (deferred.length > 0) {
    out += `Installed after the ESP ends (left out of the blocking list):\n`;
    for (const app of deferred) out += appLine(app);
  }
  const others = e.apps.filter((a) => a.phase === null && a.why !== 'deferredUntilAfterEsp');
  if (others.length > 0) {
    out += `Not waited on:\n`;
    for (const app of others) out += appLine(app);
  }
  if (e.apps.length === 0) out += 'The tenant has no apps.\n';

  out += '\n';
  if (e.espSkippedReason) out += 'With the ESP hidden there is no error screen either; were it shown, ';
  out += e.espSkippedReason
    ? `it would offer: ${e.errorActions.map((a) => ACTION_LABELS[a]).join(', ') || 'nothing'}.\n`
    : e.errorActions.length === 0
      ? 'If setup fails, the error screen offers nothing: the user can only turn the device off.\n'
      : `If setup fails, the error screen offers: ${e.errorActions.map((a) => ACTION_LABELS[a]).join(', ')}.\n`;
  return out;
}
