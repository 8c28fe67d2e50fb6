/**
 * One ESP category ("phase") row, as the two CXH category views draw it (§1.5, §1.6):
 *
 * - Inclusive Blue (`bootstrapstatuscategoryview.js`): 48 px glyph with the success/failure badge; the title in
 *   Semibold with `Show details` on the same line (shown once the category has started, so not while it waits or
 *   reads Previous step failed); the status line at 0.6 opacity (a failure in yellow at full opacity); the
 *   progress dots under the status while it runs; the sub-item lines at 0.6.
 * - Lite (`bootstrapstatuscategoryview-lite.js`): a 20 px glyph, the 20 px regular title and the chevron on the
 *   first line; on the second a 14 px status disc inline before the 15 px status text; the progress bar; the
 *   sub-item lines, all at 0.6.
 */
import { useRef } from 'react';
import type { JSX } from 'react';
import type { PhaseView, Look } from '../../../shared/snapshot';
import { useT } from '../i18n';
import { itemRowWords, phaseTitleWords } from '../i18n/words';
import { useUiStore } from '../store/uiStore';
import { CategoryGlyph, Chevron, StatusDisc } from './glyphs';

interface CategoryRowProps {
  phase: PhaseView;
  look: Look;
}

function discFor(phase: PhaseView): 'success' | 'failure' | null {
  if (phase.status === 'succeeded') return 'success';
  if (phase.status === 'failed') return 'failure';
  return null;
}

/**
 * CXH `categoryStateHidesSubcategories`: the Inclusive Blue details button waits until the category has run. Read
 * from what the category says, not its status: a category that will not run (`notRun`: Account setup in
 * self-deploying, or after an earlier failure) reads Waiting or Previous step failed too.
 */
function hidesDetails(phase: PhaseView): boolean {
  return phase.statusKey === 'waiting' || phase.statusKey === 'previousStepFailed';
}

function ProgressDots({ phase, title }: { phase: PhaseView; title: string }): JSX.Element {
  const t = useT();
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={t('esp.runningProgressLabel', { category: title })}
      data-testid={`progress-${phase.id}`}
    >
      <span className="progress-dot" />
      <span className="progress-dot" />
      <span className="progress-dot" />
      <span className="progress-dot" />
      <span className="progress-dot" />
    </div>
  );
}

export function CategoryRow({ phase, look }: CategoryRowProps): JSX.Element {
  const expanded = useUiStore((s) => s.expanded[phase.id]);
  const detailsToggled = useUiStore((s) => s.detailsToggled);
  // Collapsed lists are filled in after the first frame (uiStore.firstFrameShown); shown ones at once.
  const drawItems = useUiStore((s) => s.firstFrameShown) || expanded;
  const t = useT();
  const title = phaseTitleWords(t, phase.id);
  const running = phase.status === 'inProgress' || phase.status === 'identifying';
  const disc = discFor(phase);
  const itemsId = `items-${phase.id}`;
  const toggleText = expanded ? t('esp.hideDetails') : t('esp.showDetails');
  const rowRef = useRef<HTMLLIElement>(null);
  const lite = look === 'windows11';

  const onToggle = (): void => {
    detailsToggled(phase.id);
    // The content box scrolls (§1.6): bring newly shown details into view on short screens.
    if (!expanded) requestAnimationFrame(() => rowRef.current?.scrollIntoView({ block: 'nearest' }));
  };

  const showToggle = lite || !hidesDetails(phase);
  const toggle = showToggle && (
    <button
      type="button"
      className="details-toggle"
      aria-expanded={expanded}
      aria-controls={itemsId}
      aria-label={`${title} ${toggleText}`}
      data-testid={`toggle-${phase.id}`}
      onClick={onToggle}
    >
      {lite ? <Chevron up={expanded} /> : toggleText}
    </button>
  );

  const items = (
    <ul className="category-items" id={itemsId} hidden={!expanded}>
      {drawItems &&
        phase.items.map((item) => (
          <li key={item.id} data-testid={`item-${phase.id}-${item.id}`} data-status={item.status}>
            {itemRowWords(t, item)}
          </li>
        ))}
    </ul>
  );

  return (
    <li ref={rowRef} className="category" data-testid={`phase-${phase.id}`} data-status={phase.status}>
      <div className="category-glyph">
        <CategoryGlyph phase={phase.id} look={look} />
        {!lite && disc && <StatusDisc kind={disc} className="badge" />}
      </div>
      <div className="category-heading">
        <h2 className="category-title">{title}</h2>
        {toggle}
      </div>
      <p className="category-status" data-testid={`phase-status-${phase.id}`}>
        {lite && disc && <StatusDisc kind={disc} className="status-disc-inline" />}
        <span className="category-status-text">{t(`esp.status.${phase.statusKey}`)}</span>
      </p>
      {running && <ProgressDots phase={phase} title={title} />}
      {items}
    </li>
  );
}
