/**
 * Picks the device screen for `snapshot.screen.kind`, and lays the diagnostics page (§2) and the Collect logs
 * dialog (§3.1) over it. The screen underneath stays mounted (hidden or inert) so it comes back as it was.
 * The page's `lang` follows the language the screens speak (`snapshot.language`).
 */
import { useEffect, useRef } from 'react';
import type { JSX } from 'react';
import type { Snapshot } from '../../../shared/snapshot';
import { assertNever } from '../components/assertNever';
import { openDiagnostics } from '../components/logActions';
import { useLanguage, warmUpTranslations } from '../i18n';
import { useUiStore } from '../store/uiStore';
import { EspScreen } from './EspScreen';
import { loadOtherScreens, needsOtherScreens, useOtherScreens } from './lazyScreens';
import type { OtherScreens } from './lazyScreens';

function ScreenFor({ snapshot, screens }: { snapshot: Snapshot; screens: OtherScreens | null }): JSX.Element {
  const { screen, look } = snapshot;
  if (screen.kind === 'esp') return <EspScreen snapshot={snapshot} />;
  // The other screens' chunk is on its way (lazyScreens.ts): the page's background, for a few milliseconds at most.
  if (screens === null) return <div className="screen-pending" aria-busy="true" />;
  switch (screen.kind) {
    case 'restarting':
      return <screens.RestartScreen look={look} />;
    case 'signIn':
      return <screens.SignInScreen look={look} prefilledUser={screen.prefilledUser} domain={screen.domain} />;
    case 'firstSignIn':
      return <screens.FirstSignInScreen look={look} />;
    case 'desktop':
      return <screens.DesktopScreen snapshot={snapshot} />;
    case 'resetting':
      return <screens.ResettingScreen look={look} />;
    case 'qualityUpdates':
      return <screens.QualityUpdatesScreen look={look} view={screen} />;
    case 'preProvisioningOptions':
      return <screens.PreProvisioningOptionsScreen look={look} />;
    case 'preProvisioningConfiguration':
      return <screens.PreProvisioningConfigurationScreen look={look} details={screen.details} />;
    case 'preProvisioningResult':
      return <screens.PreProvisioningResultScreen look={look} view={screen} />;
    case 'shutDown':
      return <screens.ShutDownScreen look={look} />;
    case 'kiosk':
      return <screens.KioskScreen look={look} appName={screen.appName} />;
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
  const screens = useOtherScreens();

  // The other screens load while the page is idle after the first frame, or at once when this one needs them.
  const needsOthers = needsOtherScreens(snapshot, collectLogsOpen);
  useEffect(() => {
    if (needsOthers) loadOtherScreens();
  }, [needsOthers, snapshot.revision]);
  useEffect(() => {
    // Asked for from the first frame's animation callback, so the fetch and evaluation come after that frame; i18next
    // starts then too, before the first count on screen needs it.
    const afterFirstFrame = (): void => {
      loadOtherScreens();
      warmUpTranslations();
    };
    let idle = 0;
    const frame = requestAnimationFrame(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(afterFirstFrame, { timeout: 2000 });
      else afterFirstFrame();
    });
    return () => {
      cancelAnimationFrame(frame);
      if (idle) cancelIdleCallback(idle);
    };
  }, []);

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
        <ScreenFor snapshot={snapshot} screens={screens} />
      </div>
      {screens && diagnostics !== null && <screens.DiagnosticsPage view={diagnostics} look={snapshot.look} />}
      {screens && collectLogsOpen && !diagnosticsOpen && <screens.CollectLogsDialog onClose={closeCollectLogs} />}
    </>
  );
}
