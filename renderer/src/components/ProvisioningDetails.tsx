/**
 * The details block of the pre-provisioning pages (§7.6): Organization, Profile, Assigned user (and on the
 * result page Elapsed time), with the device's QR code and id beside them.
 */
import type { JSX } from 'react';
import type { ProvisioningDetails as Details } from '../../../shared/snapshot';
import { UI_TEXT } from '../strings';
import { QrPattern } from './QrPattern';

/** Elapsed time in hours and minutes, as the result page shows it (§7.6). */
export function formatHoursMinutes(totalSeconds: number): string {
  const minutesTotal = Math.max(0, Math.floor(totalSeconds / 60));
  return UI_TEXT.ppElapsed(Math.floor(minutesTotal / 60), minutesTotal % 60);
}

/** The device's QR code with its id printed under it. */
export function DeviceQr({ deviceId }: { deviceId: string }): JSX.Element {
  return (
    <figure className="pp-qr">
      <QrPattern deviceId={deviceId} label={UI_TEXT.ppQrLabel(deviceId)} className="pp-qr-code" />
      <figcaption>
        {UI_TEXT.ppDeviceId}: <span data-testid="pp-device-id">{deviceId}</span>
      </figcaption>
    </figure>
  );
}

interface ProvisioningDetailsProps {
  details: Details;
  elapsedSeconds?: number;
  /**
   * `table`: labels in a column beside their values (the configuration page; on the Inclusive result page bold and
   * right-aligned). `inline`: Lite's result list, each bold label followed by its value on one line.
   */
  layout?: 'table' | 'inline';
  /** Lite's result page shows the QR code only when provisioning failed. */
  showQr?: boolean;
}

export function ProvisioningDetails({
  details,
  elapsedSeconds,
  layout = 'table',
  showQr = true,
}: ProvisioningDetailsProps): JSX.Element {
  const rows: [string, string, string][] = [
    ['organization', UI_TEXT.ppOrganization, details.organization],
    ['profile', UI_TEXT.ppProfile, details.profileName],
    ['assigned-user', UI_TEXT.ppAssignedUser, details.assignedUser ?? UI_TEXT.ppNotAssigned],
  ];
  if (elapsedSeconds !== undefined) rows.push(['elapsed', UI_TEXT.ppElapsedTime, formatHoursMinutes(elapsedSeconds)]);

  return (
    <div className={`pp-details pp-details-${layout}`}>
      <dl className="pp-fields">
        {rows.map(([key, label, value]) => (
          <div className="pp-field" key={key}>
            <dt>{label}</dt>
            <dd data-testid={`pp-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {showQr && <DeviceQr deviceId={details.deviceId} />}
    </div>
  );
}
