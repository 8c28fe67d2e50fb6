/**
 * Windows Autopilot Configuration (§7.6): the profile, organization and assigned user the technician is about
 * to provision with, the device's QR code, and Refresh / Provision. Provision starts the technician flow (the
 * simulated technician presses it if nobody does); Refresh has nothing to re-download in a simulation.
 */
import type { JSX } from 'react';
import type { Look, ProvisioningDetails as Details } from '../../../shared/snapshot';
import { OobeFrame } from '../components/OobeFrame';
import { useUserAction } from '../components/useUserAction';
import { ProvisioningDetails } from '../components/ProvisioningDetails';
import { useT } from '../i18n';

export function PreProvisioningConfigurationScreen({ look, details }: { look: Look; details: Details }): JSX.Element {
  const { pending, act } = useUserAction();
  const t = useT();
  return (
    <OobeFrame
      screen="preProvisioningConfiguration"
      look={look}
      title={t('preProvisioning.configurationTitle')}
      lead={<p className="oobe-lead">{t('preProvisioning.configurationLead')}</p>}
      links={
        <p className="oobe-simulated" id="pp-simulated">
          {t('preProvisioning.simulatedChoice')}
        </p>
      }
      buttons={
        <>
          <button
            type="button"
            className="button"
            aria-disabled="true"
            aria-describedby="pp-simulated"
            data-testid="pp-refresh"
          >
            {t('preProvisioning.refresh')}
          </button>
          <button
            type="button"
            className="button button-primary"
            aria-describedby="pp-simulated"
            data-testid="pp-provision"
            disabled={pending}
            onClick={() => act('provision')}
          >
            {t('preProvisioning.provision')}
          </button>
        </>
      }
    >
      <ProvisioningDetails details={details} />
    </OobeFrame>
  );
}
