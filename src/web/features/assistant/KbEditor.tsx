// Creating or editing one knowledge-base entry in a drawer: the standard question, the other
// ways people ask it (an editable list), the answer with a live preview of how it renders, and
// whether it is in use. The server checks it; its reasons go under the fields. Someone else's
// save in between (a stale version) is said plainly, with the newer text a click away.
import { DeleteOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Drawer,
  Form,
  Input,
  Space,
  Switch,
  Typography,
} from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api';
import { errorMessage } from '../../shared/formErrors';
import { useSaveEntry, type KbEntryView, type KbInput } from './api';
import { RichText } from './RichText';

interface Values {
  id?: string;
  category: string;
  question: string;
  similar: string[];
  answer: string;
  enabled: boolean;
}

/** 'similar[2]' → ['similar', 2]; 'question' → ['question']. */
function fieldPath(key: string): NamePath | null {
  const list = /^similar(?:\[(\d+)\]|\.(\d+))$/.exec(key);
  if (list) return ['similar', Number(list[1] ?? list[2])];
  if (['id', 'category', 'question', 'answer', 'enabled'].includes(key)) return [key];
  return null;
}

function toValues(entry: KbEntryView | null, prefill?: Partial<KbInput>): Values {
  if (entry) {
    return {
      category: entry.category,
      question: entry.question,
      similar: entry.similar.length > 0 ? [...entry.similar] : [''],
      answer: entry.answer,
      enabled: entry.enabled,
    };
  }
  return {
    id: prefill?.id ?? '',
    category: prefill?.category ?? '',
    question: prefill?.question ?? '',
    similar: prefill?.similar?.length ? [...prefill.similar] : [''],
    answer: prefill?.answer ?? '',
    enabled: prefill?.enabled ?? true,
  };
}

export function KbEditor({
  open,
  entry,
  prefill,
  categories,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The entry to edit; null creates a new one. */
  entry: KbEntryView | null;
  prefill?: Partial<KbInput>;
  categories: string[];
  onClose: () => void;
  onSaved?: (entry: KbEntryView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveEntry();
  const [editing, setEditing] = useState<KbEntryView | null>(entry);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const answer = Form.useWatch('answer', form) ?? '';
  const p = 'assistant.kb.editor';

  useEffect(() => {
    if (!open) return;
    setEditing(entry);
    setConflict(false);
    form.resetFields();
    form.setFieldsValue(toValues(entry, prefill));
  }, [open, entry, prefill, form]);

  const submit = (values: Values) => {
    const input: KbInput = {
      ...(editing ? {} : values.id?.trim() ? { id: values.id.trim() } : {}),
      category: values.category,
      question: values.question,
      similar: (values.similar ?? []).map((s) => s ?? ''),
      answer: values.answer,
      enabled: values.enabled,
    };
    save.mutate(
      { input, editing },
      {
        onSuccess: (saved) => {
          message.success(editing ? t(`${p}.saved`) : t(`${p}.created`, { id: saved.id }));
          onSaved?.(saved);
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409 && editing) {
            setConflict(true);
            return;
          }
          if (error instanceof ApiError && error.fields) {
            const fields = Object.entries(error.fields)
              .map(([key, reason]) => ({ path: fieldPath(key), reason }))
              .filter((f): f is { path: NamePath; reason: string } => f.path !== null);
            if (fields.length > 0) {
              form.setFields(fields.map((f) => ({ name: f.path, errors: [f.reason] })));
              if (fields.length === Object.keys(error.fields).length) return;
            }
          }
          message.error(errorMessage(error, t));
        },
      },
    );
  };

  const reload = async () => {
    if (!editing) return;
    setReloading(true);
    try {
      const latest = await api.get<KbEntryView>(
        `/api/v1/assistant/kb/${encodeURIComponent(editing.id)}`,
      );
      setEditing(latest);
      setConflict(false);
      form.setFieldsValue(toValues(latest));
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setReloading(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={620}
      destroyOnHidden
      title={editing ? t(`${p}.editTitle`, { id: editing.id }) : t(`${p}.createTitle`)}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="kb-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
      data-testid="kb-editor"
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(`${p}.conflict`)}
          action={
            <Button size="small" icon={<ReloadOutlined />} loading={reloading} onClick={reload}>
              {t(`${p}.reload`)}
            </Button>
          }
          data-testid="kb-conflict"
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        {!editing && (
          <Form.Item name="id" label={t(`${p}.id`)} extra={t(`${p}.idHint`)}>
            <Input placeholder="wxpay-refund-01" maxLength={64} data-testid="kb-id" />
          </Form.Item>
        )}
        <Form.Item
          name="category"
          label={t(`${p}.category`)}
          rules={[{ required: true, whitespace: true, message: t(`${p}.categoryRequired`) }]}
        >
          <AutoComplete
            options={categories.map((c) => ({ value: c }))}
            filterOption={(input, option) => (option?.value ?? '').includes(input)}
            placeholder={t(`${p}.categoryPlaceholder`)}
            data-testid="kb-category"
          />
        </Form.Item>
        <Form.Item
          name="question"
          label={t(`${p}.question`)}
          rules={[{ required: true, whitespace: true, message: t(`${p}.questionRequired`) }]}
        >
          <Input maxLength={200} data-testid="kb-question" />
        </Form.Item>
        <Form.Item label={t(`${p}.similar`)} extra={t(`${p}.similarHint`)}>
          <Form.List name="similar">
            {(fields, { add, remove }) => (
              <div data-testid="kb-similar">
                {fields.map((field, index) => (
                  <div className="kb-similar-row" key={field.key}>
                    <Form.Item name={field.name} noStyle={false} style={{ flex: 1, margin: 0 }}>
                      <Input
                        maxLength={200}
                        placeholder={t(`${p}.similarPlaceholder`, { n: index + 1 })}
                        data-testid="kb-similar-input"
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t(`${p}.removeSimilar`)}
                      disabled={fields.length === 1}
                    />
                  </div>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add('')}
                  block
                  data-testid="kb-similar-add"
                >
                  {t(`${p}.addSimilar`)}
                </Button>
              </div>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item
          name="answer"
          label={t(`${p}.answer`)}
          extra={t(`${p}.answerHint`)}
          rules={[{ required: true, whitespace: true, message: t(`${p}.answerRequired`) }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} data-testid="kb-answer" />
        </Form.Item>
        <Typography.Text type="secondary">{t(`${p}.preview`)}</Typography.Text>
        <div className="kb-preview" data-testid="kb-preview">
          {answer.trim() ? (
            <RichText text={answer} />
          ) : (
            <span className="kb-muted">{t(`${p}.previewEmpty`)}</span>
          )}
        </div>
        <Form.Item
          name="enabled"
          label={t(`${p}.enabled`)}
          valuePropName="checked"
          style={{ marginTop: 16 }}
        >
          <Switch data-testid="kb-enabled" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
