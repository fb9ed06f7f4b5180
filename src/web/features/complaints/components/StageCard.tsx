// Where the complaint stands, in plain words: the stage, what it means, when it should be done,
// and the latest handling opinion.
import { ClockCircleOutlined } from '@ant-design/icons';
import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail, ComplaintStatus } from '../../../app/types';
import { OPEN_STATUSES } from '../../../app/types';
import { PriorityTag } from '../../../shared/PriorityTag';
import { useFormatDateTime, useLocalText } from '../../../shared/text';
import { ComplaintNumber } from './ComplaintNumber';
import '../../sla/clocks.css';

/** Whose move it is, at a glance: ours (blue), theirs (orange), done (green), ended. */
function dotClass(status: ComplaintStatus): string {
  if (status === 'awaiting_materials') return 'cx-stage-dot cx-stage-dot-wait';
  if (status === 'resolved') return 'cx-stage-dot cx-stage-dot-done';
  if (status === 'rejected') return 'cx-stage-dot cx-stage-dot-bad';
  if (status === 'closed') return 'cx-stage-dot cx-stage-dot-stop';
  return 'cx-stage-dot';
}

export function StageCard({ complaint, extra }: { complaint: ComplaintDetail; extra?: ReactNode }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const formatTime = useFormatDateTime();
  const p = 'portalComplaints.stage';
  const open = OPEN_STATUSES.includes(complaint.status);
  const eta = complaint.estimatedCompletion;
  const opinion = complaint.latestOpinion;
  return (
    <Card className="cx-stage" data-testid="stage-card">
      <div className="cx-stage-top">
        <ComplaintNumber number={complaint.number} size="normal" />
        <PriorityTag priority={complaint.priority} />
      </div>
      <div className="cx-stage-type">
        {local(complaint.categoryName)} · {local(complaint.typeName)}
      </div>
      <div className="cx-stage-label">
        <span className={dotClass(complaint.status)} aria-hidden="true" />
        <span data-testid="stage-label">{local(complaint.stage.label)}</span>
      </div>
      <div className="cx-stage-explain">{local(complaint.stage.explanation)}</div>
      {open && eta && (
        <div className="cx-stage-eta" data-testid="stage-eta">
          <ClockCircleOutlined />
          <span>
            {t(`${p}.eta`, { time: formatTime(eta.at) })}
            <span className="slc-portal-eta-basis">{t('slaClocks.portal.etaBasis')}</span>
          </span>
        </div>
      )}
      {opinion && (
        <div className="cx-opinion" data-testid="latest-opinion">
          <div className="cx-opinion-head">
            {t(`${p}.latestOpinion`)}
            <span className="cx-muted">
              {opinion.by} · {formatTime(opinion.at)}
            </span>
          </div>
          <div className="cx-opinion-text">{opinion.text}</div>
        </div>
      )}
      <div className="cx-stage-foot cx-muted">
        {t(`${p}.filedAt`, { time: formatTime(complaint.createdAt) })}
      </div>
      {extra}
    </Card>
  );
}
