// 商户管理: merchants with their tier, first-reply deadline and shops; create and edit them.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MERCHANT_TIERS, TIER_REPLY_HOURS } from '../../../shared/cases';
import type { Merchant, MerchantTier } from '../../app/types';
import { ErrorResult } from '../../shared/ErrorResult';
import { FormModal } from '../../shared/FormFrame';
import { applyFieldErrors, errorMessage } from '../../shared/formErrors';
import { useAddShop, useMerchantList, useSaveMerchant } from './api';
import { testIdProps } from './parts';
import './case-extras.css';

const TIER_COLORS: Record<MerchantTier, string> = {
  standard: 'default',
  gold: 'gold',
  flagship: 'purple',
};

interface MerchantValues {
  name: string;
  tier: MerchantTier;
  replyHours?: number | null;
}

const MERCHANT_FIELDS = ['name', 'tier', 'replyHours'];

function MerchantModal({
  merchant,
  open,
  onClose,
}: {
  merchant: Merchant | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MerchantValues>();
  const tier = Form.useWatch('tier', form) ?? 'standard';
  const save = useSaveMerchant();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.setFieldsValue(
      merchant
        ? { name: merchant.name, tier: merchant.tier, replyHours: merchant.replyHours }
        : { name: '', tier: 'standard', replyHours: null },
    );
  }, [open, merchant, form]);

  const onFinish = (values: MerchantValues) => {
    setFailure(null);
    save.mutate(
      {
        id: merchant?.id ?? null,
        input: {
          name: values.name.trim(),
          tier: values.tier,
          ...(values.replyHours != null ? { replyHours: values.replyHours } : {}),
        },
      },
      {
        onSuccess: (saved) => {
          void message.success(t('caseExtras.merchants.saved', { name: saved.name }));
          onClose();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, MERCHANT_FIELDS)) setFailure(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <FormModal
      open={open}
      title={t(merchant ? 'caseExtras.merchants.editTitle' : 'caseExtras.merchants.createTitle')}
      okText={t('caseExtras.save')}
      form={form}
      saving={save.isPending}
      failure={failure}
      okTestId="merchant-save"
      onClose={onClose}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="merchant-form">
        <Form.Item
          name="name"
          label={t('caseExtras.merchants.name')}
          rules={[
            { required: true, whitespace: true, message: t('caseExtras.merchants.nameRequired') },
          ]}
        >
          <Input maxLength={100} data-testid="merchant-name" />
        </Form.Item>
        <Form.Item name="tier" label={t('caseExtras.merchants.tier')} rules={[{ required: true }]}>
          <Select
            options={MERCHANT_TIERS.map((value) => ({
              value,
              label: `${t(`caseExtras.tier.${value}`)} · ${t('caseExtras.merchants.hours', { count: TIER_REPLY_HOURS[value] })}`,
            }))}
            data-testid="merchant-tier"
          />
        </Form.Item>
        <Form.Item
          name="replyHours"
          label={t('caseExtras.merchants.replyHours')}
          extra={t('caseExtras.merchants.replyHoursHint', { count: TIER_REPLY_HOURS[tier] })}
        >
          <InputNumber
            min={1}
            max={168}
            precision={0}
            placeholder={String(TIER_REPLY_HOURS[tier])}
            suffix={t('caseExtras.merchants.hourUnit')}
            style={{ width: 160 }}
            data-testid="merchant-reply-hours"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function ShopModal({ merchant, onClose }: { merchant: Merchant | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [name, setName] = useState('');
  const add = useAddShop();
  const submit = () => {
    if (!merchant || !name.trim()) return;
    add.mutate(
      { merchantId: merchant.id, name: name.trim() },
      {
        onSuccess: () => {
          void message.success(t('caseExtras.merchants.shopAdded', { name: name.trim() }));
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open={Boolean(merchant)}
      title={t('caseExtras.merchants.addShopTitle', { name: merchant?.name ?? '' })}
      okText={t('caseExtras.merchants.addShop')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ ...testIdProps('shop-save'), disabled: !name.trim() }}
      confirmLoading={add.isPending}
    >
      <Input
        value={name}
        onChange={(e) => setName(e.target.value)}
        onPressEnter={submit}
        maxLength={100}
        placeholder={t('caseExtras.merchants.shopPlaceholder')}
        data-testid="shop-name"
      />
      {add.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(add.error, t)}
          style={{ marginTop: 12 }}
        />
      )}
    </Modal>
  );
}

export default function MerchantsPage() {
  const { t } = useTranslation();
  const merchants = useMerchantList();
  const [editing, setEditing] = useState<Merchant | null>(null);
  const [creating, setCreating] = useState(false);
  const [shopFor, setShopFor] = useState<Merchant | null>(null);

  const columns: TableColumnsType<Merchant> = [
    {
      title: t('caseExtras.merchants.name'),
      dataIndex: 'name',
      key: 'name',
      width: 200,
      render: (name: string) => <span style={{ fontWeight: 500 }}>{name}</span>,
    },
    {
      title: t('caseExtras.merchants.tier'),
      dataIndex: 'tier',
      key: 'tier',
      width: 110,
      render: (tier: MerchantTier) => (
        <Tag color={TIER_COLORS[tier]}>{t(`caseExtras.tier.${tier}`)}</Tag>
      ),
    },
    {
      title: t('caseExtras.merchants.replyHours'),
      dataIndex: 'replyHours',
      key: 'replyHours',
      width: 140,
      render: (hours: number) => t('caseExtras.merchants.hours', { count: hours }),
    },
    {
      title: t('caseExtras.merchants.shops'),
      key: 'shops',
      render: (_, merchant) => (
        <Space size={[4, 4]} wrap>
          {merchant.shops.length === 0 && (
            <span className="ce-muted">{t('caseExtras.merchants.noShops')}</span>
          )}
          {merchant.shops.map((shop) => (
            <Tag key={shop.id} data-testid="shop-tag">
              {shop.name}
            </Tag>
          ))}
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => setShopFor(merchant)}
            data-testid="add-shop"
          >
            {t('caseExtras.merchants.addShop')}
          </Button>
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, merchant) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => setEditing(merchant)}
          data-testid="edit-merchant"
        >
          {t('caseExtras.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('caseExtras.nav.merchants')}
        </Typography.Title>
      }
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="create-merchant"
        >
          {t('caseExtras.merchants.create')}
        </Button>
      }
      data-testid="merchants-page"
    >
      <Typography.Paragraph type="secondary">
        {t('caseExtras.merchants.intro')}
      </Typography.Paragraph>
      {merchants.isError && !merchants.data ? (
        <ErrorResult error={merchants.error} onRetry={() => void merchants.refetch()} />
      ) : (
        <Table
          rowKey="id"
          columns={columns}
          dataSource={merchants.data ?? []}
          loading={merchants.isFetching}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('caseExtras.merchants.empty') }}
        />
      )}
      <MerchantModal
        merchant={editing}
        open={creating || Boolean(editing)}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
      />
      {/* Keyed on the merchant so each opening starts from an empty name. */}
      <ShopModal key={shopFor?.id ?? ''} merchant={shopFor} onClose={() => setShopFor(null)} />
    </Card>
  );
}
