// 投诉详情: one case as the agent works it. The header carries who holds the case, the tags and
// the lifecycle actions; below, what was asked and the evidence on the left, and on the right the
// work panel (reply / internal note) right above the processing chain it adds to. The page stays
// live: a change by someone else refreshes it and says so.
import { ArrowLeftOutlined, SyncOutlined } from '@ant-design/icons';
import { Card, Col, Grid, Row, Skeleton, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAuth } from '../../app/auth';
import type { LiveChange } from '../../app/types';
import { ErrorResult } from '../../shared/ErrorResult';
import { LinkButton } from '../../shared/LinkButton';
import { useFormatDateTime } from '../../shared/text';
import { CollectiveCard } from '../case-extras/CollectiveCard';
import { ExternalCasesCard } from '../case-extras/ExternalCasesCard';
import { MerchantCaseCard } from '../case-extras/MerchantCaseCard';
import { useOthersChanges } from '../casework/live';
import { WorkPanel } from '../casework/WorkPanel';
import { SlaCard } from '../sla/SlaCard';
import { useComplaint } from './api';
import { CaseCard } from './CaseCard';
import { ComplaintHeader } from './ComplaintHeader';
import { EvidenceCard } from './EvidenceCard';
import { TimelineCard } from './TimelineCard';
import { useEventTypeLabel } from './timelineLabels';
import '../casework/casework.css';
import './console-complaints.css';

function LiveNote({
  change,
  onClose,
}: {
  change: LiveChange & { at: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const typeLabel = useEventTypeLabel();
  const what = change.type ? typeLabel(change.type) : '';
  return (
    <Tooltip title={t('caseWork.live.updatedHelp', { at: formatDateTime(change.at) })}>
      <Tag
        color="processing"
        icon={<SyncOutlined />}
        closable
        onClose={onClose}
        style={{ marginInlineEnd: 0 }}
        data-testid="live-note"
      >
        {what ? t('caseWork.live.updatedWhat', { what }) : t('caseWork.live.updated')}
      </Tag>
    </Tooltip>
  );
}

export default function ComplaintPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { number = '' } = useParams();
  const query = useComplaint(number);
  const screens = Grid.useBreakpoint();
  const [changed, setChanged] = useState<(LiveChange & { at: string }) | null>(null);
  const live = useOthersChanges(number, query.data?.version ?? 0, (change) =>
    setChanged({ ...change, at: new Date().toISOString() }),
  );

  const back = (
    <LinkButton
      to="/console/complaints"
      type="link"
      icon={<ArrowLeftOutlined />}
      style={{ paddingInline: 0, marginBottom: 8 }}
      data-testid="back-to-list"
    >
      {t('consoleComplaints.list.title')}
    </LinkButton>
  );

  if (query.isPending) {
    return (
      <>
        {back}
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        {back}
        <Card>
          <ErrorResult error={query.error} onRetry={() => void query.refetch()} />
        </Card>
      </>
    );
  }

  const complaint = query.data;
  const refresh = async () => (await query.refetch()).data;
  const onChanged = () => void query.refetch();
  const work = can('complaints.work') ? (
    <WorkPanel complaint={complaint} refresh={refresh} />
  ) : null;
  // Side by side from xl up; on narrower screens the work panel follows the header directly.
  const wide = screens.xl !== false;

  return (
    <div data-testid="complaint-page" data-live={live}>
      {back}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <ComplaintHeader
            complaint={complaint}
            refresh={refresh}
            liveNote={changed && <LiveNote change={changed} onClose={() => setChanged(null)} />}
          />
        </Card>
        {!wide && work}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <CaseCard complaint={complaint} />
              <SlaCard complaint={complaint} />
              <EvidenceCard complaint={complaint} />
              <MerchantCaseCard complaint={complaint} onChanged={onChanged} />
              <ExternalCasesCard complaint={complaint} onChanged={onChanged} />
              <CollectiveCard complaint={complaint} onChanged={onChanged} />
            </Space>
          </Col>
          <Col xs={24} xl={9}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              {wide && work}
              <TimelineCard events={complaint.timeline} />
            </Space>
          </Col>
        </Row>
      </Space>
    </div>
  );
}
