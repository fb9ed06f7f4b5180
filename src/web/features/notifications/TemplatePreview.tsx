// What a template looks like once filled in: email as the mail client would show it (the HTML
// part in a sandboxed frame, no scripts, no same-origin access), SMS as a text with its length
// and how many messages it takes, the bell and WeChat as their title and text.
import { BellOutlined, MailOutlined, MessageOutlined, WechatOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotifyChannel } from '../../../shared/notifications';
import type { PreviewReply } from './api';

/** One SMS holds 70 Chinese characters; a longer one is sent in parts of 67. */
export function smsParts(length: number): number {
  return length <= 70 ? 1 : Math.ceil(length / 67);
}

const ICONS: Record<NotifyChannel, ReactNode> = {
  in_app: <BellOutlined />,
  sms: <MessageOutlined />,
  email: <MailOutlined />,
  wechat: <WechatOutlined />,
};

/** Grows the frame to the mail's own height, so the whole mail shows without a second scrollbar. */
function fit(frame: HTMLIFrameElement): void {
  const height = frame.contentDocument?.documentElement.scrollHeight;
  if (height) frame.style.height = `${Math.min(height + 4, 1600)}px`;
}

function Body({ channel, reply }: { channel: NotifyChannel; reply: PreviewReply }) {
  const { t } = useTranslation();
  const p = 'notifications.templates';
  const length = [...reply.body].length;
  if (channel === 'email') {
    return (
      <>
        <div className="nt-preview-subject">
          <span className="nt-muted">{t(`${p}.subjectEmail`)}：</span>
          <span data-testid="preview-subject">{reply.subject}</span>
        </div>
        <iframe
          className="nt-preview-frame"
          title={t(`${p}.emailFrame`)}
          // No scripts ever run in it; same origin only so its height can be read to fit it.
          sandbox="allow-same-origin"
          srcDoc={reply.html ?? ''}
          onLoad={(event) => fit(event.currentTarget)}
          data-testid="preview-frame"
        />
      </>
    );
  }
  return (
    <>
      <div className={channel === 'sms' ? 'nt-preview-sms' : 'nt-preview-card'}>
        {reply.subject && (
          <div className="nt-preview-title" data-testid="preview-subject">
            {reply.subject}
          </div>
        )}
        <div className="nt-preview-text" data-testid="preview-text">
          {reply.body}
        </div>
      </div>
      <div className="nt-muted nt-preview-count" data-testid="preview-count">
        {t(`${p}.chars`, { count: length })}
        {channel === 'sms' && ` · ${t(`${p}.smsParts`, { count: smsParts(length) })}`}
      </div>
    </>
  );
}

export function TemplatePreview({
  channel,
  reply,
  stale,
}: {
  channel: NotifyChannel;
  reply: PreviewReply | null;
  stale: boolean;
}) {
  const { t } = useTranslation();
  const p = 'notifications.templates';
  return (
    <section className="nt-preview" data-testid="template-preview-pane">
      <div className="nt-preview-head">
        <span className="nt-preview-head-title">
          {ICONS[channel]} {t(`${p}.previewTitle`)}
        </span>
        {stale && <Tag color="orange">{t(`${p}.previewStale`)}</Tag>}
      </div>
      {reply ? (
        <div data-testid="template-preview-result">
          <Body channel={channel} reply={reply} />
        </div>
      ) : (
        <div className="nt-muted nt-preview-empty">{t(`${p}.previewEmpty`)}</div>
      )}
    </section>
  );
}
