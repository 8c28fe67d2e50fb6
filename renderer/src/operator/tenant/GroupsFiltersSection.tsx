/**
 * Groups (Entra groups the assignments name) and assignment filters, whose rules are checked as they are typed
 * with the same grammar the validator and the engine use (shared/assignmentFilter.ts).
 */
import type { JSX } from 'react';
import { ESP_FILTER_PROPERTIES, parseFilterRule } from '../../../../shared/assignmentFilter';
import { Section, SelectField, TextField } from '../components/Fields';
import { getIn, list, newId, setIn, str, updateList } from '../document';
import { useScenario } from './useScenario';

const PLATFORMS = [
  { value: 'windows10AndLater', label: 'Windows 10 and later' },
  { value: 'iOS', label: 'iOS/iPadOS (not evaluated on Windows)' },
  { value: 'androidForWork', label: 'Android Enterprise (not evaluated on Windows)' },
  { value: 'macOS', label: 'macOS (not evaluated on Windows)' },
] as const;

/** Whether a rule parses, and what is wrong with it when it does not. */
export function ruleProblem(rule: string): string | null {
  if (rule.trim() === '') return 'Enter a rule, e.g. (device.model -startsWith "Surface").';
  const parsed = parseFilterRule(rule);
  return parsed.ok ? null : parsed.error;
}

/** The tenant's groups: names, add and remove. */
export function GroupsSection(): JSX.Element {
  const { document, edit, readOnly } = useScenario();
  const groups = list(getIn(document, ['tenant', 'groups']));
  return (
    <Section
      title="Groups"
      actions={
        <button
          type="button"
          className="op-button"
          disabled={readOnly}
          onClick={() =>
            edit((doc) =>
              updateList(doc, ['tenant', 'groups'], (gs) => [
                ...gs,
                { id: newId(), displayName: `New group ${gs.length + 1}` },
              ]),
            )
          }
        >
          Add group
        </button>
      }
    >
      <p className="operator-muted">Membership is set on the device and on each user (Device & users).</p>
      <ul className="op-rows">
        {groups.map((group, i) => (
          <li key={str(group['id'], String(i))}>
            <TextField
              label={`Group name (${str(group['id'])})`}
              value={str(group['displayName'])}
              disabled={readOnly}
              onChange={(v) => edit((doc) => setIn(doc, ['tenant', 'groups', i, 'displayName'], v))}
            />
            <button
              type="button"
              className="op-link-button"
              disabled={readOnly}
              onClick={() => edit((doc) => updateList(doc, ['tenant', 'groups'], (gs) => gs.filter((_, j) => j !== i)))}
            >
              Remove<span className="visually-hidden"> group {str(group['displayName'])}</span>
            </button>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** Assignment filters, each rule checked as it is typed. */
export function FiltersSection(): JSX.Element {
  const { document, edit, readOnly } = useScenario();
  const filters = list(getIn(document, ['tenant', 'assignmentFilters']));
  return (
    <Section
      title="Assignment filters"
      actions={
        <button
          type="button"
          className="op-button"
          disabled={readOnly}
          onClick={() =>
            edit((doc) =>
              updateList(doc, ['tenant', 'assignmentFilters'], (fs) => [
                ...fs,
                {
                  id: newId(),
                  displayName: `New filter ${fs.length + 1}`,
                  platform: 'windows10AndLater',
                  rule: '(device.manufacturer -eq "Microsoft Corporation")',
                },
              ]),
            )
          }
        >
          Add filter
        </button>
      }
    >
      <p className="operator-muted">
        Rules use Intune's syntax with the properties an ESP assignment may use: {ESP_FILTER_PROPERTIES.join(', ')}.
      </p>
      <ul className="op-rows">
        {filters.map((filter, i) => {
          const rule = str(filter['rule']);
          const problem = ruleProblem(rule);
          return (
            <li key={str(filter['id'], String(i))} className="op-filter-row">
              <TextField
                label="Filter name"
                value={str(filter['displayName'])}
                disabled={readOnly}
                onChange={(v) => edit((doc) => setIn(doc, ['tenant', 'assignmentFilters', i, 'displayName'], v))}
              />
              <SelectField
                label="Platform"
                value={str(filter['platform'], 'windows10AndLater')}
                disabled={readOnly}
                options={PLATFORMS}
                onChange={(v) => edit((doc) => setIn(doc, ['tenant', 'assignmentFilters', i, 'platform'], v))}
              />
              <TextField
                label="Rule"
                multiline
                spellCheck={false}
                className="op-rule"
                value={rule}
                disabled={readOnly}
                help={problem ? undefined : 'Valid rule.'}
                problem={problem}
                onChange={(v) => edit((doc) => setIn(doc, ['tenant', 'assignmentFilters', i, 'rule'], v))}
              />
              <button
                type="button"
                className="op-link-button"
                disabled={readOnly}
                onClick={() =>
                  edit((doc) => updateList(doc, ['tenant', 'assignmentFilters'], (fs) => fs.filter((_, j) => j !== i)))
                }
              >
                Remove<span className="visually-hidden"> filter {str(filter['displayName'])}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
