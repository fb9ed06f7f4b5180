// 话术: what the assistant says first when it hears an emotion (安抚话术), per language. The list
// is edited here and saved as a whole.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../shared/formErrors';
import { QueryState } from '../../shared/QueryState';
import { EMOTIONS, useSaveScripts, useScripts, type Script } from './api';

function newId(items: Script[]): string {
  let n = items.length + 1;
  while (items.some((s) => s.id === `script-${n}`)) n++;
  return `script-${n}`;
}

function Editor({ initial }: { initial: Script[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveScripts();
  const [items, setItems] = useState(initial);
  const [problems, setProblems] = useState<Record<string, string>>({});
  useEffect(() => setItems(initial), [initial]);
  const p = 'assistant.kb.scripts';
  const dirty = JSON.stringify(items) !== JSON.stringify(initial);

  const patch = (index: number, change: Partial<Script>) =>
    setItems((list) => list.map((s, i) => (i === index ? { ...s, ...change } : s)));

  const problem = (index: number, field: string) => problems[`items[${index}].${field}`];

  const columns: TableColumnsType<Script> = [
    {
      title: t(`${p}.emotion`),
      key: 'emotion',
      width: 130,
      render: (_, row, index) => (
        <Select
          value={row.emotion}
          onChange={(emotion) => patch(index, { emotion })}
          options={EMOTIONS.map((e) => ({ value: e, label: t(`assistant.emotion.${e}`) }))}
          style={{ width: 110 }}
          status={problem(index, 'emotion') ? 'error' : undefined}
        />
      ),
    },
    {
      title: t(`${p}.locale`),
      key: 'locale',
      width: 120,
      render: (_, row, index) => (
        <Select
          value={row.locale}
          onChange={(locale) => patch(index, { locale })}
          options={[
            { value: 'zh-CN', label: '中文' },
            { value: 'en', label: 'English' },
          ]}
          style={{ width: 100 }}
        />
      ),
    },
    {
      title: t(`${p}.text`),
      key: 'text',
      render: (_, row, index) => (
        <>
          <Input.TextArea
            value={row.text}
            onChange={(e) => patch(index, { text: e.target.value })}
            autoSize={{ minRows: 1, maxRows: 4 }}
            status={problem(index, 'text') ? 'error' : undefined}
            data-testid="script-text"
          />
          {problem(index, 'text') && (
            <Typography.Text type="danger">{problem(index, 'text')}</Typography.Text>
          )}
        </>
      ),
    },
    {
      title: '',
      key: 'remove',
      width: 56,
      render: (_, _row, index) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t(`${p}.remove`)}
          onClick={() => setItems((list) => list.filter((_s, i) => i !== index))}
        />
      ),
    },
  ];

  return (
    <div data-testid="kb-scripts">
      <Typography.Paragraph type="secondary">{t(`${p}.intro`)}</Typography.Paragraph>
      <Table<Script>
        rowKey={(row) => row.id}
        columns={columns}
        dataSource={items}
        pagination={false}
        size="small"
      />
      <div className="kb-toolbar kb-sticky-bar">
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setItems((list) => [
              ...list,
              { id: newId(list), emotion: 'anger', locale: 'zh-CN', text: '' },
            ])
          }
        >
          {t(`${p}.add`)}
        </Button>
        <span className="kb-toolbar-spacer" />
        <Button disabled={!dirty} onClick={() => setItems(initial)}>
          {t(`${p}.undo`)}
        </Button>
        <Button
          type="primary"
          disabled={!dirty}
          loading={save.isPending}
          data-testid="scripts-save"
          onClick={() =>
            save.mutate(items, {
              onSuccess: () => {
                setProblems({});
                message.success(t(`${p}.saved`));
              },
              onError: (error) => {
                if (error instanceof ApiError && error.fields) setProblems(error.fields);
                message.error(errorMessage(error, t));
              },
            })
          }
        >
          {t('common.save')}
        </Button>
      </div>
    </div>
  );
}

export function KbScripts() {
  const scripts = useScripts();
  return <QueryState query={scripts}>{(data) => <Editor initial={data.items} />}</QueryState>;
}
