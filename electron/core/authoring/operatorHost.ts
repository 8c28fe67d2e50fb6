/**
 * The host side of the operator console, shared by the desktop app (IPC) and the browser preview (HTTP): it
 * answers the console's requests (shared/contract.ts `OperatorRequest`) with the scenario library, the session
 * and Explain. Requests arrive already checked (`parseOperatorRequest`); entries are named by id, never by path.
 *
 * Requests are handled one at a time, in order of arrival, so drafts and saves to one file never overtake each
 * other; only the Timeout planner's plans run beside them (plannerHost.ts), one at a time. An edit is kept as a
 * draft first (valid or not), then validated; a valid one runs on the device screen at once, at the same moment,
 * so the operator sees the change.
 */
import { join } from 'node:path';
import type { OperatorRequest, OperatorResult } from '../../../shared/contract';
import type { EditPreview, LibraryState, OpenedEntry, RunRecordView, UploadedFile } from '../../../shared/operator';
import type { RunAnalysisView, RunComparison } from '../../../shared/runView';
import { compareRuns } from '../analysis/compareRuns';
import { simulate } from '../engine/simulate';
import { explainView } from '../analysis/explainView';
import { runAnalysisView } from '../analysis/runView';
import { bundleFiles, logBundleFileName } from '../logbundle/bundle';
import { timelineInWords } from '../analysis/timelineWords';
import type { Logger } from '../logging/logger';
import { DEFAULT_SCENARIO_FILE, ScenarioLibrary, STARTUP_ID } from '../scenario/library';
import type { Scenario } from '../scenario/model';
import { formatProblem, validateScenario } from '../scenario/validate';
import type { Session } from '../session/session';
import { PlannerHost } from './plannerHost';
import { TrainingHost } from './trainingHost';

export interface OperatorHostOptions {
  library: ScenarioLibrary;
  session: Session;
  logger: Logger;
  /** The library entry the session started on (`bundled:default`, `startup`...), or null. */
  startupId: string | null;
  /** Where training results are kept; default: `training` beside the library folder. */
  trainingFolder?: string;
  /** The Timeout planner's worker script; default: the built one beside this code, null: plan on this thread. */
  plannerWorkerFile?: string | null;
}

type Result<T> = OperatorResult<T>;

function failure(error: unknown): Result<never> {
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}

function bytesOf(file: UploadedFile): Uint8Array {
  return Buffer.from(file.base64, 'base64');
}

/** Answers the operator console; one per session. */
export class OperatorHost {
  private readonly library: ScenarioLibrary;
  private readonly session: Session;
  private readonly logger: Logger;
  private openId: string | null;
  private queue: Promise<unknown> = Promise.resolve();
  private record: { runId: number; view: RunRecordView } | null = null;
  private analysis: RunAnalysisView | null = null;

  constructor(options: OperatorHostOptions) {
    this.library = options.library;
    this.session = options.session;
    this.logger = options.logger;
    this.openId = options.startupId;
    this.training = new TrainingHost(options.library, options.session, options.trainingFolder);
    this.planner = new PlannerHost({
      logger: options.logger,
      ...(options.plannerWorkerFile !== undefined ? { workerFile: options.plannerWorkerFile } : {}),
    });
  }

  /** The Timeout planner page's plans. */
  private readonly planner: PlannerHost;

  /** Training mode (the Training page). */
  private readonly training: TrainingHost;

  /** One request, after the ones before it; never throws (a failure is `{ ok: false, error }`). */
  handle(request: OperatorRequest): Promise<Result<unknown>> {
    // Not in the queue: a plan takes seconds to minutes, and edits, the run's record and a second plan's refusal
    // must not wait for it. It plans what the device screen runs once the requests before it are done.
    if (request.type === 'planTimeouts') {
      const asked = this.queue;
      return this.planner
        .plan(() => asked.then(() => this.session.scenario), request.devices, request.seed)
        .catch(failure);
    }
    const next = this.queue.then(() => this.dispatch(request)).catch(failure);
    this.queue = next;
    return next;
  }

