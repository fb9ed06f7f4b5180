// 分派规则: which team gets each problem type (or a whole category). A rule for the type wins over
// the category's; saving a rule for a pair that has one replaces it.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Popconfirm, Select, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoutingRule } from '../../app/types';
import { ErrorResult } from '../../shared/ErrorResult';
import { applyFieldErrors, errorMessage } from '../../shared/formErrors';
import { useLocalText } from '../../shared/text';
import { useCatalog } from '../catalog/api';
import { useDeleteRule, usePutRule, useRoutingRules, useTeams } from './api';

interface Values {
  categoryCode?: string;
  typeCode?: string;
  teamCode?: string;
}

export function RulesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const local = useLocalText();
  const rules = useRoutingRules();
  const catalog = useCatalog();
  const teams = useTeams();
  const put = usePutRule();
  const remove = useDeleteRule();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const categoryCode = Form.useWatch('categoryCode', form);

  const categories = catalog.data ?? [];
  const category = (code: string) => categories.find((c) => c.code === code);
  const teamName = (code: string) => {
    const team = teams.data?.find((x) => x.code === code);
    return team ? local(team.name) : code;
  };

  const onFinish = (values: Values) => {
    setFailure(null);
    const rule: RoutingRule = {
      categoryCode: values.categoryCode ?? '',
      typeCode: values.typeCode ?? '',
      teamCode: values.teamCode ?? '',
    };
    put.mutate(rule, {
      onSuccess: () => {
        void message.success(t('caseWork.rules.saved'));
        form.resetFields();
      },
      onError: (error) => {
        if (!applyFieldErrors(form, error, ['categoryCode', 'typeCode', 'teamCode'])) {
          setFailure(errorMessage(error, t));
        }
      },
    });
  };

  const columns: TableColumnsType<RoutingRule> = [
    {
      title: t('caseWork.rules.category'),
      key: 'category',
      render: (_, r) => local(category(r.categoryCode)?.name) || r.categoryCode,
    },
    {
      title: t('caseWork.rules.type'),
      key: 'type',
      render: (_, r) =>
        r.typeCode ? (
          local(category(r.categoryCode)?.types.find((x) => x.code === r.typeCode)?.name) ||
          r.typeCode
        ) : (
          <span className="cw-muted">{t('caseWork.rules.wholeCategory')}</span>
        ),
    },
    {
      title: t('caseWork.rules.team'),
      key: 'team',
      render: (_, r) => <b>{teamName(r.teamCode)}</b>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, r) => (
        <Popconfirm
          title={t('caseWork.rules.deleteConfirm')}
          okText={t('caseWork.rules.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            remove.mutateAsync(r, {
              onSuccess: () => void message.success(t('caseWork.rules.deleted')),
              onError: (error) => void message.error(errorMessage(error, t)),
            })
          }
        >
          <Button size="small" type="link" danger icon={<DeleteOutlined />}>
            {t('caseWork.rules.delete')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <Alert type="info" showIcon title={t('caseWork.rules.intro')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="inline"
        onFinish={onFinish}
        style={{ marginBottom: 16, rowGap: 8 }}
        data-testid="rule-form"
      >
        <Form.Item
          name="categoryCode"
          rules={[{ required: true, message: t('caseWork.rules.categoryRequired') }]}
        >
          <Select
            style={{ width: 180 }}
            placeholder={t('caseWork.rules.category')}
            loading={catalog.isPending}
            options={categories.map((c) => ({ value: c.code, label: local(c.name) }))}
            onChange={() => form.setFieldValue('typeCode', undefined)}
            data-testid="rule-category"
          />
        </Form.Item>
        <Form.Item name="typeCode">
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('caseWork.rules.wholeCategory')}
            disabled={!categoryCode}
            options={(categoryCode ? (category(categoryCode)?.types ?? []) : []).map((x) => ({
              value: x.code,
              label: local(x.name),
            }))}
            data-testid="rule-type"
          />
        </Form.Item>
        <Form.Item
          name="teamCode"
          rules={[{ required: true, message: t('caseWork.rules.teamRequired') }]}
        >
          <Select
            style={{ width: 180 }}
            placeholder={t('caseWork.rules.team')}
            loading={teams.isPending}
            options={(teams.data ?? []).map((x) => ({ value: x.code, label: local(x.name) }))}
            data-testid="rule-team"
          />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<PlusOutlined />}
            loading={put.isPending}
            data-testid="rule-save"
          >
            {t('caseWork.rules.save')}
          </Button>
        </Form.Item>
      </Form>
      {failure && (
        <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />
      )}
      {rules.isError && !rules.data ? (
        <ErrorResult error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <Table
          rowKey={(r) => `${r.categoryCode}/${r.typeCode}`}
          size="middle"
          columns={columns}
          dataSource={rules.data ?? []}
          loading={rules.isPending}
          pagination={false}
          locale={{ emptyText: t('caseWork.rules.empty') }}
          data-testid="rules-table"
        />
      )}
    </>
  );
}
