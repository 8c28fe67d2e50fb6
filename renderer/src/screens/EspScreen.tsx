/**
 * The Enrollment Status Page itself (§1.2–§1.6), its error state (§1.9) and the running-state
 * Continue anyway button (§1.10). Renders the snapshot as given; decides nothing about ESP semantics.
 */
import { useEffect, useRef } from 'react';
import type { JSX } from 'react';
import { ACTION_PLACEMENT } from '../../../shared/esp';
import type { ErrorAction } from '../../../shared/esp';
import type { Snapshot } from '../../../shared/snapshot';
import { ActionButton } from '../components/ActionButton';
import { useUserAction } from '../components/useUserAction';
import { CategoryRow } from '../components/CategoryRow';
import { isLogAction, runLogAction } from '../components/logActions';
import type { LogAction } from '../components/logActions';
import { OobeChrome } from '../components/OobeChrome';
import { ResetConfirmDialog } from '../components/ResetConfirmDialog';
import { TextWithComponents, useT } from '../i18n';
import { errorMessageWords } from '../i18n/words';
import { useUiStore } from '../store/uiStore';
import '../styles/esp.css';

interface EspScreenProps {
  snapshot: Snapshot;
  /** Seam for the log actions; by default View diagnostics opens the diagnostics page, Collect logs the export. */
  onCollectLogs?: (action: LogAction) => void;
}

/** Set once the first ESP frame is on screen: the renderer benchmark measures navigation → this mark. */
let firstFrameMarked = false;

export function EspScreen({ snapshot, onCollectLogs = runLogAction }: EspScreenProps): JSX.Element {
  const { look, errorScreen, phases } = snapshot;
  const part = snapshot.screen.kind === 'esp' ? snapshot.screen.part : 'device';
  const resetConfirmOpen = useUiStore((s) => s.resetConfirmOpen);
  const { resetConfirmOpened, resetConfirmClosed } = useUiStore.getState();
  const { pending, act } = useUserAction();
  const resetButtonRef = useRef<HTMLButtonElement>(null);
  const t = useT();

  useEffect(() => {
    if (firstFrameMarked) return;
    firstFrameMarked = true;
    requestAnimationFrame(() => {
      performance.mark('esp-first-frame');
      // In a task of its own: a store change here would render before this frame's paint and hold it back.
      setTimeout(() => useUiStore.getState().firstFrameDrawn(), 0);
    });
  }, []);

  const onAction = (action: ErrorAction): void => {
    if (isLogAction(action)) {
      onCollectLogs(action);
      return;
    }
    if (action === 'resetDevice') {
      resetConfirmOpened();
      return;
    }
    act(action);
  };

  const closeResetConfirm = (): void => {
    resetConfirmClosed();
    // Return focus to the control that opened the dialog, once the page is no longer inert.
    setTimeout(() => resetButtonRef.current?.focus(), 0);
  };

  const actions = errorScreen?.actions ?? [];
  const links = actions.filter((a) => ACTION_PLACEMENT[a] === 'link');
  const buttons = actions.filter((a) => ACTION_PLACEMENT[a] === 'button');
  // The engine decides what is offered; the screen only checks membership.
  const showRunningContinue = snapshot.offeredActions.includes('continueAnywayWhileRunning');
  const lite = look === 'windows11';
  const errorMessage = errorScreen ? errorMessageWords(t, errorScreen.messageParts, errorScreen.message) : '';
  const continueNote = actions.includes('continueAnyway') ? (
    <p className="esp-continue-note" data-testid="continue-note">
      {t('esp.continueAnywayNote')}
    </p>
  ) : null;

  const linkButton = (action: ErrorAction): JSX.Element => (
    <ActionButton
      key={action}
      action={action}
      label={t(`error.action.${action}`)}
      placement="link"
      disabled={pending}
      onClick={() => onAction(action)}
    />
  );

  // Lite puts the links under the list, as its page does: first "<text> View diagnostics.", then the Continue anyway
  // and Sign out links, with no sentence before Continue anyway (docs/fidelity.md, Round 2 looks).
  const logLinks = links.filter(isLogAction);
  const otherLinks = links.filter((a) => !isLogAction(a));
  const liteLinks = lite && links.length > 0 && (
    <div className="esp-link-blob" data-testid="esp-link-blob">
      {logLinks.map((action) => (
        <p className="esp-diagnostics-line" key={action}>
          <TextWithComponents text={t('esp.forMoreDetails')} components={{ link: linkButton(action) }} />
        </p>
      ))}
      {otherLinks.length > 0 && <div className="esp-link-row">{otherLinks.map(linkButton)}</div>}
    </div>
  );

  return (
    <main
      data-screen="esp"
      data-look={look}
      data-part={part}
      data-error={errorScreen ? 'true' : 'false'}
      className={`esp look-${look}`}
    >
      <div className="esp-page" inert={resetConfirmOpen}>
        <div className="esp-frame">
          <header className="esp-header">
            <h1 className="esp-title">{t('esp.pageTitle')}</h1>
            {lite && errorScreen ? (
              <p className="esp-error-subheader" data-testid="error-message">
                {errorMessage}
              </p>
            ) : (
              <p className="esp-lead">{t('esp.pageLead')}</p>
            )}
          </header>

          <div className="esp-content">
            <ol className="esp-categories">
              {phases.map((phase) => (
                <CategoryRow key={phase.id} phase={phase} look={look} />
              ))}
            </ol>
          </div>

          {!lite && errorScreen && (
            <div className="esp-error-block">
              <p data-testid="error-message">{errorMessage}</p>
              {continueNote}
            </div>
          )}

          {liteLinks}

          <div className="esp-spacer" />

          <footer className="esp-footer">
            <div className="esp-footer-links">{!lite && links.map(linkButton)}</div>
            <div className="esp-footer-buttons">
              {buttons.map((action) => (
                <ActionButton
                  key={action}
                  ref={action === 'resetDevice' ? resetButtonRef : undefined}
                  action={action}
                  label={t(`error.action.${action}`)}
                  placement="button"
                  primary={action === 'tryAgain'}
                  disabled={pending}
                  onClick={() => onAction(action)}
                />
              ))}
              {showRunningContinue && (
                // CXH's continueAnywayButton is the page's primary button (isPrimaryButton: true).
                <ActionButton
                  action="continueAnywayWhileRunning"
                  label={t('error.action.continueAnyway')}
                  placement="button"
                  primary
                  disabled={pending}
                  onClick={() => act('continueAnywayWhileRunning')}
                />
              )}
            </div>
          </footer>
          {!lite && <OobeChrome />}
        </div>
        {lite && <OobeChrome />}
      </div>

      {resetConfirmOpen && (
        <ResetConfirmDialog
          onCancel={closeResetConfirm}
          onConfirm={() => {
            resetConfirmClosed();
            act('resetDevice');
          }}
        />
      )}
    </main>
  );
}
