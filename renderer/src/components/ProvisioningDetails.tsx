/**
 * The details block of the pre-provisioning pages (§7.6): Organization, Profile, Assigned user (and on the
 * result page Elapsed time), with the device's QR code and id beside them.
 */
import type { JSX } from 'react';
import type { ProvisioningDetails as Details } from '../../../shared/snapshot';
import { useT } from '../i18n';
import type { Translate } from '../i18n';
import { QrPattern } from './QrPattern';

/** Elapsed time in hours and minutes, as the result page shows it (§7.6). */
export function formatHoursMinutes(t: Translate, totalSeconds: number): string {
  const minutesTotal = Math.max(0, Math.floor(totalSeconds / 60));
  return t('preProvisioning.elapsed', {
    hours: t('preProvisioning.hours', { count: Math.floor(minutesTotal / 60) }),
    minutes: t('preProvisioning.minutes', { count: minutesTotal % 60 }),
  });
}

/** The device's QR code with its id printed under it. */
export function DeviceQr({ deviceId }: { deviceId: string }): JSX.Element {
  const t = useT();
  return (
    <figure className="pp-qr">
      <QrPattern deviceId={deviceId} label={t('preProvisioning.qrLabel', { deviceId })} className="pp-qr-code" />
      <figcaption>
        {t('preProvisioning.deviceId')}: <span data-testid="pp-device-id">{deviceId}</span>
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
  const t = useT();
  const rows: [string, string, string][] = [
    ['organization', t('preProvisioning.organization'), details.organization],
    ['profile', t('preProvisioning.profile'), details.profileName],
    ['assigned-user', t('preProvisioning.assignedUser'), details.assignedUser ?? t('preProvisioning.notAssigned')],
  ];
  if (elapsedSeconds !== undefined)
    rows.push(['elapsed', t('preProvisioning.elapsedTime'), formatHoursMinutes(t, elapsedSeconds)]);

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
