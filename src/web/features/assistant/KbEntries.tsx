// The knowledge base's entries: search, filter by category and state, page through; managers
// create, edit, switch off, delete, import and export; everyone with access reads the history.
import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  HistoryOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { App, Button, Input, Popconfirm, Select, Switch, Table, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../shared/ErrorResult';
import { errorMessage } from '../../shared/formErrors';
import { useFormatDateTime } from '../../shared/text';
import {
  exportKb,
  useDeleteEntry,
  useKbList,
  useSaveEntry,
  type KbEntryView,
  type KbFilter,
} from './api';
import { KbEditor } from './KbEditor';
import { KbHistory } from './KbHistory';
import { KbImport } from './KbImport';

function download(name: string, data: unknown): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

function EnabledSwitch({ entry, canManage }: { entry: KbEntryView; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveEntry();
  return (
    <Switch
      size="small"
      checked={entry.enabled}
      disabled={!canManage}
      loading={save.isPending}
      aria-label={t('assistant.kb.field.enabled')}
      onChange={(enabled) =>
        save.mutate(
          {
            editing: entry,
            input: {
              category: entry.category,
              question: entry.question,
              similar: entry.similar,
              answer: entry.answer,
              enabled,
            },
          },
          { onError: (error) => void message.error(errorMessage(error, t)) },
        )
      }
      data-testid="kb-enabled-switch"
    />
  );
}

export function KbEntries({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatDateTime = useFormatDateTime();
  const [filter, setFilter] = useState<KbFilter>({ page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const list = useKbList(filter);
  const remove = useDeleteEntry();
  const [editor, setEditor] = useState<{ entry: KbEntryView | null } | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const categories = list.data?.categories ?? [];
  const p = 'assistant.kb';

  const set = (patch: Partial<KbFilter>) => setFilter((f) => ({ ...f, page: 1, ...patch }));

  const runExport = async () => {
    setExporting(true);
    try {
      const data = await exportKb();
      const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
      download(`redress-kb-${day}.json`, data);
      message.success(t(`${p}.exported`, { count: data.entries.length }));
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<KbEntryView> = [
    {
      title: t(`${p}.field.id`),
      dataIndex: 'id',
      key: 'id',
      width: 150,
      render: (id: string) => <span className="kb-id">{id}</span>,
    },
    {
      title: t(`${p}.field.category`),
      dataIndex: 'category',
      key: 'category',
      width: 110,
    },
    {
      title: t(`${p}.field.question`),
      key: 'question',
      render: (_, row) => (
        <Tooltip title={row.answer} placement="topLeft" mouseEnterDelay={0.6}>
          <span className="kb-question">{row.question}</span>
        </Tooltip>
      ),
    },
    {
      title: t(`${p}.field.similar`),
      key: 'similar',
      width: 90,
      align: 'center',
      render: (_, row) => (
        <Tooltip title={row.similar.length ? row.similar.join(' / ') : undefined}>
          <span>{row.similar.length}</span>
        </Tooltip>
      ),
    },
    {
      title: t(`${p}.field.enabled`),
      key: 'enabled',
      width: 80,
      render: (_, row) => <EnabledSwitch entry={row} canManage={canManage} />,
    },
    {
      title: t(`${p}.updated`),
      key: 'updated',
      width: 170,
      render: (_, row) => (
        <div>
          <div className="kb-nowrap">{formatDateTime(row.updatedAt)}</div>
          <div className="kb-muted">{row.updatedBy ?? t(`${p}.history.system`)}</div>
        </div>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: canManage ? 150 : 80,
      render: (_, row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {canManage && (
            <Tooltip title={t(`${p}.edit`)}>
              <Button
                type="text"
                icon={<EditOutlined />}
                onClick={() => setEditor({ entry: row })}
                aria-label={t(`${p}.edit`)}
                data-testid="kb-edit"
              />
            </Tooltip>
          )}
          <Tooltip title={t(`${p}.history.open`)}>
            <Button
              type="text"
              icon={<HistoryOutlined />}
              onClick={() => setHistoryOf(row.id)}
              aria-label={t(`${p}.history.open`)}
              data-testid="kb-history-open"
            />
          </Tooltip>
          {canManage && (
            <Popconfirm
              title={t(`${p}.deleteConfirm`, { question: row.question })}
              okText={t(`${p}.delete`)}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                remove.mutateAsync(row.id).then(
                  () => void message.success(t(`${p}.deleted`)),
                  (error: unknown) => void message.error(errorMessage(error, t)),
                )
              }
            >
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t(`${p}.delete`)}
                data-testid="kb-delete"
              />
            </Popconfirm>
          )}
        </span>
      ),
    },
  ];

  return (
    <div data-testid="kb-entries">
      <div className="kb-toolbar">
        <Input.Search
          allowClear
          placeholder={t(`${p}.searchPlaceholder`)}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(q) => set({ q: q.trim() || undefined })}
          style={{ width: 280 }}
          data-testid="kb-search"
        />
        <Select
          allowClear
          placeholder={t(`${p}.allCategories`)}
          value={filter.category}
          onChange={(category?: string) => set({ category })}
          options={categories.map((c) => ({
            value: c.name,
            label: `${c.name}（${c.count}）`,
          }))}
          style={{ width: 180 }}
          data-testid="kb-category-filter"
        />
        <Select
          allowClear
          placeholder={t(`${p}.allStates`)}
          value={filter.enabled}
          onChange={(enabled?: 'true' | 'false') => set({ enabled })}
          options={[
            { value: 'true', label: t(`${p}.on`) },
            { value: 'false', label: t(`${p}.off`) },
          ]}
          style={{ width: 120 }}
          data-testid="kb-enabled-filter"
        />
        <span className="kb-toolbar-spacer" />
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void runExport()}
          loading={exporting}
          data-testid="kb-export"
        >
          {t(`${p}.export`)}
        </Button>
        {canManage && (
          <>
            <Button
              icon={<UploadOutlined />}
              onClick={() => setImporting(true)}
              data-testid="kb-import-open"
            >
              {t(`${p}.import.open`)}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditor({ entry: null })}
              data-testid="kb-create"
            >
              {t(`${p}.create`)}
            </Button>
          </>
        )}
      </div>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<KbEntryView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching && !list.data}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
          }}
          scroll={{ x: 900 }}
          data-testid="kb-table"
        />
      )}
      <KbEditor
        open={editor !== null}
        entry={editor?.entry ?? null}
        categories={categories.map((c) => c.name)}
        onClose={() => setEditor(null)}
      />
      <KbHistory id={historyOf} onClose={() => setHistoryOf(null)} />
      {canManage && <KbImport open={importing} onClose={() => setImporting(false)} />}
    </div>
  );
}
