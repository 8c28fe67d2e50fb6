/**
 * Where the run's simulated time went: one stacked bar over the whole wall time (nothing normalised away: the
 * segments add up to the run's duration), the blocking apps as bars sorted by time, and the critical path.
 * Drawn with @visx (SVG from React: every shape can carry its own text for screen readers, and it lives in the
 * console's lazily loaded chunk) over our own linear scale (components/linearScale.ts says why not @visx/scale);
 * each chart also has a list or table with the same numbers.
 */
import { Bar } from '@visx/shape';
import type { JSX } from 'react';
import type { RunViewAttribution } from '../../../../shared/runView';
import { formatElapsed } from '../../format';
import { linearScale } from '../components/linearScale';

export const KIND_COLOURS: Record<string, string> = {
  devicePreparation: '#005fb8',
  deviceSetupApps: '#8764b8',
  accountSetup: '#00796b',
  restart: '#c25400',
  waitingForUser: '#b4009e',
  qualityUpdates: '#4f6bed',
  other: '#767676',
};

const WIDTH = 720;

export function TimeBar({ attribution }: { attribution: RunViewAttribution }): JSX.Element {
  const { duration, segments, totals } = attribution;
  const x = linearScale([0, Math.max(duration, 1)], [0, WIDTH]);
  return (
    <div className="rv-timebar">
      <svg
        viewBox={`0 0 ${WIDTH} 32`}
        className="rv-svg"
        role="group"
        aria-label={`Where the time went: run of ${formatElapsed(duration)}`}
        data-testid="rv-timebar"
        data-duration={duration}
      >
        {segments.map((s) => (
          <Bar
            key={s.start}
            role="img"
            aria-label={`${s.label}, ${formatElapsed(s.seconds)}, from ${formatElapsed(s.start)} to ${formatElapsed(s.end)}`}
            x={x(s.start)}
            y={0}
            width={Math.max(0, x(s.end) - x(s.start))}
            height={32}
            fill={KIND_COLOURS[s.kind] ?? '#767676'}
          >
            <title>{`${s.label}: ${formatElapsed(s.start)} to ${formatElapsed(s.end)}`}</title>
          </Bar>
        ))}
      </svg>
      <ul className="rv-legend" data-testid="rv-time-totals" aria-label="Where the time went">
        {totals.map((t) => (
          <li key={t.kind} data-kind={t.kind} data-seconds={t.seconds}>
            <span className="rv-swatch" style={{ background: KIND_COLOURS[t.kind] }} aria-hidden="true" />
            {t.label}: <span className="operator-time">{formatElapsed(t.seconds)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function BlockingApps({ attribution }: { attribution: RunViewAttribution }): JSX.Element {
  const apps = attribution.blockingApps;
  if (apps.length === 0) return <p className="operator-muted">No app held a setup phase.</p>;
  const longest = Math.max(...apps.map((a) => a.seconds), 1);
  const x = linearScale([0, longest], [0, 160]);
  return (
    <>
      <table className="operator-table rv-blocking" data-testid="rv-blocking">
        <caption className="visually-hidden">Blocking apps, longest first</caption>
        <thead>
          <tr>
            <th scope="col">App</th>
            <th scope="col">Phase</th>
            <th scope="col">Installing</th>
            <th scope="col">Waiting to retry</th>
            <th scope="col">Total</th>
            <th scope="col">
              <span className="visually-hidden">Bar</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {apps.map((a) => (
            <tr key={a.appId}>
              <th scope="row">{a.displayName}</th>
              <td>{a.phase}</td>
              <td className="operator-time">{formatElapsed(a.installSeconds)}</td>
              <td className="operator-time">{formatElapsed(a.retryWaitSeconds)}</td>
              <td className="operator-time">{formatElapsed(a.seconds)}</td>
              <td>
                <svg width={160} height={14} aria-hidden="true">
                  <Bar x={0} y={1} width={x(a.installSeconds)} height={12} fill={KIND_COLOURS.deviceSetupApps} />
                  <Bar
                    x={x(a.installSeconds)}
                    y={1}
                    width={x(a.retryWaitSeconds)}
                    height={12}
                    fill={KIND_COLOURS.waitingForUser}
                  />
                </svg>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="rv-critical-path">
        Critical path: <span className="operator-time">{formatElapsed(attribution.criticalPathSeconds)}</span>
        {attribution.criticalPath.length > 0 && ' ('}
        {attribution.criticalPath
          .map((c) => `${formatElapsed(c.start)} to ${formatElapsed(c.end)}: ${c.appNames.join(', ')}`)
          .join('; ')}
        {attribution.criticalPath.length > 0 && ')'}
      </p>
    </>
  );
}
