// Complaints waiting on staff, with a way straight into the list filtered to them.
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OPEN_STATUSES, type ComplaintStatus } from '../../app/types';
import { useComplaintCount } from '../console-complaints/api';

const NOT_STARTED: readonly ComplaintStatus[] = ['submitted', 'accepted'];

function listLink(statuses: readonly ComplaintStatus[]): string {
  return `/console/complaints?status=${statuses.join(',')}`;
}

function Count({
  statuses,
  title,
  testId,
}: {
  statuses: readonly ComplaintStatus[];
  title: string;
  testId: string;
}) {
  const count = useComplaintCount(statuses);
  return (
    <Link to={listLink(statuses)} data-testid={testId}>
      <Statistic title={title} value={count.data ?? '—'} loading={count.isPending} />
    </Link>
  );
}

export function OpenComplaintsCard() {
  const { t } = useTranslation();
  return (
    <Card
      title={t('consoleComplaints.dashboard.title')}
      extra={<Link to="/console/complaints">{t('consoleComplaints.dashboard.all')}</Link>}
      data-testid="open-complaints-card"
    >
      <Row gutter={16}>
        <Col span={12}>
          <Count
            statuses={OPEN_STATUSES}
            title={t('consoleComplaints.dashboard.open')}
            testId="open-complaints-count"
          />
        </Col>
        <Col span={12}>
          <Count
            statuses={NOT_STARTED}
            title={t('consoleComplaints.dashboard.notStarted')}
            testId="new-complaints-count"
          />
        </Col>
      </Row>
    </Card>
  );
}
