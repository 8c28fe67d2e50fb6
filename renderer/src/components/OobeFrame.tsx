/**
 * The frame of a full-screen OOBE page other than the ESP (quality updates, the pre-provisioning pages): the
 * same two personalities as the ESP (§1.6). `windows10` is the Inclusive Blue page, title top-left, links
 * bottom-left and buttons bottom-right; `windows11` is the Lite White card on a light backdrop.
 */
import type { JSX, ReactNode } from 'react';
import type { Look } from '../../../shared/snapshot';
import { OobeChrome } from './OobeChrome';
import '../styles/esp.css';
import '../styles/oobe.css';

interface OobeFrameProps {
  screen: string;
  look: Look;
  title: ReactNode;
  lead?: ReactNode;
  children?: ReactNode;
  links?: ReactNode;
  buttons?: ReactNode;
  /** Extra class on <main>, e.g. the result page's success or failure colour. */
  className?: string;
  /** Extra data attributes for tests (`data-stage`, `data-success`...). */
  data?: Record<`data-${string}`, string>;
}

export function OobeFrame({
  screen,
  look,
  title,
  lead,
  children,
  links,
  buttons,
  className,
  data,
}: OobeFrameProps): JSX.Element {
  return (
    <main
      data-screen={screen}
      data-look={look}
      className={`oobe look-${look}${className ? ` ${className}` : ''}`}
      {...data}
    >
      <div className="oobe-page">
        <div className="oobe-frame">
          <header className="oobe-header">
            <h1 className="oobe-title" data-testid="oobe-title">
              {title}
            </h1>
            {lead}
          </header>
          <div className="oobe-content">{children}</div>
          <div className="oobe-spacer" />
          {(links !== undefined || buttons !== undefined) && (
            <footer className="oobe-footer">
              <div className="oobe-footer-links">{links}</div>
              <div className="oobe-footer-buttons">{buttons}</div>
            </footer>
          )}
          {look === 'windows10' && <OobeChrome />}
        </div>
        {look === 'windows11' && <OobeChrome />}
      </div>
    </main>
  );
}
