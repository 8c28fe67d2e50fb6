/**
 * The console's form controls: a label for every field, the help and "why greyed out" text tied to the control
 * (aria-describedby), and Yes/No or All/Selected choices as radio groups named by the setting's label.
 */
import { useId } from 'react';
import type { JSX, ReactNode } from 'react';

interface Described {
  /** One line under the control. */
  help?: string | undefined;
  /** Why the control is greyed out; shown instead of the help while it is. */
  because?: string | null | undefined;
  /** A problem with what was typed, shown in red and announced. */
  problem?: string | null | undefined;
  disabled?: boolean | undefined;
}

function Notes({ id, help, because, problem, disabled }: Described & { id: string }): JSX.Element | null {
  const note = disabled && because ? because : help;
  if (!note && !problem) return null;
  return (
    <span id={id} className="op-notes">
      {note && <span className="op-help">{note}</span>}
      {problem && (
        <span className="op-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}

function describedBy(id: string, props: Described): string | undefined {
  return props.help || props.problem || (props.disabled && props.because) ? id : undefined;
}

/** A Yes/No (or any two-way) choice: a radio group named by `label`. */
export function Choice<T extends string | boolean>(
  props: Described & {
    label: string;
    value: T;
    options: readonly { value: T; label: string }[];
    onChange(value: T): void;
  },
): JSX.Element {
  const id = useId();
  const notes = `${id}-notes`;
  return (
    <div className="op-setting" data-disabled={props.disabled ? 'true' : undefined}>
      <span className="op-setting-label" id={`${id}-label`}>
        {props.label}
      </span>
      <div
        role="radiogroup"
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy(notes, props)}
        aria-disabled={props.disabled || undefined}
        className="op-choice"
      >
        {props.options.map((option) => (
          <label key={String(option.value)} className="op-choice-option">
            <input
              type="radio"
              name={id}
              checked={props.value === option.value}
              disabled={props.disabled}
              onChange={() => props.onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
      <Notes id={notes} {...props} />
    </div>
  );
}

export const YES_NO = [
  { value: true, label: 'Yes' },
  { value: false, label: 'No' },
] as const;

/** A Yes/No setting. */
export function YesNo(
  props: Described & { label: string; value: boolean; onChange(value: boolean): void },
): JSX.Element {
  return <Choice<boolean> {...props} options={YES_NO} />;
}

/** A labelled text box (or a text area with `multiline`). */
export function TextField(
  props: Described & {
    label: string;
    value: string;
    onChange(value: string): void;
    multiline?: boolean;
    required?: boolean;
    placeholder?: string;
    spellCheck?: boolean;
    className?: string;
  },
): JSX.Element {
  const id = useId();
  const notes = `${id}-notes`;
  const common = {
    id,
    value: props.value,
    disabled: props.disabled,
    required: props.required,
    placeholder: props.placeholder,
    spellCheck: props.spellCheck,
    'aria-invalid': props.problem ? true : undefined,
    'aria-describedby': describedBy(notes, props),
  };
  return (
    <div className={`op-field ${props.className ?? ''}`} data-disabled={props.disabled ? 'true' : undefined}>
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => props.onChange(e.target.value)} />
      )}
      <Notes id={notes} {...props} />
    </div>
  );
}

/** A number typed as text, so a half-typed value stays on screen; `onChange` gets NaN for what is not a number. */
export function NumberField(
  props: Described & {
    label: string;
    value: number | null;
    onChange(value: number): void;
    min?: number;
    max?: number;
    /** `any` for fractions (a spread's median and sigma); whole numbers otherwise. */
    step?: 'any';
  },
): JSX.Element {
  const id = useId();
  const notes = `${id}-notes`;
  return (
    <div className="op-field op-field-number" data-disabled={props.disabled ? 'true' : undefined}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode={props.step === 'any' ? 'decimal' : 'numeric'}
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value === null || Number.isNaN(props.value) ? '' : String(props.value)}
        disabled={props.disabled}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={describedBy(notes, props)}
        onChange={(e) => props.onChange(e.target.value.trim() === '' ? Number.NaN : Number(e.target.value))}
      />
      <Notes id={notes} {...props} />
    </div>
  );
}

/** A labelled drop-down list. */
export function SelectField<T extends string>(
  props: Described & {
    label: string;
    value: T;
    options: readonly { value: T; label: string }[];
    onChange(value: T): void;
  },
): JSX.Element {
  const id = useId();
  const notes = `${id}-notes`;
  return (
    <div className="op-field" data-disabled={props.disabled ? 'true' : undefined}>
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        aria-describedby={describedBy(notes, props)}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Notes id={notes} {...props} />
    </div>
  );
}

/** A labelled check box. */
export function CheckField(
  props: Described & { label: string; checked: boolean; onChange(checked: boolean): void },
): JSX.Element {
  const id = useId();
  const notes = `${id}-notes`;
  return (
    <div className="op-check" data-disabled={props.disabled ? 'true' : undefined}>
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={describedBy(notes, props)}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
      <Notes id={notes} {...props} />
    </div>
  );
}

/** A titled part of a page. */
export function Section(props: {
  title: string;
  children: ReactNode;
  className?: string;
  actions?: ReactNode;
}): JSX.Element {
  const id = useId();
  return (
    <section className={`operator-card ${props.className ?? ''}`} aria-labelledby={id}>
      <div className="op-section-head">
        <h2 id={id}>{props.title}</h2>
        {props.actions && <div className="op-section-actions">{props.actions}</div>}
      </div>
      {props.children}
    </section>
  );
}
