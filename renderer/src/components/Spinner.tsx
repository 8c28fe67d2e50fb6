/**
 * The orbiting-dots "working" animation of Windows' restart and reset screens, drawn in CSS.
 */
import type { JSX } from 'react';

export function Spinner(): JSX.Element {
  return (
    <div className="spinner" aria-hidden="true">
      <span />
      <span />
      <span />
      <span />
      <span />
    </div>
  );
}
