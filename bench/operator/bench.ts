/**
 * bench/operator: from an edit in the operator console to the updated Explain and device preview, on the
 * worst-case tenant of bench/engine. Each round changes one setting of the profile that applies (its custom
 * message and time-out), then times what the host does with it, as the console's `previewEdit` request:
 * the request's JSON both ways (the transport), the draft written beside the file, validation and normalisation,
 * the engine's run, Explain, and the snapshot pushed to the device screen (serialised, as the preview sends it).
 * Goal: a median under 50 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createOperatorHost } from '../../electron/core/authoring/operatorHost';
import { silentLogger } from '../../electron/core/logging/logger';
import { validateScenario } from '../../electron/core/scenario/validate';
import { Session } from '../../electron/core/session/session';
import type { OperatorRequest } from '../../shared/contract';
import { worstCaseScenario } from '../engine/worstCase';

type Doc = { tenant: { enrollmentStatusPageProfiles: Record<string, unknown>[] } };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** Runs the bench and prints its figures. */
export async function runBench(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'esp-bench-operator-'));
  const root = join(import.meta.dirname, '..', '..');
  try {
    const document = worstCaseScenario() as Doc;
    const checked = validateScenario(document);
    if (!checked.ok) throw new Error('the worst-case scenario does not validate');
    const session = new Session({ scenario: checked.scenario, autoStart: false });
    // The device screen's stream: every snapshot serialised, as the preview's server-sent events do.
    let pushedBytes = 0;
    session.subscribe((snapshot) => (pushedBytes += JSON.stringify(snapshot).length));
    const host = createOperatorHost({
      session,
      logger: silentLogger,
      libraryFolder: folder,
      resourcesDir: join(root, 'resources'),
      startupFile: null,
    });
    const created = await host.handle({ type: 'createEntry', name: 'Worst-case tenant' });
    if (!created.ok) throw new Error(created.error);
    const id = 'user:worst-case-tenant';

    // The profile that applies is the lowest-priority one (bench/engine); the edit is to its error message.
    const profile = document.tenant.enrollmentStatusPageProfiles[49]!;
    const samples: number[] = [];
    const syncSamples: number[] = [];
    let explained = '';
    for (let round = 0; round < 120; round++) {
      profile['customErrorMessage'] = `Round ${round}: call the service desk.`;
      profile['installProgressTimeoutInMinutes'] = 60 + (round % 600);
      const start = performance.now();
      const request = JSON.parse(JSON.stringify({ type: 'previewEdit', id, document })) as OperatorRequest;
      const answer = await host.handle(request);
      if (!answer.ok) throw new Error(answer.error);
      JSON.stringify(answer);
      const elapsed = performance.now() - start;
      if (round >= 20) samples.push(elapsed); // the first rounds warm the JIT up
      const syncStart = performance.now();
      host.preview(id, document);
      if (round >= 20) syncSamples.push(performance.now() - syncStart);
      explained =
        session.snapshot().errorScreen?.message ??
        (answer.value as { explain: { errorMessage: string } }).explain.errorMessage;
    }
    const validated = checked.scenario;
    console.log(
      `bench/operator — worst-case tenant: ${validated.tenant.espProfiles.length} profiles, ${validated.tenant.apps.length} apps, ${validated.tenant.policies.length} policies, ${validated.users.length} users; ${samples.length} edits`,
    );
    console.log(
      `  edit -> Explain + device preview, median:  ${percentile(samples, 0.5).toFixed(1)} ms   (p95 ${percentile(samples, 0.95).toFixed(1)} ms; goal < 50 ms)`,
    );
    console.log(
      `  of which without the draft write, median:  ${percentile(syncSamples, 0.5).toFixed(1)} ms   (validation, engine run, Explain, snapshot)`,
    );
    console.log(`  last Explain: "${explained}"; device stream ${(pushedBytes / 1024 / 1024).toFixed(1)} MB in all`);
    session.dispose();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await runBench();
