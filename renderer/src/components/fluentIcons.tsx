/**
 * Fluent System Icons (MIT, `@fluentui/svg-icons`), the open twins of the Windows glyphs the screens show.
 *
 * Each icon is imported on its own as raw SVG text (so only these few reach the bundle), reduced to its path data
 * once, and drawn as inline SVG in `currentColor`. Every icon is decorative: the text beside it carries the meaning.
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

export const ICONS = {
  accessibility: parse(accessibility20),
  apps: parse(apps24),
  arrowRight: parse(arrowRight20),
  checkmark: parse(checkmark12),
  chevronDown: parse(chevronDown16),
  chevronUp: parse(chevronUp16),
  clock: parse(clock12),
  dismiss: parse(dismiss12),
  folder: parse(folder24),
  globe: parse(globe24),
  mail: parse(mail24),
  people20: parse(people20),
  people48: parse(people48),
  person: parse(person48),
  phoneLaptop20: parse(phoneLaptop20),
  phoneLaptop32: parse(phoneLaptop32),
  power: parse(power20),
  search: parse(search24),
  settings20: parse(settings20),
  settings48: parse(settings48),
  warning: parse(warning16),
  wifi: parse(wifi20),
} as const;

export type IconName = keyof typeof ICONS;

interface FluentIconProps {
  name: IconName;
  className?: string;
}

/** One Fluent icon, decorative, in the text colour. */
export function FluentIcon({ name, className }: FluentIconProps): JSX.Element {
  const icon = ICONS[name];
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
  const icon = ICONS[name];
  return (
    <svg x={x} y={y} width={size} height={size} viewBox={icon.viewBox} className={className}>
      {icon.paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
