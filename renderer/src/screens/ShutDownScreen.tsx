/**
 * After Reseal the device shuts down (§7.6): the spinner over `Shutting down`, like the restart screen.
 */
import type { JSX } from 'react';
import type { Look } from '../../../shared/snapshot';
import { Spinner } from '../components/Spinner';
import { UI_TEXT } from '../strings';
import '../styles/transition.css';

export function ShutDownScreen({ look }: { look: Look }): JSX.Element {
  return (
    <main data-screen="shutDown" data-look={look} className={`transition look-${look}`}>
      <div className="transition-center">
        <Spinner />
        <h1 className="transition-title">{UI_TEXT.shutDown}</h1>
        <p className="transition-hint">{UI_TEXT.shutDownHint}</p>
      </div>
    </main>
  );
}
