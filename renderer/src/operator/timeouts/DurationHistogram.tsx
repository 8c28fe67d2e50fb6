/**
 * The Timeout planner's histogram: devices per bin of ESP duration, the bins the host computed (the same ones
 * `esp-sim plan` draws in text), and the timeout as a marker when it falls among them. Drawn with @visx/shape over
 * the console's linearScale, as the Run view's TimeBar is: every bar carries its own text for screen readers, and a
 * table holds the same numbers.
 */
import { Bar } from '@visx/shape';
import type { JSX } from 'react';
import type { PlanHistogram } from '../../../../shared/planner';
import { linearScale } from '../components/linearScale';

const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 44;
const RIGHT = 12;
const TOP = 22;
const BOTTOM = 30;
const BAR_COLOUR = '#005fb8';
const TIMEOUT_COLOUR = '#a4262c';

const binLabel = (from: number, to: number) => `${from}–${to} min`;
const devicesLabel = (n: number) => `${n} ${n === 1 ? 'device' : 'devices'}`;

export function DurationHistogram(props: { histogram: PlanHistogram; timeoutMinutes: number }): JSX.Element {
  const { bins, timeoutBin } = props.histogram;
  if (bins.length === 0) return <p className="operator-muted">No device ran.</p>;
  const first = bins[0]!.fromMinutes;
  const last = bins[bins.length - 1]!.toMinutes;
  const most = Math.max(1, ...bins.map((b) => b.devices));
  const x = linearScale([first, last], [LEFT, WIDTH - RIGHT]);
  const y = linearScale([0, most], [HEIGHT - BOTTOM, TOP]);
  // Every boundary labelled while they fit, else every other one.
  const step = bins.length > 12 ? 2 : 1;
  const ticks = [...bins.map((b) => b.fromMinutes), last].filter((_, i) => i % step === 0);
  const timeoutX = timeoutBin === null ? null : x(props.timeoutMinutes);
  return (
    <div className="pl-histogram">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="pl-svg"
        role="group"
        aria-label={`ESP duration, devices per bin of ${props.histogram.widthMinutes} min, from ${first} to ${last} min`}
        data-testid="pl-histogram"
      >
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(0)} y2={y(0)} stroke="#8a8a8a" aria-hidden="true" />
        <g aria-hidden="true" className="pl-axis">
          <text x={LEFT - 6} y={y(most)} textAnchor="end" dominantBaseline="middle">
            {most}
          </text>
          <text x={LEFT - 6} y={y(0)} textAnchor="end" dominantBaseline="middle">
            0
          </text>
          {ticks.map((m) => (
            <text key={m} x={x(m)} y={HEIGHT - BOTTOM + 16} textAnchor="middle">
              {m}
            </text>
          ))}
          <text x={WIDTH - RIGHT} y={HEIGHT - 2} textAnchor="end">
            minutes
          </text>
        </g>
        {bins.map((b, i) => (
          <Bar
            key={b.fromMinutes}
            role="img"
            aria-label={`${binLabel(b.fromMinutes, b.toMinutes)}: ${devicesLabel(b.devices)}${i === timeoutBin ? ', the timeout falls here' : ''}`}
            x={x(b.fromMinutes) + 1}
            y={y(b.devices)}
            width={Math.max(0, x(b.toMinutes) - x(b.fromMinutes) - 2)}
            height={Math.max(0, y(0) - y(b.devices))}
            fill={BAR_COLOUR}
          >
            <title>{`${binLabel(b.fromMinutes, b.toMinutes)}: ${devicesLabel(b.devices)}`}</title>
          </Bar>
        ))}
        {timeoutX !== null && (
          <g role="img" aria-label={`The timeout, ${props.timeoutMinutes} min`} data-testid="pl-timeout-marker">
            <line
              x1={timeoutX}
              x2={timeoutX}
              y1={TOP - 6}
              y2={y(0)}
              stroke={TIMEOUT_COLOUR}
              strokeWidth={2}
              strokeDasharray="6 3"
            />
            <text
              x={timeoutX}
              y={TOP - 10}
              textAnchor={timeoutX > WIDTH - 120 ? 'end' : 'middle'}
              fill={TIMEOUT_COLOUR}
              className="pl-marker-text"
            >
              {`timeout ${props.timeoutMinutes} min`}
            </text>
          </g>
        )}
      </svg>
      <details className="pl-table-toggle">
        <summary>The same numbers as a table</summary>
        <table className="operator-table" data-testid="pl-bins">
          <caption className="visually-hidden">ESP duration, devices per bin</caption>
          <thead>
            <tr>
              <th scope="col">ESP duration</th>
              <th scope="col">Devices</th>
            </tr>
          </thead>
          <tbody>
            {bins.map((b, i) => (
              <tr key={b.fromMinutes} data-timeout={i === timeoutBin ? 'true' : undefined}>
                <th scope="row">
                  {binLabel(b.fromMinutes, b.toMinutes)}
                  {i === timeoutBin && ' (the timeout)'}
                </th>
                <td>{b.devices}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
