// 处理面板: answer the complainant (optionally from a canned reply, rendered by the server and
// then edited) or leave an internal note for colleagues. Notes look different on purpose (yellow,
// marked 内部备注) so nobody mistakes one for a reply. What is typed survives a refusal: a
// version conflict keeps the text and offers 刷新.
import { LockOutlined, MessageOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_MAX, REPLY_MAX } from '../../../shared/cases';
import type { ComplaintDetail } from '../../app/types';
import { useAddNote, useMacros, useRenderMacro, useSendReply } from './api';
import { useHeldByOther } from './holder';
import { WriteError } from './WriteError';

export type Refresh = () => Promise<ComplaintDetail | undefined>;

type Kind = 'reply' | 'note';

interface Draft {
  text: string;
  /** The version the agent was looking at when they began writing. */
  base: number | null;
  macroId: string | null;
}

const EMPTY: Draft = { text: '', base: null, macroId: null };

function MacroPicker({
  complaint,
  onPicked,
}: {
  complaint: ComplaintDetail;
  onPicked: (macroId: string, text: string, title: string) => void;
}) {
  const { t } = useTranslation();
  const macros = useMacros(true);
  const render = useRenderMacro(complaint.number);
  const { message } = App.useApp();
  // The case's own team's replies first, then the ones for everyone.
  const usable = [...(macros.data ?? [])].sort(
    (a, b) =>
      Number(b.teamCode === complaint.team?.code) - Number(a.teamCode === complaint.team?.code),
  );

  const pick = (id: string) => {
    const macro = usable.find((m) => m.id === id);
    render.mutate(id, {
      onSuccess: ({ text }) => onPicked(id, text, macro?.title ?? ''),
      onError: (error) => void message.error(error.message || t('error.unknown')),
    });
  };

  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      value={null}
      placeholder={t('caseWork.work.macroPlaceholder')}
      loading={macros.isPending || render.isPending}
      disabled={render.isPending}
      onChange={(id: string | null) => id && pick(id)}
      options={usable.map((m) => ({ value: m.id, label: m.title }))}
      notFoundContent={
        macros.isError ? t('caseWork.work.macrosFailed') : t('caseWork.work.noMacros')
      }
      style={{ width: '100%', marginBottom: 8 }}
      data-testid="macro-picker"
    />
  );
}

export function WorkPanel({
  complaint,
  refresh,
}: {
  complaint: ComplaintDetail;
  refresh: Refresh;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [tab, setTab] = useState<Kind>('reply');
  const [drafts, setDrafts] = useState<Record<Kind, Draft>>({ reply: EMPTY, note: EMPTY });
  const [errors, setErrors] = useState<Record<Kind, unknown>>({ reply: null, note: null });
  const reply = useSendReply(complaint.number);
  const note = useAddNote(complaint.number);
  const holder = useHeldByOther(complaint);

  const edit = (kind: Kind, patch: Partial<Draft>) =>
    setDrafts((all) => {
      const draft = { ...all[kind], ...patch };
      // The version counts from the first character: a change made after that is a conflict.
      if (draft.text && draft.base === null) draft.base = complaint.version;
      if (!draft.text && !draft.macroId) draft.base = null;
      return { ...all, [kind]: draft };
    });

  const send = (kind: Kind) => {
    const draft = drafts[kind];
    const text = draft.text.trim();
    if (!text) return;
    setErrors((all) => ({ ...all, [kind]: null }));
    const version = draft.base ?? complaint.version;
    const done = () => {
      setDrafts((all) => ({ ...all, [kind]: EMPTY }));
      void message.success(
        t(kind === 'reply' ? 'caseWork.work.replySent' : 'caseWork.work.noteAdded'),
      );
    };
    const failed = (error: unknown) => setErrors((all) => ({ ...all, [kind]: error }));
    if (kind === 'reply') {
      reply.mutate(
        { text, version, ...(draft.macroId ? { macroId: draft.macroId } : {}) },
        { onSuccess: done, onError: failed },
      );
    } else {
      note.mutate({ text, version }, { onSuccess: done, onError: failed });
    }
  };

  /** After a conflict: load the new state, keep the text, and count from the new version. */
  const rebase = (kind: Kind) => async () => {
    const fresh = await refresh();
    setDrafts((all) => ({ ...all, [kind]: { ...all[kind], base: fresh?.version ?? null } }));
    setErrors((all) => ({ ...all, [kind]: null }));
  };

  const composer = (kind: Kind) => {
    if (holder) {
      return (
        <Alert
          type="info"
          showIcon
          title={t('caseWork.assign.heldBy', { name: holder })}
          data-testid="work-held"
        />
      );
    }
    const draft = drafts[kind];
    const pending = kind === 'reply' ? reply.isPending : note.isPending;
    const max = kind === 'reply' ? REPLY_MAX : NOTE_MAX;
    return (
      <div className={kind === 'note' ? 'cw-composer cw-composer-note' : 'cw-composer'}>
        {kind === 'reply' && (
          <MacroPicker
            complaint={complaint}
            onPicked={(macroId, text, title) => {
              edit('reply', { text, macroId });
              void message.info(t('caseWork.work.macroInserted', { title }));
            }}
          />
        )}
        <Input.TextArea
          rows={5}
          maxLength={max}
          showCount
          value={draft.text}
          onChange={(e) => edit(kind, { text: e.target.value })}
          placeholder={t(`caseWork.work.${kind}Placeholder`)}
          data-testid={`${kind}-input`}
        />
        <div className="cw-composer-foot">
          <Typography.Text type="secondary" className="cw-composer-hint">
            {kind === 'note' && <LockOutlined style={{ marginInlineEnd: 4 }} />}
            {t(`caseWork.work.${kind}Hint`)}
          </Typography.Text>
          <Button
            type={kind === 'reply' ? 'primary' : 'default'}
            icon={kind === 'reply' ? <SendOutlined /> : <LockOutlined />}
            loading={pending}
            disabled={!draft.text.trim()}
            onClick={() => send(kind)}
            data-testid={`${kind}-submit`}
          >
            {t(`caseWork.work.${kind}Submit`)}
          </Button>
        </div>
        {errors[kind] ? (
          <div style={{ marginTop: 8 }}>
            <WriteError
              error={errors[kind]}
              kept={Boolean(draft.text)}
              onRefresh={rebase(kind)}
              onClose={() => setErrors((all) => ({ ...all, [kind]: null }))}
              testId={`${kind}-error`}
            />
          </div>
        ) : null}
      </div>
    );
  };

  return (
    <Card
      size="small"
      className="cw-work"
      data-testid="work-panel"
      styles={{ body: { paddingTop: 4 } }}
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Kind)}
        items={[
          {
            key: 'reply',
            label: (
              <span data-testid="work-tab-reply">
                <MessageOutlined /> {t('caseWork.work.replyTab')}
              </span>
            ),
            children: composer('reply'),
          },
          {
            key: 'note',
            label: (
              <span data-testid="work-tab-note">
                <LockOutlined /> {t('caseWork.work.noteTab')}
              </span>
            ),
            children: composer('note'),
          },
        ]}
      />
    </Card>
  );
}
