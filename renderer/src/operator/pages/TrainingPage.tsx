/**
 * Training: the trainer picks a bundled scenario or a random fault and a difficulty; the round runs on the device
 * screen with its name hidden; the trainee works the device screen, the diagnostics page and the log bundle, then
 * answers here (cause, app, code, next action). The host grades the answer against the run's own bundle and
 * debriefs: the evidence lines, the right steps, and coaching notes for every state the run reached. Results are
 * kept per trainee and export as CSV.
 */
import { useEffect, useState } from 'react';
import type { JSX } from 'react';
import type {
  NextAction,
  TrainingCause,
  TrainingDebrief,
  TrainingDifficulty,
  TrainingRound,
} from '../../../../shared/training';
import { CAUSE_CHOICES, NEXT_ACTIONS } from '../../../../shared/training';
import { getApi } from '../../bridge';
import { useLibraryStore } from '../store/libraryStore';
import { report, useNavStore } from '../store/navStore';

const RANDOM = 'random';

function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} min ${s % 60} s` : `${s} s`;
}

export function TrainingPage(): JSX.Element {
  const library = useLibraryStore((s) => s.library);
  const bundled = (library?.entries ?? []).filter((e) => e.kind === 'bundled');
  const [source, setSource] = useState<string>(RANDOM);
  const [difficulty, setDifficulty] = useState<TrainingDifficulty>('easy');
  const [trainee, setTrainee] = useState('');
  const [round, setRound] = useState<TrainingRound | null>(null);
  const [cause, setCause] = useState<TrainingCause | ''>('');
  const [appId, setAppId] = useState('');
  const [code, setCode] = useState('');
  const [nextAction, setNextAction] = useState<NextAction | ''>('');
  const [debrief, setDebrief] = useState<TrainingDebrief | null>(null);
  const [busy, setBusy] = useState(false);
  const [safeNames, setSafeNames] = useState<boolean | null>(null);

  useEffect(() => {
    let live = true;
    void getApi()
      .setSafeNames(null)
      .then((result) => {
        if (live && result.ok) setSafeNames(result.value.on);
      });
    return () => {
      live = false;
    };
  }, []);

  const toggleSafeNames = async (on: boolean): Promise<void> => {
    const result = await getApi().setSafeNames(on);
    if (!result.ok) {
      report(result, '');
      return;
    }
    setSafeNames(result.value.on);
    useNavStore
      .getState()
      .say(result.value.on ? 'Screenshot-safe names on: generated names everywhere' : 'Screenshot-safe names off');
  };

  const start = async (): Promise<void> => {
    setBusy(true);
    const result = await getApi().startTraining(
      source === RANDOM
        ? { kind: 'randomFault', seed: Math.floor(Math.random() * 2 ** 31) }
        : { kind: 'entry', id: source },
      difficulty,
    );
    setBusy(false);
    if (!report(result, 'Training round started: the device screen runs it from the start')) return;
    if (!result.ok) return;
    setRound(result.value);
    setDebrief(null);
    setCause('');
    setAppId('');
    setCode('');
    setNextAction('');
  };

  const answer = async (): Promise<void> => {
    setBusy(true);
    const result = await getApi().answerTraining(trainee.trim(), {
      cause: cause === '' ? null : cause,
      appId: appId === '' ? null : appId,
      code,
      nextAction: nextAction === '' ? null : nextAction,
    });
    setBusy(false);
    if (!result.ok) {
      report(result, '');
      return;
    }
    setDebrief(result.value);
    setRound(null);
    useNavStore.getState().say(`Graded: ${result.value.grade.score} of ${result.value.grade.outOf}`);
  };

  const exportCsv = async (): Promise<void> => {
    const result = await getApi().trainingResultsCsv(trainee.trim());
    if (!result.ok) {
      report(result, '');
      return;
    }
    const url = URL.createObjectURL(new Blob([result.value.text], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = result.value.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    useNavStore.getState().say(`Exported ${result.value.fileName}`);
  };

  const hard = (round?.difficulty ?? difficulty) === 'hard';
  return (
    <section className="op-training" data-testid="op-training">
      <h2>Training</h2>
      <p>
        The round runs on the device screen without its name. The trainee works the device screen, the diagnostics page
        and the log bundle as on a real device, then answers here.
      </p>
      <p>
        <label>
          <input
            type="checkbox"
            checked={safeNames === true}
            disabled={safeNames === null}
            data-testid="op-safe-names"
            onChange={(e) => void toggleSafeNames(e.target.checked)}
          />{' '}
          Screenshot-safe names (generated tenant, user, device and group names on the screens and in the log bundle)
        </label>
      </p>
      <fieldset>
        <legend>New round</legend>
        <label>
          Trainee{' '}
          <input
            type="text"
            value={trainee}
            data-testid="op-training-trainee"
            onChange={(e) => setTrainee(e.target.value)}
          />
        </label>{' '}
        <label>
          Scenario{' '}
          <select value={source} data-testid="op-training-source" onChange={(e) => setSource(e.target.value)}>
            <option value={RANDOM}>A random fault</option>
            {bundled.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Difficulty{' '}
          <select
            value={difficulty}
            data-testid="op-training-difficulty"
            onChange={(e) => setDifficulty(e.target.value as TrainingDifficulty)}
          >
            <option value="easy">Easy: the cause and the next action</option>
            <option value="hard">Hard: also the app and the code</option>
          </select>
        </label>{' '}
        <button type="button" disabled={busy} data-testid="op-training-start" onClick={() => void start()}>
          Start round
        </button>
      </fieldset>

      {round && (
        <form
          className="op-training-answer"
          data-testid="op-training-answer"
          onSubmit={(e) => {
            e.preventDefault();
            void answer();
          }}
        >
          <fieldset>
            <legend>The trainee&apos;s answer</legend>
            <label>
              Cause{' '}
              <select
                value={cause}
                data-testid="op-training-cause"
                onChange={(e) => setCause(e.target.value as TrainingCause | '')}
              >
                <option value="">Choose…</option>
                {CAUSE_CHOICES.map((c) => (
                  <option key={c.kind} value={c.kind}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>{' '}
            {hard && (
              <>
                <label>
                  App{' '}
                  <select value={appId} data-testid="op-training-app" onChange={(e) => setAppId(e.target.value)}>
                    <option value="">No app</option>
                    {round.apps.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                  </select>
                </label>{' '}
                <label>
                  Code{' '}
                  <input
                    type="text"
                    value={code}
                    placeholder="1603 or 0x80070643"
                    data-testid="op-training-code"
                    onChange={(e) => setCode(e.target.value)}
                  />
                </label>{' '}
              </>
            )}
            <label>
              Next action{' '}
              <select
                value={nextAction}
                data-testid="op-training-next"
                onChange={(e) => setNextAction(e.target.value as NextAction | '')}
              >
                <option value="">Choose…</option>
                {NEXT_ACTIONS.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.label}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button type="submit" disabled={busy || trainee.trim() === ''} data-testid="op-training-submit">
              Grade the answer
            </button>
            {trainee.trim() === '' && <p>Enter the trainee&apos;s name above to grade.</p>}
          </fieldset>
        </form>
      )}

      {debrief && (
        <section className="op-training-debrief" data-testid="op-training-debrief" aria-label="Debrief">
          <h3>
            Debrief: <span data-testid="op-training-scenario">{debrief.scenario}</span>
          </h3>
          <p data-testid="op-training-score">
            Score: {debrief.grade.score} of {debrief.grade.outOf}
          </p>
          <table>
            <caption>The answer, part by part</caption>
            <thead>
              <tr>
                <th scope="col">Part</th>
                <th scope="col">Answered</th>
                <th scope="col">Right answer</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {debrief.grade.parts.map((p) => (
                <tr key={p.part} data-testid={`op-training-part-${p.part}`} data-right={p.right ? 'true' : 'false'}>
                  <th scope="row">
                    {p.part === 'nextAction' ? 'Next action' : p.part[0]!.toUpperCase() + p.part.slice(1)}
                  </th>
                  <td>{p.given}</td>
                  <td>{p.expected}</td>
                  <td>{p.right ? 'Right' : 'Wrong'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>What happened</h4>
          <p>{debrief.truth.summary}</p>
          <h4>The evidence</h4>
          <ul className="op-training-evidence" data-testid="op-training-evidence">
            {debrief.truth.evidence.map((line, i) => (
              <li key={i}>
                <code>{line}</code>
              </li>
            ))}
          </ul>
          <h4>The right steps</h4>
          <ol data-testid="op-training-steps">
            {debrief.truth.steps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
          <h4>Coaching notes</h4>
          <table data-testid="op-training-coaching">
            <caption>Each state this run reached (docs/coaching.md)</caption>
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col">This run</th>
                <th scope="col">When to act</th>
                <th scope="col">What to tell the user</th>
              </tr>
            </thead>
            <tbody>
              {debrief.coaching.map((n) => (
                <tr key={n.state}>
                  <th scope="row">{n.title}</th>
                  <td>{duration(n.seconds)}</td>
                  <td>{n.whenToAct}</td>
                  <td>{n.tellUser}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {debrief.results.length} round{debrief.results.length === 1 ? '' : 's'} kept for this trainee.
          </p>
        </section>
      )}
      <p>
        <button
          type="button"
          disabled={trainee.trim() === ''}
          data-testid="op-training-export"
          onClick={() => void exportCsv()}
        >
          Export results as CSV
        </button>
      </p>
    </section>
  );
}
