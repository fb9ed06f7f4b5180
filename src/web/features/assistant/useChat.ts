// The person's side of one conversation: started (or continued after a reload: the id lives in
// sessionStorage), messages merged by seq as replies, agent messages and status changes arrive,
// sending one message at a time, thumbs on answers, closing and starting again.
import { App } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../shared/formErrors';
import { conversationApi, type ChatMessage, type ConversationView } from './api';
import { useEventStream, type StreamStatus } from './stream';

export const CONVERSATION_STORAGE_KEY = 'redress.assistant.conversation';
/** While in the queue, look again now and then: the position moves as others are taken. */
const WAITING_POLL_MS = 15_000;

function readId(): string | null {
  try {
    return window.sessionStorage.getItem(CONVERSATION_STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeId(id: string | null): void {
  try {
    if (id) window.sessionStorage.setItem(CONVERSATION_STORAGE_KEY, id);
    else window.sessionStorage.removeItem(CONVERSATION_STORAGE_KEY);
  } catch {
    // Blocked storage: the conversation just does not survive a reload.
  }
}

function mergeMessages(previous: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return previous;
  const bySeq = new Map(previous.map((m) => [m.seq, m]));
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export type ConversationMeta = Omit<ConversationView, 'messages'>;

export interface Chat {
  meta: ConversationMeta | null;
  messages: ChatMessage[];
  /** The text being sent, shown at once as the person's bubble. */
  pending: string | null;
  starting: boolean;
  loadError: unknown;
  stream: StreamStatus;
  send: (text: string) => Promise<boolean>;
  rate: (seq: number, helpful: boolean) => void;
  close: () => Promise<void>;
  restart: () => Promise<void>;
  retry: () => void;
}

export function useChat(): Chat {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [meta, setMeta] = useState<ConversationMeta | null>(null);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [pending, setPending] = useState<string | null>(null);
  const [starting, setStarting] = useState(true);
  const [loadError, setLoadError] = useState<unknown>(null);
  const id = meta?.id ?? null;
  const lastSeq = useRef(0);
  const sending = useRef(false);
  const missed = useRef(false);
  const initialised = useRef(false);
  /** The language the last conversation was started in (to greet again once on a switch). */
  const startedIn = useRef<string | null>(null);

  const adopt = useCallback((view: ConversationView, replace: boolean) => {
    const { messages: incoming, ...rest } = view;
    setMeta(rest);
    setMessages((previous) => (replace ? incoming : mergeMessages(previous, incoming)));
    const top = incoming.reduce((max, m) => Math.max(max, m.seq), replace ? 0 : lastSeq.current);
    lastSeq.current = top;
    writeId(view.id);
  }, []);

  const start = useCallback(async () => {
    setStarting(true);
    setLoadError(null);
    startedIn.current = locale;
    try {
      adopt(await conversationApi.start(locale), true);
    } catch (error) {
      setLoadError(error);
    } finally {
      setStarting(false);
    }
  }, [adopt, locale]);

  // First visit starts a conversation; a reload continues the one in this tab.
  useEffect(() => {
    if (initialised.current) return;
    initialised.current = true;
    const stored = readId();
    if (!stored) {
      void start();
      return;
    }
    conversationApi
      .load(stored)
      .then((view) => {
        adopt(view, true);
        setStarting(false);
      })
      .catch((error: unknown) => {
        // Gone or not ours (logged out since): begin afresh rather than show an error.
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
          writeId(null);
          void start();
        } else {
          setLoadError(error);
          setStarting(false);
        }
      });
  }, [adopt, start]);

  /** Fetches what is new since the last message we have (and the current status). */
  const catchUp = useCallback(async () => {
    if (!id) return;
    if (sending.current) {
      missed.current = true;
      return;
    }
    try {
      adopt(await conversationApi.load(id, lastSeq.current), false);
    } catch {
      // The stream or the next poll tries again.
    }
  }, [adopt, id]);

  const streamUrl = id && meta?.status !== 'closed' ? conversationApi.streamUrl(id) : null;
  const stream = useEventStream(
    streamUrl,
    {
      message: (data) => {
        const seq = typeof data.seq === 'number' ? data.seq : Infinity;
        if (seq > lastSeq.current) void catchUp();
      },
      status: () => void catchUp(),
    },
    () => void catchUp(),
  );

  useEffect(() => {
    if (meta?.status !== 'waiting') return;
    const timer = setInterval(() => void catchUp(), WAITING_POLL_MS);
    return () => clearInterval(timer);
  }, [meta?.status, catchUp]);

  // A new language before anything was asked: greet again in that language.
  const person = messages.some((m) => m.from === 'person');
  useEffect(() => {
    if (
      meta &&
      !person &&
      meta.status === 'bot' &&
      meta.locale !== locale &&
      startedIn.current !== locale &&
      !starting
    ) {
      void start();
    }
  }, [locale, meta, person, start, starting]);

  const send = useCallback(
    async (text: string): Promise<boolean> => {
      if (!id || sending.current) return false;
      sending.current = true;
      setPending(text);
      let ok = true;
      try {
        const reply = await conversationApi.send(id, text);
        setMessages((previous) => mergeMessages(previous, reply.messages));
        lastSeq.current = reply.messages.reduce((max, m) => Math.max(max, m.seq), lastSeq.current);
        setMeta((previous) =>
          previous ? { ...previous, status: reply.status, queue: reply.queue } : previous,
        );
        // A handoff brings a team, a reason and maybe an agent: read the whole state.
        if (reply.status !== 'bot') missed.current = true;
      } catch (error) {
        ok = false;
        message.error(errorMessage(error, t));
        missed.current = true;
      } finally {
        sending.current = false;
        setPending(null);
      }
      if (missed.current) {
        missed.current = false;
        await catchUp();
      }
      return ok;
    },
    [catchUp, id, message, t],
  );

  const rate = useCallback(
    (seq: number, helpful: boolean) => {
      if (!id) return;
      const set = (value: boolean | null) =>
        setMessages((previous) =>
          previous.map((m) => (m.seq === seq ? { ...m, helpful: value } : m)),
        );
      set(helpful);
      conversationApi.feedback(id, seq, helpful).then(
        () => void message.success(t('assistant.chat.thanks')),
        (error: unknown) => {
          set(null);
          message.error(errorMessage(error, t));
        },
      );
    },
    [id, message, t],
  );

  const close = useCallback(async () => {
    if (!id) return;
    try {
      adopt(await conversationApi.close(id), false);
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  }, [adopt, id, message, t]);

  const restart = useCallback(async () => {
    writeId(null);
    setMessages([]);
    setMeta(null);
    lastSeq.current = 0;
    await start();
  }, [start]);

  return {
    meta,
    messages,
    pending,
    starting,
    loadError,
    stream,
    send,
    rate,
    close,
    restart,
    retry: () => void restart(),
  };
}
