/**
 * The Settings step of Create profile: every setting under the article's own label, shown, hidden and greyed out
 * exactly as shared/espProfileRules.ts says (this component decides nothing).
 */
import { useId } from 'react';
import type { JSX } from 'react';
import type { EspSettingDefinition, EspSettingsForm } from '../../../../shared/espProfileRules';
import { ESP_SETTINGS, MAX_BLOCKING_APPS, settingProblems, settingState } from '../../../../shared/espProfileRules';
import { Choice, NumberField, TextField, YesNo } from '../components/Fields';
import type { Json } from '../document';
import { str } from '../document';

const ALL_SELECTED = [
  { value: 'all', label: 'All' },
  { value: 'selected', label: 'Selected' },
] as const;

function AppPicker(props: {
  setting: EspSettingDefinition;
  form: EspSettingsForm;
  apps: Json[];
  disabled: boolean;
  because: string | null;
  problem: string | null;
  onChange(ids: string[]): void;
}): JSX.Element {
  const id = useId();
  const { selectedAppIds } = props.form;
  const full = selectedAppIds.length >= MAX_BLOCKING_APPS;
  return (
    <fieldset className="op-apps" disabled={props.disabled} aria-describedby={`${id}-notes`}>
      <legend>
        {props.setting.label} ({selectedAppIds.length} of at most {MAX_BLOCKING_APPS} selected)
      </legend>
      {props.apps.length === 0 && <p className="operator-muted">The tenant has no apps yet (Tenant & device, Apps).</p>}
      <ul>
        {props.apps.map((app) => {
          const appId = str(app['id']);
          const checked = selectedAppIds.includes(appId);
          return (
            <li key={appId}>
              <label>
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={!checked && full}
                  onChange={(event) =>
                    props.onChange(
                      event.target.checked ? [...selectedAppIds, appId] : selectedAppIds.filter((x) => x !== appId),
                    )
                  }
                />
                {str(app['displayName'], appId)}
              </label>
            </li>
          );
        })}
      </ul>
      <span id={`${id}-notes`} className="op-notes">
        <span className="op-help">{props.disabled && props.because ? props.because : props.setting.help}</span>
        {props.problem && (
          <span className="op-problem" role="alert">
            {props.problem}
          </span>
        )}
      </span>
    </fieldset>
  );
}

/** The Settings step: each visible setting with the control its definition names. */
export function SettingsStep(props: {
  form: EspSettingsForm;
  apps: Json[];
  onChange(form: EspSettingsForm): void;
}): JSX.Element {
  const { form, onChange } = props;
  const problems = settingProblems(form);
  const set = <K extends keyof EspSettingsForm>(key: K, value: EspSettingsForm[K]): void =>
    onChange({ ...form, [key]: value });
  return (
    <div className="op-settings">
      {ESP_SETTINGS.map((setting) => {
        const state = settingState(form, setting.key);
        if (!state.visible) return null;
        const common = {
          label: setting.label,
          help: setting.help,
          because: state.because,
          disabled: !state.enabled,
          problem: problems.find((p) => p.key === setting.key)?.message ?? null,
        };
        switch (setting.control) {
          case 'yesNo':
            return (
              <YesNo
                key={setting.key}
                {...common}
                value={form[setting.key] as boolean}
                onChange={(value) => set(setting.key, value as never)}
              />
            );
          case 'minutes':
            return (
              <NumberField
                key={setting.key}
                {...common}
                min={1}
                max={1440}
                value={form.timeoutMinutes}
                onChange={(value) => set('timeoutMinutes', value)}
              />
            );
          case 'message':
            return (
              <TextField
                key={setting.key}
                {...common}
                multiline
                value={form.customMessage}
                onChange={(value) => set('customMessage', value)}
              />
            );
          case 'allSelected':
            return (
              <Choice
                key={setting.key}
                {...common}
                options={ALL_SELECTED}
                value={form.blockingApps}
                onChange={(value) => set('blockingApps', value)}
              />
            );
          case 'apps':
            return (
              <AppPicker
                key={setting.key}
                setting={setting}
                form={form}
                apps={props.apps}
                disabled={common.disabled}
                because={common.because}
                problem={common.problem}
                onChange={(ids) => set('selectedAppIds', ids)}
              />
            );
        }
      })}
    </div>
  );
}
