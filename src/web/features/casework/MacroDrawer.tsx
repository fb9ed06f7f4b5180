// Writing a canned reply: title, who may use it, the text with {{variables}} (click one to insert
// it at the cursor), and a live preview filled with sample values, rendered exactly as the server
// will (src/shared/macros.ts).
import { App, Col, Form, Input, Row, Select, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MACRO_VARIABLES, REPLY_MAX, type MacroVariable } from '../../../shared/cases';
import { findUnknownVariables, renderMacro } from '../../../shared/macros';
import type { Macro, Team } from '../../app/types';
import { EditDrawer } from '../../shared/FormFrame';
import { applyFieldErrors, errorMessage } from '../../shared/formErrors';
import { useLocalText } from '../../shared/text';
import { useSaveMacro } from './api';

interface Values {
  title: string;
  body: string;
  teamCode: string | null;
  enabled: boolean;
}

const TITLE_MAX = 60;

export function MacroDrawer({
  macro,
  open,
  teams,
  onClose,
}: {
  macro: Macro | null;
  open: boolean;
  teams: Team[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const local = useLocalText();
  const [form] = Form.useForm<Values>();
  const save = useSaveMacro();
  const [failure, setFailure] = useState<string | null>(null);
  const body = Form.useWatch('body', form) ?? '';
  const area = useRef<TextAreaRef>(null);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({
      title: macro?.title ?? '',
      body: macro?.body ?? '',
      teamCode: macro?.teamCode ?? null,
      enabled: macro?.enabled ?? true,
    });
  }, [open, macro, form]);

  const sample = Object.fromEntries(
    MACRO_VARIABLES.map((name) => [name, t(`caseWork.macros.sample.${name}`)]),
  ) as Record<MacroVariable, string>;
  const unknown = findUnknownVariables(body);

  const insert = (name: MacroVariable) => {
    const token = `{{${name}}}`;
    const el = area.current?.resizableTextArea?.textArea;
    const current: string = form.getFieldValue('body') ?? '';
    const start = el?.selectionStart ?? current.length;
    const end = el?.selectionEnd ?? current.length;
    form.setFieldValue('body', current.slice(0, start) + token + current.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const onFinish = (values: Values) => {
    setFailure(null);
    save.mutate(
      {
        id: macro?.id ?? null,
        input: {
          title: values.title.trim(),
          body: values.body,
          teamCode: values.teamCode ?? null,
          enabled: values.enabled,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('caseWork.macros.saved', { title: values.title.trim() }));
          onClose();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, ['title', 'body', 'teamCode', 'enabled'])) {
            setFailure(errorMessage(error, t));
          }
        },
      },
    );
  };

  return (
    <EditDrawer
      open={open}
      onClose={onClose}
      size={760}
      title={macro ? t('caseWork.macros.editTitle') : t('caseWork.macros.newTitle')}
      form={form}
      saving={save.isPending}
      failure={failure}
      saveTestId="macro-save"
    >
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="macro-form">
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item
              name="title"
              label={t('caseWork.macros.titleField')}
              rules={[
                { required: true, whitespace: true, message: t('caseWork.macros.titleRequired') },
              ]}
            >
              <Input maxLength={TITLE_MAX} showCount data-testid="macro-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="teamCode" label={t('caseWork.macros.team')}>
              <Select
                allowClear
                placeholder={t('caseWork.macros.everyone')}
                options={teams.map((x) => ({ value: x.code, label: local(x.name) }))}
                data-testid="macro-team"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="body"
          label={t('caseWork.macros.body')}
          rules={[
            { required: true, whitespace: true, message: t('caseWork.macros.bodyRequired') },
            {
              validator: (_, value: string | undefined) => {
                const bad = findUnknownVariables(value ?? '');
                return bad.length
                  ? Promise.reject(
                      new Error(t('caseWork.macros.unknownVariable', { names: bad.join('、') })),
                    )
                  : Promise.resolve();
              },
            },
          ]}
          extra={t('caseWork.macros.bodyHint', { token: `{{${t('caseWork.macros.varName')}}}` })}
        >
          <Input.TextArea
            ref={area}
            rows={7}
            maxLength={REPLY_MAX}
            showCount
            data-testid="macro-body"
          />
        </Form.Item>
        <div className="cw-macro-vars" style={{ marginBottom: 16 }} data-testid="macro-variables">
          <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
            {t('caseWork.macros.variables')}
          </Typography.Text>
          <Space size={[6, 6]} wrap>
            {MACRO_VARIABLES.map((name) => (
              <Tooltip
                key={name}
                title={t('caseWork.macros.varExample', {
                  meaning: t(`caseWork.macros.var.${name}`),
                  example: sample[name],
                })}
              >
                <Tag
                  className="cw-macro-var"
                  color="blue"
                  style={{ cursor: 'pointer', marginInlineEnd: 0 }}
                  onClick={() => insert(name)}
                  data-testid={`macro-var-${name}`}
                >
                  {`{{${name}}}`} {t(`caseWork.macros.var.${name}`)}
                </Tag>
              </Tooltip>
            ))}
          </Space>
        </div>
        <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
          {t('caseWork.macros.preview')}
        </Typography.Text>
        <div className="cw-macro-preview" data-testid="macro-preview">
          {body ? (
            renderMacro(body, sample)
          ) : (
            <span className="cw-muted">{t('caseWork.macros.previewEmpty')}</span>
          )}
        </div>
        {unknown.length > 0 && (
          <Typography.Text type="danger" style={{ display: 'block', marginTop: 6 }}>
            {t('caseWork.macros.unknownVariable', { names: unknown.join('、') })}
          </Typography.Text>
        )}
        <Form.Item
          name="enabled"
          label={t('caseWork.macros.enabled')}
          valuePropName="checked"
          style={{ marginTop: 16 }}
        >
          <Switch data-testid="macro-enabled" />
        </Form.Item>
      </Form>
    </EditDrawer>
  );
}
