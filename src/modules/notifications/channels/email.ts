// Email through SMTP (nodemailer; SMTP_URL). Every attempt of one message carries the same
// Message-ID, made from the outbox key, so if a worker dies after the server accepted the mail
// but before it was marked sent, the retry is recognisably the same message.
import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { maskEmail } from '../../../server/lib/masking.js';
import { ChannelError } from './types.js';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
  idempotencyKey: string;
}

export interface EmailSender {
  readonly name: string;
  send(msg: EmailMessage): Promise<{ providerMessageId: string | null }>;
  close?(): void;
}

export function messageIdFor(idempotencyKey: string, domain: string): string {
  const h = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${h}@${domain}>`;
}

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  message?: string;
}

/** 5xx from the server is permanent (bad mailbox, refused); 4xx and network trouble may pass. */
export function smtpErrorToChannel(err: unknown): ChannelError {
  const e = (err ?? {}) as SmtpFailure;
  const code = e.responseCode ?? null;
  const message = `SMTP ${code ?? e.code ?? 'error'}: ${String(e.message ?? err).slice(0, 300)}`;
  const permanent = code !== null && code >= 500 && code < 600;
  return new ChannelError(message, !permanent, code === null ? (e.code ?? null) : String(code));
}

export function smtpEmailSender(opts: { url: string; from: string }): EmailSender {
  const transport: Transporter = nodemailer.createTransport({
    url: opts.url,
    // A stuck server must not hold a message past its lease (dispatch.ts).
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 45_000,
  });
  const domain = /@([^>\s]+)/.exec(opts.from)?.[1] ?? 'redress.local';
  return {
    name: 'smtp',
    async send(msg) {
      try {
        const info = await transport.sendMail({
          from: opts.from,
          to: msg.to,
          subject: msg.subject,
          text: msg.text,
          html: msg.html,
          messageId: messageIdFor(msg.idempotencyKey, domain),
          headers: { 'X-Redress-Idempotency-Key': msg.idempotencyKey },
          attachments: msg.attachments,
        });
        return { providerMessageId: info.messageId ?? null };
      } catch (err) {
        throw smtpErrorToChannel(err);
      }
    },
    close: () => transport.close(),
  };
}

/** Development without SMTP: the mail is written to the log (addresses masked). */
export function logEmailSender(log: { info(obj: object, msg: string): void }): EmailSender {
  return {
    name: 'log',
    async send(msg) {
      log.info(
        {
          channel: 'email',
          to: maskEmail(msg.to),
          subject: msg.subject,
          attachments: msg.attachments.map((a) => `${a.filename} (${a.content.length} bytes)`),
        },
        `[dev] email (no SMTP_URL configured):\n${msg.text}`,
      );
      return { providerMessageId: null };
    },
  };
}
