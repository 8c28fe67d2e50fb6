/**
 * The technician's result page (§7.6): green `#007533` with Reseal on success; red `#750008` with the error text,
 * Retry (when offered) and Reset on failure; the diagnostics link (View diagnostics or Collect logs) bottom-left.
 * Which actions show comes from the snapshot.
 */
import type { JSX } from 'react';
import { ACTION_LABELS } from '../../../shared/esp';
import type { Look, ProvisioningAction, ScreenView } from '../../../shared/snapshot';
import { ActionButton } from '../components/ActionButton';
import { useUserAction } from '../components/useUserAction';
import { isLogAction, runLogAction } from '../components/logActions';
import { OobeFrame } from '../components/OobeFrame';
import { ProvisioningDetails } from '../components/ProvisioningDetails';
import { UI_TEXT } from '../strings';

type ResultView = Extract<ScreenView, { kind: 'preProvisioningResult' }>;

const LABELS: Record<ProvisioningAction, string> = {
  reseal: UI_TEXT.ppReseal,
  retry: UI_TEXT.ppRetry,
  reset: UI_TEXT.ppReset,
  collectLogs: ACTION_LABELS.collectLogs,
  viewDiagnostics: ACTION_LABELS.viewDiagnostics,
};

export function PreProvisioningResultScreen({ look, view }: { look: Look; view: ResultView }): JSX.Element {
  const { pending, act } = useUserAction();
  const { success, actions } = view;

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

  return (
    <OobeFrame
      screen="preProvisioningResult"
      look={look}
      className={`pp-result ${success ? 'pp-result-success' : 'pp-result-failure'}`}
      data={{ 'data-success': String(success) }}
      title={success ? UI_TEXT.ppSuccessTitle : UI_TEXT.ppFailureTitle}
      lead={
        success ? (
          <p className="oobe-lead">{UI_TEXT.ppSuccessLead}</p>
        ) : (
          <p className="oobe-lead pp-error-text" data-testid="pp-error-text">
            {view.errorText}
          </p>
        )
      }
      links={links.map((action) => (
        <ActionButton
          key={action}
          action={action}
          label={LABELS[action]}
          placement="link"
          onClick={() => onAction(action)}
        />
      ))}
      buttons={buttons.map((action) => (
        <ActionButton
          key={action}
          action={action}
          label={LABELS[action]}
          placement="button"
          primary={action === primary}
          disabled={pending}
          onClick={() => onAction(action)}
        />
      ))}
    >
      <ProvisioningDetails details={view.details} elapsedSeconds={view.elapsedSeconds} />
    </OobeFrame>
  );
}
