/**
 * The polite live region that reads each status change to screen-reader users (§1.6). It stays mounted across
 * screens so no announcement is lost when the screen changes. It speaks the device screen's language: the
 * snapshot's `announcementParts` in words, or `text` (the engine's English sentence) when there are none.
 */
import type { JSX } from 'react';
import { useT } from '../i18n';
import { announcementWords } from '../i18n/words';
import { useSnapshotStore } from '../store/snapshotStore';

export function Announcer({ text }: { text: string }): JSX.Element {
  const t = useT();
  const parts = useSnapshotStore((s) => s.snapshot?.announcementParts ?? null);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {announcementWords(t, parts, text)}
    </div>
  );
}
