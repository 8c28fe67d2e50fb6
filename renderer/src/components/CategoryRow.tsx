/**
 * One ESP category ("phase") row: glyph with status badge, title, status text, progress bar while running,
 * and the Show details / Hide details toggle revealing the sub-item lines (§1.5, §1.6).
 */
import { useRef } from 'react';
import type { JSX } from 'react';
import type { PhaseView, Look } from '../../../shared/snapshot';
import { useUiStore } from '../store/uiStore';
import { UI_TEXT } from '../strings';
import { CategoryGlyph, Chevron, StatusBadge } from './glyphs';

interface CategoryRowProps {
  phase: PhaseView;
  look: Look;
}

function badgeFor(phase: PhaseView): 'success' | 'failure' | null {
  if (phase.status === 'succeeded') return 'success';
  if (phase.status === 'failed') return 'failure';
  return null;
}

export function CategoryRow({ phase, look }: CategoryRowProps): JSX.Element {
  const expanded = useUiStore((s) => s.expanded[phase.id]);
  const detailsToggled = useUiStore((s) => s.detailsToggled);
  const running = phase.status === 'inProgress' || phase.status === 'identifying';
  const badge = badgeFor(phase);
  const itemsId = `items-${phase.id}`;
  const titleId = `title-${phase.id}`;
  const toggleText = expanded ? UI_TEXT.hideDetails : UI_TEXT.showDetails;
  const rowRef = useRef<HTMLLIElement>(null);

  const onToggle = (): void => {
    detailsToggled(phase.id);
    // The content box scrolls (§1.6): bring newly shown details into view on short screens.
    if (!expanded) requestAnimationFrame(() => rowRef.current?.scrollIntoView({ block: 'nearest' }));
  };

  const toggle = (
    <button
      type="button"
      className="details-toggle"
      aria-expanded={expanded}
      aria-controls={itemsId}
      aria-label={`${phase.title} ${toggleText}`}
      data-testid={`toggle-${phase.id}`}
      onClick={onToggle}
    >
      {look === 'windows11' ? <Chevron up={expanded} /> : toggleText}
    </button>
  );

  return (
    <li ref={rowRef} className="category" data-testid={`phase-${phase.id}`} data-status={phase.status}>
      <div className="category-glyph">
        <CategoryGlyph phase={phase.id} />
        {badge && <StatusBadge kind={badge} />}
      </div>
      <div className="category-body">
        <div className="category-heading">
          <div>
            <h2 className="category-title" id={titleId}>
              {phase.title}
            </h2>
            <p className="category-status" data-testid={`phase-status-${phase.id}`}>
              {phase.statusText}
            </p>
          </div>
          {look === 'windows11' && toggle}
        </div>
        {running && (
          <div
            className="progress"
            role="progressbar"
            aria-label={UI_TEXT.runningProgressLabel(phase.title)}
            data-testid={`progress-${phase.id}`}
          >
            <span className="progress-dot" />
            <span className="progress-dot" />
            <span className="progress-dot" />
            <span className="progress-dot" />
            <span className="progress-dot" />
          </div>
        )}
        {look === 'windows10' && toggle}
        <ul className="category-items" id={itemsId} hidden={!expanded}>
          {phase.items.map((item) => (
            <li key={item.id} data-testid={`item-${phase.id}-${item.id}`} data-status={item.status}>
              {item.text}
            </li>
          ))}
        </ul>
      </div>
    </li>
  );
}
