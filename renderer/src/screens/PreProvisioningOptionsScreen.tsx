/**
 * Pressing the Windows key five times on the first OOBE screen (§7.6): the technician picks Windows Autopilot
 * provisioning and selects Continue. The option texts are Windows' own. Windows Autopilot provisioning is the
 * one option the simulation offers; if nobody selects Continue, the simulated technician does.
 */
import type { JSX } from 'react';
import type { Look } from '../../../shared/snapshot';
import { OobeFrame } from '../components/OobeFrame';
import { useUserAction } from '../components/useUserAction';
import { useT } from '../i18n';

export function PreProvisioningOptionsScreen({ look }: { look: Look }): JSX.Element {
  const { pending, act } = useUserAction();
  const t = useT();
  return (
    <OobeFrame
      screen="preProvisioningOptions"
      look={look}
      title={t('preProvisioning.optionsTitle')}
      buttons={
        <button
          type="button"
          className="button button-primary"
          aria-describedby="pp-simulated"
          data-testid="pp-continue"
          disabled={pending}
          onClick={() => act('startProvisioning')}
        >
          {t('preProvisioning.continue')}
        </button>
      }
    >
      <fieldset className="pp-options" data-testid="pp-options">
        <legend className="visually-hidden">{t('preProvisioning.optionsTitle')}</legend>
        <label className="pp-option">
          <input
            type="radio"
            name="pp-option"
            value="autopilot"
            checked
            readOnly
            aria-describedby="pp-option-autopilot-description"
            data-testid="pp-option-autopilot"
          />
          <span className="pp-option-text">
            <span className="pp-option-title">{t('preProvisioning.optionAutopilot')}</span>
            <span className="pp-option-description" id="pp-option-autopilot-description">
              {t('preProvisioning.optionAutopilotDescription')}
            </span>
          </span>
        </label>
      </fieldset>
      <p className="oobe-simulated" id="pp-simulated">
        {t('preProvisioning.simulatedChoice')}
      </p>
    </OobeFrame>
  );
}
