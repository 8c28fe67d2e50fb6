/**
 * Tells the operator that the requested scenario was refused and the default one is running.
 */
import type { JSX } from 'react';
import { useUiStore } from '../store/uiStore';
import { UI_TEXT } from '../strings';

export function ProblemBanner({ problem }: { problem: string | null }): JSX.Element | null {
  const dismissed = useUiStore((s) => s.dismissedProblem);
  const problemDismissed = useUiStore((s) => s.problemDismissed);
  if (problem === null || problem === dismissed) return null;
  return (
    <div className="problem-banner" role="alert" data-testid="scenario-problem">
      <div className="problem-text">
        <p className="problem-title">{UI_TEXT.problemTitle}</p>
        <p className="problem-detail">{problem}</p>
      </div>
      <button type="button" className="problem-dismiss" onClick={() => problemDismissed(problem)}>
        {UI_TEXT.problemDismiss}
      </button>
    </div>
  );
}
