/**
 * After Reset device: Windows wiping and reinstalling (§1.9, bit 0x1).
 */
import type { JSX } from 'react';
import type { Look } from '../../../shared/snapshot';
import { Spinner } from '../components/Spinner';
import { UI_TEXT } from '../strings';
import '../styles/transition.css';

export function ResettingScreen({ look }: { look: Look }): JSX.Element {
  return (
    <main data-screen="resetting" data-look={look} className={`transition look-${look}`}>
      <div className="transition-center">
        <Spinner />
        <h1 className="transition-title">{UI_TEXT.resetting}</h1>
        <p className="transition-hint">{UI_TEXT.resettingHint}</p>
      </div>
    </main>
  );
}
