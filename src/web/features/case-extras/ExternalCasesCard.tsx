// 外部平台 on the staff complaint page: transfer the case to 12315 / 12345 / … with the number the
// platform gave it, see each external case's latest status, and record the platform's progress.
import { GlobalOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPINION_MAX } from '../../../shared/complaints';
import { useAuth } from '../../app/auth';
import type { ComplaintDetail, ExternalCase } from '../../app/types';
import { FormModal } from '../../shared/FormFrame';
import { applyFieldErrors, errorMessage } from '../../shared/formErrors';
import { useFormatDateTime, useLocalText } from '../../shared/text';
import { useExternalTransfer, usePlatforms } from './api';
import { ExternalUpdateForm } from './ExternalUpdateForm';
import type { CaseCardProps } from './MerchantCaseCard';
import { ExternalStatusTag } from './parts';
import './case-extras.css';

export type { CaseCardProps };

interface TransferValues {
  platform: string;
  externalNumber: string;
  note: string;
}

function TransferModal({
  complaint,
  open,
  onClose,
  onDone,
}: {
  complaint: ComplaintDetail;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const local = useLocalText();
  const { message } = App.useApp();
  const [form] = Form.useForm<TransferValues>();
  const platforms = usePlatforms();
  const transfer = useExternalTransfer(complaint);
  const [failure, setFailure] = useState<string | null>(null);

  const onFinish = (values: TransferValues) => {
    setFailure(null);
    transfer.mutate(
      {
        platform: values.platform,
        externalNumber: values.externalNumber.trim(),
        note: values.note.trim(),
      },
      {
        onSuccess: () => {
          void message.success(t('caseExtras.external.transferred'));
          form.resetFields();
          onClose();
          onDone();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, ['platform', 'externalNumber', 'note'])) {
            setFailure(errorMessage(error, t));
          }
        },
      },
    );
  };

  return (
    <FormModal
      open={open}
      title={t('caseExtras.external.transferTitle')}
      okText={t('caseExtras.external.transferSubmit')}
      form={form}
      saving={transfer.isPending}
      failure={failure}
      okTestId="external-transfer-submit"
      intro={
        <Typography.Paragraph type="secondary">
          {t('caseExtras.external.transferIntro')}
        </Typography.Paragraph>
      }
      onClose={onClose}
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="platform"
          label={t('caseExtras.external.platform')}
          rules={[{ required: true, message: t('caseExtras.external.platformRequired') }]}
        >
          <Select
            loading={platforms.isPending}
            options={(platforms.data ?? [])
              .filter((p) => p.enabled)
              .map((p) => ({ value: p.code, label: local(p.name) }))}
            data-testid="transfer-platform"
          />
        </Form.Item>
        <Form.Item
          name="externalNumber"
          label={t('caseExtras.external.externalNumber')}
          extra={t('caseExtras.external.externalNumberHint')}
          rules={[
            { required: true, whitespace: true, message: t('caseExtras.external.numberRequired') },
          ]}
        >
          <Input maxLength={60} autoComplete="off" data-testid="transfer-external-number" />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('caseExtras.external.transferNote')}
          rules={[
            { required: true, whitespace: true, message: t('caseExtras.external.noteRequired') },
          ]}
        >
          <Input.TextArea
            maxLength={OPINION_MAX}
            showCount
            autoSize={{ minRows: 2, maxRows: 6 }}
            data-testid="transfer-note"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function ExternalItem({
  item,
  canUpdate,
  onUpdate,
}: {
  item: ExternalCase;
  canUpdate: boolean;
  onUpdate: () => void;
}) {
  const { t } = useTranslation();
  const local = useLocalText();
  const formatDateTime = useFormatDateTime();
  return (
    <li className="ce-item" data-testid="external-case">
      <div className="ce-item-head">
        <span className="ce-item-title">{local(item.platform.name)}</span>
        <ExternalStatusTag item={item} />
        <span className="ce-muted">{t(`caseExtras.external.direction.${item.direction}`)}</span>
        {canUpdate && (
          <Button
            size="small"
            className="ce-item-side"
            onClick={onUpdate}
            data-testid="external-record-progress"
          >
            {t('caseExtras.external.recordProgress')}
          </Button>
        )}
      </div>
      <div className="ce-meta" style={{ marginTop: 4 }}>
        <span>
          {t('caseExtras.external.externalNumber')}
          {t('caseExtras.colon')}
          <b className="ce-number" data-testid="external-number">
            {item.externalNumber}
          </b>
        </span>
        <span>
          {t('caseExtras.external.statusAt')}
          {t('caseExtras.colon')}
          <b>{formatDateTime(item.statusAt)}</b>
        </span>
      </div>
      {item.statusNote && <div className="ce-note">{item.statusNote}</div>}
    </li>
  );
}

export function ExternalCasesCard({ complaint, onChanged }: CaseCardProps) {
  const { t } = useTranslation();
  const local = useLocalText();
  const { can } = useAuth();
  const [transferring, setTransferring] = useState(false);
  const [updating, setUpdating] = useState<ExternalCase | null>(null);
  const canTransfer = can('complaints.work') && complaint.allowedActions.includes('transfer');
  const canUpdate = can('external.update');
  const cases = complaint.externalCases;
  if (cases.length === 0 && !canTransfer) return null;

  return (
    <Card
      size="small"
      title={
        <span>
          <GlobalOutlined /> {t('caseExtras.external.cardTitle')}
        </span>
      }
      extra={
        canTransfer && (
          <Button
            size="small"
            icon={<GlobalOutlined />}
            onClick={() => setTransferring(true)}
            data-testid="external-transfer"
          >
            {t('caseExtras.external.transferButton')}
          </Button>
        )
      }
      data-testid="external-cases-card"
    >
      {cases.length === 0 ? (
        <span className="ce-muted">{t('caseExtras.external.none')}</span>
      ) : (
        <ul className="ce-list">
          {cases.map((item) => (
            <ExternalItem
              key={`${item.platform.code}-${item.externalNumber}`}
              item={item}
              canUpdate={canUpdate}
              onUpdate={() => setUpdating(item)}
            />
          ))}
        </ul>
      )}
      {canTransfer && (
        <TransferModal
          complaint={complaint}
          open={transferring}
          onClose={() => setTransferring(false)}
          onDone={onChanged}
        />
      )}
      <Modal
        open={Boolean(updating)}
        title={
          updating
            ? t('caseExtras.external.updateTitle', {
                platform: local(updating.platform.name),
                number: updating.externalNumber,
              })
            : ''
        }
        footer={null}
        onCancel={() => setUpdating(null)}
        destroyOnHidden
      >
        {updating && (
          <ExternalUpdateForm
            fixed={{ platform: updating.platform.code, externalNumber: updating.externalNumber }}
            showResult={false}
            onDone={() => {
              setUpdating(null);
              onChanged();
            }}
          />
        )}
      </Modal>
    </Card>
  );
}