  private async dispatch(request: Exclude<OperatorRequest, { type: 'planTimeouts' }>): Promise<Result<unknown>> {
    if (
      request.type !== 'previewEdit' &&
      request.type !== 'runRecord' &&
      request.type !== 'runAnalysis' &&
      request.type !== 'listLibrary'
    )
      this.logger.info(`operator: ${request.type}${'id' in request ? ` ${request.id}` : ''}`);
    switch (request.type) {
      case 'listLibrary':
        return { ok: true, value: await this.state() };
      case 'readEntry':
        return this.library.read(request.id);
      case 'openEntry':
        return this.open(request.id);
      case 'createEntry': {
        const created = await this.library.create(request.name);
        return created.ok ? this.open(created.value.id) : created;
      }
      case 'duplicateEntry': {
        const created = await this.library.duplicate(request.id, request.name);
        return created.ok ? this.open(created.value.id) : created;
      }
      case 'renameEntry': {
        const renamed = await this.library.rename(request.id, request.name);
        if (!renamed.ok) return renamed;
        if (this.openId === request.id) this.openId = renamed.value;
        return { ok: true, value: await this.state() };
      }
      case 'deleteEntry': {
        const removed = await this.library.remove(request.id);
        if (!removed.ok) return removed;
        // The session keeps running what it runs; it is simply no longer in the library.
        if (this.openId === request.id) this.openId = null;
        return { ok: true, value: await this.state() };
      }
      case 'importScenario': {
        const imported = await this.library.importFile(request.file.name, bytesOf(request.file));
        return imported.ok ? this.open(imported.value.id) : imported;
      }
      case 'importIntune': {
        const imported = await this.library.importIntune(
          request.files.map((f) => ({ name: f.name, bytes: bytesOf(f) })),
        );
        if (!imported.ok) return imported;
        const { entry, mapped, unmapped, problems } = imported.value;
        if (entry) {
          const opened = await this.open(entry.id);
          if (!opened.ok) return opened;
        }
        return { ok: true, value: { state: await this.state(), id: entry?.id ?? null, mapped, unmapped, problems } };
      }
      case 'exportEntry':
        return this.library.exportFile(request.id);
      case 'previewEdit':
        return this.previewEdit(request.id, request.document);
      case 'saveEntry': {
        const saved = await this.library.save(request.id, request.document);
        if (!saved.ok) return saved;
        const check = validateScenario(request.document);
        if (check.ok && this.openId === request.id) this.run(check.scenario, check.warnings.map(formatProblem), true);
        return { ok: true, value: { state: await this.state(), entry: saved.value } };
      }
      case 'discardDraft': {
        const discarded = await this.library.discardDraft(request.id);
        if (!discarded.ok) return discarded;
        // The device screen may be showing the draft: back to the saved file.
        if (this.openId === request.id) {
          const read = await this.library.read(request.id);
          const check = read.ok ? validateScenario(read.value.document) : null;
          if (check?.ok) this.run(check.scenario, check.warnings.map(formatProblem), true);
        }
        return { ok: true, value: await this.state() };
      }
      case 'runRecord':
        return { ok: true, value: this.runRecord() };
      case 'startTraining':
        return this.training.start(request.source, request.difficulty);
      case 'answerTraining':
        return this.training.answer(request.trainee, request.answer);
      case 'trainingResultsCsv':
        return this.training.csv(request.trainee);
      case 'setSafeNames':
        if (request.on !== null) this.session.setSafeNames(request.on);
        return { ok: true, value: { on: this.session.safeNamesOn } };
      case 'runAnalysis':
        return { ok: true, value: this.runAnalysis() };
      case 'compareRuns':
        return this.compare(request.id);
    }
  }

  /** The library as the console lists it, with the entry that is open. */
  async state(): Promise<LibraryState> {
    const { entries, notices, setAside } = await this.library.list();
    if (this.openId !== null && !entries.some((e) => e.id === this.openId)) this.openId = null;
    return { folder: this.library.folder, entries, openId: this.openId, notices, setAside };
  }

  /** The session runs the entry (when it validates) from the start, waiting for the device screen or Start. */
  private async open(id: string): Promise<Result<OpenedEntry>> {
    const read = await this.library.read(id);
    if (!read.ok) return read;
    const check = validateScenario(read.value.document);
    this.openId = id;
    if (check.ok) this.run(check.scenario, check.warnings.map(formatProblem), false);
    return { ok: true, value: { ...read.value, state: await this.state(), running: check.ok } };
  }

