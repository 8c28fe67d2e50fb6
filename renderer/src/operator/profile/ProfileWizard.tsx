/**
 * Create profile, laid out as the article's "Create new profile" steps: Basics (Name, Description), Settings,
 * Assignments, Scope tags, Review + create. Editing an existing profile walks the same steps and saves; the
 * default profile has only Settings and Review + save, as "Edit default profile" describes.
 */
import { useState } from 'react';
import type { JSX } from 'react';
import type { EspSettingsForm } from '../../../../shared/espProfileRules';
import {
  DEFAULT_PROFILE_RULE,
  ESP_SETTINGS,
  describeSetting,
  formFromProfile,
  newProfileForm,
  profileWithForm,
  settingProblems,
  settingState,
} from '../../../../shared/espProfileRules';
import { ESP_ASSIGNMENT_NOTE } from './notes';
import { Section, TextField } from '../components/Fields';
import type { Json } from '../document';
import { describeTarget, getIn, isDefaultProfile, list, obj, str, strings, targetKind } from '../document';
import { TargetsEditor } from './TargetsEditor';
import { SettingsStep } from './SettingsStep';

type Step = 'basics' | 'settings' | 'assignments' | 'scopeTags' | 'review';

const STEP_LABELS: Record<Step, string> = {
  basics: 'Basics',
  settings: 'Settings',
  assignments: 'Assignments',
  scopeTags: 'Scope tags',
  review: 'Review + create',
};

/** Intune's built-in scope tag. */
const DEFAULT_SCOPE_TAG = '0';

interface Draft {
  name: string;
  description: string;
  form: EspSettingsForm;
  assignments: Json[];
  scopeTags: string[];
}

function draftOf(profile: Json | null): Draft {
  if (!profile)
    return { name: '', description: '', form: newProfileForm(), assignments: [], scopeTags: [DEFAULT_SCOPE_TAG] };
  const tags = strings(profile['roleScopeTagIds']);
  return {
    name: str(profile['displayName']),
    description: str(profile['description']),
    form: formFromProfile(profile),
    assignments: list(profile['assignments']),
    scopeTags: tags.length > 0 ? tags : [DEFAULT_SCOPE_TAG],
  };
}

function tagName(tag: string): string {
  return tag === DEFAULT_SCOPE_TAG ? 'Default' : tag;
}

/**
 * The wizard. `profile` is the one being edited (null: a new one); `onCommit` gets the profile as it goes into
 * the scenario (Graph's properties; everything the form does not own is kept from `profile`).
 */
