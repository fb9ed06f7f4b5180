// 新建/编辑问题类型: what a complaint of this type must carry, how urgent it is, its SLA and the
// words people use for it.
import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LocalText, Priority, Sla } from '../../app/types';
import { PriorityTag } from '../../shared/PriorityTag';
import { useLocalText } from '../../shared/text';
import { useSaveType, type AdminCategory, type AdminType, type TypeInput } from './api';
import { EditDrawer, useDrawerForm } from './EditDrawer';
import { BilingualInputs, CODE_RULE } from './formParts';
import { RequiredEvidenceEditor, RequiredFieldsEditor } from './ListEditors';
import { SlaEditor } from './SlaEditor';

type Values = Omit<TypeInput, 'code' | 'sortOrder'> & { code: string; sortOrder: number | null };

const SHOWN =
  /^(code|categoryCode|priority|enabled|sortOrder|keywords|name\.(zh|en)|sla\.(firstResponseHours|resolutionHours|resolutionWorkingDays|maxWorkingDays)|sla\.note\.(zh|en)|requiredFields(\.\d+\.(key|kind|required|label\.(zh|en)))?|requiredEvidence(\.\d+\.(key|label\.(zh|en)))?)$/;
const shows = (path: string) => SHOWN.test(path);
const alias = (path: string) => path.replace(/^keywords\.\d+$/, 'keywords');
const PRIORITIES: Priority[] = ['red', 'yellow', 'green'];
const EMPTY: LocalText = { zh: '', en: '' };
const NO_SLA: Sla = {
  firstResponseHours: null,
  resolutionHours: null,
  resolutionWorkingDays: null,
  maxWorkingDays: null,
  note: EMPTY,
};

function initialValues(type: AdminType | null, categoryCode: string): Values {
  return {
    code: type?.code ?? '',
    categoryCode: type?.categoryCode ?? categoryCode,
    name: type?.name ?? EMPTY,
    priority: type?.priority ?? 'green',
    requiredFields: type?.requiredFields ?? [],
    requiredEvidence: type?.requiredEvidence ?? [],
    sla: type?.sla ?? NO_SLA,
    keywords: type?.keywords ?? [],
    enabled: type?.enabled ?? true,
    sortOrder: type?.sortOrder ?? null,
  };
}

function Section({ children }: { children: string }) {
  return <div className="catalog-section-title">{children}</div>;
}

export function TypeDrawer({
  open,
  type,
  categoryCode,
  categories,
  onClose,
}: {
  open: boolean;
  /** null: a new type in `categoryCode`. */
  type: AdminType | null;
  categoryCode: string;
  categories: AdminCategory[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const local = useLocalText();
  const saveEntry = useSaveType();
  const { form, failure, save } = useDrawerForm<Values>(
    open,
    type?.code ?? `new:${categoryCode}`,
    shows,
    alias,
  );

  const onFinish = (values: Values) => {
    const { code, sortOrder, ...rest } = values;
    const input: TypeInput = { ...rest, keywords: values.keywords.map((k) => k.trim()) };
    if (sortOrder !== null) input.sortOrder = sortOrder;
    if (!type) input.code = code.trim();
    void save(() => saveEntry.mutateAsync({ existing: type?.code ?? null, input }), onClose);
  };

  return (
    <EditDrawer
      open={open}
      onClose={onClose}
      size={820}
      title={type ? t('catalogAdmin.editType') : t('catalogAdmin.newType')}
      form={form}
      saving={saveEntry.isPending}
      failure={failure}
      saveTestId="type-save"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues(type, categoryCode)}
        onFinish={onFinish}
        scrollToFirstError
        data-testid="type-form"
      >
        <Section>{t('catalogAdmin.basics')}</Section>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="code"
              label={t('catalogAdmin.code')}
              extra={type ? t('catalogAdmin.codeFixed') : undefined}
              tooltip={type ? undefined : t('catalogAdmin.codeHint')}
              rules={type ? [] : CODE_RULE(t)}
            >
              <Input disabled={Boolean(type)} maxLength={40} data-testid="type-code" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="categoryCode" label={t('catalog.category')}>
              <Select
                options={categories.map((c) => ({ value: c.code, label: local(c.name) }))}
                data-testid="type-category"
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="sortOrder" label={t('catalogAdmin.sortOrder')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <BilingualInputs
          name="name"
          label={t('catalogAdmin.name')}
          required
          maxLength={60}
          testId="type-name"
        />
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="priority" label={t('catalog.priority')}>
              <Select
                options={PRIORITIES.map((p) => ({ value: p, label: <PriorityTag priority={p} /> }))}
                data-testid="type-priority"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="enabled"
              label={t('catalogAdmin.enabledLabel')}
              valuePropName="checked"
              extra={t('catalogAdmin.enabledHint')}
            >
              <Switch
                checkedChildren={t('catalogAdmin.enabled')}
                unCheckedChildren={t('catalogAdmin.disabled')}
                data-testid="type-enabled"
              />
            </Form.Item>
          </Col>
        </Row>

        <Section>{t('catalog.requiredFields')}</Section>
        <RequiredFieldsEditor />

        <Section>{t('catalog.requiredEvidence')}</Section>
        <RequiredEvidenceEditor />

        <Section>{t('catalog.sla')}</Section>
        <SlaEditor />

        <Section>{t('catalogAdmin.keywords')}</Section>
        <Form.Item name="keywords" extra={t('catalogAdmin.keywordsHint', { count: 30 })}>
          <Select
            mode="tags"
            maxCount={30}
            tokenSeparators={[',', '，', '、', ';', '；']}
            suffixIcon={null}
            notFoundContent={null}
            placeholder={t('catalogAdmin.keywordsPlaceholder')}
            data-testid="type-keywords"
          />
        </Form.Item>
      </Form>
    </EditDrawer>
  );
}
