// Editing one SLA policy: the calendar it counts on, its targets (empty = none), when it warns,
// extra working days for regions, and a repeat complaint's target. Saved policies apply to
// complaints accepted from then on; the drawer says so next to the save button's effect.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CN_CALENDAR,
  DEFAULT_WARN_FRACTION,
  SLA_UNITS,
  type RegionExtra,
  type SlaDuration,
  type SlaPolicyInput,
  type SlaPolicyRow,
  type SlaUnit,
} from '../../../shared/sla';
import { EditDrawer, type Failure } from '../../shared/FormFrame';
import { errorMessage } from '../../shared/formErrors';
import { useLocalText } from '../../shared/text';
import { applyServerErrors, firstErrorPath } from '../catalog/serverErrors';
import { useCalendars, useSavePolicy } from './admin-api';
import { specificFields } from './admin-errors';

/** The row to edit, or a new category default (for the category given, if any). */
export type PolicyTarget = { policy: SlaPolicyRow } | { policy: null; categoryCode?: string };

const DURATIONS = ['firstResponse', 'resolution', 'hardMax', 'repeatTarget'] as const;
type DurationKey = (typeof DURATIONS)[number];

interface DurationValue {
  value: number | null;
  unit: SlaUnit;
}

interface Values extends Record<DurationKey, DurationValue> {
  categoryCode: string;
  calendarCode: string;
  warnPercent: number;
  regionExtras: RegionExtra[];
}

const toForm = (d: SlaDuration | null, unit: SlaUnit = 'hours'): DurationValue =>
  d ? { value: d.value, unit: d.unit } : { value: null, unit };
const fromForm = (d: DurationValue | undefined): SlaDuration | null =>
  d && d.value !== null && d.value !== undefined ? { value: d.value, unit: d.unit } : null;

function valuesOf(p: SlaPolicyRow | undefined, categoryCode: string): Values {
  return {
    categoryCode,
    calendarCode: p?.calendarCode ?? CN_CALENDAR,
    firstResponse: toForm(p?.firstResponse ?? null),
    resolution: toForm(p?.resolution ?? null, 'working_days'),
    hardMax: toForm(p?.hardMax ?? null, 'working_days'),
    repeatTarget: toForm(p?.repeatTarget ?? null),
    warnPercent: Math.round((p?.warnFraction ?? DEFAULT_WARN_FRACTION) * 100),
    regionExtras: (p?.regionExtras ?? []).map((r) => ({ ...r, countries: [...r.countries] })),
  };
}

const SHOWN =
  /^(categoryCode|calendarCode|warnPercent|(firstResponse|resolution|hardMax|repeatTarget)\.(value|unit)|regionExtras\.\d+\.(code|name\.zh|name\.en|countries|extraWorkingDays))$/;
const shows = (path: string) => SHOWN.test(path);
/** The server names the policy's own fields; the form splits or rescales a few of them. */
function alias(path: string): string {
  if (path === 'warnFraction') return 'warnPercent';
  if (path === 'typeCode') return 'categoryCode';
  if ((DURATIONS as readonly string[]).includes(path)) return `${path}.value`;
  const m = /^(regionExtras\.\d+\.countries)\.\d+$/.exec(path);
  return m ? m[1]! : path;
}

