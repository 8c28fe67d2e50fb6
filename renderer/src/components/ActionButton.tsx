/**
 * One action of an OOBE footer (§1.9, §7.6): a hyperlink-styled button bottom-left or a button
 * bottom-right. It performs an action rather than navigating, so it is a <button> either way.
 */
import type { JSX, Ref } from 'react';

export interface ActionButtonProps {
  action: string;
  label: string;
  placement: 'link' | 'button';
  primary?: boolean;
  disabled?: boolean;
  onClick(): void;
  ref?: Ref<HTMLButtonElement>;
}

export function ActionButton({
  action,
  label,
  placement,
  primary = false,
  disabled,
  onClick,
  ref,
}: ActionButtonProps): JSX.Element {
  const className = placement === 'link' ? 'link-button' : primary ? 'button button-primary' : 'button';
  return (
    <button
      ref={ref}
      type="button"
      className={className}
      data-testid={`action-${action}`}
      data-placement={placement}
      disabled={disabled}
      onClick={onClick}
    >
      {label}
    </button>
  );
}
