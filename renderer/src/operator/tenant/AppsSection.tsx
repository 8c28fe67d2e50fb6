/**
 * Tenant apps: type, install context, assignments (intent, target, filter), return codes, and how the simulated
 * world treats each (install time, download size, exit code per attempt, its install-time spread for the Timeout
 * planner, faults).
 *
 * About 450 lines: the app editor's parts (type, install context, assignments, return codes, simulated behaviour,
 * faults) all read and write the same app and its entries under `simulation`, so they stay together.
 */
import { useState } from 'react';
import type { JSX } from 'react';
import { CheckField, NumberField, Section, SelectField, TextField } from '../components/Fields';
import type { Json } from '../document';
import { describeTarget, getIn, list, newId, num, obj, setIn, str, strings, updateList } from '../document';
import { FilterPicker, knownGroups } from '../profile/TargetsEditor';
import { useScenario } from './useScenario';
import { installTimeFallback, SpreadFields } from './VariationFields';

export const APP_TYPES = [
  { value: '#microsoft.graph.win32LobApp', label: 'Windows app (Win32)' },
  { value: '#microsoft.graph.win32CatalogApp', label: 'Enterprise App Catalog app (Win32)' },
  { value: '#microsoft.graph.winGetApp', label: 'Microsoft Store app (new)' },
  { value: '#microsoft.graph.windowsMobileMSI', label: 'Line-of-business app (MSI)' },
  { value: '#microsoft.graph.officeSuiteApp', label: 'Microsoft 365 Apps (Windows 10 and later)' },
  { value: '#microsoft.graph.windowsUniversalAppX', label: 'Line-of-business app (AppX/MSIX)' },
  { value: '#microsoft.graph.windowsStoreApp', label: 'Microsoft Store app (legacy)' },
  { value: '#microsoft.graph.microsoftStoreForBusinessApp', label: 'Microsoft Store for Business app' },
] as const;

const INTENTS = [
  { value: 'required', label: 'Required' },
  { value: 'available', label: 'Available for enrolled devices' },
  { value: 'availableWithoutEnrollment', label: 'Available with or without enrollment' },
  { value: 'uninstall', label: 'Uninstall' },
] as const;

const RETURN_CODE_TYPES = [
  { value: 'success', label: 'Success' },
  { value: 'softReboot', label: 'Soft reboot' },
  { value: 'hardReboot', label: 'Hard reboot' },
  { value: 'retry', label: 'Retry' },
  { value: 'failed', label: 'Failed' },
] as const;

const APP_FAULTS = [
  { kind: 'packagedReboot', label: 'Restarts the device from its installer (the ESP never hears back)' },
  { kind: 'msiWin32Conflict', label: 'Exits 1618 whenever an MSI, Office or Store app installs at the same moment' },
  { kind: 'declaredReboot', label: 'Exits 3010: reboot required' },
  { kind: 'officeHang', label: 'Hangs and never reports (Microsoft 365 Apps)' },
] as const;

type ContextStyle = 'runAs' | 'msi' | 'assignment' | 'device';

