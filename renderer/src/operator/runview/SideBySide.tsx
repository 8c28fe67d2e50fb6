/**
 * Two runs side by side: the current run and a second scenario from the library run with the same seed. Both
 * device screens (small, in words and rows) at the same simulated second, chosen with one shared slider, both
 * timelines in step, and the first moment where they differ highlighted.
 */
import { useState } from 'react';
import type { JSX } from 'react';
import type { ComparedFrame, ComparedRun, RunComparison } from '../../../../shared/runView';
import { formatElapsed } from '../../format';

function frameAt(run: ComparedRun, t: number): ComparedFrame | null {
  let found: ComparedFrame | null = null;
  for (const f of run.frames) {
    if (f.t <= t) found = f;
    else break;
  }
  return found;
}

function MiniScreen({ run, t, side }: { run: ComparedRun; t: number; side: string }): JSX.Element {
  const frame = frameAt(run, t);
  return (
    <figure className="rv-mini" data-testid={`rv-mini-${side}`}>
      <figcaption>
        <strong>{run.scenarioName}</strong>
        {run.profileName && <span className="operator-muted"> ({run.profileName})</span>}
      </figcaption>
      <div className="rv-mini-screen" data-error={frame?.error ? 'true' : undefined}>
        <p className="rv-mini-title">{frame?.screen ?? 'Not started'}</p>
        {frame?.phases.map((p) => (
          <div key={p.title} className="rv-mini-phase" data-status={p.status}>
            <p>
              {p.title}: {p.statusText}
            </p>
            {p.items.length > 0 && (
              <ul>
                {p.items.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            )}
          </div>
        ))}
        {frame?.error && <p className="rv-mini-error">{frame.error}</p>}
      </div>
    </figure>
  );
}

function Timeline({ run, t, diff }: { run: ComparedRun; t: number; diff: number | null }): JSX.Element {
  // The first line at or after the first difference is where the two records part.
  const marked = diff === null ? -1 : run.timeline.findIndex((l) => l.t >= diff);
  return (
    <ol className="rv-compare-timeline" tabIndex={0} aria-label={`${run.scenarioName}: what happened`}>
      {run.timeline.map((l, i) =>
        l.t <= t ? (
          <li key={i} data-first-difference={i === marked ? 'true' : undefined}>
            <span className="operator-time">{formatElapsed(l.t)}</span> {l.text}
            {i === marked && <span className="visually-hidden"> (first difference)</span>}
          </li>
        ) : null,
      )}
    </ol>
  );
}

export function SideBySide({ comparison }: { comparison: RunComparison }): JSX.Element {
  const { a, b, firstDifference } = comparison;
  const end = Math.max(a.endT, b.endT);
  const [t, setT] = useState(firstDifference ?? 0);
  return (
    <div className="rv-compare" data-testid="rv-compare">
      <p data-testid="rv-first-difference">
        {firstDifference === null ? (
          'The two runs are the same throughout.'
        ) : (
          <>
            They first differ at <strong className="operator-time">{formatElapsed(firstDifference)}</strong>
            {comparison.screensDiffer
              ? ' (the device screens differ)'
              : ' (the records differ; the screens do not yet)'}
            .{' '}
            <button type="button" className="op-button" onClick={() => setT(firstDifference)}>
              Go to the first difference
            </button>
          </>
        )}
      </p>
      <label className="operator-field rv-slider">
        <span>
          Simulated time <span className="operator-time">{formatElapsed(t)}</span>
        </span>
        <input
          type="range"
          min={0}
          max={end}
          step={1}
          value={t}
          aria-valuetext={formatElapsed(t)}
          onChange={(e) => setT(Number(e.target.value))}
        />
      </label>
      <div className="rv-compare-grid">
        <div>
          <MiniScreen run={a} t={t} side="a" />
          <Timeline run={a} t={t} diff={firstDifference} />
        </div>
        <div>
          <MiniScreen run={b} t={t} side="b" />
          <Timeline run={b} t={t} diff={firstDifference} />
        </div>
      </div>
    </div>
  );
}
