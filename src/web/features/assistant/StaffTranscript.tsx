// A conversation as agents read it: the person on the left (with the emotion the assistant
// heard), the assistant and agents on the right (with the entry that answered and how sure it
// was), system notes centred.
import { CommentOutlined, CustomerServiceOutlined, UserOutlined } from '@ant-design/icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from './api';
import { RichText } from './RichText';
import { ConfidenceTag, EmotionTag } from './tags';

function Line({ m }: { m: ChatMessage }) {
  const { t, i18n } = useTranslation();
  const time = new Date(m.at).toLocaleTimeString(i18n.language === 'en' ? 'en-GB' : 'zh-CN', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  if (m.from === 'system') {
    return (
      <div className="ac-line ac-line-system" data-testid="transcript-system">
        <RichText text={m.text} className="ac-system" />
      </div>
    );
  }
  const person = m.from === 'person';
  const who =
    m.from === 'person'
      ? t('assistant.console.person')
      : m.from === 'bot'
        ? t('assistant.chat.botName')
        : (m.agentName ?? t('assistant.console.agent'));
  return (
    <div className={`ac-line ac-line-${m.from}`} data-testid={`transcript-${m.from}`}>
      <div className={`ac-avatar ac-avatar-${m.from}`} aria-hidden>
        {m.from === 'person' ? (
          <UserOutlined />
        ) : m.from === 'bot' ? (
          <CommentOutlined />
        ) : (
          <CustomerServiceOutlined />
        )}
      </div>
      <div className="ac-col">
        <div className="ac-meta">
          <span>{who}</span>
          <span className="ac-time">{time}</span>
        </div>
        <div className={`ac-bubble ac-bubble-${m.from}`}>
          {person ? <span className="ac-plain">{m.text}</span> : <RichText text={m.text} />}
        </div>
        {(m.emotion || m.match || m.helpful !== null) && (
          <div className="ac-chips">
            {m.emotion && <EmotionTag label={m.emotion.label} score={m.emotion.score} />}
            {m.match && <ConfidenceTag {...m.match} />}
            {m.helpful !== null && (
              <span className="ac-helpful">
                {m.helpful ? t('assistant.console.ratedUp') : t('assistant.console.ratedDown')}
              </span>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

export function StaffTranscript({ messages }: { messages: ChatMessage[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length]);
  return (
    <div className="ac-transcript" ref={box} data-testid="transcript">
      {messages.map((m) => (
        <Line key={m.seq} m={m} />
      ))}
    </div>
  );
}
