/**
 * Timeout planner (issue 12): `esp-sim plan` on the scenario the device screen runs. The operator picks how many
 * devices and a seed; the host simulates them (`planTimeouts`) and answers the figures `esp-sim plan --json` prints,
 * the histogram's bins and the spreads the devices drew from. This page lays them out and decides nothing.
 */
import { Fragment, useState } from 'react';
import type { FormEvent, JSX } from 'react';
import type { LogNormalSpread, TimeoutPlan } from '../../../../shared/planner';
import { MAX_PLAN_DEVICES, MAX_PLAN_SEED, planSeedOf } from '../../../../shared/planner';
import type { Snapshot } from '../../../../shared/snapshot';
import { formatElapsed } from '../../format';
import { NumberField, Section } from '../components/Fields';
import { DurationHistogram } from '../timeouts/DurationHistogram';
import { useNavStore } from '../store/navStore';
import { usePlannerStore } from '../store/plannerStore';
import '../../styles/planner.css';

/** How many apps the list shows before "Show all". */
const TOP_APPS = 10;

const minutesAsClock = (minutes: number) => formatElapsed(Math.round(minutes * 60));

function wholeNumberProblem(value: number, min: number, max: number): string | null {
  return Number.isSafeInteger(value) && value >= min && value <= max
    ? null
    : `A whole number from ${min} to ${max.toLocaleString('en-US')}.`;
}

function Timeout({ plan }: { plan: TimeoutPlan }): JSX.Element {
  const { timeout } = plan;
  const profile = timeout.profileName ? `the profile “${timeout.profileName}”` : 'the default ESP timeout';
  return (
    <>
      <span className="operator-time">{minutesAsClock(timeout.minutes)}</span>{' '}
      {timeout.hybridExtraMinutes > 0
        ? `(${timeout.profileMinutes} minutes from ${profile}, plus ${timeout.hybridExtraMinutes} minutes for hybrid join)`
        : `(${timeout.minutes} minutes, from ${profile})`}
      , for each part of the ESP (device, Account setup)
    </>
  );
}

function Figures({ plan }: { plan: TimeoutPlan }): JSX.Element {
  const { report } = plan;
  const d = report.durationMinutes;
  return (
    <>
      <p className="operator-muted">
        p50, p90 and p99: the ESP of half the devices, of 9 in 10 and of 99 in 100 ends within that time (to the
        desktop, or to the error screen it stops on).
      </p>
      <dl className="operator-facts pl-figures" data-testid="pl-figures">
        <dt>Scenario</dt>
        <dd>{plan.scenarioName}</dd>
        <dt>Devices</dt>
        <dd data-testid="pl-devices">
          {report.devices} (seed {plan.seed}, {plan.threads === 1 ? 'one thread' : `${plan.threads} threads`})
        </dd>
        <dt>Timeout the ESP runs against</dt>
        <dd data-testid="pl-timeout">
          <Timeout plan={plan} />
        </dd>
        <dt>ESP duration, p50</dt>
        <dd className="operator-time" data-testid="pl-p50">
          {minutesAsClock(d.p50)}
        </dd>
        <dt>ESP duration, p90</dt>
        <dd className="operator-time" data-testid="pl-p90">
          {minutesAsClock(d.p90)}
        </dd>
        <dt>ESP duration, p99</dt>
        <dd className="operator-time" data-testid="pl-p99">
          {minutesAsClock(d.p99)}
        </dd>
        <dt>Devices that time out</dt>
        <dd data-testid="pl-timed-out" data-timed-out={report.timedOutDevices}>
          <span className="operator-time">{(report.timedOutShare * 100).toFixed(1)} %</span> ({report.timedOutDevices}{' '}
          of {report.devices})
        </dd>
      </dl>
    </>
  );
}

