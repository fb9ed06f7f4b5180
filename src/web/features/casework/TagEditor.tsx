// The case's tags with an editor: pick system tags or type short ones of your own.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Popover, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TAG_MAX, TAGS_MAX } from '../../../shared/cases';
import { useAuth } from '../../app/auth';
import type { ComplaintDetail } from '../../app/types';
import { useSetTags } from './api';
import { CaseTags, SYSTEM_TAG_LIST, tagColor } from './CaseTags';
import type { Refresh } from './WorkPanel';
import { WriteError } from './WriteError';

export function TagEditor({
  complaint,
  refresh,
}: {
  complaint: ComplaintDetail;
  refresh: Refresh;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<string[]>(complaint.tags);
  const [version, setVersion] = useState(complaint.version);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useSetTags(complaint.number);

  const start = (next: boolean) => {
    if (next) {
      setValue(complaint.tags);
      setVersion(complaint.version);
      setError(null);
      setInvalid(null);
    }
    setOpen(next);
  };

  const onChange = (next: string[]) => {
    const tags = [...new Set(next.map((tag) => tag.trim()).filter(Boolean))];
    const long = tags.find((tag) => [...tag].length > TAG_MAX);
    setInvalid(
      long
        ? t('caseWork.tags.tooLong', { count: TAG_MAX })
        : tags.length > TAGS_MAX
          ? t('caseWork.tags.tooMany', { count: TAGS_MAX })
          : null,
    );
    setValue(tags);
  };

  const submit = () => {
    if (invalid) return;
    setError(null);
    save.mutate(
      { tags: value, version },
      {
        onSuccess: () => {
          setOpen(false);
          void message.success(t('caseWork.tags.saved'));
        },
        onError: setError,
      },
    );
  };

  const editor = (
    <div style={{ width: 340 }} data-testid="tag-editor">
      <Select
        mode="tags"
        autoFocus
        value={value}
        onChange={onChange}
        style={{ width: '100%' }}
        placeholder={t('caseWork.tags.placeholder')}
        options={SYSTEM_TAG_LIST.map((tag) => ({ value: tag, label: tag }))}
        tagRender={({ value: tag, closable, onClose }) => (
          <Tag
            color={tagColor(String(tag))}
            closable={closable}
            onClose={onClose}
            style={{ marginInlineEnd: 4 }}
          >
            {String(tag)}
          </Tag>
        )}
        data-testid="tag-select"
      />
      <Typography.Text
        type={invalid ? 'danger' : 'secondary'}
        style={{ display: 'block', fontSize: 12, marginTop: 6 }}
      >
        {invalid ?? t('caseWork.tags.hint', { count: TAGS_MAX, max: TAG_MAX })}
      </Typography.Text>
      {error ? (
        <div style={{ marginTop: 8 }}>
          <WriteError
            error={error}
            kept
            onRefresh={async () => {
              const fresh = await refresh();
              if (fresh) setVersion(fresh.version);
              setError(null);
            }}
            testId="tags-error"
          />
        </div>
      ) : null}
    </div>
  );

  // The buttons sit in the title row: the options list opens below the field and would cover them.
  const title = (
    <div className="cw-popover-title">
      <span>{t('caseWork.tags.title')}</span>
      <Space size={6}>
        <Button size="small" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
        <Button
          size="small"
          type="primary"
          loading={save.isPending}
          disabled={Boolean(invalid)}
          onClick={submit}
          data-testid="tags-save"
        >
          {t('caseWork.tags.save')}
        </Button>
      </Space>
    </div>
  );

  return (
    <span className="cw-tags" data-testid="complaint-tags">
      <CaseTags tags={complaint.tags} />
      {can('complaints.work') && (
        <Popover
          open={open}
          onOpenChange={start}
          trigger="click"
          title={title}
          content={editor}
          placement="bottomLeft"
          destroyOnHidden
        >
          <Button
            size="small"
            type="dashed"
            icon={complaint.tags.length ? <EditOutlined /> : <PlusOutlined />}
            data-testid="tags-edit"
          >
            {complaint.tags.length ? t('caseWork.tags.edit') : t('caseWork.tags.add')}
          </Button>
        </Popover>
      )}
    </span>
  );
}
