// One template (node × channel × language): subject (all but SMS) and body, the node's variables
// as tags that insert {{name}} where the cursor was, Save, 恢复默认 and 预览. The server checks
// the variables; what it refuses is shown under the field it concerns.
import { EyeOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Popconfirm, Tag, Tooltip } from 'antd';
import type { GetRef, InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateView } from '../../../shared/notifications';
import { applyFieldErrors, errorMessage } from '../../shared/formErrors';
import { useFormatDateTime } from '../../shared/text';
import { usePreview, useResetTemplate, useSaveTemplate, type PreviewReply } from './api';
import { TemplatePreview } from './TemplatePreview';

type TextAreaRef = GetRef<typeof Input.TextArea>;

interface Values {
  subject: string;
  body: string;
  number: string;
}

/** The server's limits (templates.ts BODY_MAX), shown as the counter's maximum. */
const BODY_MAX: Record<TemplateView['channel'], number> = {
  in_app: 500,
  sms: 300,
  email: 5000,
  wechat: 200,
};
const SUBJECT_MAX = 200;

const FIELDS = ['subject', 'body', 'number'] as const;

export function TemplateEditor({
  template,
  variables,
}: {
  template: TemplateView;
  variables: string[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatDateTime = useFormatDateTime();
  const [form] = Form.useForm<Values>();
  const save = useSaveTemplate();
  const reset = useResetTemplate();
  const preview = usePreview();
  const [shown, setShown] = useState<{ of: string; reply: PreviewReply } | null>(null);
  const subjectRef = useRef<InputRef>(null);
  const bodyRef = useRef<TextAreaRef>(null);
  const lastField = useRef<'subject' | 'body'>('body');
  const subject = Form.useWatch('subject', form) ?? template.subject ?? '';
  const body = Form.useWatch('body', form) ?? template.body;
  const p = 'notifications.templates';
  const hasSubject = template.channel !== 'sms';
  const key = { node: template.node, channel: template.channel, locale: template.locale };
  const dirty = body !== template.body || (hasSubject && subject !== (template.subject ?? ''));
  /** What the preview was drawn from, to tell when the text has moved on since. */
  const textOf = (values: { subject?: string; body?: string }) =>
    JSON.stringify([hasSubject ? (values.subject ?? '') : '', values.body ?? '']);
  const textNow = textOf({ subject, body });

  const insert = (name: string) => {
    const field = hasSubject ? lastField.current : 'body';
    const element =
      field === 'subject'
        ? subjectRef.current?.input
        : bodyRef.current?.resizableTextArea?.textArea;
    const current = String(form.getFieldValue(field) ?? '');
    const token = `{{${name}}}`;
    const start = element?.selectionStart ?? current.length;
    const end = element?.selectionEnd ?? current.length;
    form.setFields([
      { name: field, value: current.slice(0, start) + token + current.slice(end), errors: [] },
    ]);
    // Back to where the person was typing, just after what was inserted.
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const refused = (error: unknown) => {
    if (!applyFieldErrors(form, error, FIELDS)) void message.error(errorMessage(error, t));
  };

  const onSave = () =>
    void form.validateFields(['subject', 'body']).then((values) =>
      save.mutate(
        { key, subject: hasSubject ? values.subject : null, body: values.body },
        {
          onSuccess: (view) => {
            form.setFieldsValue({ subject: view.subject ?? '', body: view.body });
            void message.success(t(`${p}.saved`));
          },
          onError: refused,
        },
      ),
    );

  const onReset = () =>
    reset.mutate(key, {
      onSuccess: (view) => {
        form.setFields([
          { name: 'subject', value: view.subject ?? '', errors: [] },
          { name: 'body', value: view.body, errors: [] },
        ]);
        setShown(null);
        void message.success(t(`${p}.resetDone`));
      },
      onError: (error) => void message.error(errorMessage(error, t)),
    });

  const onPreview = () => {
    const values = form.getFieldsValue();
    form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
    preview.mutate(
      {
        ...key,
        subject: hasSubject ? values.subject : null,
        body: values.body,
        number: values.number?.trim() || undefined,
      },
      {
        onSuccess: (reply) => setShown({ of: textOf(values), reply }),
        onError: refused,
      },
    );
  };

  return (
    <div
      className="nt-editor"
      data-testid="template-editor"
      data-node={template.node}
      data-channel={template.channel}
      data-locale={template.locale}
    >
      <div className="nt-editor-state">
        {template.customised ? (
          <>
            <Tag color="blue">{t(`${p}.customised`)}</Tag>
            {template.updatedBy && template.updatedAt && (
              <span className="nt-muted">
                {t(`${p}.updated`, {
                  by: template.updatedBy,
                  at: formatDateTime(template.updatedAt),
                })}
              </span>
            )}
          </>
        ) : (
          <Tag>{t(`${p}.default`)}</Tag>
        )}
        {dirty && (
          <Tag color="orange" data-testid="template-dirty">
            {t(`${p}.unsaved`)}
          </Tag>
        )}
      </div>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ subject: template.subject ?? '', body: template.body, number: '' }}
        onValuesChange={(changed: Partial<Values>) => {
          // A change clears the server's complaint about that field; it is judged again on save.
          form.setFields(
            Object.keys(changed).map((name) => ({ name: name as keyof Values, errors: [] })),
          );
        }}
      >
        {hasSubject && (
          <Form.Item
            name="subject"
            label={t(template.channel === 'email' ? `${p}.subjectEmail` : `${p}.subject`)}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input
              ref={subjectRef}
              count={{ show: true, max: SUBJECT_MAX }}
              onFocus={() => (lastField.current = 'subject')}
              data-testid="template-subject"
            />
          </Form.Item>
        )}
        <Form.Item
          name="body"
          label={t(`${p}.body`)}
          rules={[{ required: true, whitespace: true }]}
          extra={template.channel === 'sms' ? t(`${p}.smsNote`) : undefined}
        >
          <Input.TextArea
            ref={bodyRef}
            autoSize={{ minRows: template.channel === 'email' ? 8 : 3, maxRows: 18 }}
            count={{ show: true, max: BODY_MAX[template.channel] }}
            onFocus={() => (lastField.current = 'body')}
            data-testid="template-body"
          />
        </Form.Item>
        <div className="nt-vars" data-testid="template-variables">
          <span className="nt-vars-label">{t(`${p}.variables`)}</span>
          {variables.map((name) => (
            <Tooltip key={name} title={t(`notifications.variable.${name}`, { defaultValue: name })}>
              <button
                type="button"
                className="nt-var"
                onClick={() => insert(name)}
                data-testid={`var-${name}`}
              >
                {`{{${name}}}`}
              </button>
            </Tooltip>
          ))}
        </div>
        <div className="nt-editor-actions">
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            onClick={onSave}
            data-testid="template-save"
          >
            {t(`${p}.save`)}
          </Button>
          <Popconfirm title={t(`${p}.resetConfirm`)} onConfirm={onReset}>
            <Button
              icon={<UndoOutlined />}
              loading={reset.isPending}
              disabled={!template.customised && !dirty}
              data-testid="template-reset"
            >
              {t(`${p}.reset`)}
            </Button>
          </Popconfirm>
          <span className="nt-editor-preview">
            <Form.Item name="number" noStyle>
              <Input
                allowClear
                placeholder={t(`${p}.previewNumberPlaceholder`)}
                aria-label={t(`${p}.previewNumber`)}
                className="nt-preview-number"
                data-testid="preview-number"
              />
            </Form.Item>
            <Button
              icon={<EyeOutlined />}
              loading={preview.isPending}
              onClick={onPreview}
              data-testid="template-preview"
            >
              {t(`${p}.preview`)}
            </Button>
          </span>
        </div>
        <Form.Item shouldUpdate noStyle>
          {() => {
            const error = form.getFieldError('number')[0];
            return error ? (
              <div className="ant-form-item-explain-error nt-number-error" role="alert">
                {error}
              </div>
            ) : null;
          }}
        </Form.Item>
      </Form>
      <TemplatePreview
        channel={template.channel}
        reply={shown?.reply ?? null}
        stale={shown !== null && shown.of !== textNow}
      />
    </div>
  );
}
