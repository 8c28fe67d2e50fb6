/**
 * Simple line drawings for the ESP and the transition screens, drawn for the simulator.
 *
 * They echo the subjects of Windows' MDL2 glyphs (gears, devices, people: §1.3) without copying any Microsoft
 * asset. All are decorative: the text next to them carries the meaning.
 */
import type { JSX } from 'react';
import type { PhaseId } from '../../../shared/esp';

/** A gear outline as an SVG path: `teeth` flat-topped teeth between radii `root` and `tip`. */
function gearPath(cx: number, cy: number, root: number, tip: number, teeth: number): string {
  const step = (2 * Math.PI) / teeth;
  const point = (radius: number, angle: number): string =>
    `${(cx + radius * Math.cos(angle)).toFixed(2)} ${(cy + radius * Math.sin(angle)).toFixed(2)}`;
  const parts: string[] = [];
  for (let i = 0; i < teeth; i += 1) {
    const c = i * step - Math.PI / 2;
    parts.push(
      `${i === 0 ? 'M' : 'L'}${point(root, c - step * 0.27)}`,
      `L${point(tip, c - step * 0.14)}`,
      `L${point(tip, c + step * 0.14)}`,
      `L${point(root, c + step * 0.27)}`,
    );
  }
  return `${parts.join(' ')} Z`;
}

const BIG_GEAR = gearPath(19, 19, 12.5, 16.5, 8);
const SMALL_GEAR = gearPath(36, 35, 7, 10, 6);

const svgProps = {
  'aria-hidden': true,
  focusable: false,
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinejoin: 'round',
  strokeLinecap: 'round',
} as const;

function GearsGlyph(): JSX.Element {
  return (
    <svg viewBox="0 0 48 48" {...svgProps}>
      <path d={BIG_GEAR} />
      <circle cx="19" cy="19" r="5" />
      <path d={SMALL_GEAR} />
      <circle cx="36" cy="35" r="3" />
    </svg>
  );
}

function DevicesGlyph(): JSX.Element {
  return (
    <svg viewBox="0 0 48 48" {...svgProps}>
      <rect x="4" y="9" width="26" height="19" rx="1.5" />
      <path d="M1 34 L4 28 M30 28 L31 30 M1 34 H30" />
      <rect x="33" y="17" width="12" height="22" rx="2" />
      <path d="M37.5 35 H40.5" />
    </svg>
  );
}

function PeopleGlyph(): JSX.Element {
  return (
    <svg viewBox="0 0 48 48" {...svgProps}>
      <circle cx="19" cy="16" r="7" />
      <path d="M5 41 C5 31 11 26 19 26 C27 26 33 31 33 41" />
      <circle cx="33" cy="13" r="5.5" />
      <path d="M32.5 22.5 C39.5 22.5 44 27 44 35" />
    </svg>
  );
}

/** The 48-px category glyph of §1.6. */
export function CategoryGlyph({ phase }: { phase: PhaseId }): JSX.Element {
  switch (phase) {
    case 'devicePreparation':
      return <GearsGlyph />;
    case 'deviceSetup':
      return <DevicesGlyph />;
    case 'accountSetup':
      return <PeopleGlyph />;
  }
}

/** The small overlay badge on a category glyph: a check on success, an X on failure (§1.6). */
export function StatusBadge({ kind }: { kind: 'success' | 'failure' }): JSX.Element {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" className={`badge badge-${kind}`}>
      <circle cx="10" cy="10" r="9" className="badge-disc" />
      <path
        d={kind === 'success' ? 'M5.5 10.5 L8.6 13.5 L14.5 7' : 'M6.5 6.5 L13.5 13.5 M13.5 6.5 L6.5 13.5'}
        fill="none"
        stroke="#ffffff"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** The Lite White look's details toggle: a chevron, down when collapsed, up when expanded (§1.5). */
export function Chevron({ up }: { up: boolean }): JSX.Element {
  return (
    <svg viewBox="0 0 16 16" {...svgProps} strokeWidth={1.5} className="chevron">
      <path d={up ? 'M3 10.5 L8 5.5 L13 10.5' : 'M3 5.5 L8 10.5 L13 5.5'} />
    </svg>
  );
}

/** A generic account picture for the sign-in screen. */
export function AvatarGlyph(): JSX.Element {
  return (
    <svg viewBox="0 0 96 96" aria-hidden="true" focusable="false" className="avatar">
      <circle cx="48" cy="48" r="48" className="avatar-disc" />
      <g fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round">
        <circle cx="48" cy="38" r="14" />
        <path d="M22 76 C24 62 35 56 48 56 C61 56 72 62 74 76" />
      </g>
    </svg>
  );
}

/** Taskbar launcher: a neutral app grid (deliberately not a Windows logo). */
export function LauncherGlyph(): JSX.Element {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="currentColor">
      {[4, 12, 20].flatMap((y) => [4, 12, 20].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="2.2" />))}
    </svg>
  );
}

export function FolderGlyph(): JSX.Element {
  return (
    <svg viewBox="0 0 24 24" {...svgProps} strokeWidth={1.6}>
      <path d="M2.5 6.5 V18.5 H21.5 V8.5 H11 L9 5.5 H3.5 Z" />
    </svg>
  );
}

export function GlobeGlyph(): JSX.Element {
  return (
    <svg viewBox="0 0 24 24" {...svgProps} strokeWidth={1.6}>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12 H21 M12 3 C15 6 15 18 12 21 M12 3 C9 6 9 18 12 21" />
    </svg>
  );
}

export function MailGlyph(): JSX.Element {
  return (
    <svg viewBox="0 0 24 24" {...svgProps} strokeWidth={1.6}>
      <rect x="3" y="5.5" width="18" height="13" rx="1.5" />
      <path d="M3.5 6.5 L12 13 L20.5 6.5" />
    </svg>
  );
}

export function SearchGlyph(): JSX.Element {
  return (
    <svg viewBox="0 0 24 24" {...svgProps} strokeWidth={1.8}>
      <circle cx="10.5" cy="10.5" r="6" />
      <path d="M15 15 L20 20" />
    </svg>
  );
}
