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
import { UI_TEXT } from '../strings';

export function PreProvisioningConfigurationScreen({ look, details }: { look: Look; details: Details }): JSX.Element {
  const { pending, act } = useUserAction();
  return (
    <OobeFrame
      screen="preProvisioningConfiguration"
      look={look}
      title={UI_TEXT.ppConfigurationTitle}
      lead={<p className="oobe-lead">{UI_TEXT.ppConfigurationLead}</p>}
      links={
        <p className="oobe-simulated" id="pp-simulated">
          {UI_TEXT.ppSimulatedChoice}
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
            {UI_TEXT.ppRefresh}
          </button>
          <button
            type="button"
            className="button button-primary"
            aria-describedby="pp-simulated"
            data-testid="pp-provision"
            disabled={pending}
            onClick={() => act('provision')}
          >
            {UI_TEXT.ppProvision}
          </button>
        </>
      }
    >
      <ProvisioningDetails details={details} />
    </OobeFrame>
  );
}
