/**
 * Self-deploying with Assigned Access ends in the kiosk (§7.7): one app, full screen, signed in automatically,
 * no taskbar. The app itself is not simulated; a plain app window with its name stands in for it.
 */
import type { JSX } from 'react';
import type { Look } from '../../../shared/snapshot';
import { LauncherGlyph } from '../components/glyphs';
import { useT } from '../i18n';
import '../styles/kiosk.css';

export function KioskScreen({ look, appName }: { look: Look; appName: string }): JSX.Element {
  const t = useT();
  return (
    <main data-screen="kiosk" data-look={look} className={`kiosk look-${look}`}>
      <div className="kiosk-titlebar" aria-hidden="true">
        {appName}
      </div>
      <div className="kiosk-body">
        <span className="kiosk-glyph">
          <LauncherGlyph />
        </span>
        <h1 className="kiosk-app" data-testid="kiosk-app">
          {appName}
        </h1>
        <p className="kiosk-note">{t('kiosk.note')}</p>
      </div>
    </main>
  );
}
