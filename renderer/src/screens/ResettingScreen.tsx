/**
 * After Reset device: Windows wiping and reinstalling (§1.9, bit 0x1).
 */
import type { JSX } from 'react';
import type { Look } from '../../../shared/snapshot';
import { Spinner } from '../components/Spinner';
import { useT } from '../i18n';
import '../styles/transition.css';

export function ResettingScreen({ look }: { look: Look }): JSX.Element {
  const t = useT();
  return (
    <main data-screen="resetting" data-look={look} className={`transition look-${look}`}>
      <div className="transition-center">
        <Spinner />
        <h1 className="transition-title">{t('transition.resetting')}</h1>
        <p className="transition-hint">{t('transition.resettingHint')}</p>
      </div>
    </main>
  );
}
