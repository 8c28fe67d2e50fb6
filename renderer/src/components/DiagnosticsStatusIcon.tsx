/**
 * Event status of the Windows Autopilot diagnostics page (§2.2, CXH `getStatusString()` and its CSS):
 * 1, 2 Error (red X); 3 There was a problem (orange triangle); 4 Still working on it... (blue); 5–7 Complete
 * (green check). The labels are in the catalogs (`diagnostics.status.<tone>`, renderer/src/i18n). The label text is drawn in the page's text colour; the colour rides on the icon only, because
 * some of Windows' colours are too light for text on white.
 */
import type { JSX } from 'react';
import type { DiagnosticsStatus } from '../../../shared/snapshot';
import type { Translate } from '../i18n';
import { IconMark } from './fluentIcons';

export type DiagnosticsTone = 'error' | 'warning' | 'progress' | 'complete';

export const DIAGNOSTICS_STATUS: Record<DiagnosticsStatus, DiagnosticsTone> = {
  1: 'error',
  2: 'error',
  3: 'warning',
  4: 'progress',
  5: 'complete',
  6: 'complete',
  7: 'complete',
};

export function diagnosticsTone(status: number): DiagnosticsTone | null {
  return (DIAGNOSTICS_STATUS as Record<number, DiagnosticsTone | undefined>)[status] ?? null;
}

/** The status's label in the screen's language, or '' for codes outside 1–7 (Windows shows nothing then). */
export function diagnosticsLabel(t: Translate, status: number): string {
  const tone = diagnosticsTone(status);
  return tone === null ? '' : t(`diagnostics.status.${tone}`);
}

/** CXH draws a white mark on a coloured disc (U+F13E, U+F13D, U+F752) and an orange warning glyph (U+F736). */
const GLYPH: Record<DiagnosticsTone, JSX.Element> = {
  error: (
    <>
      <circle cx="8" cy="8" r="8" className="diag-icon-fill" />
      <IconMark name="dismiss" x={3.5} y={3.5} size={9} className="diag-icon-mark" />
    </>
  ),
  warning: <IconMark name="warning" x={0} y={0} size={16} className="diag-icon-fill" />,
  progress: (
    <>
      <circle cx="8" cy="8" r="8" className="diag-icon-fill" />
      <IconMark name="clock" x={3} y={3} size={10} className="diag-icon-mark" />
    </>
  ),
  complete: (
    <>
      <circle cx="8" cy="8" r="8" className="diag-icon-fill" />
      <IconMark name="checkmark" x={3.5} y={3.5} size={9} className="diag-icon-mark" />
    </>
  ),
};

/** The coloured status icon; decorative (a label beside it, visible or for screen readers, carries the meaning). */
export function DiagnosticsStatusIcon({ status }: { status: number }): JSX.Element | null {
  const tone = diagnosticsTone(status);
  if (tone === null) return null;
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className={`diag-icon diag-icon-${tone}`}>
      {GLYPH[tone]}
    </svg>
  );
}
