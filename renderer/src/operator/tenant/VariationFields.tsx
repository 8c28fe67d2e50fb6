/**
 * How devices differ, for the Timeout planner (docs/scenario-format.md §8.5): the download bandwidth and the
 * install-time factor of `simulation.variation`, and one app's own `simulation.apps[id].installTimeFactor`. Each is a
 * log-normal spread, a median and a sigma; an empty spread takes the default the fields name. The host validates
 * every edit, as for every other field.
 */
import type { JSX } from 'react';
import type { LogNormalSpread } from '../../../../shared/planner';
import { DEFAULT_VARIATION } from '../../../../shared/planner';
import { NumberField, Section } from '../components/Fields';
import { getIn, obj, setIn } from '../document';
import { useScenario } from './useScenario';

type Path = readonly (string | number)[];

/**
 * `document` with the spread at `path` given `key`: a spread not written yet starts from `fallback`; a field
 * emptied (NaN) is left out; a spread left empty is removed, and so is the object holding it when that empties.
 */
export function withSpread(
  document: unknown,
  path: Path,
  key: keyof LogNormalSpread,
  value: number,
  fallback: LogNormalSpread,
): unknown {
  const now = getIn(document, path);
  const next: Record<string, unknown> = now === undefined ? { ...fallback } : { ...obj(now) };
  if (Number.isNaN(value)) delete next[key];
  else next[key] = value;
  if (Object.keys(next).length > 0) return setIn(document, path, next);
  const without = setIn(document, path, undefined);
  const parent = path.slice(0, -1);
  return Object.keys(obj(getIn(without, parent))).length === 0 ? setIn(without, parent, undefined) : without;
}

/** A median and a sigma for the spread at `path`; empty, the spread is `fallback` (`fallbackText` says whose). */
export function SpreadFields(props: {
  legend: string;
  path: Path;
  fallback: LogNormalSpread;
  fallbackText: string;
  unit?: string;
}): JSX.Element {
  const { document, edit, readOnly } = useScenario();
  const spread = obj(getIn(document, props.path));
  const value = (key: keyof LogNormalSpread) => (typeof spread[key] === 'number' ? (spread[key] as number) : null);
  const change = (key: keyof LogNormalSpread) => (v: number) =>
    edit((doc) => withSpread(doc, props.path, key, v, props.fallback));
  const unit = props.unit ? ` (${props.unit})` : '';
  return (
    <fieldset className="op-checks" disabled={readOnly}>
      <legend>{props.legend}</legend>
      <p className="op-notes">
        <span className="op-help">
          Both empty: {props.fallbackText} (median {props.fallback.median}
          {props.unit ? ` ${props.unit}` : ''}, sigma {props.fallback.sigma}).
        </span>
      </p>
      <div className="op-spread-fields">
        <NumberField
          label={`Median${unit}`}
          value={value('median')}
          step="any"
          min={0}
          disabled={readOnly}
          help="Above 0."
          onChange={change('median')}
        />
        <NumberField
          label="Sigma"
          value={value('sigma')}
          step="any"
          min={0}
          max={3}
          disabled={readOnly}
          help="0 to 3; 0 gives every device the median."
          onChange={change('sigma')}
        />
      </div>
    </fieldset>
  );
}

const VARIATION = ['simulation', 'variation'] as const;

/** The spread an app without its own install-time factor takes: the scenario's, else the default. */
export function installTimeFallback(document: unknown): LogNormalSpread {
  const written = obj(getIn(document, [...VARIATION, 'installTimeFactor']));
  return typeof written['median'] === 'number' && typeof written['sigma'] === 'number'
    ? { median: written['median'], sigma: written['sigma'] }
    : DEFAULT_VARIATION.installTimeFactor;
}

/** `simulation.variation`: what every device draws, for the Timeout planner. */
export function VariationSection(): JSX.Element {
  return (
    <Section title="How devices differ (Timeout planner)">
      <p className="operator-muted">
        Only the Timeout planner uses these: a single run downloads at 96 Mbps and installs in the apps’ own times. Each
        device draws its values as median × e<sup>sigma × z</sup>: half the devices below the median.
      </p>
      <div className="op-form-grid">
        <SpreadFields
          legend="Download bandwidth, one per device"
          path={[...VARIATION, 'bandwidthMbps']}
          fallback={DEFAULT_VARIATION.bandwidthMbps}
          fallbackText="the default"
          unit="Mbps"
        />
        <SpreadFields
          legend="Install-time factor, per device and app"
          path={[...VARIATION, 'installTimeFactor']}
          fallback={DEFAULT_VARIATION.installTimeFactor}
          fallbackText="the default"
        />
      </div>
    </Section>
  );
}
