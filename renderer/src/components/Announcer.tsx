/**
 * The polite live region that reads each status change to screen-reader users (§1.6). It stays mounted across
 * screens so no announcement is lost when the screen changes.
 */
import type { JSX } from 'react';

export function Announcer({ text }: { text: string }): JSX.Element {
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {text}
    </div>
  );
}
