/**
 * Profile: the scenario's ESP profiles in priority order (1 first, the default last), reordered with Move up and
 * Move down; Create profile (until the tenant holds 51), Edit, and Delete (never the default profile).
 */
import { useState } from 'react';
import type { JSX } from 'react';
import { MAX_PROFILES, canAddProfile } from '../../../../shared/espProfileRules';
import { Section } from '../components/Fields';
import type { Json } from '../document';
import {
  PROFILES_PATH,
  describeTarget,
  getIn,
  isDefaultProfile,
  list,
  newId,
  num,
  profilesByPriority,
  setIn,
  str,
  updateList,
} from '../document';
import { PRIORITY_NOTE } from '../profile/notes';
import { ProfileWizard } from '../profile/ProfileWizard';
import { useEditorStore } from '../store/editorStore';
import { useNavStore } from '../store/navStore';

const ESP_PROFILE_TYPE = '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration';

/** The document with its non-default profiles renumbered 1, 2, 3… in the order given (file indices). */
function withPriorities(document: unknown, order: number[]): unknown {
  let next = document;
  order.forEach((fileIndex, i) => {
    next = setIn(next, [...PROFILES_PATH, fileIndex, 'priority'], i + 1);
  });
  return next;
}

/** The Profile page: the profile list, or the wizard while it is open. */
export function ProfilePage(): JSX.Element {
  const document = useEditorStore((s) => s.document);
  const entry = useEditorStore((s) => s.entry);
  const edit = useEditorStore((s) => s.edit);
  const say = useNavStore((s) => s.say);
  const [wizard, setWizard] = useState<{ index: number | null } | null>(null);

  if (!entry) return <p role="status">Open a scenario in the Library to edit its profiles.</p>;
  const readOnly = entry.readOnly;
  const ordered = profilesByPriority(document);
  const custom = ordered.filter((p) => !isDefaultProfile(p.profile));
  const count = ordered.length;

  if (wizard) {
    const existing = wizard.index === null ? null : (list(getIn(document, PROFILES_PATH))[wizard.index] ?? null);
    return (
      <ProfileWizard
        document={document}
        profile={existing}
        onCancel={() => setWizard(null)}
        onCommit={(profile) => {
          if (wizard.index === null) {
            // Intune appends a new profile after the lowest-priority one.
            const priority = custom.reduce((max, p) => Math.max(max, num(p.profile['priority'], 0)), 0) + 1;
            const created: Json = {
              '@odata.type': ESP_PROFILE_TYPE,
              id: newId('Windows10EnrollmentCompletionPageConfiguration'),
              deviceEnrollmentConfigurationType: 'windows10EnrollmentCompletionPageConfiguration',
              ...profile,
              priority,
            };
            edit((doc) => updateList(doc, PROFILES_PATH, (profiles) => [...profiles, created]));
            say(`Created profile “${str(profile['displayName'])}” with priority ${priority}`);
          } else {
            const index = wizard.index;
            edit((doc) => setIn(doc, [...PROFILES_PATH, index], profile));
            say(`Saved profile “${str(profile['displayName'])}”`);
          }
          setWizard(null);
        }}
      />
    );
  }

  const move = (position: number, by: -1 | 1): void => {
    const order = custom.map((p) => p.index);
    const [moved] = order.splice(position, 1);
    order.splice(position + by, 0, moved!);
    edit((doc) => withPriorities(doc, order));
    const name = str(custom[position]!.profile['displayName']);
    say(`Moved “${name}” to priority ${position + by + 1}`);
  };

  return (
    <div className="operator-stack">
      <Section
        title="ESP profiles"
        actions={
          <button
            type="button"
            className="op-button op-primary"
            disabled={readOnly || !canAddProfile(count)}
            onClick={() => setWizard({ index: null })}
          >
            Create profile
          </button>
        }
      >
        <p className="operator-muted">{PRIORITY_NOTE}</p>
        {!canAddProfile(count) && (
          <p className="operator-notice" role="note">
            This tenant holds {count} profiles: Intune allows at most {MAX_PROFILES} (the default and 50 more).
          </p>
        )}
        {readOnly && <p className="operator-muted">This scenario is read-only: duplicate it to edit its profiles.</p>}
        <table className="operator-table" data-testid="op-profiles">
          <thead>
            <tr>
              <th scope="col">Priority</th>
              <th scope="col">Name</th>
              <th scope="col">Assigned to</th>
              <th scope="col">Shows progress</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {ordered.map(({ profile, index }) => {
              const isDefault = isDefaultProfile(profile);
              const name = str(profile['displayName'], isDefault ? 'All users and all devices' : 'ESP profile');
              const position = custom.findIndex((p) => p.index === index);
              const assigned = list(profile['assignments']).map((a) => describeTarget(document, a));
              return (
                <tr key={index} data-testid={`op-profile-${index}`}>
                  <td>{isDefault ? 'Default' : position + 1}</td>
                  <th scope="row">{name}</th>
                  <td>{isDefault ? 'All users and all devices' : assigned.join(', ') || 'Not assigned'}</td>
                  <td>{profile['showInstallationProgress'] === true ? 'Yes' : 'No'}</td>
                  <td className="operator-row-actions">
                    <button
                      type="button"
                      className="op-button"
                      disabled={readOnly}
                      onClick={() => setWizard({ index })}
                    >
                      Edit<span className="visually-hidden"> {name}</span>
                    </button>
                    {!isDefault && (
                      <>
                        <button
                          type="button"
                          className="op-button"
                          disabled={readOnly || position === 0}
                          onClick={() => move(position, -1)}
                        >
                          Move up<span className="visually-hidden"> {name}</span>
                        </button>
                        <button
                          type="button"
                          className="op-button"
                          disabled={readOnly || position === custom.length - 1}
                          onClick={() => move(position, 1)}
                        >
                          Move down<span className="visually-hidden"> {name}</span>
                        </button>
                        <button
                          type="button"
                          className="op-button"
                          disabled={readOnly}
                          onClick={() => {
                            edit((doc) => {
                              const without = updateList(doc, PROFILES_PATH, (ps) => ps.filter((_, i) => i !== index));
                              return withPriorities(
                                without,
                                custom
                                  .filter((p) => p.index !== index)
                                  .map((p) => (p.index > index ? p.index - 1 : p.index)),
                              );
                            });
                            say(`Deleted profile “${name}”`);
                          }}
                        >
                          Delete<span className="visually-hidden"> {name}</span>
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="operator-muted">The default profile can be edited but not deleted.</p>
      </Section>
    </div>
  );
}
