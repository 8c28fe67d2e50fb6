/**
 * Fluent System Icons (MIT, `@fluentui/svg-icons`), the open twins of the Windows glyphs the screens show.
 *
 * Each icon is imported on its own as raw SVG text (so only these few reach the bundle), reduced to its path data
 * on first use, and drawn as inline SVG in `currentColor`. Every icon is decorative: the text beside it carries the meaning.
 */
import type { JSX } from 'react';
import accessibility20 from '@fluentui/svg-icons/icons/accessibility_20_regular.svg?raw';
import apps24 from '@fluentui/svg-icons/icons/apps_24_regular.svg?raw';
import arrowRight20 from '@fluentui/svg-icons/icons/arrow_right_20_regular.svg?raw';
import checkmark12 from '@fluentui/svg-icons/icons/checkmark_12_filled.svg?raw';
import chevronDown16 from '@fluentui/svg-icons/icons/chevron_down_16_regular.svg?raw';
import chevronUp16 from '@fluentui/svg-icons/icons/chevron_up_16_regular.svg?raw';
import clock12 from '@fluentui/svg-icons/icons/clock_12_regular.svg?raw';
import dismiss12 from '@fluentui/svg-icons/icons/dismiss_12_filled.svg?raw';
import folder24 from '@fluentui/svg-icons/icons/folder_24_regular.svg?raw';
import globe24 from '@fluentui/svg-icons/icons/globe_24_regular.svg?raw';
import mail24 from '@fluentui/svg-icons/icons/mail_24_regular.svg?raw';
import people20 from '@fluentui/svg-icons/icons/people_20_regular.svg?raw';
import people48 from '@fluentui/svg-icons/icons/people_48_regular.svg?raw';
import person48 from '@fluentui/svg-icons/icons/person_48_regular.svg?raw';
import phoneLaptop20 from '@fluentui/svg-icons/icons/phone_laptop_20_regular.svg?raw';
import phoneLaptop32 from '@fluentui/svg-icons/icons/phone_laptop_32_regular.svg?raw';
import power20 from '@fluentui/svg-icons/icons/power_20_regular.svg?raw';
import search24 from '@fluentui/svg-icons/icons/search_24_regular.svg?raw';
import settings20 from '@fluentui/svg-icons/icons/settings_20_regular.svg?raw';
import settings48 from '@fluentui/svg-icons/icons/settings_48_regular.svg?raw';
import warning16 from '@fluentui/svg-icons/icons/warning_16_filled.svg?raw';
import wifi20 from '@fluentui/svg-icons/icons/wifi_1_20_regular.svg?raw';

export interface IconData {
  viewBox: string;
  paths: string[];
}

/** The viewBox and path data of one Fluent SVG file (each holds a single `<svg>` of `<path d>` elements). */
function parse(raw: string): IconData {
  const viewBox = /viewBox="([^"]+)"/.exec(raw)?.[1] ?? '0 0 24 24';
  const paths = [...raw.matchAll(/<path[^>]*\sd="([^"]+)"/g)].map((match) => match[1]!);
  return { viewBox, paths };
}

/** The raw SVG text of each icon, read into path data on first use (iconData). */
const RAW = {
  accessibility: accessibility20,
  apps: apps24,
  arrowRight: arrowRight20,
  checkmark: checkmark12,
  chevronDown: chevronDown16,
  chevronUp: chevronUp16,
  clock: clock12,
  dismiss: dismiss12,
  folder: folder24,
  globe: globe24,
  mail: mail24,
  people20: people20,
  people48: people48,
  person: person48,
  phoneLaptop20: phoneLaptop20,
  phoneLaptop32: phoneLaptop32,
  power: power20,
  search: search24,
  settings20: settings20,
  settings48: settings48,
  warning: warning16,
  wifi: wifi20,
} as const;

export type IconName = keyof typeof RAW;

const parsed = new Map<IconName, IconData>();

/**
 * The viewBox and paths of `name`, parsed once on first use: parsing all of them as the page loaded was about a
 * millisecond of the ESP's first frame (bench/renderer), for icons most screens never draw.
 */
export function iconData(name: IconName): IconData {
  let icon = parsed.get(name);
  if (!icon) {
    icon = parse(RAW[name]);
    parsed.set(name, icon);
  }
  return icon;
}

interface FluentIconProps {
  name: IconName;
  className?: string;
}

/** One Fluent icon, decorative, in the text colour. */
export function FluentIcon({ name, className }: FluentIconProps): JSX.Element {
  const icon = iconData(name);
  return (
    <svg viewBox={icon.viewBox} aria-hidden="true" focusable="false" fill="currentColor" className={className}>
      {icon.paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

/** An icon drawn at `x, y` with `size` inside a larger SVG (a white mark on a coloured disc). */
export function IconMark({
  name,
  x,
  y,
  size,
  className,
}: FluentIconProps & { x: number; y: number; size: number }): JSX.Element {
  const icon = iconData(name);
  return (
    <svg x={x} y={y} width={size} height={size} viewBox={icon.viewBox} className={className}>
      {icon.paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
