/**
 * Picks the device screen for `snapshot.screen.kind`, and lays the diagnostics page (§2) and the Collect logs
 * dialog (§3.1) over it. The screen underneath stays mounted (hidden or inert) so it comes back as it was.
 * The page's `lang` follows the language the screens speak (`snapshot.language`).
 */
import { useEffect, useRef } from 'react';
import type { JSX } from 'react';
import type { Snapshot } from '../../../shared/snapshot';
import { assertNever } from '../components/assertNever';
import { CollectLogsDialog } from '../components/CollectLogsDialog';
import { openDiagnostics } from '../components/logActions';
import { useLanguage } from '../i18n';
import { useUiStore } from '../store/uiStore';
import { DesktopScreen } from './DesktopScreen';
import { DiagnosticsPage } from './DiagnosticsPage';
import { EspScreen } from './EspScreen';
import { FirstSignInScreen } from './FirstSignInScreen';
import { KioskScreen } from './KioskScreen';
import { PreProvisioningConfigurationScreen } from './PreProvisioningConfigurationScreen';
import { PreProvisioningOptionsScreen } from './PreProvisioningOptionsScreen';
import { PreProvisioningResultScreen } from './PreProvisioningResultScreen';
import { QualityUpdatesScreen } from './QualityUpdatesScreen';
import { ResettingScreen } from './ResettingScreen';
import { RestartScreen } from './RestartScreen';
import { ShutDownScreen } from './ShutDownScreen';
import { SignInScreen } from './SignInScreen';

function ScreenFor({ snapshot }: { snapshot: Snapshot }): JSX.Element {
  const { screen, look } = snapshot;
  switch (screen.kind) {
    case 'esp':
      return <EspScreen snapshot={snapshot} />;
    case 'restarting':
      return <RestartScreen look={look} />;
    case 'signIn':
      return <SignInScreen look={look} prefilledUser={screen.prefilledUser} domain={screen.domain} />;
    case 'firstSignIn':
      return <FirstSignInScreen look={look} />;
    case 'desktop':
      return <DesktopScreen snapshot={snapshot} />;
    case 'resetting':
      return <ResettingScreen look={look} />;
    case 'qualityUpdates':
      return <QualityUpdatesScreen look={look} view={screen} />;
    case 'preProvisioningOptions':
      return <PreProvisioningOptionsScreen look={look} />;
    case 'preProvisioningConfiguration':
      return <PreProvisioningConfigurationScreen look={look} details={screen.details} />;
    case 'preProvisioningResult':
      return <PreProvisioningResultScreen look={look} view={screen} />;
    case 'shutDown':
      return <ShutDownScreen look={look} />;
    case 'kiosk':
      return <KioskScreen look={look} appName={screen.appName} />;
    default:
      return assertNever(screen, 'Unknown screen');
  }
}

/**
 * Ctrl+Shift+D asks for the diagnostics page (§2.1). Whether it may open (Windows 11, log collection allowed,
 * the ESP showing) is the session's call: a refusal is simply ignored, as Windows ignores the keys.
 */
function useDiagnosticsShortcut(open: boolean): void {
  useEffect(() => {
    if (open) return undefined;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!event.ctrlKey || !event.shiftKey || event.altKey || event.metaKey || event.code !== 'KeyD') return;
      event.preventDefault();
      openDiagnostics({ quiet: true });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open]);
}

export function DeviceScreen({ snapshot }: { snapshot: Snapshot }): JSX.Element {
  const collectLogsOpen = useUiStore((s) => s.collectLogsOpen);
  const collectLogsClosed = useUiStore((s) => s.collectLogsClosed);
  const diagnostics = snapshot.diagnostics;
  const diagnosticsOpen = diagnostics !== null;
  useDiagnosticsShortcut(diagnosticsOpen);

  // Screen readers and hyphenation read the page in the screens' language.
  const language = useLanguage();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // Close returns to the screen where it was: give focus back to the link that opened the page, if it is there.
  const wasOpen = useRef(diagnosticsOpen);
  useEffect(() => {
    if (wasOpen.current && !diagnosticsOpen) {
      document.querySelector<HTMLElement>('[data-testid="action-viewDiagnostics"]')?.focus();
    }
    wasOpen.current = diagnosticsOpen;
  }, [diagnosticsOpen]);

  const closeCollectLogs = (): void => {
    collectLogsClosed();
    setTimeout(() => document.querySelector<HTMLElement>('[data-testid="action-collectLogs"]')?.focus(), 0);
  };

  return (
    <>
      <div className="device-layer" inert={collectLogsOpen} hidden={diagnosticsOpen}>
        <ScreenFor snapshot={snapshot} />
      </div>
      {diagnostics !== null && <DiagnosticsPage view={diagnostics} look={snapshot.look} />}
      {collectLogsOpen && !diagnosticsOpen && <CollectLogsDialog onClose={closeCollectLogs} />}
    </>
  );
}
