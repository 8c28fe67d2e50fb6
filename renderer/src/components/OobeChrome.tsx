/**
 * The system icons Windows keeps in a bottom corner of OOBE and the sign-in screen: accessibility, network and
 * power. Here they are pictures only (aria-hidden, never focused): a simulation has no settings behind them, and
 * leaving them out of the Tab order keeps the page's keyboard order that of the page itself.
 */
import type { JSX } from 'react';
import { FluentIcon } from './fluentIcons';

/** OOBE lists accessibility first; the sign-in screen starts with the network. */
const ORDER = {
  oobe: ['accessibility', 'wifi', 'power'],
  signIn: ['wifi', 'accessibility', 'power'],
} as const;

export function OobeChrome({
  className,
  order = 'oobe',
}: {
  className?: string;
  order?: keyof typeof ORDER;
}): JSX.Element {
  return (
    <div className={`oobe-chrome${className ? ` ${className}` : ''}`} aria-hidden="true" data-testid="oobe-chrome">
      {ORDER[order].map((name) => (
        <FluentIcon key={name} name={name} />
      ))}
    </div>
  );
}
