/**
 * Event status of the Windows Autopilot diagnostics page (§2.2, CXH `getStatusString()` and its CSS):
 * 1, 2 Error (red X); 3 There was a problem (orange triangle); 4 Still working on it... (blue); 5–7 Complete
 * (green check). The label text is drawn in the page's text colour; the colour rides on the icon only, because
 * some of Windows' colours are too light for text on white.
 */
import type { JSX } from 'react';
import type { DiagnosticsStatus } from '../../../shared/snapshot';

export type DiagnosticsTone = 'error' | 'warning' | 'progress' | 'complete';

export const DIAGNOSTICS_STATUS: Record<DiagnosticsStatus, { label: string; tone: DiagnosticsTone }> = {
  1: { label: 'Error', tone: 'error' },
  2: { label: 'Error', tone: 'error' },
  3: { label: 'There was a problem', tone: 'warning' },
  4: { label: 'Still working on it...', tone: 'progress' },
  5: { label: 'Complete', tone: 'complete' },
  6: { label: 'Complete', tone: 'complete' },
  7: { label: 'Complete', tone: 'complete' },
};

/** The status's label, or '' for codes outside 1–7 (Windows shows nothing then). */
export function diagnosticsLabel(status: number): string {
  return (DIAGNOSTICS_STATUS as Record<number, { label: string } | undefined>)[status]?.label ?? '';
}

export function diagnosticsTone(status: number): DiagnosticsTone | null {
  return (DIAGNOSTICS_STATUS as Record<number, { tone: DiagnosticsTone } | undefined>)[status]?.tone ?? null;
}

const GLYPH: Record<DiagnosticsTone, JSX.Element> = {
  error: (
    <>
      <circle cx="8" cy="8" r="7.5" className="diag-icon-fill" />
      <path d="M5.3 5.3 L10.7 10.7 M10.7 5.3 L5.3 10.7" className="diag-icon-mark" />
    </>
  ),
  warning: (
    <>
      <path d="M8 0.8 L15.4 14.6 H0.6 Z" className="diag-icon-fill" strokeLinejoin="round" />
      <path d="M8 5.5 V9.6 M8 11.9 V12.1" className="diag-icon-mark" />
    </>
  ),
  progress: (
    <>
      <circle cx="8" cy="8" r="7.5" className="diag-icon-fill" />
      <path d="M8 4 V8 L10.8 9.8" className="diag-icon-mark" />
    </>
  ),
  complete: (
    <>
      <circle cx="8" cy="8" r="7.5" className="diag-icon-fill" />
      <path d="M4.6 8.3 L7 10.6 L11.5 5.6" className="diag-icon-mark" />
    </>
  ),
};

/** The coloured status icon; decorative (the label next to it carries the meaning). */
export function DiagnosticsStatusIcon({ status }: { status: number }): JSX.Element | null {
  const tone = diagnosticsTone(status);
  if (tone === null) return null;
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className={`diag-icon diag-icon-${tone}`}>
      {GLYPH[tone]}
    </svg>
  );
}
