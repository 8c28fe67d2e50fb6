/**
 * A small viewer for one file of the log bundle: every line with its number, the cited line highlighted and
 * scrolled into view. Opened from an evidence line of "What went wrong".
 */
import { useEffect, useId, useRef } from 'react';
import type { JSX } from 'react';
import type { RunViewFile } from '../../../../shared/runView';

export function FileViewer(props: { file: RunViewFile; line: number; onClose(): void }): JSX.Element {
  const { file, line } = props;
  const cited = useRef<HTMLLIElement>(null);
  const heading = useId();
  useEffect(() => {
    cited.current?.scrollIntoView({ block: 'center' });
  }, [file, line]);
  return (
    <section className="rv-viewer operator-card" aria-labelledby={heading} data-testid="rv-viewer">
      <div className="op-section-head">
        <h3 id={heading}>
          {file.name}, line {line}
        </h3>
        <button type="button" className="op-button" onClick={props.onClose}>
          Close file
        </button>
      </div>
      {/* A scrolling region a keyboard can reach. */}
      <ol className="rv-lines" tabIndex={0} aria-label={`${file.name}, line ${line} highlighted`}>
        {file.lines.map((text, i) => {
          const number = i + 1;
          const isCited = number === line;
          return (
            <li
              key={number}
              ref={isCited ? cited : undefined}
              data-line={number}
              data-cited={isCited ? 'true' : undefined}
              aria-current={isCited ? 'true' : undefined}
            >
              <span className="rv-line-number" aria-hidden="true">
                {number}
              </span>
              <code>{text}</code>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
