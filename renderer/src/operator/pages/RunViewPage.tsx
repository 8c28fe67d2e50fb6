/**
 * Run view (issue "What went wrong and where the time went"): for the session's current run, the phases with
 * their durations and labels, every app's download, install and retry times with the code the ESP shows, what is
 * going on now (following the session's clock), where the simulated time went, what went wrong with the evidence
 * from the run's log bundle (each line opens the file at that line), two runs side by side, and the timeline's
 * export. Everything is computed by the host (`runAnalysis`, `compareRuns`); this page only lays it out.
 */
import { useEffect, useState } from 'react';
import type { JSX } from 'react';
import type { Snapshot } from '../../../../shared/snapshot';
import type { RunAnalysisView, RunViewEvidence } from '../../../../shared/runView';
import { formatElapsed } from '../../format';
import { Section } from '../components/Fields';
import { FileViewer } from '../runview/FileViewer';
import { SideBySide } from '../runview/SideBySide';
import { BlockingApps, TimeBar } from '../runview/TimeBar';
import { useLibraryStore } from '../store/libraryStore';
import { useNavStore } from '../store/navStore';
import { useRunViewStore } from '../store/runViewStore';
import '../../styles/runView.css';

function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function currentActivity(view: RunAnalysisView, t: number): string {
  const now = view.activities.filter((a) => a.start <= t && t < a.end).map((a) => a.text);
  if (now.length > 0) return now.join('; ');
  if (t >= view.endT) return 'Nothing: the run has ended';
  return 'No app is installing';
}

function Phases({ view }: { view: RunAnalysisView }): JSX.Element {
  return (
    <ol className="rv-stepper" data-testid="rv-phases" aria-label="Phases">
      {view.phases.map((p, i) => (
        <li key={`${p.label}-${i}`} data-status={p.status}>
          <span className="rv-step-label">{p.label}</span>
          <span className="operator-time">{p.start === null ? '–' : formatElapsed(p.seconds)}</span>
          <span className="rv-step-status">{p.status}</span>
        </li>
      ))}
    </ol>
  );
}