export function PolicyDrawer({
  target,
  policies,
  onClose,
}: {
  target: PolicyTarget | null;
  policies: SlaPolicyRow[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const local = useLocalText();
  const [form] = Form.useForm<Values>();
  const save = useSavePolicy();
  const calendars = useCalendars();
  const [failure, setFailure] = useState<Failure>(null);
  const [last, setLast] = useState<PolicyTarget | null>(target);
  const shown = target ?? last;
  const policy = shown?.policy ?? null;
  const categories = [...new Map(policies.map((p) => [p.categoryCode, p.categoryName])).entries()];

  /** A new category default starts from the category's first type, the closest known figures. */
  const seedFor = (categoryCode: string) =>
    policies.find((p) => p.categoryCode === categoryCode && p.typeCode === '') ??
    policies.find((p) => p.categoryCode === categoryCode);

  useEffect(() => {
    if (!target) return;
    setLast(target);
    setFailure(null);
    form.resetFields();
    const categoryCode = target.policy ? target.policy.categoryCode : (target.categoryCode ?? '');
    form.setFieldsValue(valuesOf(target.policy ?? seedFor(categoryCode), categoryCode));
    // Keyed on the target only: a background refetch of the list must not wipe what is typed.
  }, [target, form]);

  const onFinish = (values: Values) => {
    setFailure(null);
    const input: SlaPolicyInput = {
      categoryCode: values.categoryCode,
      typeCode: policy?.typeCode ?? '',
      calendarCode: values.calendarCode,
      firstResponse: fromForm(values.firstResponse),
      resolution: fromForm(values.resolution),
      hardMax: fromForm(values.hardMax),
      repeatTarget: fromForm(values.repeatTarget),
      warnFraction: values.warnPercent / 100,
      regionExtras: (values.regionExtras ?? []).map((r) => ({
        code: r.code.trim(),
        name: { zh: r.name.zh.trim(), en: (r.name.en ?? '').trim() },
        countries: r.countries.map((c) => c.trim()).filter(Boolean),
        extraWorkingDays: r.extraWorkingDays,
      })),
    };
    save.mutate(input, {
      onSuccess: (saved) => {
        void message.success(
          t('slaAdmin.policies.saved', {
            name: saved.typeName ? local(saved.typeName) : local(saved.categoryName),
          }),
        );
        onClose();
      },
      onError: (error) => {
        const specific = specificFields(error);
        const rest = applyServerErrors(form, specific, shows, alias);
        const first = firstErrorPath(specific, shows, alias);
        if (first) form.scrollToField(first);
        if (!first || rest.length > 0) setFailure([errorMessage(error, t), ...rest]);
      },
    });
  };

  const title = policy
    ? t('slaAdmin.policies.editTitle', {
        name: policy.typeName
          ? `${local(policy.categoryName)} / ${local(policy.typeName)}`
          : `${local(policy.categoryName)} / ${t('slaAdmin.policies.categoryDefault')}`,
      })
    : t('slaAdmin.policies.newDefaultTitle');

  return (
    <EditDrawer
      open={target !== null}
      onClose={onClose}
      size={720}
      title={title}
      form={form}
      saving={save.isPending}
      failure={failure}
      saveTestId="policy-save"
    >
      <Alert
        type="warning"
        showIcon
        title={t('slaAdmin.policies.newOnly')}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="policy-form">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="categoryCode"
              label={t('slaAdmin.policies.category')}
              rules={[{ required: true, message: t('slaAdmin.policies.categoryRequired') }]}
              extra={!policy && t('slaAdmin.policies.categoryDefaultHint')}
            >
              <Select
                disabled={Boolean(policy)}
                options={categories.map(([code, name]) => ({ value: code, label: local(name) }))}
                onChange={(code: string) => {
                  const seed = seedFor(code);
                  if (seed) form.setFieldsValue({ ...valuesOf(seed, code) });
                }}
                data-testid="policy-category"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="calendarCode"
              label={t('slaAdmin.policies.calendar')}
              extra={t('slaAdmin.policies.calendarHint')}
              rules={[{ required: true, message: t('slaAdmin.preview.calendarRequired') }]}
            >
              <Select
                loading={calendars.isPending}
                options={(calendars.data ?? []).map((c) => ({
                  value: c.code,
                  label: local(c.name),
                }))}
                data-testid="policy-calendar"
              />
            </Form.Item>
          </Col>
        </Row>
        <div className="sla-form-section">{t('slaAdmin.policies.targets')}</div>
        <Row gutter={16}>
          {DURATIONS.map((key) => (
            <Col xs={24} md={12} key={key}>
              <DurationField name={key} label={t(`slaAdmin.policies.${key}`)} />
            </Col>
          ))}
          <Col xs={24} md={12}>
            <Form.Item
              name="warnPercent"
              label={t('slaAdmin.policies.warn')}
              extra={t('slaAdmin.policies.warnHint')}
              rules={[{ required: true, message: t('slaAdmin.policies.warnRequired') }]}
            >
              <InputNumber
                min={1}
                max={99}
                suffix="%"
                style={{ width: '100%' }}
                data-testid="policy-warn"
              />
            </Form.Item>
          </Col>
        </Row>
        <div className="sla-form-section">{t('slaAdmin.policies.regionExtras')}</div>
        <Typography.Paragraph type="secondary" className="sla-small">
          {t('slaAdmin.policies.regionHint')}
        </Typography.Paragraph>
        <Form.List name="regionExtras">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <div className="sla-region" key={field.key}>
                  <Row gutter={12}>
                    <Col span={7}>
                      <Form.Item
                        name={[field.name, 'code']}
                        label={t('slaAdmin.policies.regionCode')}
                        rules={[
                          { required: true, whitespace: true, message: t('slaAdmin.required') },
                        ]}
                      >
                        <Input maxLength={40} />
                      </Form.Item>
                    </Col>
                    <Col span={7}>
                      <Form.Item
                        name={[field.name, 'name', 'zh']}
                        label={t('slaAdmin.policies.regionName')}
                        rules={[
                          { required: true, whitespace: true, message: t('slaAdmin.required') },
                        ]}
                      >
                        <Input maxLength={40} placeholder={t('catalogAdmin.lang.zh')} />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item name={[field.name, 'name', 'en']} label=" ">
                        <Input maxLength={60} placeholder={t('catalogAdmin.lang.en')} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item
                        name={[field.name, 'extraWorkingDays']}
                        label={t('slaAdmin.policies.extraDays')}
                        rules={[{ required: true, message: t('slaAdmin.required') }]}
                      >
                        <InputNumber min={0} max={60} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Space.Compact block>
                    <Form.Item
                      name={[field.name, 'countries']}
                      label={t('slaAdmin.policies.countries')}
                      style={{ flex: 1, marginBottom: 0 }}
                      rules={[
                        {
                          required: true,
                          type: 'array',
                          min: 1,
                          message: t('slaAdmin.policies.countriesRequired'),
                        },
                      ]}
                    >
                      <Select
                        mode="tags"
                        tokenSeparators={[',', '，', '、']}
                        open={false}
                        suffixIcon={null}
                      />
                    </Form.Item>
                  </Space.Compact>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    className="sla-region-remove"
                    aria-label={t('slaAdmin.remove')}
                    onClick={() => remove(field.name)}
                  />
                </div>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() =>
                  add({ code: '', name: { zh: '', en: '' }, countries: [], extraWorkingDays: 2 })
                }
                block
              >
                {t('slaAdmin.policies.addRegion')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </EditDrawer>
  );
}

/** The three targets a clock can run on; a policy without any of them would time nothing. */
const CLOCKED = ['firstResponse', 'resolution', 'hardMax'] as const;

function DurationField({ name, label }: { name: DurationKey; label: string }) {
  const { t } = useTranslation();
  const needsOne = name === 'resolution';
  return (
    <Form.Item label={label} extra={t(`slaAdmin.policies.hint.${name}`)}>
      <Space.Compact block>
        <Form.Item
          name={[name, 'value']}
          noStyle
          dependencies={needsOne ? CLOCKED.filter((k) => k !== name).map((k) => [k, 'value']) : []}
          rules={
            needsOne
              ? [
                  ({ getFieldValue }) => ({
                    validator: () =>
                      CLOCKED.some((k) => typeof getFieldValue([k, 'value']) === 'number')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('slaAdmin.policies.oneTarget'))),
                  }),
                ]
              : []
          }
        >
          <InputNumber
            min={0}
            max={8760}
            placeholder={t('slaAdmin.duration.none')}
            style={{ width: '55%' }}
            data-testid={`policy-${name}-value`}
          />
        </Form.Item>
        <Form.Item name={[name, 'unit']} noStyle>
          <Select
            style={{ width: '45%' }}
            options={SLA_UNITS.map((u) => ({ value: u, label: t(`slaAdmin.unitShort.${u}`) }))}
            data-testid={`policy-${name}-unit`}
          />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}
