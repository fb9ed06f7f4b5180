// 投诉内容: what the person wrote and asked for, the type's own fields, how to reach them
// (masked), and what is pending: an open materials request, an appeal, a rating.
import { Alert, Card, Descriptions, Rate, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../app/types';
import { useFormatDateTime, useLocalText } from '../../shared/text';
import { RevealValue } from '../casework/RevealValue';

function OpenRequest({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const request = complaint.openMaterialRequest;
  if (!request || request.fulfilledAt) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="open-material-request"
      title={t('consoleComplaints.case.openRequest', {
        by: request.requestedBy,
        at: formatDateTime(request.requestedAt),
      })}
      description={
        <>
          <ol style={{ margin: '4px 0', paddingInlineStart: 20 }}>
            {request.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ol>
          {request.note && <div className="cc-text">{request.note}</div>}
        </>
      }
    />
  );
}

export function CaseCard({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const formatDateTime = useFormatDateTime();
  const { contact, appeal, rating } = complaint;

  // Masked values (phones, ID numbers …) offer an audited 查看 to staff allowed to see them.
  const reveal = (field: string, value: string | null | undefined, label?: string) => (
    <RevealValue number={complaint.number} field={field} value={value} label={label} />
  );
  const known = new Set(complaint.rules.requiredFields.map((f) => f.key));
  const fieldItems: DescriptionsProps['items'] = [
    ...complaint.rules.requiredFields.map((field) => ({
      key: `f-${field.key}`,
      label: local(field.label),
      children: reveal(`fields.${field.key}`, complaint.fields[field.key], local(field.label)),
    })),
    // Values the current rules no longer name are still part of the record.
    ...Object.entries(complaint.fields)
      .filter(([key]) => !known.has(key))
      .map(([key, value]) => ({
        key: `x-${key}`,
        label: key,
        children: reveal(`fields.${key}`, value),
      })),
  ];
  // Two fields to a row; an odd one out takes its row whole, so the contact below starts a row of
  // its own instead of being squeezed into the last column (which wrapped 运单号 mid-number).
  const lastField = fieldItems.at(-1);
  if (fieldItems.length % 2 === 1 && lastField) lastField.span = 2;

  const items: DescriptionsProps['items'] = [
    {
      key: 'description',
      label: t('consoleComplaints.field.description'),
      span: 2,
      children: <div className="cc-text">{complaint.description}</div>,
    },
    {
      key: 'demand',
      label: t('consoleComplaints.field.demand'),
      span: 2,
      children: <div className="cc-text">{complaint.demand}</div>,
    },
    ...fieldItems,
    {
      key: 'contact',
      label: t('consoleComplaints.field.contact'),
      span: 2,
      children: (
        <div className="cw-contact" data-testid="case-contact">
          <span>
            <span className="cw-muted">{t('caseWork.reveal.name')}</span>
            {reveal('contact.name', contact.name)}
          </span>
          <span>
            <span className="cw-muted">{t('caseWork.reveal.phone')}</span>
            {reveal('contact.phone', contact.phone)}
          </span>
          {contact.email && (
            <span>
              <span className="cw-muted">{t('caseWork.reveal.email')}</span>
              {reveal('contact.email', contact.email)}
            </span>
          )}
        </div>
      ),
    },
  ];
  if (appeal.appealedAt || appeal.deadline) {
    items.push({
      key: 'appeal',
      label: t('consoleComplaints.case.appeal'),
      span: 2,
      children: appeal.appealedAt
        ? t('consoleComplaints.case.appealedAt', { at: formatDateTime(appeal.appealedAt) })
        : t('consoleComplaints.case.appealDeadline', { at: formatDateTime(appeal.deadline) }),
    });
  }
  if (rating) {
    items.push({
      key: 'rating',
      label: t('consoleComplaints.case.rating'),
      span: 2,
      children: (
        <span>
          <Rate disabled value={rating.score} style={{ fontSize: 14 }} />
          {rating.comment && <span style={{ marginInlineStart: 8 }}>{rating.comment}</span>}
        </span>
      ),
    });
  }

  return (
    <Card title={t('consoleComplaints.case.title')} data-testid="case-card">
      <OpenRequest complaint={complaint} />
      {complaint.latestOpinion && (
        <div style={{ marginBottom: 16 }} data-testid="latest-opinion">
          <Typography.Text strong>{t('consoleComplaints.case.latestOpinion')}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
            {complaint.latestOpinion.by} · {formatDateTime(complaint.latestOpinion.at)}
          </Typography.Text>
          <div className="cc-opinion">{complaint.latestOpinion.text}</div>
        </div>
      )}
      <Descriptions
        bordered
        size="small"
        column={2}
        items={items}
        styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
      />
    </Card>
  );
}