function Apps({ plan }: { plan: TimeoutPlan }): JSX.Element {
  const [all, setAll] = useState(false);
  const apps = plan.report.byApp;
  if (apps.length === 0) return <p className="operator-muted">No phase of the ESP waits on an app.</p>;
  const shown = all ? apps : apps.slice(0, TOP_APPS);
  return (
    <>
      <table className="operator-table" data-testid="pl-apps" id="pl-apps">
        <caption className="visually-hidden">Apps the ESP waits on, longest median first</caption>
        <thead>
          <tr>
            <th scope="col">App</th>
            <th scope="col">Median time per device (download and installer)</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.displayName}</th>
              <td className="operator-time">{formatElapsed(a.medianSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {apps.length > TOP_APPS && (
        <button
          type="button"
          className="op-link-button"
          aria-expanded={all}
          aria-controls="pl-apps"
          onClick={() => setAll(!all)}
        >
          {all ? `Show the first ${TOP_APPS}` : `Show all ${apps.length} apps`}
        </button>
      )}
    </>
  );
}

const spread = (s: LogNormalSpread, unit: string) => `median ${s.median}${unit}, sigma ${s.sigma}`;

function Distributions({ plan }: { plan: TimeoutPlan }): JSX.Element {
  const { bandwidthMbps, installTimeFactor, appOverrides } = plan.distributions;
  const origin = (isDefault: boolean) => (isDefault ? 'the default' : 'set in the scenario');
  return (
    <>
      <p>
        Each device draws its values log-normally (median × e<sup>sigma × z</sup>): half the devices are below the
        median, and sigma 0 gives every device the median.
      </p>
      <dl className="operator-facts" data-testid="pl-distributions">
        <dt>Download bandwidth, one per device</dt>
        <dd>
          {spread(bandwidthMbps, ' Mbps')} ({origin(bandwidthMbps.isDefault)})
        </dd>
        <dt>Install-time factor, per device and app</dt>
        <dd>
          {spread(installTimeFactor, '')} ({origin(installTimeFactor.isDefault)})
        </dd>
        {appOverrides.map((a) => (
          <Fragment key={a.id}>
            <dt>Install-time factor of {a.displayName}</dt>
            <dd>{spread(a.installTimeFactor, '')} (its own)</dd>
          </Fragment>
        ))}
      </dl>
    </>
  );
}

/** Where the spreads are edited; shown before any plan, too. */
function WhereToEdit(): JSX.Element {
  const show = useNavStore((s) => s.show);
  return (
    <p className="pl-where" data-testid="pl-where-to-edit">
      Edit them on <strong>Tenant &amp; device</strong>, <strong>Apps</strong>: “How devices differ” holds the bandwidth
      and the install-time factor of every app, and each app’s editor its own install-time factor (
      <code>simulation.variation</code> and <code>simulation.apps[id].installTimeFactor</code> in the scenario file). A
      bundled scenario is read-only: duplicate it in the Library first.{' '}
      <button type="button" className="op-link-button" onClick={() => show('tenant')}>
        Go to Tenant &amp; device
      </button>
    </p>
  );
}

export function PlannerPage({ snapshot }: { snapshot: Snapshot }): JSX.Element {
  const plan = usePlannerStore((s) => s.plan);
  const running = usePlannerStore((s) => s.running);
  const error = usePlannerStore((s) => s.error);
  const [devices, setDevices] = useState(1000);
  const [seed, setSeed] = useState(planSeedOf(snapshot.scenario.seed));
  const devicesProblem = wholeNumberProblem(devices, 1, MAX_PLAN_DEVICES);
  const seedProblem = wholeNumberProblem(seed, 0, MAX_PLAN_SEED);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (running || devicesProblem || seedProblem) return;
    void usePlannerStore.getState().run(devices, seed);
  };
  return (
    <div className="operator-stack pl-page">
      <Section title="Timeout planner">
        <p>
          How long the ESP of “{snapshot.scenario.name}” (the scenario on the device screen) takes across a fleet, and
          how many devices would hit its timeout: every device runs through the simulator with its own download
          bandwidth and install times, as <code>esp-sim plan</code> does. The same devices and seed always give the same
          figures.
        </p>
        <form className="pl-form" onSubmit={submit} aria-busy={running}>
          <NumberField
            label="Devices"
            value={devices}
            min={1}
            max={MAX_PLAN_DEVICES}
            help={`1 to ${MAX_PLAN_DEVICES.toLocaleString('en-US')}; a thousand take a second or two.`}
            problem={devicesProblem}
            onChange={setDevices}
          />
          <NumberField
            label="Seed"
            value={seed}
            min={0}
            max={MAX_PLAN_SEED}
            help="Each device's seed derives from it; it starts as the scenario's seed."
            problem={seedProblem}
            onChange={setSeed}
          />
          <button
            type="submit"
            className="op-button op-primary"
            disabled={running || devicesProblem !== null || seedProblem !== null}
            data-testid="pl-run"
          >
            {running ? 'Planning…' : 'Run'}
          </button>
        </form>
        <p role="status" className="pl-status" data-testid="pl-status">
          {running
            ? `Simulating ${devices.toLocaleString('en-US')} devices…`
            : plan
              ? `Planned ${plan.report.devices.toLocaleString('en-US')} devices of “${plan.scenarioName}”.`
              : ''}
        </p>
        {error && (
          <p className="operator-notice" role="alert" data-testid="pl-error">
            {error}
          </p>
        )}
      </Section>
      {plan && (
        <div className="operator-grid" data-testid="pl-results">
          <Section title="ESP duration and timeout">
            <Figures plan={plan} />
          </Section>
          <Section title="Apps that take longest">
            <Apps key={`${plan.seed}-${plan.report.devices}`} plan={plan} />
          </Section>
          <Section title="ESP duration, devices per bin" className="operator-wide">
            <DurationHistogram histogram={plan.histogram} timeoutMinutes={plan.report.timeoutMinutes} />
          </Section>
          <Section title="How devices differ" className="operator-wide">
            <Distributions plan={plan} />
            <WhereToEdit />
          </Section>
        </div>
      )}
      {!plan && (
        <Section title="How devices differ">
          <p className="operator-muted">
            Each device draws a download bandwidth and, for every app, an install-time factor; a plan lists the spreads
            it drew from.
          </p>
          <WhereToEdit />
        </Section>
      )}
    </div>
  );
}
