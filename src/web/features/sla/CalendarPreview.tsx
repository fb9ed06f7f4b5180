// SLA 预览: when does a span of time starting at a given moment fall due on a calendar? The start
// is read as wall-clock time in the calendar's own zone, whatever the browser's zone is; the due
// time is shown as the server wrote it, with the days the span skipped and the 调休 days it counted.
import { CalculatorOutlined, ThunderboltOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Col,
  DatePicker,
  Empty,
  Form,
  InputNumber,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CN_CALENDAR, SLA_UNITS, type SlaPreviewRequest, type SlaUnit } from '../../../shared/sla';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../shared/formErrors';
import { useLocalText } from '../../shared/text';
import { useCalendars, usePreview } from './admin-api';
import { formatOffset, splitIso, weekdayIndex, zonedIso, zoneOffsetMinutes } from './admin-format';
import { useSlaWords } from './admin-text';

interface Values {
  calendar: string;
  start: Dayjs;
  amount: number;
  unit: SlaUnit;
}

const ADD_KEY: Record<SlaUnit, keyof SlaPreviewRequest['add']> = {
  working_days: 'workingDays',
  working_hours: 'workingHours',
  hours: 'hours',
};

/** The spec's worked example: the 2025 National Day week, three working days from 30 September. */
const EXAMPLE = { start: '2025-09-30 10:00', amount: 3, unit: 'working_days' as const };