export function ProfileWizard(props: {
  document: unknown;
  profile: Json | null;
  onCommit(profile: Json): void;
  onCancel(): void;
}): JSX.Element {
  const isDefault = props.profile !== null && isDefaultProfile(props.profile);
  const steps: Step[] = isDefault
    ? ['settings', 'review']
    : ['basics', 'settings', 'assignments', 'scopeTags', 'review'];
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.profile));
  const [step, setStep] = useState<Step>(steps[0]!);
  const [reached, setReached] = useState(0);
  const [tagInput, setTagInput] = useState('');
  const index = steps.indexOf(step);
  const apps = list(getIn(props.document, ['tenant', 'apps']));
  const appName = (id: string): string => str(apps.find((a) => a['id'] === id)?.['displayName'], id);

  const nameProblem = !isDefault && draft.name.trim() === '' ? 'Enter a name for the profile.' : null;
  const problems = settingProblems(draft.form);
  const stepProblem: Partial<Record<Step, boolean>> = { basics: nameProblem !== null, settings: problems.length > 0 };
  const creating = props.profile === null;
  const lastLabel = creating ? 'Create' : 'Save';

  const go = (to: number): void => {
    setStep(steps[to]!);
    setReached((r) => Math.max(r, to));
  };
  const commit = (): void => {
    const base: Json = props.profile ? { ...props.profile } : {};
    if (!isDefault) {
      base['displayName'] = draft.name.trim();
      if (draft.description.trim()) base['description'] = draft.description;
      else delete base['description'];
      base['assignments'] = draft.assignments;
      base['roleScopeTagIds'] = draft.scopeTags;
    }
    props.onCommit(profileWithForm(base, draft.form));
  };

  const title = creating ? 'Create profile' : `Edit “${str(props.profile?.['displayName'], 'profile')}”`;
  return (
    <Section title={title} className="op-wizard">
      <p className="operator-muted">Windows Autopilot: Enrollment Status Page</p>
      <ol className="op-steps" aria-label="Steps">
        {steps.map((s, i) => (
          <li key={s}>
            <button
              type="button"
              className="op-step"
              aria-current={s === step ? 'step' : undefined}
              disabled={i > reached && creating}
              onClick={() => go(i)}
            >
              <span className="op-step-number" aria-hidden="true">
                {i + 1}
              </span>
              {STEP_LABELS[s] === 'Review + create' && !creating ? 'Review + save' : STEP_LABELS[s]}
            </button>
          </li>
        ))}
      </ol>

      <div className="op-step-body" data-step={step}>
        {step === 'basics' && (
          <>
            <TextField
              label="Name"
              required
              value={draft.name}
              help="Name your profile so you can easily identify it later."
              problem={reached > 0 ? nameProblem : null}
              onChange={(name) => setDraft({ ...draft, name })}
            />
            <TextField
              label="Description"
              multiline
              value={draft.description}
              help="Optional, but recommended."
              onChange={(description) => setDraft({ ...draft, description })}
            />
          </>
        )}
        {step === 'settings' && (
          <>
            {isDefault && <p className="operator-muted">{DEFAULT_PROFILE_RULE}</p>}
            <SettingsStep form={draft.form} apps={apps} onChange={(form) => setDraft({ ...draft, form })} />
          </>
        )}
        {step === 'assignments' && (
          <>
            <p className="operator-muted">{ESP_ASSIGNMENT_NOTE}</p>
            <TargetsEditor
              document={props.document}
              assignments={draft.assignments}
              onChange={(assignments) => setDraft({ ...draft, assignments })}
            />
          </>
        )}
        {step === 'scopeTags' && (
          <>
            <p className="operator-muted">
              Scope tags limit who can see and reprioritize ESP profiles in the admin center; they do not change what
              the device does.
            </p>
            <ul className="op-tags" aria-label="Scope tags">
              {draft.scopeTags.map((tag) => (
                <li key={tag}>
                  {tagName(tag)}
                  <button
                    type="button"
                    className="op-link-button"
                    onClick={() => setDraft({ ...draft, scopeTags: draft.scopeTags.filter((t) => t !== tag) })}
                  >
                    Remove<span className="visually-hidden"> scope tag {tagName(tag)}</span>
                  </button>
                </li>
              ))}
            </ul>
            <form
              className="op-target-add"
              onSubmit={(event) => {
                event.preventDefault();
                const tag = tagInput.trim();
                if (tag && !draft.scopeTags.includes(tag)) setDraft({ ...draft, scopeTags: [...draft.scopeTags, tag] });
                setTagInput('');
              }}
            >
              <TextField label="Scope tag" value={tagInput} onChange={setTagInput} />
              <button type="submit" className="op-button" disabled={tagInput.trim() === ''}>
                Add scope tag
              </button>
            </form>
          </>
        )}
        {step === 'review' && (
          <Review
            draft={draft}
            isDefault={isDefault}
            document={props.document}
            appName={appName}
            problems={[...(nameProblem ? [nameProblem] : []), ...problems.map((p) => p.message)]}
          />
        )}
      </div>

      <div className="op-wizard-buttons">
        {index > 0 && (
          <button type="button" className="op-button" onClick={() => go(index - 1)}>
            Previous
          </button>
        )}
        {index < steps.length - 1 ? (
          <button
            type="button"
            className="op-button op-primary"
            disabled={stepProblem[step] === true}
            onClick={() => go(index + 1)}
          >
            Next
          </button>
        ) : (
          <button
            type="button"
            className="op-button op-primary"
            disabled={nameProblem !== null || problems.length > 0}
            onClick={commit}
          >
            {lastLabel}
          </button>
        )}
        <button type="button" className="op-button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </Section>
  );
}

function Review(props: {
  draft: Draft;
  isDefault: boolean;
  document: unknown;
  appName(id: string): string;
  problems: string[];
}): JSX.Element {
  const { draft } = props;
  const included = draft.assignments.filter((a) => targetKind(a) !== 'exclusion');
  const excluded = draft.assignments.filter((a) => targetKind(a) === 'exclusion');
  const filterOf = (a: Json): string => {
    const target = obj(a['target']);
    const id = str(target['deviceAndAppManagementAssignmentFilterId']);
    if (!id) return '';
    const filter = list(getIn(props.document, ['tenant', 'assignmentFilters'])).find((f) => f['id'] === id);
    const verb = target['deviceAndAppManagementAssignmentFilterType'] === 'exclude' ? 'excluding' : 'including';
    return ` (${verb} devices of filter “${str(filter?.['displayName'], id)}”)`;
  };
  return (
    <div className="op-review" data-testid="op-review">
      {props.problems.length > 0 && (
        <div className="operator-notice" role="alert">
          {props.problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      {!props.isDefault && (
        <>
          <h3>Basics</h3>
          <dl className="operator-facts">
            <dt>Name</dt>
            <dd>{draft.name}</dd>
            <dt>Description</dt>
            <dd>{draft.description || '—'}</dd>
          </dl>
        </>
      )}
      <h3>Settings</h3>
      <dl className="operator-facts">
        {ESP_SETTINGS.filter((s) => settingState(draft.form, s.key).visible).map((s) => (
          <div
            key={s.key}
            className="op-review-row"
            data-disabled={settingState(draft.form, s.key).enabled ? undefined : 'true'}
          >
            <dt>{s.label}</dt>
            <dd>{describeSetting(draft.form, s.key, props.appName)}</dd>
          </div>
        ))}
      </dl>
      {!props.isDefault && (
        <>
          <h3>Assignments</h3>
          <dl className="operator-facts">
            <dt>Included groups</dt>
            <dd>{included.map((a) => describeTarget(props.document, a) + filterOf(a)).join('; ') || 'none'}</dd>
            <dt>Excluded groups</dt>
            <dd>{excluded.map((a) => describeTarget(props.document, a)).join('; ') || 'none'}</dd>
          </dl>
          <h3>Scope tags</h3>
          <p>{draft.scopeTags.map(tagName).join(', ') || 'none'}</p>
        </>
      )}
    </div>
  );
}
