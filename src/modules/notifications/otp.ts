// One-time login codes through the real providers (production): SMS for phone numbers, email
// for addresses. Development keeps accounts' log sender, which prints the code.
import { randomUUID } from 'node:crypto';
import type { OtpSender } from '../accounts/index.js';
import type { Channels } from './channels/index.js';

export function channelOtpSender(channels: Channels): OtpSender | null {
  if (!channels.sms && !channels.email) return null;
  return {
    name: 'channels',
    async send({ target, code, locale, ttlSeconds }) {
      const minutes = String(Math.round(ttlSeconds / 60));
      const text =
        locale === 'en'
          ? `Your Redress login code is ${code}; it is valid for ${minutes} minutes. Do not share it.`
          : `您的 Redress 登录验证码为 ${code}，${minutes} 分钟内有效，请勿告诉他人。`;
      // A code is sent once; a retry would be a new code, so each send has its own key.
      const idempotencyKey = `otp:${randomUUID()}`;
      if (target.kind === 'phone') {
        if (!channels.sms) throw new Error('no SMS provider configured for login codes');
        await channels.sms.send({
          to: target.value,
          node: 'otp',
          text,
          vars: { code, minutes },
          idempotencyKey,
        });
        return;
      }
      if (!channels.email) throw new Error('no SMTP server configured for login codes');
      const subject = locale === 'en' ? 'Your login code' : '登录验证码';
      await channels.email.send({
        to: target.value,
        subject,
        text,
        html: `<p style="font-size:16px">${text}</p>`,
        attachments: [],
        idempotencyKey,
      });
    },
  };
}
