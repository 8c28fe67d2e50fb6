/**
 * Assignments as Intune lays them out: included groups (or all users, all devices), each with an optional filter
 * that includes or excludes the filtered devices, and excluded groups. Used for ESP profiles and for policies,
 * certificates and network profiles. Only filters an ESP assignment may use are offered.
 */
import { useId, useState } from 'react';
import type { JSX } from 'react';
import { parseFilterRule } from '../../../../shared/assignmentFilter';
import type { Json, TargetKind } from '../document';
import { assignmentFor, describeTarget, list, obj, str, targetKind } from '../document';

const NO_FILTER = '';
export const FILTER_MODES = [
  { value: 'include', label: 'Include filtered devices in assignment' },
  { value: 'exclude', label: 'Exclude filtered devices from assignment' },
] as const;

/** Filters an ESP assignment may use: Windows ones whose rules use only the properties the article lists. */
export function espFilters(document: unknown): Json[] {
  return list(obj(obj(document)['tenant'])['assignmentFilters']).filter(
    (f) =>
      str(f['platform'], 'windows10AndLater').toLowerCase() === 'windows10andlater' &&
      parseFilterRule(str(f['rule'])).ok,
  );
}

/** The filter part of an assignment: which filter, and whether it includes or excludes the devices it matches. */
export function FilterPicker(props: {
  document: unknown;
  assignment: Json;
  onChange(a: Json): void;
  name: string;
}): JSX.Element {
  const target = obj(props.assignment['target']);
  const filterId = str(target['deviceAndAppManagementAssignmentFilterId']);
  const mode = str(target['deviceAndAppManagementAssignmentFilterType'], 'include');
  const filters = espFilters(props.document);
  const setTarget = (changes: Json): void => {
    const next: Json = { ...target, ...changes };
    for (const key of Object.keys(changes)) if (changes[key] === undefined) delete next[key];
    props.onChange({ ...props.assignment, target: next });
  };
  return (
    <span className="op-filter">
      <select
        aria-label={`Filter for ${props.name}`}
        value={filters.some((f) => f['id'] === filterId) ? filterId : NO_FILTER}
        onChange={(event) =>
          setTarget(
            event.target.value === NO_FILTER
              ? {
                  deviceAndAppManagementAssignmentFilterId: undefined,
                  deviceAndAppManagementAssignmentFilterType: undefined,
                }
              : {
                  deviceAndAppManagementAssignmentFilterId: event.target.value,
                  deviceAndAppManagementAssignmentFilterType: mode === 'exclude' ? 'exclude' : 'include',
                },
          )
        }
      >
        <option value={NO_FILTER}>No filter</option>
        {filters.map((f) => (
          <option key={str(f['id'])} value={str(f['id'])}>
            {str(f['displayName'], str(f['id']))}
          </option>
        ))}
      </select>
      {filterId && (
        <select
          aria-label={`Filter mode for ${props.name}`}
          value={mode === 'exclude' ? 'exclude' : 'include'}
          onChange={(event) => setTarget({ deviceAndAppManagementAssignmentFilterType: event.target.value })}
        >
          {FILTER_MODES.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      )}
    </span>
  );
}

/** The groups of the tenant (and those the device and users are in), for the pickers. */
export function knownGroups(document: unknown): { id: string; name: string }[] {
  const root = obj(document);
  const named = list(obj(root['tenant'])['groups']).map((g) => ({
    id: str(g['id']),
    name: str(g['displayName'], str(g['id'])),
  }));
  const seen = new Set(named.map((g) => g.id));
  const members = [
    ...list([obj(root['device'])]).flatMap((d) => (Array.isArray(d['groupIds']) ? d['groupIds'] : [])),
    ...list(root['users']).flatMap((u) => (Array.isArray(u['groupIds']) ? u['groupIds'] : [])),
  ].filter((id): id is string => typeof id === 'string');
  for (const id of members) if (!seen.has(id) && seen.add(id)) named.push({ id, name: id });
  return named.filter((g) => g.id !== '');
}

/** Included and excluded targets of one assignment list (`{ target }` objects, any other keys kept). */
export function TargetsEditor(props: {
  document: unknown;
  assignments: Json[];
  onChange(assignments: Json[]): void;
  /** Makes each new assignment (apps add an intent). */
  make?: (kind: TargetKind, groupId: string) => Json;
  disabled?: boolean;
}): JSX.Element {
  const id = useId();
  const { document, assignments, onChange } = props;
  const make = props.make ?? ((kind: TargetKind, groupId: string) => assignmentFor(kind, groupId));
  const groups = knownGroups(document);
  const included = assignments.map((a, i) => ({ a, i })).filter(({ a }) => targetKind(a) !== 'exclusion');
  const excluded = assignments.map((a, i) => ({ a, i })).filter(({ a }) => targetKind(a) === 'exclusion');
  const used = (kind: TargetKind) =>
    new Set(assignments.filter((a) => targetKind(a) === kind).map((a) => str(obj(a['target'])['groupId'])));
  const freeIncluded = groups.filter((g) => !used('group').has(g.id));
  const freeExcluded = groups.filter((g) => !used('exclusion').has(g.id));
  const [includePick, setIncludePick] = useState('');
  const [excludePick, setExcludePick] = useState('');
  const replace = (index: number, assignment: Json): void =>
    onChange(assignments.map((a, i) => (i === index ? assignment : a)));
  const remove = (index: number): void => onChange(assignments.filter((_, i) => i !== index));
  const has = (kind: TargetKind): boolean => assignments.some((a) => targetKind(a) === kind);

  return (
    <fieldset className="op-targets" disabled={props.disabled}>
      <legend className="visually-hidden">Assignments</legend>
      <h3 id={`${id}-inc`}>Included groups</h3>
      {included.length === 0 ? (
        <p className="operator-muted">Not assigned to anyone yet.</p>
      ) : (
        <ul aria-labelledby={`${id}-inc`} className="op-target-list">
          {included.map(({ a, i }) => {
            const name = describeTarget(document, a);
            return (
              <li key={i}>
                <span className="op-target-name">{name}</span>
                <FilterPicker document={document} assignment={a} name={name} onChange={(next) => replace(i, next)} />
                <button type="button" className="op-link-button" onClick={() => remove(i)}>
                  Remove<span className="visually-hidden"> {name}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="op-target-add">
        <select aria-label="Group to include" value={includePick} onChange={(e) => setIncludePick(e.target.value)}>
          <option value="">Choose a group…</option>
          {freeIncluded.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="op-button"
          disabled={includePick === ''}
          onClick={() => {
            onChange([...assignments, make('group', includePick)]);
            setIncludePick('');
          }}
        >
          Add group
        </button>
        <button
          type="button"
          className="op-button"
          disabled={has('allUsers')}
          onClick={() => onChange([...assignments, make('allUsers', '')])}
        >
          Add all users
        </button>
        <button
          type="button"
          className="op-button"
          disabled={has('allDevices')}
          onClick={() => onChange([...assignments, make('allDevices', '')])}
        >
          Add all devices
        </button>
      </div>

      <h3 id={`${id}-exc`}>Excluded groups</h3>
      {excluded.length === 0 ? (
        <p className="operator-muted">No group excluded.</p>
      ) : (
        <ul aria-labelledby={`${id}-exc`} className="op-target-list">
          {excluded.map(({ a, i }) => {
            const name = describeTarget(document, a);
            return (
              <li key={i}>
                <span className="op-target-name">{name}</span>
                <button type="button" className="op-link-button" onClick={() => remove(i)}>
                  Remove<span className="visually-hidden"> {name}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="op-target-add">
        <select aria-label="Group to exclude" value={excludePick} onChange={(e) => setExcludePick(e.target.value)}>
          <option value="">Choose a group…</option>
          {freeExcluded.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="op-button"
          disabled={excludePick === ''}
          onClick={() => {
            onChange([...assignments, make('exclusion', excludePick)]);
            setExcludePick('');
          }}
        >
          Exclude group
        </button>
      </div>
    </fieldset>
  );
}
