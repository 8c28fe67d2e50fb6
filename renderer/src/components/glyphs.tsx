/**
 * The glyphs of the ESP and the screens around it. Where a Windows glyph has a Fluent System Icons twin it is
 * that icon (components/fluentIcons.tsx); only the status discs are composed here (a coloured disc with a white
 * Fluent mark), as the CXH pages layer a fill glyph under a mark glyph. No Microsoft font glyph or asset is used.
 * All are decorative: the text next to them carries the meaning.
 */
import type { JSX } from 'react';
import type { PhaseId } from '../../../shared/esp';
import type { Look } from '../../../shared/snapshot';
import { FluentIcon, IconMark } from './fluentIcons';
import type { IconName } from './fluentIcons';

/** §1.3: a single gear (U+E713), devices (U+E975), people (U+E716). Inclusive Blue draws them at 48 px, Lite at 20. */
const CATEGORY_ICONS: Record<Look, Record<PhaseId, IconName>> = {
  windows10: { devicePreparation: 'settings48', deviceSetup: 'phoneLaptop32', accountSetup: 'people48' },
  windows11: { devicePreparation: 'settings20', deviceSetup: 'phoneLaptop20', accountSetup: 'people20' },
};

export function CategoryGlyph({ phase, look }: { phase: PhaseId; look: Look }): JSX.Element {
  return <FluentIcon name={CATEGORY_ICONS[look][phase]} className="category-icon" />;
}

/**
 * A status disc: the fill colour comes from the class (`status-disc-success` / `-failure`), the mark is white.
 * Inclusive Blue lays it over the glyph's corner as a badge; Lite puts a 14 px one before the status text.
 */
export function StatusDisc({ kind, className }: { kind: 'success' | 'failure'; className: string }): JSX.Element {
  return (
    <svg
      viewBox="0 0 20 20"
      aria-hidden="true"
      focusable="false"
      className={`status-disc status-disc-${kind} ${className}`}
    >
      <circle cx="10" cy="10" r="9" className="status-disc-fill" />
      <IconMark
        name={kind === 'success' ? 'checkmark' : 'dismiss'}
        x={4.5}
        y={4.5}
        size={11}
        className="status-disc-mark"
      />
    </svg>
  );
}

/** The Lite details toggle and the diagnostics accordions: chevron down (U+E70D) when collapsed, up (U+E70E) open. */
export function Chevron({ up }: { up: boolean }): JSX.Element {
  return <FluentIcon name={up ? 'chevronUp' : 'chevronDown'} className="chevron" />;
}

/** The sign-in screen's account picture: the person glyph on a translucent disc. */
export function AvatarGlyph(): JSX.Element {
  return (
    <span className="avatar" aria-hidden="true">
      <FluentIcon name="person" className="avatar-person" />
    </span>
  );
}

/** Taskbar launcher: a neutral app grid (deliberately not a Windows logo). */
export function LauncherGlyph(): JSX.Element {
  return <FluentIcon name="apps" />;
}

export function FolderGlyph(): JSX.Element {
  return <FluentIcon name="folder" />;
}

export function GlobeGlyph(): JSX.Element {
  return <FluentIcon name="globe" />;
}

export function MailGlyph(): JSX.Element {
  return <FluentIcon name="mail" />;
}

export function SearchGlyph(): JSX.Element {
  return <FluentIcon name="search" />;
}
