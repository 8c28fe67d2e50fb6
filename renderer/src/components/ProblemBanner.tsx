/**
 * Tells the operator that the requested scenario was refused and the default one is running, and lists what
 * validating it noticed (warnings: a misspelt Graph property, a setting Intune greys out), one quieter line each.
 * A valid scenario with warnings runs; the banner then only lists them, politely (role="status").
 */
import type { JSX } from 'react';
import { useUiStore } from '../store/uiStore';
import { UI_TEXT } from '../strings';

/** More lines would hide the screen under review; `esp-sim validate` lists them all. */
const MAX_WARNINGS_SHOWN = 5;

export function ProblemBanner({
  problem,
  warnings = [],
}: {
  problem: string | null;
  warnings?: readonly string[];
}): JSX.Element | null {
  const dismissed = useUiStore((s) => s.dismissedProblem);
  const problemDismissed = useUiStore((s) => s.problemDismissed);
  // What the banner says, as one key: something new to say shows it again after a dismissal.
  const content = [problem ?? '', ...warnings].join('\n');
  if ((problem === null && warnings.length === 0) || content === dismissed) return null;
  const shown = warnings.slice(0, MAX_WARNINGS_SHOWN);
  const hidden = warnings.length - shown.length;
  return (
    <div
      className={problem === null ? 'problem-banner problem-banner-warnings' : 'problem-banner'}
      role={problem === null ? 'status' : 'alert'}
      data-testid={problem === null ? 'scenario-warnings' : 'scenario-problem'}
    >
      <div className="problem-text">
        <p className="problem-title">{problem === null ? UI_TEXT.warningsTitle : UI_TEXT.problemTitle}</p>
        {problem !== null && <p className="problem-detail">{problem}</p>}
        {shown.length > 0 && (
          <ul className="problem-warnings" aria-label={UI_TEXT.warningsLabel}>
            {shown.map((warning, i) => (
              <li key={`${i}:${warning}`}>{warning}</li>
            ))}
            {hidden > 0 && <li>{UI_TEXT.moreWarnings(hidden)}</li>}
          </ul>
        )}
      </div>
      <button type="button" className="problem-dismiss" onClick={() => problemDismissed(content)}>
        {UI_TEXT.problemDismiss}
      </button>
    </div>
  );
}
