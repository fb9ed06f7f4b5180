// Editing one year of a calendar: its cited source and its special days (放假 / 调休上班), row by
// row or a whole holiday span at once. Saving replaces the year; clocks use it from then on.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DAY_KINDS, type CalendarDay, type CalendarYear, type DayKind } from '../../../shared/sla';
import { EditDrawer, type Failure } from '../../shared/FormFrame';
import { errorMessage } from '../../shared/formErrors';
import { applyServerErrors, firstErrorPath } from '../catalog/serverErrors';
import { useSaveCalendarYear } from './admin-api';
import { weekdayIndex } from './admin-format';

interface Values {
  source: string;
  days: CalendarDay[];
}

const shows = (path: string) => path === 'source' || /^days\.\d+\.(date|kind|name)$/.test(path);

export function CalendarYearDrawer({
  code,
  year,
  onClose,
  onSaved,
}: {
  code: string;
  /** The year to edit (no days yet for a year being entered); null = closed. */
  year: CalendarYear | null;
  onClose: () => void;
  onSaved: (year: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveCalendarYear(code);
  const [failure, setFailure] = useState<Failure>(null);
  // Kept while the drawer slides shut, so its title does not jump.
  const [last, setLast] = useState<CalendarYear | null>(year);
  const shown = year ?? last;
  const y = shown?.year ?? new Date().getFullYear();

  useEffect(() => {
    if (!year) return;
    setLast(year);
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({ source: year.source, days: year.days.map((d) => ({ ...d })) });
  }, [year, form]);

  const inYear = (d: Dayjs) => d.year() !== y;
  const sortDays = () => {
    const days: CalendarDay[] = form.getFieldValue('days') ?? [];
    form.setFieldValue(
      'days',
      [...days].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')),
    );
  };

  const onFinish = (values: Values) => {
    setFailure(null);
    const days = [...(values.days ?? [])]
      .map((d) => ({ date: d.date, kind: d.kind, name: d.name.trim() }))
      .sort((a, b) => a.date.localeCompare(b.date));
    save.mutate(
      { year: y, source: values.source.trim(), days },
      {
        onSuccess: () => {
          void message.success(
            t('slaAdmin.yearEditor.saved', {
              year: y,
              holidays: days.filter((d) => d.kind === 'holiday').length,
              workdays: days.filter((d) => d.kind === 'workday').length,
            }),
          );
          onSaved(y);
          onClose();
        },
        onError: (error) => {
          const rest = applyServerErrors(form, error, shows);
          const first = firstErrorPath(error, shows);
          if (first) form.scrollToField(first);
          if (!first || rest.length > 0) setFailure([errorMessage(error, t), ...rest]);
        },
      },
    );
  };

  return (
    <EditDrawer
      open={year !== null}
      onClose={onClose}
      size={760}
      title={t(
        shown?.days.length ? 'slaAdmin.yearEditor.editTitle' : 'slaAdmin.yearEditor.newTitle',
        {
          year: y,
        },
      )}
      form={form}
      saving={save.isPending}
      failure={failure}
      saveTestId="year-save"
    >
      <Typography.Paragraph type="secondary">{t('slaAdmin.yearEditor.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="year-form">
        <Form.Item
          name="source"
          label={t('slaAdmin.calendars.source')}
          extra={t('slaAdmin.yearEditor.sourceHint')}
          rules={[
            { required: true, whitespace: true, message: t('slaAdmin.yearEditor.sourceRequired') },
          ]}
        >
          <Input maxLength={200} data-testid="year-source" />
        </Form.Item>
        <SpanAdder
          year={y}
          onAdd={(added) => {
            const days: CalendarDay[] = form.getFieldValue('days') ?? [];
            const taken = new Set(added.map((d) => d.date));
            form.setFieldValue('days', [...days.filter((d) => !taken.has(d.date)), ...added]);
            sortDays();
          }}
        />
        <Form.List name="days">
          {(fields, { add, remove }) => (
            <div className="sla-days-editor">
              <div className="sla-days-row sla-days-head">
                <span>{t('slaAdmin.days.date')}</span>
                <span>{t('slaAdmin.days.weekday')}</span>
                <span>{t('slaAdmin.days.kind')}</span>
                <span>{t('slaAdmin.days.name')}</span>
                <span />
              </div>
              {fields.length === 0 && (
                <Typography.Text type="secondary" className="sla-days-empty">
                  {t('slaAdmin.yearEditor.noDays')}
                </Typography.Text>
              )}
              {fields.map((field) => (
                <div className="sla-days-row" key={field.key} data-testid="year-day-row">
                  <Form.Item
                    name={[field.name, 'date']}
                    rules={[
                      { required: true, message: t('slaAdmin.yearEditor.dateRequired') },
                      {
                        validator: (_, value: string | undefined) => {
                          const all: CalendarDay[] = form.getFieldValue('days') ?? [];
                          const same = all.filter((d) => d?.date && d.date === value).length;
                          return value && same > 1
                            ? Promise.reject(new Error(t('slaAdmin.yearEditor.duplicate')))
                            : Promise.resolve();
                        },
                      },
                    ]}
                    getValueProps={(value?: string) => ({ value: value ? dayjs(value) : null })}
                    normalize={(value: Dayjs | null) => value?.format('YYYY-MM-DD')}
                  >
                    <DatePicker
                      disabledDate={inYear}
                      defaultPickerValue={dayjs(`${y}-01-01`)}
                      allowClear={false}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                  <Form.Item shouldUpdate noStyle>
                    {() => {
                      const date: string | undefined = form.getFieldValue([
                        'days',
                        field.name,
                        'date',
                      ]);
                      return (
                        <span className="sla-days-weekday">
                          {date ? t(`slaAdmin.weekday.${weekdayIndex(date)}`) : ''}
                        </span>
                      );
                    }}
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} initialValue="holiday">
                    <Select<DayKind>
                      options={DAY_KINDS.map((k) => ({ value: k, label: t(`slaAdmin.kind.${k}`) }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('slaAdmin.yearEditor.nameRequired'),
                      },
                    ]}
                  >
                    <Input maxLength={60} placeholder={t('slaAdmin.yearEditor.namePlaceholder')} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('slaAdmin.remove')}
                    onClick={() => remove(field.name)}
                  />
                </div>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ date: undefined, kind: 'holiday', name: '' })}
                block
                data-testid="year-day-add"
              >
                {t('slaAdmin.yearEditor.addDay')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </EditDrawer>
  );
}

/** Adds every date of a span at once (国庆节 is eight rows otherwise). */
function SpanAdder({ year, onAdd }: { year: number; onAdd: (days: CalendarDay[]) => void }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [kind, setKind] = useState<DayKind>('holiday');
  const [name, setName] = useState('');
  const add = () => {
    if (!range) return;
    const days: CalendarDay[] = [];
    for (let d = range[0]; !d.isAfter(range[1], 'day'); d = d.add(1, 'day')) {
      days.push({ date: d.format('YYYY-MM-DD'), kind, name: name.trim() });
    }
    onAdd(days);
    setRange(null);
    setName('');
  };
  return (
    <div className="sla-span-adder">
      <Typography.Text strong>{t('slaAdmin.yearEditor.addSpan')}</Typography.Text>
      <Space wrap size={8}>
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)}
          disabledDate={(d) => d.year() !== year}
          defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-02-01`)]}
          style={{ width: 260 }}
        />
        <Select<DayKind>
          value={kind}
          onChange={setKind}
          style={{ width: 120 }}
          options={DAY_KINDS.map((k) => ({ value: k, label: t(`slaAdmin.kind.${k}`) }))}
        />
        <Input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('slaAdmin.yearEditor.namePlaceholder')}
          maxLength={60}
          style={{ width: 160 }}
        />
        <Button icon={<PlusOutlined />} disabled={!range || !name.trim()} onClick={add}>
          {t('slaAdmin.yearEditor.addSpanButton')}
        </Button>
      </Space>
    </div>
  );
}
