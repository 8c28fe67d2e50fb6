/**
 * The technician's result page (§7.6, CXH `autopilotwhitegloveresult-main.html`): green `#007533` with Reseal on
 * success; red `#750008` with the error text, Retry (when offered) and Reset on failure. Which actions show comes
 * from the snapshot.
 *
 * - Inclusive Blue (the default view): the fields in a table, bold labels right-aligned, the QR code beside them,
 *   the error under them in yellow; the diagnostics link bottom-left, the buttons bottom-right.
 * - Lite: the error as the sub-header under the title, one line per field (bold label, then the value), and on
 *   failure "<text> View diagnostics." with the QR code under the list.
 *
 * The main button (Reseal, Retry) is filled with the page's dark shade, the others are transparent; no lead text
 * of our own (Windows' result instructions were not decodable).
 */
import type { JSX } from 'react';
import type { Look, ProvisioningAction, ScreenView } from '../../../shared/snapshot';
import { ActionButton } from '../components/ActionButton';
import { useUserAction } from '../components/useUserAction';
import { isLogAction, runLogAction } from '../components/logActions';
import { OobeFrame } from '../components/OobeFrame';
import { DeviceQr, ProvisioningDetails } from '../components/ProvisioningDetails';
import { TextWithComponents, useT } from '../i18n';
import type { Translate } from '../i18n';
import { errorMessageWords } from '../i18n/words';

type ResultView = Extract<ScreenView, { kind: 'preProvisioningResult' }>;

function label(t: Translate, action: ProvisioningAction): string {
  switch (action) {
    case 'reseal':
    case 'retry':
    case 'reset':
      return t(`preProvisioning.${action}`);
    default:
      return t(`error.action.${action}`);
  }
}

export function PreProvisioningResultScreen({ look, view }: { look: Look; view: ResultView }): JSX.Element {
  const { pending, act } = useUserAction();
  const t = useT();
  const { success, actions } = view;
  const lite = look === 'windows11';

  const onAction = (action: ProvisioningAction): void => {
    if (isLogAction(action)) {
      runLogAction(action);
      return;
    }
    act(action);
  };

  const links = actions.filter(isLogAction);
  const buttons = actions.filter((a) => !isLogAction(a));
  const primary: ProvisioningAction = success ? 'reseal' : 'retry';

  const linkButton = (action: ProvisioningAction): JSX.Element => (
    <ActionButton
      key={action}
      action={action}
      label={label(t, action)}
      placement="link"
      onClick={() => onAction(action)}
    />
  );

  const errorText =
    !success && view.errorText ? (
      <p className={lite ? 'pp-error-subheader' : 'pp-error-text'} data-testid="pp-error-text">
        {errorMessageWords(t, view.errorParts, view.errorText)}
      </p>
    ) : undefined;

  // Lite shows the diagnostics line in the page on failure; elsewhere the link sits bottom-left.
  const inlineLinks = lite && !success;

  return (
    <OobeFrame
      screen="preProvisioningResult"
      look={look}
      className={`pp-result ${success ? 'pp-result-success' : 'pp-result-failure'}`}
      data={{ 'data-success': String(success) }}
      title={success ? t('preProvisioning.successTitle') : t('preProvisioning.failureTitle')}
      lead={lite ? errorText : undefined}
      links={inlineLinks ? undefined : links.map(linkButton)}
      buttons={buttons.map((action) => (
        <ActionButton
          key={action}
          action={action}
          label={label(t, action)}
          placement="button"
          primary={action === primary}
          disabled={pending}
          onClick={() => onAction(action)}
        />
      ))}
    >
      {lite ? (
        <>
          <ProvisioningDetails
            details={view.details}
            elapsedSeconds={view.elapsedSeconds}
            layout="inline"
            showQr={false}
          />
          {inlineLinks &&
            links.map((action) => (
              <p className="pp-diagnostics-line" key={action}>
                <TextWithComponents text={t('esp.forMoreDetails')} components={{ link: linkButton(action) }} />
              </p>
            ))}
          {!success && <DeviceQr deviceId={view.details.deviceId} />}
        </>
      ) : (
        <>
          <ProvisioningDetails details={view.details} elapsedSeconds={view.elapsedSeconds} />
          {errorText}
        </>
      )}
    </OobeFrame>
  );
}
