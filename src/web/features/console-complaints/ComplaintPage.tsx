// 投诉详情: one case as the agent works it. Header with the actions on top, then what was
// asked and the evidence on the left, the processing chain on the right.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorResult } from '../../shared/ErrorResult';
import { LinkButton } from '../../shared/LinkButton';
import { useComplaint } from './api';
import { CaseCard } from './CaseCard';
import { ComplaintHeader } from './ComplaintHeader';
import { EvidenceCard } from './EvidenceCard';
import { TimelineCard } from './TimelineCard';
import './console-complaints.css';

export default function ComplaintPage() {
  const { t } = useTranslation();
  const { number = '' } = useParams();
  const query = useComplaint(number);

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
  return (
    <div data-testid="complaint-page">
      {back}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <ComplaintHeader complaint={complaint} />
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <CaseCard complaint={complaint} />
              <EvidenceCard complaint={complaint} />
            </Space>
          </Col>
          <Col xs={24} xl={9}>
            <TimelineCard events={complaint.timeline} />
          </Col>
        </Row>
      </Space>
    </div>
  );
}
