/**
 * How the device is deployed (mode, join, Autopilot registration), the Windows release and build, quality updates,
 * and the faults that are not about one app.
 */
import type { JSX } from 'react';
import { CheckField, NumberField, Section, SelectField, TextField } from '../components/Fields';
import { getIn, list, num, obj, setIn, str, updateList } from '../document';
import { useScenario } from './useScenario';

const MODES = [
  { value: 'userDriven', label: 'User-driven' },
  { value: 'selfDeploying', label: 'Self-deploying' },
  { value: 'preProvisioning', label: 'Pre-provisioning' },
  { value: 'entraJoinOobe', label: 'Microsoft Entra join in OOBE (no Autopilot)' },
] as const;

const JOINS = [
  { value: 'entra', label: 'Microsoft Entra join' },
  { value: 'hybrid', label: 'Microsoft Entra hybrid join' },
] as const;

/** Deployment mode and join, Windows release and build, quality updates, device-wide faults. */
export function DeploymentSection(): JSX.Element {
  const { document, edit, readOnly } = useScenario();
  const deployment = obj(getIn(document, ['deployment']));
  const windows = obj(getIn(document, ['windows']));
  const quality = obj(getIn(document, ['simulation', 'qualityUpdates']));
  const faults = list(getIn(document, ['simulation', 'faults']));
  const fault = (kind: string) => faults.find((f) => f['kind'] === kind);
  const setFault = (kind: string, value: Record<string, unknown> | null): void =>
    edit((doc) =>
      updateList(doc, ['simulation', 'faults'], (fs) => {
        const rest = fs.filter((f) => f['kind'] !== kind);
        return value ? [...rest, { ...value, kind }] : rest;
      }),
    );
  const outage = fault('networkOutage');
  const mode = str(deployment['mode'], 'userDriven');
  return (
    <div className="operator-stack">
      <Section title="Deployment">
        <div className="op-form-grid">
          <SelectField
            label="Deployment mode"
            value={mode}
            disabled={readOnly}
            options={MODES}
            onChange={(v) => edit((doc) => setIn(doc, ['deployment', 'mode'], v))}
          />
          <SelectField
            label="Join"
            value={str(deployment['join'], 'entra')}
            disabled={readOnly}
            options={JOINS}
            help="Hybrid join works with user-driven and pre-provisioning only."
            onChange={(v) => edit((doc) => setIn(doc, ['deployment', 'join'], v))}
          />
        </div>
        <CheckField
          label="Registered with Windows Autopilot"
          checked={
            deployment['autopilotRegistered'] === undefined
              ? mode !== 'entraJoinOobe'
              : deployment['autopilotRegistered'] === true
          }
          disabled={readOnly}
          onChange={(v) => edit((doc) => setIn(doc, ['deployment', 'autopilotRegistered'], v))}
        />
      </Section>
      <Section title="Windows">
        <div className="op-form-grid">
          <SelectField
            label="Windows release"
            value={str(windows['release'], '11') === '10' || windows['release'] === 10 ? '10' : '11'}
            disabled={readOnly}
            options={[
              { value: '10', label: 'Windows 10' },
              { value: '11', label: 'Windows 11' },
            ]}
            onChange={(v) =>
              edit((doc) => setIn(setIn(doc, ['windows', 'release'], v), ['windows', 'build'], undefined))
            }
          />
          <TextField
            label="Build"
            value={str(windows['build'])}
            placeholder={str(windows['release'], '11') === '10' ? '10.0.19045.5487' : '10.0.26100.2894'}
            disabled={readOnly}
            help="Empty: the release's default build."
            onChange={(v) => edit((doc) => setIn(doc, ['windows', 'build'], v === '' ? undefined : v))}
          />
        </div>
      </Section>
      <Section title="Quality updates (Windows 11)">
        <CheckField
          label="Updates are available when the device checks"
          checked={quality['available'] === true}
          disabled={readOnly}
          onChange={(v) => edit((doc) => setIn(doc, ['simulation', 'qualityUpdates', 'available'], v))}
        />
        <NumberField
          label="Download and install time (minutes)"
          value={num(quality['minutes'], 25)}
          disabled={readOnly}
          onChange={(v) =>
            edit((doc) => setIn(doc, ['simulation', 'qualityUpdates', 'minutes'], Number.isNaN(v) ? undefined : v))
          }
        />
        <CheckField
          label="Restart afterwards"
          checked={quality['restart'] !== false}
          disabled={readOnly}
          onChange={(v) => edit((doc) => setIn(doc, ['simulation', 'qualityUpdates', 'restart'], v))}
        />
      </Section>
      <Section title="Faults">
        <CheckField
          label="Account setup never leaves Identifying"
          checked={fault('identifyingNeverEnds') !== undefined}
          disabled={readOnly}
          onChange={(v) => setFault('identifyingNeverEnds', v ? {} : null)}
        />
        <CheckField
          label="The ESP provider times out after 15 minutes"
          checked={fault('espProviderTimeout') !== undefined}
          disabled={readOnly}
          onChange={(v) => setFault('espProviderTimeout', v ? {} : null)}
        />
        <CheckField
          label="TPM attestation fails (0x81039001)"
          checked={fault('tpmAttestationFailure') !== undefined}
          disabled={readOnly}
          help="Only self-deploying and the pre-provisioning technician flow attest the TPM."
          onChange={(v) => setFault('tpmAttestationFailure', v ? {} : null)}
        />
        <CheckField
          label="A network outage stalls downloads"
          checked={outage !== undefined}
          disabled={readOnly}
          onChange={(v) => setFault('networkOutage', v ? { atSeconds: 60, forSeconds: 600 } : null)}
        />
        {outage && (
          <div className="op-form-grid">
            <NumberField
              label="Outage starts at (seconds)"
              value={num(outage['atSeconds'], 60)}
              disabled={readOnly}
              onChange={(v) => setFault('networkOutage', { ...outage, kind: undefined, atSeconds: v })}
            />
            <NumberField
              label="Outage lasts (seconds)"
              value={num(outage['forSeconds'], 600)}
              disabled={readOnly}
              onChange={(v) => setFault('networkOutage', { ...outage, kind: undefined, forSeconds: v })}
            />
          </div>
        )}
      </Section>
    </div>
  );
}