  /**
   * Keeps the edited scenario as a draft beside its file, validates it, and when it is valid runs it on the device
   * screen at the same moment and explains it. Synchronous apart from the draft write.
   */
  async previewEdit(id: string, document: unknown): Promise<Result<EditPreview>> {
    const draft = await this.library.writeDraft(id, document);
    if (!draft.ok) return draft;
    return { ok: true, value: this.preview(id, document) };
  }

  /** Validation, the device screen and Explain for an edit (no I/O): what bench/operator measures. */
  preview(id: string, document: unknown): EditPreview {
    const check = validateScenario(document);
    if (!check.ok) {
      return {
        problems: check.problems.map(formatProblem),
        warnings: check.warnings.map(formatProblem),
        explain: null,
        applied: false,
      };
    }
    const warnings = check.warnings.map(formatProblem);
    this.openId = id;
    this.run(check.scenario, warnings, true);
    return { problems: [], warnings, explain: explainView(this.session.scenario, this.session.run), applied: true };
  }

  private run(scenario: Scenario, warnings: string[], keepTime: boolean): void {
    this.session.replaceScenario(scenario, { keepTime, warnings });
  }

  /** The current run's record in people's words and its Explain; computed once per run. */
  private runRecord(): RunRecordView {
    const runId = this.session.currentRunId;
    if (this.record?.runId !== runId) {
      const { scenario, run } = this.session;
      this.record = {
        runId,
        view: { runId, timeline: timelineInWords(scenario, run.timeline), explain: explainView(scenario, run) },
      };
    }
    return this.record.view;
  }

  /** The current run's Run view (phases, apps, where the time went, what went wrong); computed once per run. */
  private runAnalysis(): RunAnalysisView {
    const runId = this.session.currentRunId;
    if (this.analysis?.runId !== runId) {
      const { scenario, run } = this.session;
      // The log bundle as Collect logs would write it at the end of the run, in memory (its own files only).
      const bundle = () =>
        bundleFiles(scenario, run, run.endT, { archiveName: logBundleFileName(scenario) })
          .filter((f) => f.name !== 'scenario.json' && f.name !== 'timeline.json')
          .map((f) => ({
            name: f.name,
            data: typeof f.content === 'string' ? new TextEncoder().encode(f.content) : f.content,
          }));
      this.analysis = runAnalysisView(scenario, run, runId, bundle);
    }
    return this.analysis;
  }

  /** The current run beside library entry `id`, run with the current scenario's seed. */
  private async compare(id: string): Promise<Result<RunComparison>> {
    const read = await this.library.read(id);
    if (!read.ok) return read;
    const check = validateScenario(read.value.draft?.document ?? read.value.document);
    if (!check.ok)
      return { ok: false, error: `${read.value.entry.name} cannot run`, problems: check.problems.map(formatProblem) };
    const { scenario, run } = this.session;
    const other: Scenario = { ...check.scenario, seed: scenario.seed };
    return { ok: true, value: compareRuns(scenario, run, other, simulate(other)) };
  }
}

/**
 * The console's host for a session started on `startupFile` (null: the bundled default): the library in
 * `libraryFolder` beside the bundled scenarios of `resourcesDir`, with the startup file listed when it is neither.
 */
export function createOperatorHost(options: {
  session: Session;
  logger: Logger;
  libraryFolder: string;
  resourcesDir: string;
  startupFile: string | null;
}): OperatorHost {
  const bundledFolder = join(options.resourcesDir, 'scenarios');
  const library = new ScenarioLibrary({
    folder: options.libraryFolder,
    bundledFolder,
    startupFile: options.startupFile,
    logger: options.logger,
  });
  const startupId = options.startupFile
    ? (library.idOfFile(options.startupFile) ?? STARTUP_ID)
    : library.idOfFile(join(bundledFolder, DEFAULT_SCENARIO_FILE));
  return new OperatorHost({ library, session: options.session, logger: options.logger, startupId });
}
