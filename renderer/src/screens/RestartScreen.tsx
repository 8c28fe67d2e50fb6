/**
 * The device restarting during Device setup (§1.8).
 */
import type { JSX } from 'react';
import type { Look } from '../../../shared/snapshot';
import { Spinner } from '../components/Spinner';
import { useT } from '../i18n';
import '../styles/transition.css';

export function RestartScreen({ look }: { look: Look }): JSX.Element {
  const t = useT();
  return (
    <main data-screen="restarting" data-look={look} className={`transition look-${look}`}>
      <div className="transition-center">
        <Spinner />
        <h1 className="transition-title">{t('transition.restarting')}</h1>
      </div>
    </main>
  );
}
