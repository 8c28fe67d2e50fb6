/**
 * Where the user lands once the ESP lets go: a plain simulated desktop, the required apps still installing
 * after the ESP (§1.14) and, for reviewers, the outcome.
 */
import type { JSX } from 'react';
import type { Snapshot } from '../../../shared/snapshot';
import { FolderGlyph, GlobeGlyph, LauncherGlyph, MailGlyph, SearchGlyph } from '../components/glyphs';
import { formatElapsed } from '../format';
import { useT } from '../i18n';
import '../styles/desktop.css';

export function DesktopScreen({ snapshot }: { snapshot: Snapshot }): JSX.Element {
  const { look, deferredApps, outcome } = snapshot;
  const user = snapshot.screen.kind === 'desktop' ? snapshot.screen.userDisplayName : null;
  const stillInstalling = deferredApps.some((app) => !app.installed);
  const t = useT();

  return (
    <main data-screen="desktop" data-look={look} className={`desktop look-${look}`}>
      <h1 className="visually-hidden">{t('desktop.heading')}</h1>

      <p className="desktop-outcome" data-testid="desktop-outcome">
        {t('desktop.outcome')} <strong>{outcome ? t(`desktop.outcomes.${outcome}`) : t('desktop.noOutcome')}</strong>
        {' \u00b7 '}
        {formatElapsed(snapshot.clock.elapsedSeconds)} {t('desktop.simulated')}
        {user ? ` \u00b7 ${t('desktop.signedInAs')} ${user}` : ''}
      </p>

      {deferredApps.length > 0 && (
        <section className="desktop-notice" aria-labelledby="deferred-title" data-testid="deferred-apps">
          <h2 id="deferred-title" className="desktop-notice-title">
            {stillInstalling ? t('desktop.stillInstalling') : t('desktop.allInstalled')}
          </h2>
          <ul className="desktop-notice-list">
            {deferredApps.map((app) => (
              <li key={app.id} data-testid={`deferred-${app.id}`} data-installed={app.installed}>
                <span>{app.displayName}</span>
                <span className="desktop-app-state">
                  {app.installed ? t('desktop.installed') : t('desktop.installing')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="taskbar" aria-hidden="true">
        <div className="taskbar-icons">
          <span className="taskbar-icon">
            <LauncherGlyph />
          </span>
          <span className="taskbar-icon">
            <SearchGlyph />
          </span>
          <span className="taskbar-icon">
            <FolderGlyph />
          </span>
          <span className="taskbar-icon">
            <GlobeGlyph />
          </span>
          <span className="taskbar-icon">
            <MailGlyph />
          </span>
        </div>
      </div>
    </main>
  );
}
