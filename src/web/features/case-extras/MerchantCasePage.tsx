// 投诉处理 (merchant): one complaint as the merchant sees it — masked, public timeline only — with
// the reply deadline, the reply box, the remedy form and the remedies offered so far.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { OPEN_STATUSES, type ComplaintDetail, type MerchantPhase } from '../../app/types';
import { LinkButton } from '../../shared/LinkButton';
import { PriorityTag } from '../../shared/PriorityTag';
import { QueryState } from '../../shared/QueryState';
import { useFormatDateTime, useLocalText } from '../../shared/text';
import { StatusTag } from '../console-complaints/tags';
import { TimelineCard } from '../console-complaints/TimelineCard';
import { useMerchantComplaint } from './api';
import { ReplyCard, RemedyFormCard } from './MerchantAnswer';
import { PhaseTag, ReplyDue } from './parts';
import { RemedyList } from './RemedyList';
import '../console-complaints/console-complaints.css';
import './case-extras.css';

/** Once the platform arbitrates, or the complainant has taken a remedy, the merchant is done. */
const CLOSED_PHASES: readonly MerchantPhase[] = ['remedy_accepted', 'arbitration', 'arbitrated'];
/** A remedy may be offered once nothing else is waiting for the complainant's answer. */
const REMEDY_PHASES: readonly MerchantPhase[] = ['awaiting_reply', 'replied'];

function Header({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const formatDateTime = useFormatDateTime();
  const merchant = complaint.merchant;
  return (
    <Card data-testid="merchant-case-header">
      <div className="ce-head">
        <Typography.Title
          level={4}
          className="ce-number"
          copyable={{ text: complaint.number }}
          data-testid="complaint-number"
        >
          {complaint.number}
        </Typography.Title>
        <StatusTag status={complaint.status} />
        <PhaseTag phase={merchant?.phase ?? null} />
        <PriorityTag priority={complaint.priority} />
      </div>
      <div className="ce-meta">
        <span>
          {t('caseExtras.field.type')}
          {t('caseExtras.colon')}
          <b>
            {local(complaint.categoryName)} / {local(complaint.typeName)}
          </b>
        </span>
        {merchant?.shop && (
          <span>
            {t('caseExtras.field.shop')}
            {t('caseExtras.colon')}
            <b>{merchant.shop}</b>
          </span>
        )}
        <span>
          {t('caseExtras.field.createdAt')}
          {t('caseExtras.colon')}
          <b>{formatDateTime(complaint.createdAt)}</b>
        </span>
        {merchant && (
          <span data-testid="merchant-due">
            {t('caseExtras.field.replyDue')}
            {t('caseExtras.colon')}
            <ReplyDue item={merchant} />
          </span>
        )}
      </div>
    </Card>
  );
}

function Facts({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const items: DescriptionsProps['items'] = [
    {
      key: 'description',
      label: t('caseExtras.field.description'),
      span: 2,
      children: <div className="ce-text">{complaint.description}</div>,
    },
    {
      key: 'demand',
      label: t('caseExtras.field.demand'),
      span: 2,
      children: <div className="ce-text">{complaint.demand}</div>,
    },
    ...complaint.rules.requiredFields.map((field) => ({
      key: `f-${field.key}`,
      label: local(field.label),
      children: complaint.fields[field.key] || '—',
    })),
    {
      key: 'contact',
      label: t('caseExtras.field.complainant'),
      span: 2,
      children: complaint.contact.name || '—',
    },
  ];
  return (
    <Card title={t('caseExtras.merchantCase.facts')} data-testid="merchant-case-facts">
      <Descriptions
        bordered
        size="small"
        column={2}
        items={items}
        styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}
      />
    </Card>
  );
}

function Work({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const phase = complaint.merchant?.phase ?? null;
  const open = OPEN_STATUSES.includes(complaint.status);
  if (!open || (phase && CLOSED_PHASES.includes(phase))) {
    const key = !open ? 'closed' : phase;
    return (
      <Alert
        type={phase === 'remedy_accepted' || !open ? 'success' : 'info'}
        showIcon
        title={t(`caseExtras.merchantCase.done.${key}`)}
        data-testid="merchant-done"
      />
    );
  }
  const waiting = complaint.merchant?.remedies.find((r) => r.status === 'proposed');
  return (
    <>
      <ReplyCard complaint={complaint} />
      {phase && REMEDY_PHASES.includes(phase) ? (
        <RemedyFormCard complaint={complaint} />
      ) : (
        waiting && (
          <Alert
            type="info"
            showIcon
            title={t('caseExtras.merchantCase.waitingAnswer', {
              at: formatDateTime(waiting.respondBy),
            })}
            data-testid="merchant-waiting"
          />
        )
      )}
    </>
  );
}

export default function MerchantCasePage() {
  const { t } = useTranslation();
  const { number = '' } = useParams();
  const query = useMerchantComplaint(number);
  return (
    <div data-testid="merchant-case-page">
      <LinkButton
        to="/console/merchant"
        type="link"
        icon={<ArrowLeftOutlined />}
        style={{ paddingInline: 0, marginBottom: 8 }}
        data-testid="back-to-inbox"
      >
        {t('caseExtras.nav.merchantInbox')}
      </LinkButton>
      <QueryState query={query} rows={8}>
        {(complaint) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Header complaint={complaint} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={14}>
                <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                  <Facts complaint={complaint} />
                  <Work complaint={complaint} />
                  <Card title={t('caseExtras.remedy.listTitle')} data-testid="merchant-remedies">
                    <RemedyList remedies={complaint.merchant?.remedies ?? []} />
                  </Card>
                </Space>
              </Col>
              <Col xs={24} xl={10}>
                <TimelineCard events={complaint.timeline} />
              </Col>
            </Row>
          </Space>
        )}
      </QueryState>
    </div>
  );
}
