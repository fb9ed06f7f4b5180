// 在线客服 (/console/chat, agents): conversations the assistant handed over. Left the inbox (待接入
// with its count, 我的会话, 其他), right the open conversation with everything the assistant saw;
// an agent takes a waiting one (one agent wins), writes to the person live and ends it. The
// /assistant/live stream keeps both sides current.
import { CustomerServiceOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Empty, Input, Popconfirm, Tabs, Tag, Typography } from 'antd';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../shared/formErrors';
import { QueryState } from '../../shared/QueryState';
import {
  conversationKey,
  INBOX_KEY,
  LIVE_URL,
  useAgentMessage,
  useCloseConversation,
  useInbox,
  useStaffConversation,
  useTake,
  type ConversationView,
  type Inbox,
  type InboxItem,
} from './api';
import { StaffTranscript } from './StaffTranscript';
import { useEventStream, useNow } from './stream';
import { EmotionTag, ReasonTag, useWaited } from './tags';
import './console.css';

type TabKey = keyof Inbox;
const TABS: TabKey[] = ['waiting', 'mine', 'others'];

function personLabel(
  person: InboxItem['person'],
  t: (key: string) => string,
): { name: string; visitor: boolean } {
  if (person?.phoneMasked) return { name: person.phoneMasked, visitor: false };
  if (person?.name) return { name: person.name, visitor: false };
  return { name: t('assistant.console.visitor'), visitor: true };
}

