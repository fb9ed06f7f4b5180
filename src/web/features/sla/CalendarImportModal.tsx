// Importing holidays and 调休 days from an iCalendar file (uploaded or pasted) with a note of
// where they come from. A file touching several years (元旦 often starts on 30 December) must say
// which years it is the schedule for: the admin ticks them, and the server refuses until then.
import { InboxOutlined } from '@ant-design/icons';
import { App, Checkbox, Form, Input, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { FormModal, type Failure } from '../../shared/FormFrame';
import { errorMessage } from '../../shared/formErrors';
import { useImportCalendar } from './admin-api';
import { yearsInIcs } from './admin-format';

interface Values {
  source: string;
  ics: string;
  years?: number[];
}

const FIELDS = ['source', 'ics', 'years'] as const;
type FieldName = (typeof FIELDS)[number];
const isField = (name: string): name is FieldName => (FIELDS as readonly string[]).includes(name);

export function CalendarImportModal({
  code,
  open,
  onClose,
  onImported,
}: {
  code: string;
  open: boolean;
  onClose: () => void;
  onImported: (years: number[]) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const run = useImportCalendar(code);
  const [failure, setFailure] = useState<Failure>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [askYears, setAskYears] = useState(false);
  const ics = Form.useWatch('ics', form) ?? '';
  const inFile = yearsInIcs(ics);
  const showYears = inFile.length > 1 || askYears;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
    setFileName(null);
    setAskYears(false);
  }, [open, form]);

  const onFinish = (values: Values) => {
    setFailure(null);
    const years = values.years?.length ? values.years : undefined;
    run.mutate(
      { ics: values.ics, source: values.source.trim(), years },
      {
        onSuccess: (result) => {
          void message.success(
            t('slaAdmin.import.done', {
              years: result.years
                .map((y) =>
                  t('slaAdmin.import.doneYear', {
                    year: y.year,
                    holidays: y.holidays,
                    workdays: y.workdays,
                  }),
                )
                .join(t('common.listSeparator')),
            }),
          );
          onImported(result.years.map((y) => y.year));
          onClose();
        },
        onError: (error) => {
          const fields = error instanceof ApiError ? (error.fields ?? {}) : {};
          if (fields.years) setAskYears(true);
          const known = Object.entries(fields).filter((e): e is [FieldName, string] =>
            isField(e[0]),
          );
          // Without choices to tick, a years refusal can only be read above the form.
          const placeable = known.filter(([name]) => name !== 'years' || inFile.length > 1);
          form.setFields(placeable.map(([name, reason]) => ({ name, errors: [reason] })));
          if (placeable.length < Object.keys(fields).length || placeable.length === 0) {
            setFailure([
              errorMessage(error, t),
              ...Object.entries(fields)
                .filter(([name]) => !placeable.some(([p]) => p === name))
                .map(([, reason]) => reason),
            ]);
          }
        },
      },
    );
  };

  return (
    <FormModal
      open={open}
      title={t('slaAdmin.import.title')}
      okText={t('slaAdmin.import.submit')}
      form={form}
      saving={run.isPending}
      failure={failure}
      okTestId="import-submit"
      failureTestId="import-failure"
      onClose={onClose}
      intro={
        <Typography.Paragraph type="secondary">{t('slaAdmin.import.intro')}</Typography.Paragraph>
      }
    >
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="import-form">
        <Form.Item
          name="source"
          label={t('slaAdmin.calendars.source')}
          extra={t('slaAdmin.yearEditor.sourceHint')}
          rules={[
            { required: true, whitespace: true, message: t('slaAdmin.yearEditor.sourceRequired') },
          ]}
        >
          <Input maxLength={200} data-testid="import-source" />
        </Form.Item>
        <Upload.Dragger
          accept=".ics,text/calendar"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then((text) => {
              form.setFieldValue('ics', text);
              form.setFieldValue('years', undefined);
              setFileName(file.name);
              setAskYears(false);
              void form.validateFields(['ics']);
            });
            return false;
          }}
          className="sla-dropzone"
        >
          <InboxOutlined className="sla-dropzone-icon" />
          <span data-testid="import-file">
            {fileName
              ? t('slaAdmin.import.fileChosen', { name: fileName })
              : t('slaAdmin.import.dropFile')}
          </span>
        </Upload.Dragger>
        <Form.Item
          name="ics"
          label={t('slaAdmin.import.paste')}
          rules={[{ required: true, whitespace: true, message: t('slaAdmin.import.icsRequired') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 10 }}
            placeholder={'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20271001\n…'}
            className="sla-mono"
            data-testid="import-ics"
          />
        </Form.Item>
        {showYears && (
          <Form.Item
            name="years"
            label={t('slaAdmin.import.years')}
            extra={t('slaAdmin.import.yearsHint')}
          >
            <Checkbox.Group
              options={inFile.map((y) => ({ value: y, label: String(y) }))}
              data-testid="import-years"
            />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
