/**
 * Policies, certificates and network profiles: what the ESP tracks of each kind (Security policies,
 * Certificates, Network connections rows), who they are assigned to, and how long they take or whether they fail.
 */
import { useState } from 'react';
import type { JSX } from 'react';
import { CheckField, NumberField, Section, SelectField, TextField } from '../components/Fields';
import { getIn, list, newId, obj, setIn, str, updateList } from '../document';
import { TargetsEditor } from '../profile/TargetsEditor';
import { useScenario } from './useScenario';

type ResourceList = 'policies' | 'certificateProfiles' | 'networkProfiles';

const LISTS: Record<ResourceList, { title: string; noun: string; kinds: readonly { value: string; label: string }[] }> =
  {
    policies: {
      title: 'Policies',
      noun: 'policy',
      kinds: [
        { value: 'edgeBrowser', label: 'Microsoft Edge (tracked)' },
        { value: 'assignedAccess', label: 'Assigned Access (tracked)' },
        { value: 'kioskBrowser', label: 'Kiosk Browser (tracked)' },
        { value: 'other', label: 'Other (applies without being tracked)' },
      ],
    },
    certificateProfiles: {
      title: 'Certificates',
      noun: 'certificate profile',
      kinds: [
        { value: 'scep', label: 'SCEP (tracked)' },
        { value: 'pkcs', label: 'PKCS (tracked)' },
        { value: 'trustedRoot', label: 'Trusted root (applies without being tracked)' },
      ],
    },
    networkProfiles: {
      title: 'Network profiles',
      noun: 'network profile',
      kinds: [
        { value: 'wifi', label: 'Wi-Fi (tracked in both phases)' },
        { value: 'vpn', label: 'VPN (tracked in Device setup)' },
      ],
    },
  };

function ResourceEditor({ which, index }: { which: ResourceList; index: number }): JSX.Element {
  const { document, edit, readOnly } = useScenario();
  const path = ['tenant', which, index] as const;
  const item = obj(getIn(document, path));
  const id = str(item['id']);
  const behaviourPath = ['simulation', 'policies', id] as const;
  const behaviour = obj(getIn(document, behaviourPath));
  const failing = list(getIn(document, ['simulation', 'faults'])).some(
    (f) => f['kind'] === 'resourceFails' && f['resourceId'] === id,
  );
  const set = (key: string, value: unknown): void => edit((doc) => setIn(doc, [...path, key], value));
  const name = str(item['displayName'], id);
  return (
    <div className="op-item-editor">
      <h3>{name}</h3>
      <TextField label="Name" value={name} disabled={readOnly} onChange={(v) => set('displayName', v)} />
      <SelectField
        label="Kind"
        value={str(item['kind'], LISTS[which].kinds[0]!.value)}
        disabled={readOnly}
        options={LISTS[which].kinds}
        onChange={(v) => set('kind', v)}
      />
      <h4>Assignments</h4>
      <TargetsEditor
        document={document}
        assignments={list(item['assignments'])}
        disabled={readOnly}
        onChange={(assignments) => set('assignments', assignments)}
      />
      <h4>Simulated behaviour</h4>
      <NumberField
        label="Time to apply (seconds)"
        value={typeof behaviour['applySeconds'] === 'number' ? behaviour['applySeconds'] : null}
        disabled={readOnly}
        help="Empty: a time drawn from the scenario's seed (2–20 s)."
        onChange={(v) => edit((doc) => setIn(doc, [...behaviourPath, 'applySeconds'], Number.isNaN(v) ? undefined : v))}
      />
      <CheckField
        label="Never applies (its row fails)"
        checked={behaviour['fails'] === true || failing}
        disabled={readOnly}
        onChange={(checked) =>
          edit((doc) => {
            const next = setIn(doc, [...behaviourPath, 'fails'], checked ? true : undefined);
            return checked
              ? next
              : updateList(next, ['simulation', 'faults'], (fs) =>
                  fs.filter((f) => !(f['kind'] === 'resourceFails' && f['resourceId'] === id)),
                );
          })
        }
      />
    </div>
  );
}

function ResourceList({ which }: { which: ResourceList }): JSX.Element {
  const { document, edit, readOnly } = useScenario();
  const items = list(getIn(document, ['tenant', which]));
  const [selected, setSelected] = useState(0);
  const index = Math.min(selected, items.length - 1);
  const { title, noun, kinds } = LISTS[which];
  return (
    <Section
      title={title}
      actions={
        <button
          type="button"
          className="op-button"
          disabled={readOnly}
          onClick={() => {
            edit((doc) =>
              updateList(doc, ['tenant', which], (xs) => [
                ...xs,
                { id: newId(), displayName: `New ${noun} ${xs.length + 1}`, kind: kinds[0]!.value, assignments: [] },
              ]),
            );
            setSelected(items.length);
          }}
        >
          Add {noun}
        </button>
      }
    >
      {items.length === 0 ? (
        <p className="operator-muted">None.</p>
      ) : (
        <div className="op-master-detail">
          <ul className="op-master" aria-label={title}>
            {items.map((item, i) => (
              <li key={str(item['id'], String(i))}>
                <button
                  type="button"
                  className="op-master-item"
                  aria-current={i === index ? 'true' : undefined}
                  onClick={() => setSelected(i)}
                >
                  {str(item['displayName'], str(item['id']))}
                </button>
              </li>
            ))}
          </ul>
          <div>
            <ResourceEditor key={index} which={which} index={index} />
            <button
              type="button"
              className="op-button"
              disabled={readOnly}
              onClick={() => {
                const id = str(items[index]?.['id']);
                edit((doc) => {
                  let next = updateList(doc, ['tenant', which], (xs) => xs.filter((_, i) => i !== index));
                  next = setIn(next, ['simulation', 'policies', id], undefined);
                  return updateList(next, ['simulation', 'faults'], (fs) => fs.filter((f) => f['resourceId'] !== id));
                });
                setSelected(Math.max(0, index - 1));
              }}
            >
              Remove this {noun}
            </button>
          </div>
        </div>
      )}
    </Section>
  );
}

/** Policies, certificates and network profiles, one list each. */
export function ResourcesSection(): JSX.Element {
  return (
    <div className="operator-stack">
      <ResourceList which="policies" />
      <ResourceList which="certificateProfiles" />
      <ResourceList which="networkProfiles" />
    </div>
  );
}