function contextStyle(type: string): ContextStyle {
  const short = type.replace(/^#?(microsoft\.graph\.)?/i, '').toLowerCase();
  if (['win32lobapp', 'win32catalogapp', 'wingetapp'].includes(short)) return 'runAs';
  if (short === 'windowsmobilemsi') return 'msi';
  if (['windowsuniversalappx', 'windowsstoreapp', 'microsoftstoreforbusinessapp'].includes(short)) return 'assignment';
  return 'device';
}

/** The value of a target picker: `allDevices`, `allUsers`, `group:<id>` or `exclusion:<id>`. */
function targetValue(assignment: Json): string {
  const target = obj(assignment['target']);
  const type = str(target['@odata.type']).toLowerCase();
  if (type.endsWith('alldevicesassignmenttarget')) return 'allDevices';
  if (type.endsWith('alllicensedusersassignmenttarget')) return 'allUsers';
  const group = str(target['groupId']);
  return type.endsWith('exclusiongroupassignmenttarget') ? `exclusion:${group}` : `group:${group}`;
}

function targetFor(value: string, previous: Json): Json {
  const keep: Json = {};
  const filterId = previous['deviceAndAppManagementAssignmentFilterId'];
  if (filterId) {
    keep['deviceAndAppManagementAssignmentFilterId'] = filterId;
    keep['deviceAndAppManagementAssignmentFilterType'] = previous['deviceAndAppManagementAssignmentFilterType'];
  }
  if (value === 'allDevices') return { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget', ...keep };
  if (value === 'allUsers') return { '@odata.type': '#microsoft.graph.allLicensedUsersAssignmentTarget', ...keep };
  const [kind, groupId] = value.split(/:(.*)/s);
  return kind === 'exclusion'
    ? { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId }
    : { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId, ...keep };
}

/** "0" or "1618, 1618, 0": one exit code per attempt; null when it is not a list of whole numbers. */
export function parseExitCodes(text: string): number[] | null {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length === 0 || parts.some((p) => !/^-?\d+$/.test(p))) return null;
  return parts.map(Number);
}

function ExitCodes(props: { value: number[]; disabled: boolean; onChange(codes: number[]): void }): JSX.Element {
  const [text, setText] = useState(props.value.join(', '));
  const parsed = parseExitCodes(text);
  return (
    <TextField
      label="Exit code per attempt"
      value={text}
      disabled={props.disabled}
      help="One code, or one per attempt separated by commas (the last repeats), e.g. 1618, 1618, 0."
      problem={parsed ? null : 'Whole numbers separated by commas.'}
      onChange={(next) => {
        setText(next);
        const codes = parseExitCodes(next);
        if (codes) props.onChange(codes);
      }}
    />
  );
}

function AppEditor({ index }: { index: number }): JSX.Element {
  const { document, edit, readOnly } = useScenario();
  const path = ['tenant', 'apps', index] as const;
  const app = obj(getIn(document, path));
  const id = str(app['id']);
  const name = str(app['displayName'], id);
  const type = str(app['@odata.type'], '#microsoft.graph.win32LobApp');
  const style = contextStyle(type);
  const assignments = list(app['assignments']);
  const returnCodes = list(app['returnCodes']);
  const behaviourPath = ['simulation', 'apps', id] as const;
  const behaviour = obj(getIn(document, behaviourPath));
  const exitCodes = Array.isArray(behaviour['exitCodes'])
    ? (behaviour['exitCodes'] as unknown[]).filter((c): c is number => typeof c === 'number')
    : [num(behaviour['exitCode'], 0)];
  const faults = list(getIn(document, ['simulation', 'faults']));
  const groups = knownGroups(document);
  const set = (key: string, value: unknown): void => edit((doc) => setIn(doc, [...path, key], value));
  const setBehaviour = (key: string, value: unknown): void => edit((doc) => setIn(doc, [...behaviourPath, key], value));
  const setAssignments = (next: Json[]): void => set('assignments', next);

  return (
    <div className="op-item-editor" data-testid={`op-app-${id}`}>
      <h3>{name}</h3>
      <TextField label="Name" value={name} disabled={readOnly} onChange={(v) => set('displayName', v)} />
      <SelectField
        label="App type"
        value={type}
        disabled={readOnly}
        options={APP_TYPES.some((t) => t.value === type) ? APP_TYPES : [...APP_TYPES, { value: type, label: type }]}
        onChange={(v) => set('@odata.type', v)}
      />
      {style === 'runAs' && (
        <SelectField
          label="Install behavior"
          value={str(obj(app['installExperience'])['runAsAccount'], 'system')}
          disabled={readOnly}
          options={[
            { value: 'system', label: 'System (device context)' },
            { value: 'user', label: 'User (user context)' },
          ]}
          onChange={(v) => set('installExperience', { ...obj(app['installExperience']), runAsAccount: v })}
        />
      )}
      {style === 'msi' && (
        <SelectField
          label="App install context"
          value={app['useDeviceContext'] === true ? 'device' : 'user'}
          disabled={readOnly}
          options={[
            { value: 'device', label: 'Device (per machine)' },
            { value: 'user', label: 'User (per user)' },
          ]}
          onChange={(v) => set('useDeviceContext', v === 'device')}
        />
      )}
      {style === 'assignment' && (
        <CheckField
          label="Install in device context (assignment setting)"
          checked={assignments.some((a) => obj(a['settings'])['useDeviceContext'] === true)}
          disabled={readOnly}
          onChange={(checked) =>
            setAssignments(
              assignments.map((a) => ({ ...a, settings: { ...obj(a['settings']), useDeviceContext: checked } })),
            )
          }
        />
      )}
      {style === 'device' && <p className="operator-muted">Installs in device context.</p>}

      <h4>Assignments</h4>
      {assignments.length === 0 && <p className="operator-muted">Not assigned.</p>}
      <ul className="op-target-list">
        {assignments.map((a, i) => {
          const targetName = describeTarget(document, a);
          const value = targetValue(a);
          const options = [
            { value: 'allDevices', label: 'All devices' },
            { value: 'allUsers', label: 'All users' },
            ...groups.map((g) => ({ value: `group:${g.id}`, label: g.name })),
            ...groups.map((g) => ({ value: `exclusion:${g.id}`, label: `${g.name} (excluded)` })),
          ];
          if (!options.some((o) => o.value === value)) options.push({ value, label: targetName });
          return (
            <li key={i}>
              <SelectField
                label={`Intent for ${targetName}`}
                value={str(a['intent'], 'required')}
                disabled={readOnly}
                options={INTENTS}
                onChange={(v) => setAssignments(assignments.map((x, j) => (j === i ? { ...x, intent: v } : x)))}
              />
              <SelectField
                label={`Target ${i + 1}`}
                value={value}
                disabled={readOnly}
                options={options}
                onChange={(v) =>
                  setAssignments(
                    assignments.map((x, j) => (j === i ? { ...x, target: targetFor(v, obj(x['target'])) } : x)),
                  )
                }
              />
              {!value.startsWith('exclusion:') && (
                <FilterPicker
                  document={document}
                  assignment={a}
                  name={targetName}
                  onChange={(next) => setAssignments(assignments.map((x, j) => (j === i ? next : x)))}
                />
              )}
              <button
                type="button"
                className="op-link-button"
                disabled={readOnly}
                onClick={() => setAssignments(assignments.filter((_, j) => j !== i))}
              >
                Remove<span className="visually-hidden"> assignment to {targetName}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="op-button"
        disabled={readOnly}
        onClick={() =>
          setAssignments([
            ...assignments,
            { intent: 'required', target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } },
          ])
        }
      >
        Add assignment
      </button>

      {style === 'runAs' || style === 'msi' ? (
        <>
          <h4>Return codes</h4>
          {returnCodes.length === 0 ? (
            <p className="operator-muted">
              Intune's defaults: 0 and 1707 success, 3010 soft reboot, 1641 hard reboot, 1618 retry.
            </p>
          ) : (
            <ul className="op-target-list">
              {returnCodes.map((r, i) => (
                <li key={i}>
                  <NumberField
                    label={`Return code ${i + 1}`}
                    value={num(r['returnCode'], 0)}
                    disabled={readOnly}
                    onChange={(v) =>
                      set(
                        'returnCodes',
                        returnCodes.map((x, j) => (j === i ? { ...x, returnCode: v } : x)),
                      )
                    }
                  />
                  <SelectField
                    label={`Code type ${i + 1}`}
                    value={str(r['type'], 'failed')}
                    disabled={readOnly}
                    options={RETURN_CODE_TYPES}
                    onChange={(v) =>
                      set(
                        'returnCodes',
                        returnCodes.map((x, j) => (j === i ? { ...x, type: v } : x)),
                      )
                    }
                  />
                  <button
                    type="button"
                    className="op-link-button"
                    disabled={readOnly}
                    onClick={() =>
                      set(
                        'returnCodes',
                        returnCodes.filter((_, j) => j !== i),
                      )
                    }
                  >
                    Remove<span className="visually-hidden"> return code {num(r['returnCode'], 0)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            className="op-button"
            disabled={readOnly}
            onClick={() =>
              set(
                'returnCodes',
                returnCodes.length > 0
                  ? [...returnCodes, { returnCode: 1, type: 'failed' }]
                  : [
                      { returnCode: 0, type: 'success' },
                      { returnCode: 1707, type: 'success' },
                      { returnCode: 3010, type: 'softReboot' },
                      { returnCode: 1641, type: 'hardReboot' },
                      { returnCode: 1618, type: 'retry' },
                    ],
              )
            }
          >
            {returnCodes.length > 0 ? 'Add return code' : 'Edit return codes'}
          </button>
        </>
      ) : null}

      <h4>Simulated behaviour</h4>
      <NumberField
        label="Install time (seconds, per attempt)"
        value={typeof behaviour['installSeconds'] === 'number' ? behaviour['installSeconds'] : null}
        disabled={readOnly}
        help="Empty: a time drawn from the scenario's seed (30–180 s)."
        onChange={(v) => setBehaviour('installSeconds', Number.isNaN(v) ? undefined : v)}
      />
      <NumberField
        label="Download size (MB)"
        value={typeof behaviour['downloadMB'] === 'number' ? behaviour['downloadMB'] : null}
        disabled={readOnly}
        help="Empty: a size drawn from the seed (20–400 MB), downloaded at 12 MB/s."
        onChange={(v) => setBehaviour('downloadMB', Number.isNaN(v) ? undefined : v)}
      />
      <ExitCodes
        key={id}
        value={exitCodes}
        disabled={readOnly}
        onChange={(codes) =>
          edit((doc) => {
            const current = obj(getIn(doc, behaviourPath));
            const { exitCode: _dropped, ...rest } = current;
            return setIn(doc, behaviourPath, { ...rest, exitCodes: codes });
          })
        }
      />
      <SpreadFields
        legend="Install-time factor from device to device (Timeout planner)"
        path={[...behaviourPath, 'installTimeFactor']}
        fallback={installTimeFallback(document)}
        fallbackText="the scenario's install-time factor for every app"
      />
      <fieldset className="op-checks" disabled={readOnly}>
        <legend>Faults</legend>
        {APP_FAULTS.map((fault) => {
          const on = faults.some((f) => f['kind'] === fault.kind && f['appId'] === id);
          return (
            <CheckField
              key={fault.kind}
              label={fault.label}
              checked={on}
              onChange={(checked) =>
                edit((doc) =>
                  updateList(doc, ['simulation', 'faults'], (fs) =>
                    checked
                      ? [...fs, { kind: fault.kind, appId: id }]
                      : fs.filter((f) => !(f['kind'] === fault.kind && f['appId'] === id)),
                  ),
                )
              }
            />
          );
        })}
      </fieldset>
    </div>
  );
}

/** Removes an app and everything that names it: its behaviour, its faults, its place in blocking lists. */
function withoutApp(document: unknown, index: number): unknown {
  const id = str(obj(getIn(document, ['tenant', 'apps', index]))['id']);
  let next = updateList(document, ['tenant', 'apps'], (apps) => apps.filter((_, i) => i !== index));
  next = setIn(next, ['simulation', 'apps', id], undefined);
  next = updateList(next, ['simulation', 'faults'], (fs) => fs.filter((f) => f['appId'] !== id));
  return updateList(next, ['tenant', 'enrollmentStatusPageProfiles'], (ps) =>
    ps.map((p) =>
      Array.isArray(p['selectedMobileAppIds'])
        ? { ...p, selectedMobileAppIds: strings(p['selectedMobileAppIds']).filter((x) => x !== id) }
        : p,
    ),
  );
}

/** The tenant's apps: a list, and the selected app's editor. */
export function AppsSection(): JSX.Element {
  const { document, edit, readOnly } = useScenario();
  const apps = list(getIn(document, ['tenant', 'apps']));
  const [selected, setSelected] = useState(0);
  const index = Math.min(selected, apps.length - 1);
  return (
    <Section
      title="Apps"
      actions={
        <button
          type="button"
          className="op-button op-primary"
          disabled={readOnly}
          onClick={() => {
            edit((doc) =>
              updateList(doc, ['tenant', 'apps'], (list) => [
                ...list,
                {
                  '@odata.type': '#microsoft.graph.win32LobApp',
                  id: newId(),
                  displayName: `New app ${list.length + 1}`,
                  installExperience: { runAsAccount: 'system' },
                  assignments: [],
                },
              ]),
            );
            setSelected(apps.length);
          }}
        >
          Add app
        </button>
      }
    >
      {apps.length === 0 ? (
        <p className="operator-muted">No apps yet.</p>
      ) : (
        <div className="op-master-detail">
          <ul className="op-master" aria-label="Apps">
            {apps.map((app, i) => (
              <li key={str(app['id'], String(i))}>
                <button
                  type="button"
                  className="op-master-item"
                  aria-current={i === index ? 'true' : undefined}
                  onClick={() => setSelected(i)}
                >
                  {str(app['displayName'], str(app['id']))}
                </button>
              </li>
            ))}
          </ul>
          <div>
            <AppEditor key={index} index={index} />
            <button
              type="button"
              className="op-button"
              disabled={readOnly}
              onClick={() => {
                edit((doc) => withoutApp(doc, index));
                setSelected(Math.max(0, index - 1));
              }}
            >
              Remove this app
            </button>
          </div>
        </div>
      )}
    </Section>
  );
}
