/**
 * Explain, for the scenario being edited (recomputed by the host a moment after every edit): which profile applies
 * and why every other one won or lost, which apps each phase tracks and why every other app is not tracked or
 * waits until after the ESP, and which error actions the user gets. With problems, the problems come first and
 * Explain shows the version the device screen still runs.
 */
import type { JSX } from 'react';
import type { ExplainApp, ExplainView } from '../../../../shared/operator';
import { TARGET_LABELS } from '../../format';
import { Section } from '../components/Fields';
import { useEditorStore } from '../store/editorStore';
import { useRecordStore } from '../store/recordStore';

function AppList({ apps, testId, empty }: { apps: ExplainApp[]; testId: string; empty: string }): JSX.Element {
  if (apps.length === 0) return <p className="operator-muted">{empty}</p>;
  return (
    <ul className="op-explain-apps" data-testid={testId}>
      {apps.map((app) => (
        <li key={app.id} data-why={app.why}>
          <strong>{app.displayName}</strong>: {app.reason}
          {!app.recorded && <span className="operator-muted"> (worked out: this run never reached that phase)</span>}
        </li>
      ))}
    </ul>
  );
}

function Explanation({ explain }: { explain: ExplainView }): JSX.Element {
  const deviceSetup = explain.apps.filter((a) => a.tracked && a.phase === 'deviceSetup');
  const accountSetup = explain.apps.filter((a) => a.tracked && a.phase === 'accountSetup');
  const deferred = explain.apps.filter((a) => !a.tracked && a.why === 'deferredUntilAfterEsp');
  const others = explain.apps.filter((a) => !a.tracked && a.why !== 'deferredUntilAfterEsp');
  const { profile } = explain;
  return (
    <>
      <Section title="Which profile applies">
        <p data-testid="op-explain-profile">
          <strong>{profile.displayName}</strong> ({TARGET_LABELS[profile.targetedBy]}): {profile.reason}
        </p>
        {explain.espSkipped && (
          <p className="operator-notice" data-testid="op-explain-skipped">
            The ESP is not shown: {explain.espSkipped}.
          </p>
        )}
        <table className="operator-table" data-testid="op-explain-candidates">
          <caption className="visually-hidden">Every profile of the tenant and why it won or lost</caption>
          <thead>
            <tr>
              <th scope="col">Priority</th>
              <th scope="col">Profile</th>
              <th scope="col">Result</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {profile.candidates.map((c) => (
              <tr key={c.id} data-applies={c.applies ? 'true' : 'false'}>
                <td>{c.isDefault ? 'Default' : c.priority}</td>
                <th scope="row">{c.displayName}</th>
                <td>{c.applies ? 'Applies' : 'Does not apply'}</td>
                <td>{c.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="What each phase waits for">
        <h3>Device setup tracks</h3>
        <AppList apps={deviceSetup} testId="op-explain-device" empty="No app." />
        <h3>Account setup tracks</h3>
        <AppList apps={accountSetup} testId="op-explain-account" empty="No app." />
        <h3>Installed after the ESP</h3>
        <AppList apps={deferred} testId="op-explain-deferred" empty="No app waits until after the ESP." />
        <h3>Not tracked</h3>
        <AppList apps={others} testId="op-explain-untracked" empty="Every app is tracked." />
      </Section>

      <Section title="What the error screen offers">
        <p data-testid="op-explain-message">
          {explain.errorMessageIsCustom ? 'The custom message: ' : "Intune's default message: "}“{explain.errorMessage}”
        </p>
        <ul className="op-explain-actions" data-testid="op-explain-actions">
          {explain.errorActions.map((a) => (
            <li key={a.action}>
              <strong>{a.label}</strong>, because {a.because}.
            </li>
          ))}
          {explain.errorActions.length === 0 && <li>Nothing.</li>}
        </ul>
        {explain.errorActionsWithheld.length > 0 && (
          <>
            <h3>Not offered</h3>
            <ul className="op-explain-actions">
              {explain.errorActionsWithheld.map((a) => (
                <li key={a.action}>
                  <strong>{a.label}</strong>: {a.because}.
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>
    </>
  );
}

/** The Explain page for the scenario being edited. */
export function ExplainPage(): JSX.Element {
  const preview = useEditorStore((s) => s.preview);
  const previewing = useEditorStore((s) => s.previewing);
  const record = useRecordStore((s) => s.record);
  // The edit's own Explain when it is valid; otherwise the run the device screen shows.
  const explain = preview?.explain ?? record?.explain ?? null;
  return (
    <div className="operator-stack" aria-busy={previewing || undefined}>
      {preview && preview.problems.length > 0 && (
        <Section title="Problems to fix" className="op-problems">
          <p>The device screen keeps running the last valid version until these are fixed.</p>
          <ul data-testid="op-problems">
            {preview.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Section>
      )}
      {preview && preview.warnings.length > 0 && (
        <Section title="Warnings">
          <ul data-testid="op-warnings">
            {preview.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Section>
      )}
      {explain ? <Explanation explain={explain} /> : <p role="status">Working out the explanation…</p>}
    </div>
  );
}
