/**
 * Training mode's host side (the console's Training page): starts a round on the session (a bundled scenario, or
 * a seeded random fault among the bundled fault scenarios) with its name hidden from the device screen, grades the
 * trainee's answer against the run's own bundle (diagnoseBundle), debriefs with the evidence, the steps and the
 * coaching notes, and keeps the result per trainee in the user-data folder.
 */
import type { OperatorResult } from '../../../shared/contract';
import type {
  TrainingAnswer,
  TrainingCsv,
  TrainingDebrief,
  TrainingDifficulty,
  TrainingRound,
  TrainingSource,
} from '../../../shared/training';
import { causeLabel } from '../../../shared/training';
import { simulate } from '../engine/simulate';
import type { ScenarioLibrary } from '../scenario/library';
import { slugOf } from '../scenario/library';
import type { Scenario } from '../scenario/model';
import { validateScenario } from '../scenario/validate';
import type { Session } from '../session/session';
import { coachingNotes } from '../training/coaching';
import { gradeAnswer } from '../training/grade';
import { appendResult, readResults, resultsCsv, trainingFolderBeside } from '../training/results';
import { pickRandomFault, trainingTruth } from '../training/truth';

type Result<T> = OperatorResult<T>;

export class TrainingHost {
  private round: { difficulty: TrainingDifficulty; scenarioName: string } | null = null;
  private faultIds: string[] | null = null;
  readonly folder: string;

  constructor(
    private readonly library: ScenarioLibrary,
    private readonly session: Session,
    folder?: string,
  ) {
    this.folder = folder ?? trainingFolderBeside(library.folder);
  }

  private async scenarioOf(id: string): Promise<Result<Scenario>> {
    const read = await this.library.read(id);
    if (!read.ok) return read;
    const check = validateScenario(read.value.document);
    if (!check.ok) return { ok: false, error: `${read.value.entry.name} does not validate` };
    return { ok: true, value: check.scenario };
  }

  /** The bundled scenarios whose run goes wrong (their own bundle names a cause), in library order. */
  private async faultScenarios(): Promise<string[]> {
    if (this.faultIds) return this.faultIds;
    const { entries } = await this.library.list();
    const ids: string[] = [];
    for (const entry of entries.filter((e) => e.kind === 'bundled' && e.problems.length === 0)) {
      const scenario = await this.scenarioOf(entry.id);
      if (!scenario.ok) continue;
      const run = simulate(scenario.value, []);
      const cause = trainingTruth(scenario.value, run).cause;
      if (cause !== 'none' && cause !== 'unknown') ids.push(entry.id);
    }
    this.faultIds = ids;
    return ids;
  }

  async start(source: TrainingSource, difficulty: TrainingDifficulty): Promise<Result<TrainingRound>> {
    const id = source.kind === 'entry' ? source.id : pickRandomFault(await this.faultScenarios(), source.seed);
    const scenario = await this.scenarioOf(id);
    if (!scenario.ok) return scenario;
    this.session.replaceScenario(scenario.value, { keepTime: false, training: true });
    const shown = this.session.scenario;
    this.round = { difficulty, scenarioName: shown.name };
    return {
      ok: true,
      value: { difficulty, apps: shown.tenant.apps.map((a) => ({ id: a.id, name: a.displayName })) },
    };
  }

  async answer(trainee: string, answer: TrainingAnswer, now: Date = new Date()): Promise<Result<TrainingDebrief>> {
    if (!this.round) return { ok: false, error: 'start a training round first' };
    const { scenario, run } = this.session;
    const truth = trainingTruth(scenario, run);
    const grade = gradeAnswer(truth, answer, this.round.difficulty);
    const results = await appendResult(this.folder, {
      at: now.toISOString(),
      trainee,
      scenario: this.round.scenarioName,
      difficulty: this.round.difficulty,
      score: grade.score,
      outOf: grade.outOf,
      cause: causeLabel(truth.cause),
      answeredCause: causeLabel(answer.cause),
    });
    const scenarioName = this.round.scenarioName;
    // The round is over: the screens may name the scenario again.
    this.round = null;
    this.session.setTraining(false);
    return {
      ok: true,
      value: { scenario: scenarioName, grade, truth, coaching: coachingNotes(run), results },
    };
  }

  async csv(trainee: string): Promise<Result<TrainingCsv>> {
    const results = await readResults(this.folder, trainee);
    return { ok: true, value: { fileName: `training-${slugOf(trainee)}.csv`, text: resultsCsv(results) } };
  }
}