/** Consecutive dates with the same name shown as one span, e.g. 10-01 – 10-08 国庆节. */
function spans(days: { date: string; name: string }[]) {
  const out: { from: string; to: string; name: string; count: number }[] = [];
  for (const d of days) {
    const last = out[out.length - 1];
    const next =
      last && new Date(Date.parse(`${last.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    if (last && last.name === d.name && next === d.date) {
      last.to = d.date;
      last.count += 1;
    } else out.push({ from: d.date, to: d.date, name: d.name, count: 1 });
  }
  return out;
}

export function CalendarPreview() {
  const { t } = useTranslation();
  const local = useLocalText();
  const words = useSlaWords();
  const calendars = useCalendars();
  const preview = usePreview();
  const [form] = Form.useForm<Values>();
  const code = Form.useWatch('calendar', form);
  const start = Form.useWatch('start', form);
  const list = calendars.data ?? [];
  const chosen = list.find((c) => c.code === code);

  useEffect(() => {
    if (!form.getFieldValue('calendar') && list.length) {
      const first = list.find((c) => c.code === CN_CALENDAR) ?? list[0]!;
      form.setFieldValue('calendar', first.code);
    }
  }, [list, form]);

  const offsetText = (() => {
    if (!chosen) return '';
    const wall = (start ?? dayjs()).format('YYYY-MM-DDTHH:mm');
    const iso = zonedIso(wall, chosen.timeZone);
    return `UTC${formatOffset(zoneOffsetMinutes(chosen.timeZone, Date.parse(iso)))}`;
  })();

  const onFinish = (values: Values) => {
    const cal = list.find((c) => c.code === values.calendar);
    const timeZone = cal?.timeZone ?? 'Asia/Shanghai';
    preview.mutate(
      {
        calendar: values.calendar,
        start: zonedIso(values.start.format('YYYY-MM-DDTHH:mm'), timeZone),
        add: { [ADD_KEY[values.unit]]: values.amount },
      },
      {
        onError: (error) => {
          if (!(error instanceof ApiError) || !error.fields) return;
          const map: Record<string, keyof Values> = {
            add: 'amount',
            start: 'start',
            calendar: 'calendar',
          };
          form.setFields(
            Object.entries(error.fields)
              .filter(([name]) => map[name])
              .map(([name, reason]) => ({ name: map[name]!, errors: [reason] })),
          );
        },
      },
    );
  };

  const result = preview.data;
  const due = result ? splitIso(result.due) : null;
  const error = preview.error;

  return (
    <Row gutter={[24, 16]} data-testid="sla-preview">
      <Col xs={24} lg={10}>
        <Typography.Paragraph type="secondary">{t('slaAdmin.preview.intro')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{
            start: dayjs().minute(0).second(0),
            amount: EXAMPLE.amount,
            unit: EXAMPLE.unit,
          }}
          data-testid="preview-form"
        >
          <Form.Item
            name="calendar"
            label={t('slaAdmin.preview.calendar')}
            rules={[{ required: true, message: t('slaAdmin.preview.calendarRequired') }]}
          >
            <Select
              loading={calendars.isPending}
              options={list.map((c) => ({ value: c.code, label: local(c.name) }))}
              data-testid="preview-calendar"
            />
          </Form.Item>
          <Form.Item
            name="start"
            label={t('slaAdmin.preview.start')}
            extra={
              chosen &&
              t('slaAdmin.preview.zoneHint', { zone: chosen.timeZone, offset: offsetText })
            }
            rules={[{ required: true, message: t('slaAdmin.preview.startRequired') }]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              data-testid="preview-start"
            />
          </Form.Item>
          <Form.Item label={t('slaAdmin.preview.amount')} required style={{ marginBottom: 0 }}>
            <Space.Compact block>
              <Form.Item
                name="amount"
                noStyle
                rules={[{ required: true, message: t('slaAdmin.preview.amountRequired') }]}
              >
                <InputNumber
                  min={0}
                  max={8760}
                  style={{ width: '50%' }}
                  data-testid="preview-amount"
                />
              </Form.Item>
              <Form.Item name="unit" noStyle>
                <Select
                  style={{ width: '50%' }}
                  options={SLA_UNITS.map((u) => ({ value: u, label: t(`slaAdmin.unit.${u}`) }))}
                  data-testid="preview-unit"
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Typography.Paragraph type="secondary" className="sla-small" style={{ marginTop: 6 }}>
            {t('slaAdmin.preview.unitHint')}
          </Typography.Paragraph>
          <Space wrap>
            <Button
              type="primary"
              htmlType="submit"
              icon={<CalculatorOutlined />}
              loading={preview.isPending}
              data-testid="preview-run"
            >
              {t('slaAdmin.preview.run')}
            </Button>
            <Button
              icon={<ThunderboltOutlined />}
              onClick={() => {
                form.setFieldsValue({
                  calendar: CN_CALENDAR,
                  start: dayjs(EXAMPLE.start),
                  amount: EXAMPLE.amount,
                  unit: EXAMPLE.unit,
                });
                form.submit();
              }}
              data-testid="preview-example"
            >
              {t('slaAdmin.preview.example')}
            </Button>
          </Space>
        </Form>
      </Col>
      <Col xs={24} lg={14}>
        <div className="sla-preview-result" data-testid="preview-result">
          {error ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorMessage(error, t)}
              description={error instanceof ApiError ? error.detail : undefined}
              data-testid="preview-error"
            />
          ) : !result || !due ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('slaAdmin.preview.empty')} />
          ) : (
            <>
              <Typography.Text type="secondary">{t('slaAdmin.preview.due')}</Typography.Text>
              <div className="sla-due" data-testid="preview-due">
                <span className="sla-due-time">
                  {due.date} {due.time}
                </span>
                <span className="sla-due-meta">
                  {t(`slaAdmin.weekday.${weekdayIndex(due.date)}`)} · UTC{due.offset} ·{' '}
                  {result.timeZone}
                </span>
              </div>
              <Typography.Text type="secondary" className="sla-mono" copyable>
                {result.due}
              </Typography.Text>

              <div className="sla-preview-list">
                <Typography.Text strong>
                  {t('slaAdmin.preview.skipped', { count: result.skipped.length })}
                </Typography.Text>
                {result.skipped.length === 0 ? (
                  <div className="sla-muted">{t('slaAdmin.preview.noneSkipped')}</div>
                ) : (
                  <ul data-testid="preview-skipped">
                    {spans(result.skipped).map((s) => (
                      <li key={s.from}>
                        <span className="sla-date-span">
                          {s.from === s.to ? s.from : `${s.from} – ${s.to.slice(5)}`}
                        </span>
                        <Tag color={s.name === '周末' ? 'default' : 'red'}>
                          {words.dayName(s.name)}
                        </Tag>
                        <span className="sla-muted">
                          {t('slaAdmin.calendars.dayCount', { count: s.count })}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <div className="sla-preview-list">
                <Typography.Text strong>
                  {t('slaAdmin.preview.counted', { count: result.counted.length })}
                </Typography.Text>
                {result.counted.length === 0 ? (
                  <div className="sla-muted">{t('slaAdmin.preview.noneCounted')}</div>
                ) : (
                  <ul data-testid="preview-counted">
                    {result.counted.map((d) => (
                      <li key={d.date}>
                        <span className="sla-date-span">
                          {d.date} {t(`slaAdmin.weekday.${weekdayIndex(d.date)}`)}
                        </span>
                        <Tag color="blue">{d.name}</Tag>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </>
          )}
        </div>
      </Col>
    </Row>
  );
}
