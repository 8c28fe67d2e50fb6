/**
 * Windows quality updates at the end of OOBE (§1.13): checking, downloading X%, installing X%, then a restart.
 * The reference has the page's node names only; the wording is ours ([I], docs/fidelity.md).
 */
import type { JSX } from 'react';
import type { Look, ScreenView } from '../../../shared/snapshot';
import { OobeFrame } from '../components/OobeFrame';
import { Spinner } from '../components/Spinner';
import { useT } from '../i18n';
import '../styles/transition.css';

type QualityView = Extract<ScreenView, { kind: 'qualityUpdates' }>;

export function QualityUpdatesScreen({ look, view }: { look: Look; view: QualityView }): JSX.Element {
  const { stage } = view;
  const t = useT();
  const percent = Math.max(0, Math.min(100, Math.round(view.percent)));
  const counted = stage === 'downloading' || stage === 'installing';
  const stageTitle = t(`quality.title.${stage}`);
  const title = counted ? t('quality.titlePercent', { title: stageTitle, percent }) : stageTitle;

  return (
    <OobeFrame
      screen="qualityUpdates"
      look={look}
      title={title}
      data={{ 'data-stage': stage, 'data-percent': String(percent) }}
      lead={<p className="oobe-lead">{t('quality.lead')}</p>}
    >
      <div className="quality-body">
        {counted ? (
          <div
            className="quality-bar"
            role="progressbar"
            aria-label={t('quality.progressLabel')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            data-testid="quality-progress"
          >
            <span style={{ width: `${percent}%` }} />
          </div>
        ) : (
          <div className="quality-spinner">
            <Spinner />
          </div>
        )}
        {stage !== 'restarting' && <p className="quality-note">{t('quality.restartNote')}</p>}
      </div>
    </OobeFrame>
  );
}
