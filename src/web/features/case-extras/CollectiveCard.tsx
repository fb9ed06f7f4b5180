// 关联与集体投诉 on the staff complaint page: related complaints (add, remove), and the collective
// case this complaint belongs to — or a way to merge it with others into a new one.
import { DeleteOutlined, LinkOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import type { ComplaintDetail } from '../../app/types';
import { FormModal } from '../../shared/FormFrame';
import { applyFieldErrors, errorMessage } from '../../shared/formErrors';
import { LinkButton } from '../../shared/LinkButton';
import { useFormatDateTime } from '../../shared/text';
import { StatusTag } from '../console-complaints/tags';
import { useAddLink, useCreateCollective, useRemoveLink } from './api';
import type { CaseCardProps } from './MerchantCaseCard';
import { COLLECTIVE_TITLE_MAX, parseNumbers } from './parts';
import './case-extras.css';

export type { CaseCardProps };

const complaintHref = (number: string) => `/console/complaints/${encodeURIComponent(number)}`;

function Links({
  complaint,
  canWork,
  onChanged,
}: {
  complaint: ComplaintDetail;
  canWork: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ number: string; note?: string }>();
  const add = useAddLink(complaint.number);
  const remove = useRemoveLink(complaint.number);
  const [failure, setFailure] = useState<string | null>(null);

  const onFinish = (values: { number: string; note?: string }) => {
    setFailure(null);
    add.mutate(
      {
        number: values.number.trim().toUpperCase(),
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('caseExtras.links.added'));
          onChanged();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, ['number', 'note']))
            setFailure(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <div className="ce-section">
      <div className="ce-section-title">
        <LinkOutlined /> {t('caseExtras.links.title')}
      </div>
      {complaint.links.length === 0 ? (
        <div className="ce-muted" style={{ marginBottom: 8 }}>
          {t('caseExtras.links.none')}
        </div>
      ) : (
        <ul className="ce-list" style={{ marginBottom: 8 }} data-testid="links">
          {complaint.links.map((link) => (
            <li key={link.number} className="ce-item" data-testid="link-item">
              <div className="ce-item-head">
                <LinkButton
                  type="link"
                  size="small"
                  to={complaintHref(link.number)}
                  style={{ padding: 0 }}
                >
                  <span className="ce-number">{link.number}</span>
                </LinkButton>
                <StatusTag status={link.status} />
                {link.note && <span className="ce-muted">{link.note}</span>}
                {canWork && (
                  <Popconfirm
                    title={t('caseExtras.links.removeConfirm', { number: link.number })}
                    okText={t('caseExtras.remove')}
                    cancelText={t('common.cancel')}
                    onConfirm={() =>
                      remove.mutateAsync(link.number).then(onChanged, (error: unknown) => {
                        void message.error(errorMessage(error, t));
                      })
                    }
                  >
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      className="ce-item-side"
                      aria-label={t('caseExtras.remove')}
                      data-testid="link-remove"
                    />
                  </Popconfirm>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canWork && (
        <Form form={form} layout="inline" onFinish={onFinish} data-testid="link-form">
          <Form.Item
            name="number"
            rules={[
              { required: true, whitespace: true, message: t('caseExtras.links.numberRequired') },
            ]}
            style={{ marginBottom: 8 }}
          >
            <Input
              placeholder={t('caseExtras.links.linkPlaceholder')}
              className="ce-number"
              style={{ width: 230 }}
              data-testid="link-number"
            />
          </Form.Item>
          <Form.Item name="note" style={{ marginBottom: 8 }}>
            <Input
              placeholder={t('caseExtras.links.notePlaceholder')}
              maxLength={200}
              style={{ width: 200 }}
              data-testid="link-note"
            />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button htmlType="submit" loading={add.isPending} data-testid="link-add">
              {t('caseExtras.links.add')}
            </Button>
          </Form.Item>
        </Form>
      )}
      {failure && (
        <Alert type="error" showIcon role="alert" title={failure} data-testid="link-error" />
      )}
    </div>
  );
}

function MergeModal({
  complaint,
  open,
  onClose,
}: {
  complaint: ComplaintDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; numbers: string }>();
  const create = useCreateCollective(complaint.number);
  const [failure, setFailure] = useState<string | null>(null);
  const linked = complaint.links.map((l) => l.number).join('\n');
  // Each opening starts from the complaints linked now (they may have changed since).
  useEffect(() => {
    if (open) form.setFieldsValue({ numbers: linked });
  }, [open, linked, form]);

  const onFinish = (values: { title: string; numbers: string }) => {
    setFailure(null);
    const others = parseNumbers(values.numbers ?? '').filter((n) => n !== complaint.number);
    create.mutate(
      { title: values.title.trim(), numbers: [complaint.number, ...others] },
      {
        onSuccess: (created) => {
          void message.success(t('caseExtras.collective.created', { number: created.number }));
          onClose();
          void navigate(`/console/collective/${encodeURIComponent(created.id)}`);
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, ['title', 'numbers']))
            setFailure(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <FormModal
      open={open}
      title={t('caseExtras.collective.mergeTitle')}
      okText={t('caseExtras.collective.mergeSubmit')}
      form={form}
      saving={create.isPending}
      failure={failure}
      okTestId="collective-merge-submit"
      failureTestId="collective-merge-error"
      intro={
        <Typography.Paragraph type="secondary">
          {t('caseExtras.collective.mergeIntro')}
        </Typography.Paragraph>
      }
      onClose={onClose}
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="title"
          label={t('caseExtras.collective.titleLabel')}
          rules={[
            { required: true, whitespace: true, message: t('caseExtras.collective.titleRequired') },
          ]}
        >
          <Input
            maxLength={COLLECTIVE_TITLE_MAX}
            placeholder={t('caseExtras.collective.titlePlaceholder')}
            data-testid="collective-title"
          />
        </Form.Item>
        <Form.Item label={t('caseExtras.collective.thisOne')}>
          <Tag className="ce-number">{complaint.number}</Tag>
        </Form.Item>
        <Form.Item
          name="numbers"
          label={t('caseExtras.collective.others')}
          extra={t('caseExtras.collective.numbersHint')}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                parseNumbers(value ?? '').filter((n) => n !== complaint.number).length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('caseExtras.collective.othersRequired'))),
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            className="ce-number"
            data-testid="collective-numbers"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function CollectiveCard({ complaint, onChanged }: CaseCardProps) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const formatDateTime = useFormatDateTime();
  const [merging, setMerging] = useState(false);
  const canWork = can('complaints.work');
  const collective = complaint.collective;
  if (!canWork && !collective && complaint.links.length === 0) return null;

  return (
    <Card
      size="small"
      title={
        <span>
          <UsergroupAddOutlined /> {t('caseExtras.collective.cardTitle')}
        </span>
      }
      data-testid="collective-card"
    >
      <Links complaint={complaint} canWork={canWork} onChanged={onChanged} />
      <div className="ce-section">
        <div className="ce-section-title">
          <UsergroupAddOutlined /> {t('caseExtras.collective.sectionTitle')}
        </div>
        {collective ? (
          <div className="ce-item" data-testid="collective-summary">
            <div className="ce-item-head">
              <span className="ce-item-title">{collective.title}</span>
              <Tag color={collective.status === 'open' ? 'blue' : 'default'}>
                {t(`caseExtras.collective.status.${collective.status}`)}
              </Tag>
              <span className="ce-muted">
                {collective.number} ·{' '}
                {t('caseExtras.collective.members', { count: collective.memberCount })}
              </span>
              <LinkButton
                size="small"
                className="ce-item-side"
                to={`/console/collective/${encodeURIComponent(collective.id)}`}
                data-testid="collective-open"
              >
                {t('caseExtras.open')}
              </LinkButton>
            </div>
            {collective.progress && (
              <div className="ce-note">
                {collective.progress}
                <div className="ce-muted">{formatDateTime(collective.progressAt)}</div>
              </div>
            )}
          </div>
        ) : (
          <Space wrap>
            <span className="ce-muted">{t('caseExtras.collective.notMember')}</span>
            {canWork && (
              <Button
                size="small"
                icon={<UsergroupAddOutlined />}
                onClick={() => setMerging(true)}
                data-testid="collective-merge"
              >
                {t('caseExtras.collective.merge')}
              </Button>
            )}
          </Space>
        )}
      </div>
      {canWork && !collective && (
        <MergeModal complaint={complaint} open={merging} onClose={() => setMerging(false)} />
      )}
    </Card>
  );
}