function Apps({ view }: { view: RunAnalysisView }): JSX.Element {
  if (view.apps.length === 0) return <p className="operator-muted">No app installed in this run.</p>;
  return (
    <table className="operator-table" data-testid="rv-apps">
      <caption className="visually-hidden">Apps: download, install and retry times</caption>
      <thead>
        <tr>
          <th scope="col">App</th>
          <th scope="col">Phase</th>
          <th scope="col">Attempts</th>
          <th scope="col">Download</th>
          <th scope="col">Install</th>
          <th scope="col">Waiting to retry</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {view.apps.map((app) => (
          <tr key={app.appId} data-failed={app.failure ? 'true' : undefined}>
            <th scope="row">{app.displayName}</th>
            <td>{app.phase}</td>
            <td>{app.attempts.length}</td>
            <td className="operator-time">{formatElapsed(app.downloadSeconds)}</td>
            <td className="operator-time">{formatElapsed(app.installSeconds)}</td>
            <td className="operator-time">{formatElapsed(app.retryWaitSeconds)}</td>
            <td>{app.attempts.map((a) => a.result).join(', then ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WhatWentWrong({ view }: { view: RunAnalysisView }): JSX.Element {
  const [open, setOpen] = useState<RunViewEvidence | null>(null);
  const d = view.diagnosis;
  if (!d) return <p className="operator-muted">Nothing went wrong: the run neither failed nor timed out.</p>;
  const file = open ? view.files.find((f) => f.name === open.file) : undefined;
  return (
    <div data-testid="rv-diagnosis">
      <dl className="operator-facts">
        <dt>Cause</dt>
        <dd data-testid="rv-cause" data-kind={d.kind}>
          {d.kindLabel}
        </dd>
        {d.appName && (
          <>
            <dt>App</dt>
            <dd data-testid="rv-cause-app">{d.appName}</dd>
          </>
        )}
        {d.code && (
          <>
            <dt>Code</dt>
            <dd data-testid="rv-cause-code">{d.code}</dd>
          </>
        )}
        {d.phase && (
          <>
            <dt>Phase</dt>
            <dd>{d.phase}</dd>
          </>
        )}
      </dl>
      <p data-testid="rv-summary">{d.summary}</p>
      <h3>Evidence</h3>
      <ul className="rv-evidence" data-testid="rv-evidence">
        {d.evidence.map((e) => (
          <li key={`${e.file}:${e.line}`}>
            <button
              type="button"
              className="rv-evidence-link"
              aria-label={`Open ${e.file} at line ${e.line}`}
              onClick={() => setOpen(e)}
            >
              {e.file}:{e.line}
            </button>{' '}
            <code>{e.text}</code>
          </li>
        ))}
      </ul>
      {open && file && <FileViewer file={file} line={open.line} onClose={() => setOpen(null)} />}
      <h3>What to do</h3>
      <ol data-testid="rv-steps">
        {d.steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
    </div>
  );
}

function Compare({ runId }: { runId: number }): JSX.Element {
  const entries = useLibraryStore((s) => s.library?.entries ?? []);
  const openId = useLibraryStore((s) => s.library?.openId ?? null);
  const comparison = useRunViewStore((s) => s.comparison);
  const comparing = useRunViewStore((s) => s.comparing);
  const runnable = entries.filter((e) => e.problems.length === 0 && e.id !== openId);
  const [id, setId] = useState('');
  const chosen = id || runnable[0]?.id || '';
  return (
    <>
      <div className="operator-controls">
        <label className="operator-field">
          <span>Compare with</span>
          <select value={chosen} onChange={(e) => setId(e.target.value)}>
            {runnable.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="op-button"
          disabled={!chosen || comparing}
          onClick={() => {
            void useRunViewStore
              .getState()
              .compare(chosen, runId)
              .then((error) => {
                if (error) useNavStore.getState().say(error, true);
                else useNavStore.getState().say('Compared with the same seed');
              });
          }}
        >
          Compare side by side
        </button>
      </div>
      {comparison && comparison.runId === runId && (
        <SideBySide key={`${comparison.id}-${comparison.runId}`} comparison={comparison.value} />
      )}
    </>
  );
}

export function RunViewPage({ snapshot }: { snapshot: Snapshot }): JSX.Element {
  const analysis = useRunViewStore((s) => s.analysis);
  const error = useRunViewStore((s) => s.error);
  useEffect(() => {
    void useRunViewStore.getState().follow(snapshot.runId);
  }, [snapshot.runId]);
  if (error) return <p className="operator-notice">{error}</p>;
  if (!analysis || analysis.runId !== snapshot.runId) return <p className="operator-muted">Reading the run…</p>;
  const t = snapshot.clock.elapsedSeconds;
  const exportButtons = (
    <>
      <button
        type="button"
        className="op-button"
        onClick={() => download(`${analysis.exports.baseName}.csv`, analysis.exports.csv, 'text/csv')}
      >
        Export timeline as CSV
      </button>
      <button
        type="button"
        className="op-button"
        onClick={() => download(`${analysis.exports.baseName}.json`, analysis.exports.json, 'application/json')}
      >
        Export timeline as JSON
      </button>
    </>
  );
  return (
    <div className="operator-grid rv-page">
      <Section title="Phases and apps" actions={exportButtons}>
        <p className="rv-activity" data-testid="rv-activity">
          <span className="operator-time">{formatElapsed(t)}</span> Now:{' '}
          {/* Only the activity is announced, when it changes; not every tick of the clock. */}
          <span aria-live="polite">{currentActivity(analysis, t)}</span>
        </p>
        <p>
          Run of{' '}
          <span className="operator-time" data-testid="rv-duration">
            {formatElapsed(analysis.duration)}
          </span>
          {analysis.outcome && <> ({analysis.outcome})</>}
        </p>
        <Phases view={analysis} />
        <Apps view={analysis} />
      </Section>
      <Section title="Where the time went">
        <TimeBar attribution={analysis.attribution} />
        <h3>Blocking apps</h3>
        <BlockingApps attribution={analysis.attribution} />
      </Section>
      <Section title="What went wrong">
        <WhatWentWrong view={analysis} />
      </Section>
      <Section title="Two runs side by side">
        <Compare runId={snapshot.runId} />
      </Section>
    </div>
  );
}
