// 商户处理 on the staff complaint page: pass the case to the merchant (found from the complaint's
// shop name, or chosen), then follow the merchant's side — phase, deadline, first reply, remedies.
import { ShopOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Form, Input, Select, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPINION_MAX } from '../../../shared/complaints';
import { useAuth } from '../../app/auth';
import type { ComplaintDetail } from '../../app/types';
import { FormModal } from '../../shared/FormFrame';
import { applyFieldErrors, errorMessage } from '../../shared/formErrors';
import { useFormatDateTime } from '../../shared/text';
import { useMerchantList, useMerchantTransfer } from './api';
import { PhaseTag, ReplyDue } from './parts';
import { RemedyList } from './RemedyList';
import './case-extras.css';

export interface CaseCardProps {
  complaint: ComplaintDetail;
  /** Called after a change so the page reloads the complaint. */
  onChanged: () => void;
}

interface TransferValues {
  merchantId?: string;
  shopId?: string;
  opinion: string;
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
  const { message } = App.useApp();
  const { can } = useAuth();
  const [form] = Form.useForm<TransferValues>();
  const merchantId = Form.useWatch('merchantId', form);
  // Staff who may not list merchants still transfer: the server finds the merchant by shop name.
  const canChoose = can('merchants.manage');
  const merchants = useMerchantList(open && canChoose);
  const transfer = useMerchantTransfer(complaint);
  const [failure, setFailure] = useState<string | null>(null);
  const shops = merchants.data?.find((m) => m.id === merchantId)?.shops ?? [];

  const onFinish = (values: TransferValues) => {
    setFailure(null);
    transfer.mutate(
      {
        opinion: values.opinion.trim(),
        ...(values.merchantId ? { merchantId: values.merchantId } : {}),
        ...(values.shopId ? { shopId: values.shopId } : {}),
      },
      {
        onSuccess: () => {
          void message.success(t('caseExtras.transfer.done'));
          form.resetFields();
          onClose();
          onDone();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, ['merchantId', 'shopId', 'opinion'])) {
            setFailure(errorMessage(error, t));
          }
        },
      },
    );
  };

  return (
    <FormModal
      open={open}
      title={t('caseExtras.transfer.title')}
      okText={t('caseExtras.transfer.submit')}
      form={form}
      saving={transfer.isPending}
      failure={failure}
      okTestId="merchant-transfer-submit"
      failureTestId="merchant-transfer-error"
      intro={
        <Typography.Paragraph type="secondary">
          {t('caseExtras.transfer.intro')}
        </Typography.Paragraph>
      }
      onClose={onClose}
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        {canChoose && !merchants.isError && (
          <>
            <Form.Item name="merchantId" label={t('caseExtras.transfer.merchant')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={merchants.isPending}
                placeholder={t('caseExtras.transfer.auto')}
                options={(merchants.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
                onChange={() => form.setFieldValue('shopId', undefined)}
                data-testid="transfer-merchant"
              />
            </Form.Item>
            <Form.Item name="shopId" label={t('caseExtras.transfer.shop')}>
              <Select
                allowClear
                disabled={!merchantId}
                placeholder={t('caseExtras.transfer.shopAny')}
                options={shops.map((s) => ({ value: s.id, label: s.name }))}
                data-testid="transfer-shop"
              />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="opinion"
          label={t('caseExtras.transfer.opinion')}
          rules={[
            { required: true, whitespace: true, message: t('caseExtras.transfer.opinionRequired') },
          ]}
        >
          <Input.TextArea
            maxLength={OPINION_MAX}
            showCount
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('caseExtras.transfer.opinionPlaceholder')}
            data-testid="merchant-transfer-opinion"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function MerchantCaseCard({ complaint, onChanged }: CaseCardProps) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const formatDateTime = useFormatDateTime();
  const [open, setOpen] = useState(false);
  const merchant = complaint.merchant;
  const canTransfer =
    !merchant && can('complaints.work') && complaint.allowedActions.includes('transfer');
  if (!merchant && !canTransfer) return null;

  const title = (
    <span>
      <ShopOutlined /> {t('caseExtras.merchantCard.title')}
    </span>
  );

  if (!merchant) {
    return (
      <Card title={title} size="small" data-testid="merchant-case-card">
        <div className="ce-toolbar" style={{ marginBottom: 0 }}>
          <span className="ce-muted">{t('caseExtras.merchantCard.none')}</span>
          <span className="ce-toolbar-spacer" />
          <Button
            icon={<ShopOutlined />}
            onClick={() => setOpen(true)}
            data-testid="merchant-transfer"
          >
            {t('caseExtras.transfer.button')}
          </Button>
        </div>
        <TransferModal
          complaint={complaint}
          open={open}
          onClose={() => setOpen(false)}
          onDone={onChanged}
        />
      </Card>
    );
  }

  const items: DescriptionsProps['items'] = [
    {
      key: 'merchant',
      label: t('caseExtras.field.merchant'),
      children: merchant.shop ? `${merchant.name} · ${merchant.shop}` : merchant.name,
    },
    {
      key: 'phase',
      label: t('caseExtras.field.phase'),
      children: <PhaseTag phase={merchant.phase} />,
    },
    {
      key: 'due',
      label: t('caseExtras.field.replyDue'),
      children: <ReplyDue item={merchant} />,
    },
    {
      key: 'first',
      label: t('caseExtras.field.firstReply'),
      children: merchant.firstReplyAt
        ? formatDateTime(merchant.firstReplyAt)
        : t('caseExtras.merchantCard.noReply'),
    },
  ];
  return (
    <Card title={title} size="small" data-testid="merchant-case-card">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
      <div className="ce-section-title" style={{ marginTop: 12 }}>
        {t('caseExtras.remedy.listTitle')}
      </div>
      <RemedyList remedies={merchant.remedies} />
    </Card>
  );
}
