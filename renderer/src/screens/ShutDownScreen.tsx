/**
 * After Reseal the device shuts down (§7.6): the spinner over `Shutting down`, like the restart screen.
 */
import type { JSX } from 'react';
import type { Look } from '../../../shared/snapshot';
import { Spinner } from '../components/Spinner';
import { useT } from '../i18n';
import '../styles/transition.css';

export function ShutDownScreen({ look }: { look: Look }): JSX.Element {
  const t = useT();
  return (
    <main data-screen="shutDown" data-look={look} className={`transition look-${look}`}>
      <div className="transition-center">
        <Spinner />
        <h1 className="transition-title">{t('transition.shutDown')}</h1>
        <p className="transition-hint">{t('transition.shutDownHint')}</p>
      </div>
    </main>
  );
}
