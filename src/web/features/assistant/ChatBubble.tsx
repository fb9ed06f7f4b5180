// One message in the person's chat window: theirs on the right, the assistant's and the agent's
// on the left with an avatar, system notes centred in grey. Assistant answers are rich text with
// options to tap and, when they came from the knowledge base, thumbs up/down (once).
import {
  CommentOutlined,
  CustomerServiceOutlined,
  DislikeOutlined,
  LikeOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from './api';
import { RichText } from './RichText';

interface Props {
  message: ChatMessage;
  showOptions: boolean;
  disabled: boolean;
  onOption: (text: string) => void;
  onRate: (helpful: boolean) => void;
}

function Feedback({ message, onRate }: Pick<Props, 'message' | 'onRate'>) {
  const { t } = useTranslation();
  if (message.helpful !== null) {
    return (
      <div className="as-feedback as-feedback-done" data-testid="feedback-done">
        {message.helpful ? <LikeOutlined /> : <DislikeOutlined />}
        <span>{t('assistant.chat.thanks')}</span>
      </div>
    );
  }
  return (
    <div className="as-feedback" data-testid="feedback">
      <span>{t('assistant.chat.helpful')}</span>
      <button
        type="button"
        onClick={() => onRate(true)}
        aria-label={t('assistant.chat.up')}
        data-testid="feedback-up"
      >
        <LikeOutlined />
      </button>
      <button
        type="button"
        onClick={() => onRate(false)}
        aria-label={t('assistant.chat.down')}
        data-testid="feedback-down"
      >
        <DislikeOutlined />
      </button>
    </div>
  );
}

export function Bubble({ message, showOptions, disabled, onOption, onRate }: Props) {
  const { t, i18n } = useTranslation();
  const time = new Date(message.at).toLocaleTimeString(i18n.language === 'en' ? 'en-GB' : 'zh-CN', {
    hour: '2-digit',
    minute: '2-digit',
  });
  if (message.from === 'system') {
    return (
      <div className="as-row as-row-system" data-testid="msg-system" data-seq={message.seq}>
        <RichText text={message.text} className="as-system" />
      </div>
    );
  }
  if (message.from === 'person') {
    return (
      <div className="as-row as-row-person" data-testid="msg-person" data-seq={message.seq}>
        <div className="as-bubble as-bubble-person" title={time}>
          {message.text}
        </div>
      </div>
    );
  }
  const agent = message.from === 'agent';
  return (
    <div
      className={`as-row as-row-${message.from}`}
      data-testid={agent ? 'msg-agent' : 'msg-bot'}
      data-seq={message.seq}
      data-entry={message.match?.entryId}
    >
      <div className={`as-chat-avatar ${agent ? 'as-avatar-agent' : 'as-avatar-bot'}`} aria-hidden>
        {agent ? <CustomerServiceOutlined /> : <CommentOutlined />}
      </div>
      <div className="as-col">
        <div className="as-sender">
          {agent
            ? t('assistant.chat.agentName', { name: message.agentName ?? '' })
            : t('assistant.chat.botName')}
          <span className="as-time">{time}</span>
        </div>
        <div className={`as-bubble as-bubble-${message.from}`}>
          <RichText text={message.text} />
        </div>
        {showOptions && (
          <div className="as-options" data-testid="chat-options">
            {message.options.map((o) => (
              <button
                key={`${o.label}-${o.text}`}
                type="button"
                className="as-chip as-chip-option"
                disabled={disabled}
                onClick={() => onOption(o.text)}
                data-testid="chat-option"
              >
                {o.label}
              </button>
            ))}
          </div>
        )}
        {message.from === 'bot' && message.match && <Feedback message={message} onRate={onRate} />}
      </div>
    </div>
  );
}

export function TypingBubble() {
  const { t } = useTranslation();
  return (
    <div className="as-row as-row-bot" data-testid="typing">
      <div className="as-chat-avatar as-avatar-bot" aria-hidden>
        <CommentOutlined />
      </div>
      <div className="as-bubble as-bubble-bot as-typing" aria-label={t('assistant.chat.typing')}>
        <span />
        <span />
        <span />
      </div>
    </div>
  );
}
