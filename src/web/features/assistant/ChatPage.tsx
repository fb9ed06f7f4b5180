// 智能客服 (/assistant): the person's chat window, phone first (a centred column on a desktop).
// The assistant answers from the knowledge base, asks when unsure (options to tap), takes a
// complaint or looks one up by its number, and hands over to an agent when asked, when it keeps
// missing, or when the person is upset; agent messages then arrive live over the stream.
import {
  CommentOutlined,
  CustomerServiceOutlined,
  EditOutlined,
  FileSearchOutlined,
  LeftOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Alert, Button, Input, Popconfirm, Result, Spin } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorResult } from '../../shared/ErrorResult';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { Bubble, TypingBubble } from './ChatBubble';
import { useChat, type ConversationMeta } from './useChat';
import './chat.css';

const MAX_LENGTH = 500;

function StatusLine({ meta }: { meta: ConversationMeta | null }) {
  const { t } = useTranslation();
  if (!meta) return <span className="as-chat-status">{t('assistant.chat.connecting')}</span>;
  const text =
    meta.status === 'waiting' && meta.queue
      ? t('assistant.chat.status.waitingAt', {
          position: meta.queue.position,
          minutes: meta.queue.expectedWaitMinutes,
        })
      : meta.status === 'live'
        ? t('assistant.chat.status.liveWith', { name: meta.agent?.name ?? '' })
        : t(`assistant.chat.status.${meta.status}`);
  return (
    <span
      className={`as-chat-status as-chat-status-${meta.status}`}
      data-testid="chat-status"
      data-status={meta.status}
    >
      <span className="as-dot" />
      {text}
    </span>
  );
}

function HandoffBanner({ meta }: { meta: ConversationMeta }) {
  const { t } = useTranslation();
  if (meta.status === 'waiting') {
    return (
      <Alert
        className="as-banner"
        type="warning"
        showIcon
        icon={<CustomerServiceOutlined />}
        data-testid="handoff-banner"
        title={t('assistant.chat.handoff.title')}
        description={
          meta.queue
            ? t('assistant.chat.handoff.queue', {
                team: meta.queue.teamName,
                position: meta.queue.position,
                minutes: meta.queue.expectedWaitMinutes,
              })
            : t('assistant.chat.handoff.noQueue')
        }
      />
    );
  }
  if (meta.status === 'live') {
    return (
      <Alert
        className="as-banner"
        type="success"
        showIcon
        icon={<CustomerServiceOutlined />}
        data-testid="live-banner"
        title={t('assistant.chat.live.title', { name: meta.agent?.name ?? '' })}
      />
    );
  }
  return null;
}

