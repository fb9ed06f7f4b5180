// One complaint as its complainant sees it; the logged-in page adds action cards, tracking
// without login shows it read-only.
import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../../app/types';
import { useLocalText } from '../../../shared/text';
import { ComplaintFacts } from './ComplaintFacts';
import { ComplaintTimeline } from './ComplaintTimeline';
import { EvidenceList } from './EvidenceList';
import { StageCard } from './StageCard';
import { WhereCard } from './WhereCard';

interface Props {
  complaint: ComplaintDetail;
  /** Cards for what the person may do now, shown right under the stage. */
  actions?: ReactNode;
  /** Shown under the evidence list, e.g. a way to add more. */
  evidenceExtra?: ReactNode;
  /** Tracking without login: no thumbnails or chain check, which need a session. */
  readOnly?: boolean;
}

export function ComplaintView({ complaint, actions, evidenceExtra, readOnly = false }: Props) {
  const { t } = useTranslation();
  const local = useLocalText();
  const p = 'portalComplaints.view';
  const labels = Object.fromEntries(
    complaint.rules.requiredEvidence.map((item) => [item.key, local(item.label)]),
  );
  return (
    <div className="cx-stack" data-testid="complaint-view">
      <StageCard complaint={complaint} />
      {actions}
      <WhereCard complaint={complaint} />
      <Card title={t(`${p}.timeline`)} size="small">
        <ComplaintTimeline events={complaint.timeline} />
      </Card>
      <Card title={t(`${p}.facts`)} size="small">
        <ComplaintFacts complaint={complaint} />
      </Card>
      <Card
        title={t(`${p}.evidence`, { count: complaint.evidence.length })}
        size="small"
        data-testid="evidence-card"
      >
        <EvidenceList
          number={complaint.number}
          items={complaint.evidence}
          labels={labels}
          canVerify={!readOnly}
          showImages={!readOnly}
        />
        {evidenceExtra}
      </Card>
    </div>
  );
}
