// 新建/编辑投诉类别: names, description, whether it is accepted and the guidance when it is not.
import { Col, Form, Input, InputNumber, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LocalText } from '../../app/types';
import { useSaveCategory, type AdminCategory, type CategoryInput } from './api';
import { EditDrawer, useDrawerForm } from './EditDrawer';
import { BilingualInputs, CODE_RULE } from './formParts';

interface Values {
  code: string;
  name: LocalText;
  description: LocalText;
  accepted: boolean;
  refusalGuidance: LocalText;
  sortOrder: number | null;
}

const SHOWN = /^(code|sortOrder|(name|description|refusalGuidance)\.(zh|en))$/;
const shows = (path: string) => SHOWN.test(path);
const EMPTY: LocalText = { zh: '', en: '' };

function initialValues(category: AdminCategory | null): Values {
  return {
    code: category?.code ?? '',
    name: category?.name ?? EMPTY,
    description: category?.description ?? EMPTY,
    accepted: category?.accepted ?? true,
    refusalGuidance: category?.refusalGuidance ?? EMPTY,
    sortOrder: category?.sortOrder ?? null,
  };
}

export function CategoryDrawer({
  open,
  category,
  onClose,
}: {
  open: boolean;
  /** null: a new category. */
  category: AdminCategory | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const saveEntry = useSaveCategory();
  const { form, failure, save } = useDrawerForm<Values>(open, category?.code ?? 'new', shows);
  const accepted = Form.useWatch('accepted', form);

  const onFinish = (values: Values) => {
    // Hidden while the category is accepted, so not in `values`; kept in the store, so that
    // switching "accepted" off and on again does not throw the text away.
    const guidance: LocalText = form.getFieldValue('refusalGuidance') ?? EMPTY;
    const input: CategoryInput = {
      name: values.name,
      description: values.description,
      accepted: values.accepted,
      refusalGuidance: guidance.zh.trim() || guidance.en.trim() ? guidance : null,
    };
    if (values.sortOrder !== null) input.sortOrder = values.sortOrder;
    if (!category) input.code = values.code.trim();
    void save(() => saveEntry.mutateAsync({ existing: category?.code ?? null, input }), onClose);
  };

  return (
    <EditDrawer
      open={open}
      onClose={onClose}
      size={560}
      title={category ? t('catalogAdmin.editCategory') : t('catalogAdmin.newCategory')}
      form={form}
      saving={saveEntry.isPending}
      failure={failure}
      saveTestId="category-save"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues(category)}
        onFinish={onFinish}
        data-testid="category-form"
      >
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item
              name="code"
              label={t('catalogAdmin.code')}
              extra={category ? t('catalogAdmin.codeFixed') : t('catalogAdmin.codeHint')}
              rules={category ? [] : CODE_RULE(t)}
            >
              <Input disabled={Boolean(category)} maxLength={40} data-testid="category-code" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="sortOrder" label={t('catalogAdmin.sortOrder')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <BilingualInputs name="name" label={t('catalogAdmin.name')} required maxLength={60} />
        <BilingualInputs
          name="description"
          label={t('catalog.description')}
          maxLength={200}
          multiline
        />
        <Form.Item
          name="accepted"
          label={t('catalogAdmin.acceptedLabel')}
          valuePropName="checked"
          extra={t('catalogAdmin.acceptedHint')}
        >
          <Switch
            checkedChildren={t('catalog.accepted')}
            unCheckedChildren={t('scope.notAccepted')}
            data-testid="category-accepted"
          />
        </Form.Item>
        {accepted === false && (
          <BilingualInputs
            name="refusalGuidance"
            label={t('catalogAdmin.refusalGuidance')}
            required
            requiredMessage={t('catalogAdmin.refusalGuidanceRequired')}
            maxLength={500}
            multiline
          />
        )}
      </Form>
    </EditDrawer>
  );
}
