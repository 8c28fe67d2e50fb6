/**
 * The device (the properties filters test, its groups, TPM attestation) and the users in sign-in order (the
 * first enrolls the device; each later one signs in after the previous reached the desktop).
 */
import type { JSX } from 'react';
import { CheckField, Section, SelectField, TextField } from '../components/Fields';
import { getIn, list, obj, setIn, str, strings, updateList } from '../document';
import { knownGroups } from '../profile/TargetsEditor';
import { useScenario } from './useScenario';

const DEVICE_FIELDS = [
  { key: 'serialNumber', label: 'Serial number', fallback: '5CG1234XYZ' },
  { key: 'manufacturer', label: 'Manufacturer (device.manufacturer)', fallback: 'Microsoft Corporation' },
  { key: 'model', label: 'Model (device.model)', fallback: 'Surface Laptop 5' },
  { key: 'osVersion', label: 'OS version (device.osVersion)', fallback: '' },
  { key: 'operatingSystemSKU', label: 'Operating system SKU (device.operatingSystemSKU)', fallback: 'Enterprise' },
  { key: 'deviceOwnership', label: 'Ownership (device.deviceOwnership)', fallback: 'corporate' },
  { key: 'enrollmentProfileName', label: 'Enrollment profile name (device.enrollmentProfileName)', fallback: '' },
] as const;

function GroupChecks(props: {
  label: string;
  groupIds: string[];
  disabled: boolean;
  onChange(ids: string[]): void;
}): JSX.Element {
  const { document } = useScenario();
  const groups = knownGroups(document);
  return (
    <fieldset className="op-checks" disabled={props.disabled}>
      <legend>{props.label}</legend>
      {groups.length === 0 && <p className="operator-muted">The tenant has no groups yet.</p>}
      {groups.map((g) => (
        <CheckField
          key={g.id}
          label={g.name}
          checked={props.groupIds.includes(g.id)}
          onChange={(checked) =>
            props.onChange(checked ? [...props.groupIds, g.id] : props.groupIds.filter((id) => id !== g.id))
          }
        />
      ))}
    </fieldset>
  );
}

/** The device's properties (what filters test), its groups and its TPM attestation. */
export function DeviceSection(): JSX.Element {
  const { document, edit, readOnly } = useScenario();
  const device = obj(getIn(document, ['device']));
  const set = (key: string, value: unknown): void =>
    edit((doc) => setIn(doc, ['device', key], value === '' && key === 'osVersion' ? undefined : value));
  return (
    <Section title="Device">
      <div className="op-form-grid">
        {DEVICE_FIELDS.map((f) => (
          <TextField
            key={f.key}
            label={f.label}
            value={str(device[f.key], f.fallback)}
            disabled={readOnly}
            onChange={(v) => set(f.key, v)}
          />
        ))}
        <SelectField
          label="TPM attestation"
          value={str(device['tpmAttestation'], 'succeeds')}
          disabled={readOnly}
          options={[
            { value: 'succeeds', label: 'Succeeds' },
            { value: 'fails', label: 'Fails (0x800705b4)' },
          ]}
          onChange={(v) => set('tpmAttestation', v)}
        />
      </div>
      <GroupChecks
        label="The device's groups"
        groupIds={strings(device['groupIds'])}
        disabled={readOnly}
        onChange={(ids) => set('groupIds', ids)}
      />
    </Section>
  );
}

/** The users in sign-in order: add, remove, reorder, their groups and licence. */
export function UsersSection(): JSX.Element {
  const { document, edit, readOnly } = useScenario();
  const users = list(getIn(document, ['users']));
  const move = (from: number, to: number): void =>
    edit((doc) =>
      updateList(doc, ['users'], (us) => {
        const next = [...us];
        const [moved] = next.splice(from, 1);
        next.splice(to, 0, moved!);
        return next;
      }),
    );
  return (
    <Section
      title="Users, in sign-in order"
      actions={
        <button
          type="button"
          className="op-button"
          disabled={readOnly}
          onClick={() =>
            edit((doc) =>
              updateList(doc, ['users'], (us) => [
                ...us,
                { userPrincipalName: `user${us.length + 1}@contoso.com`, groupIds: [], intuneLicensed: true },
              ]),
            )
          }
        >
          Add user
        </button>
      }
    >
      <p className="operator-muted">
        The first user enrolls the device; each later user signs in ten minutes after the one before reached the
        desktop.
      </p>
      {users.length === 0 && (
        <p className="operator-muted">No user: only self-deploying and the technician flow run without one.</p>
      )}
      <ol className="op-rows">
        {users.map((user, i) => {
          const upn = str(user['userPrincipalName']);
          const set = (key: string, value: unknown): void => edit((doc) => setIn(doc, ['users', i, key], value));
          return (
            <li key={i} className="op-user">
              <h3>
                {i + 1}. {str(user['displayName'], upn) || upn}
              </h3>
              <div className="op-form-grid">
                <TextField
                  label="User principal name"
                  value={upn}
                  disabled={readOnly}
                  onChange={(v) => set('userPrincipalName', v)}
                />
                <TextField
                  label="Display name"
                  value={str(user['displayName'])}
                  disabled={readOnly}
                  onChange={(v) => set('displayName', v === '' ? undefined : v)}
                />
              </div>
              <CheckField
                label="Has an Intune licence"
                checked={user['intuneLicensed'] !== false}
                disabled={readOnly}
                onChange={(v) => set('intuneLicensed', v)}
              />
              <GroupChecks
                label={`${upn}'s groups`}
                groupIds={strings(user['groupIds'])}
                disabled={readOnly}
                onChange={(ids) => set('groupIds', ids)}
              />
              <div className="operator-row-actions">
                <button
                  type="button"
                  className="op-button"
                  disabled={readOnly || i === 0}
                  onClick={() => move(i, i - 1)}
                >
                  Sign in earlier<span className="visually-hidden"> {upn}</span>
                </button>
                <button
                  type="button"
                  className="op-button"
                  disabled={readOnly || i === users.length - 1}
                  onClick={() => move(i, i + 1)}
                >
                  Sign in later<span className="visually-hidden"> {upn}</span>
                </button>
                <button
                  type="button"
                  className="op-button"
                  disabled={readOnly}
                  onClick={() => edit((doc) => updateList(doc, ['users'], (us) => us.filter((_, j) => j !== i)))}
                >
                  Remove<span className="visually-hidden"> {upn}</span>
                </button>
              </div>
            </li>
          );
        })}
      </ol>
    </Section>
  );
}