function InboxRow({
  item,
  selected,
  now,
  onOpen,
}: {
  item: InboxItem;
  selected: boolean;
  now: number;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const waited = useWaited();
  const who = personLabel(item.person, t);
  return (
    <button
      type="button"
      className={selected ? 'ac-item ac-item-selected' : 'ac-item'}
      onClick={onOpen}
      data-testid="inbox-item"
      data-id={item.id}
      data-status={item.status}
    >
      <div className="ac-item-top">
        <span className={who.visitor ? 'ac-item-who ac-visitor' : 'ac-item-who'}>{who.name}</span>
        {item.status === 'waiting' ? (
          <span className="ac-item-wait" data-testid="inbox-waited">
            {waited(item.waitingSince, now)}
          </span>
        ) : (
          <span className="ac-item-agent">{item.agentName}</span>
        )}
      </div>
      <div className="ac-item-topic">
        {item.topic ? item.topic.question : t('assistant.console.noTopic')}
      </div>
      <div className="ac-item-tags">
        {item.emotion && item.emotion.label !== 'neutral' && (
          <EmotionTag label={item.emotion.label} />
        )}
        {item.handoffReason && <ReasonTag reason={item.handoffReason} />}
        {item.teamName && (
          <Tag bordered={false} className="ac-team">
            {item.teamName}
          </Tag>
        )}
      </div>
      {item.lastMessage && (
        <div className="ac-item-last">
          {t(`assistant.console.from.${item.lastMessage.from}`)}：{item.lastMessage.text}
        </div>
      )}
    </button>
  );
}

function ConversationHead({ view }: { view: ConversationView }) {
  const { t } = useTranslation();
  const lastEmotion = [...view.messages].reverse().find((m) => m.emotion)?.emotion;
  return (
    <div className="ac-head" data-testid="conversation-head">
      <div className="ac-head-title">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {view.topic ? view.topic.question : t('assistant.console.noTopic')}
        </Typography.Title>
        <Tag color={STATUS_COLOUR[view.status]} data-testid="conversation-status">
          {t(`assistant.status.${view.status}`)}
        </Tag>
      </div>
      <div className="ac-head-facts">
        {view.topic && (
          <span>
            {t('assistant.console.category')}：{view.topic.category}
          </span>
        )}
        {view.queue && (
          <span>
            {t('assistant.console.team')}：{view.queue.teamName}
          </span>
        )}
        {view.agent && (
          <span>
            {t('assistant.console.agent')}：{view.agent.name}
          </span>
        )}
        <span>
          {t('assistant.console.negativity')}：{view.negativity.toFixed(1)}
        </span>
        {lastEmotion && <EmotionTag label={lastEmotion.label} score={lastEmotion.score} />}
        {view.handoffReason && <ReasonTag reason={view.handoffReason} />}
      </div>
    </div>
  );
}

const STATUS_COLOUR: Record<ConversationView['status'], string> = {
  bot: 'blue',
  waiting: 'orange',
  live: 'green',
  closed: 'default',
};

function Reply({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const send = useAgentMessage();
  const [text, setText] = useState('');
  const submit = () => {
    const clean = text.trim();
    if (!clean || send.isPending) return;
    send.mutate(
      { id, input: clean },
      {
        onSuccess: () => setText(''),
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };
  return (
    <div className="ac-reply">
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={2000}
        placeholder={t('assistant.console.replyPlaceholder')}
        data-testid="agent-input"
      />
      <Button
        type="primary"
        icon={<SendOutlined />}
        onClick={submit}
        loading={send.isPending}
        disabled={text.trim() === ''}
        data-testid="agent-send"
      >
        {t('assistant.console.send')}
      </Button>
    </div>
  );
}

function ConversationPane({
  id,
  mine,
  onTaken,
}: {
  id: string;
  mine: boolean;
  onTaken: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const conversation = useStaffConversation(id);
  const take = useTake();
  const close = useCloseConversation();
  return (
    <QueryState query={conversation} rows={8}>
      {(view) => (
        <div className="ac-pane" data-testid="conversation-pane" data-status={view.status}>
          <ConversationHead view={view} />
          <StaffTranscript messages={view.messages} />
          <div className="ac-actions">
            {view.status === 'waiting' && (
              <Button
                type="primary"
                size="large"
                icon={<CustomerServiceOutlined />}
                loading={take.isPending}
                onClick={() =>
                  take.mutate(
                    { id, input: undefined },
                    {
                      onSuccess: () => {
                        message.success(t('assistant.console.taken'));
                        onTaken();
                      },
                      onError: (error) =>
                        void message.error(
                          error instanceof ApiError && error.status === 409 && !error.message
                            ? t('assistant.console.takenByOther')
                            : errorMessage(error, t),
                        ),
                    },
                  )
                }
                data-testid="take"
              >
                {t('assistant.console.take')}
              </Button>
            )}
            {view.status === 'live' && mine && <Reply id={id} />}
            {view.status === 'live' && !mine && (
              <Typography.Text type="secondary" data-testid="held-by">
                {t('assistant.console.heldBy', { name: view.agent?.name ?? '' })}
              </Typography.Text>
            )}
            {view.status === 'closed' && (
              <Typography.Text type="secondary" data-testid="conversation-closed">
                {t('assistant.console.closed')}
              </Typography.Text>
            )}
            {(view.status === 'waiting' || (view.status === 'live' && mine)) && (
              <Popconfirm
                title={t('assistant.console.closeConfirm')}
                okText={t('assistant.console.close')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  close.mutateAsync({ id, input: undefined }).then(
                    () => void message.success(t('assistant.console.closedDone')),
                    (error: unknown) => void message.error(errorMessage(error, t)),
                  )
                }
              >
                <Button icon={<StopOutlined />} danger data-testid="close-conversation">
                  {t('assistant.console.close')}
                </Button>
              </Popconfirm>
            )}
          </div>
        </div>
      )}
    </QueryState>
  );
}

export default function LiveChatPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inbox = useInbox();
  const now = useNow();
  const [params, setParams] = useSearchParams();
  const selected = params.get('c');
  const [tab, setTab] = useState<TabKey>('waiting');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const changed = useRef(new Set<string>());

  // A burst of events (a person typing fast) costs one refetch.
  const refresh = (id: string | null) => {
    if (id) changed.current.add(id);
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void queryClient.invalidateQueries({ queryKey: INBOX_KEY });
      for (const c of changed.current) {
        void queryClient.invalidateQueries({ queryKey: conversationKey(c) });
      }
      changed.current.clear();
    }, 150);
  };
  const live = useEventStream(
    LIVE_URL,
    { conversation: (data) => refresh(typeof data.id === 'string' ? data.id : null) },
    () => {
      if (selected) refresh(selected);
      else refresh(null);
    },
  );

  const open = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('c', id);
    setParams(next, { replace: true });
  };

  const mine = inbox.data?.mine.some((i) => i.id === selected) ?? false;

  return (
    <div className="ac-page" data-testid="live-chat" data-live={live}>
      <div className="ac-title-row">
        <Typography.Title level={3} className="page-title">
          {t('assistant.nav.chat')}
        </Typography.Title>
        <Badge
          status={live === 'open' ? 'success' : 'warning'}
          text={t(`assistant.console.live.${live}`)}
        />
      </div>
      <div className="ac-split">
        <aside className="ac-list">
          <Tabs
            activeKey={tab}
            onChange={(key) => setTab(key as TabKey)}
            centered
            items={TABS.map((key) => ({
              key,
              label: (
                <span data-testid={`inbox-tab-${key}`}>
                  {t(`assistant.console.tab.${key}`)}
                  <Badge
                    count={inbox.data?.[key].length ?? 0}
                    showZero={key === 'waiting'}
                    color={key === 'waiting' ? '#fa541c' : '#8c8c8c'}
                    size="small"
                    className="ac-tab-count"
                    data-testid={`inbox-count-${key}`}
                  />
                </span>
              ),
            }))}
          />
          <QueryState query={inbox} rows={6}>
            {(data) =>
              data[tab].length === 0 ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t(`assistant.console.empty.${tab}`)}
                />
              ) : (
                <div className="ac-items" data-testid={`inbox-${tab}`}>
                  {data[tab].map((item) => (
                    <InboxRow
                      key={item.id}
                      item={item}
                      now={now}
                      selected={item.id === selected}
                      onOpen={() => open(item.id)}
                    />
                  ))}
                </div>
              )
            }
          </QueryState>
        </aside>
        <section className="ac-main">
          {selected ? (
            <ConversationPane
              key={selected}
              id={selected}
              mine={mine}
              onTaken={() => setTab('mine')}
            />
          ) : (
            <Empty className="ac-none" description={t('assistant.console.pick')} />
          )}
        </section>
      </div>
    </div>
  );
}