export default function ChatPage() {
  const { t } = useTranslation();
  const chat = useChat();
  const { meta, messages, pending } = chat;
  const [text, setText] = useState('');
  const body = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const closed = meta?.status === 'closed';
  const busy = pending !== null || !meta || closed;

  // Keep the newest message in view.
  useEffect(() => {
    const el = body.current;
    if (el) el.scrollTo({ top: el.scrollHeight, behavior: 'smooth' });
  }, [messages.length, pending, meta?.status]);

  const submit = async (value: string) => {
    const clean = value.trim();
    if (!clean || busy) return;
    setText('');
    const ok = await chat.send(clean);
    // Nothing is lost: a failed message comes back into the box.
    if (!ok) setText((current) => current || clean);
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit(text);
    }
  };

  // Options belong to the newest assistant message only; earlier ones are answered already.
  const last = messages[messages.length - 1];
  const optionsFor = last && last.from !== 'person' && last.options.length > 0 ? last.seq : null;

  const quick = [
    { key: 'progress', icon: <FileSearchOutlined /> },
    { key: 'file', icon: <EditOutlined /> },
    ...(meta?.status === 'bot' ? [{ key: 'human', icon: <CustomerServiceOutlined /> }] : []),
  ];

  if (chat.loadError && !meta) {
    return (
      <div className="as-chat" data-testid="assistant-chat">
        <ErrorResult error={chat.loadError} onRetry={chat.retry} />
      </div>
    );
  }

  return (
    <div
      className="as-chat"
      data-testid="assistant-chat"
      data-status={meta?.status ?? 'starting'}
      data-live={chat.stream}
    >
      <header className="as-chat-header">
        <Link to="/" className="as-chat-back" aria-label={t('assistant.chat.back')}>
          <LeftOutlined />
        </Link>
        <div className="as-chat-avatar as-avatar-bot" aria-hidden>
          <CommentOutlined />
        </div>
        <div className="as-chat-title">
          <h1>{t('assistant.chat.title')}</h1>
          <StatusLine meta={meta} />
        </div>
        <div className="as-chat-tools">
          <LanguageSwitch />
          {meta && !closed && (
            <Popconfirm
              title={t('assistant.chat.endConfirm')}
              okText={t('assistant.chat.end')}
              cancelText={t('common.cancel')}
              onConfirm={() => chat.close()}
              placement="bottomRight"
            >
              <Button size="small" type="text" data-testid="chat-end">
                {t('assistant.chat.end')}
              </Button>
            </Popconfirm>
          )}
        </div>
      </header>

      {meta && <HandoffBanner meta={meta} />}

      <div className="as-chat-body" ref={body} role="log" aria-live="polite" data-testid="chat-log">
        {chat.starting && messages.length === 0 ? (
          <div className="as-chat-loading">
            <Spin />
          </div>
        ) : (
          messages.map((m) => (
            <Bubble
              key={m.seq}
              message={m}
              showOptions={m.seq === optionsFor && !closed}
              disabled={busy}
              onOption={(value) => void submit(value)}
              onRate={(helpful) => chat.rate(m.seq, helpful)}
            />
          ))
        )}
        {pending !== null && (
          <>
            <div className="as-row as-row-person as-row-pending" data-testid="msg-pending">
              <div className="as-bubble as-bubble-person">{pending}</div>
            </div>
            {meta?.status === 'bot' && <TypingBubble />}
          </>
        )}
        {closed && (
          <Result
            className="as-ended"
            status="info"
            icon={<CommentOutlined />}
            title={t('assistant.chat.ended')}
            subTitle={t('assistant.chat.endedHint')}
            extra={
              <Button type="primary" onClick={() => void chat.restart()} data-testid="chat-restart">
                {t('assistant.chat.restart')}
              </Button>
            }
          />
        )}
      </div>

      {!closed && (
        <footer className="as-chat-footer">
          <div className="as-quick" data-testid="quick-actions">
            {quick.map((q) => (
              <button
                key={q.key}
                type="button"
                className="as-chip"
                disabled={busy}
                onClick={() => void submit(t(`assistant.chat.quick.${q.key}.text`))}
                data-testid={`quick-${q.key}`}
              >
                {q.icon}
                <span>{t(`assistant.chat.quick.${q.key}.label`)}</span>
              </button>
            ))}
          </div>
          <div className="as-input-row">
            <Input.TextArea
              ref={(el) => {
                input.current = el?.resizableTextArea?.textArea ?? null;
              }}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={onKeyDown}
              placeholder={
                meta?.status === 'live' || meta?.status === 'waiting'
                  ? t('assistant.chat.placeholderAgent')
                  : t('assistant.chat.placeholder')
              }
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={MAX_LENGTH}
              aria-label={t('assistant.chat.inputLabel')}
              data-testid="chat-input"
            />
            <Button
              type="primary"
              shape="circle"
              size="large"
              icon={<SendOutlined />}
              onClick={() => void submit(text)}
              disabled={busy || text.trim() === ''}
              loading={pending !== null}
              aria-label={t('assistant.chat.send')}
              data-testid="chat-send"
            />
          </div>
        </footer>
      )}
    </div>
  );
}
