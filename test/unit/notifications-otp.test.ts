// Login codes in production go through the real providers: SMS for a phone, email for an address.
import { describe, expect, it } from 'vitest';
import { MemorySmsProvider } from '../../src/modules/notifications/channels/dev-sms.js';
import type { EmailMessage } from '../../src/modules/notifications/channels/email.js';
import { channelOtpSender } from '../../src/modules/notifications/otp.js';

describe('login codes through the notification channels', () => {
  it('texts a phone and mails an address, each with its own key', async () => {
    const sms = new MemorySmsProvider();
    const mails: EmailMessage[] = [];
    const sender = channelOtpSender({
      sms,
      email: {
        name: 'memory',
        async send(m) {
          mails.push(m);
          return { providerMessageId: null };
        },
      },
      wechat: null,
    })!;
    await sender.send({
      target: { kind: 'phone', value: '13800138000' },
      code: '482913',
      locale: 'zh-CN',
      ttlSeconds: 300,
    });
    await sender.send({
      target: { kind: 'email', value: 'a@example.com' },
      code: '105577',
      locale: 'en',
      ttlSeconds: 600,
    });
    expect(sms.sent).toHaveLength(1);
    expect(sms.sent[0]).toMatchObject({
      to: '13800138000',
      node: 'otp',
      vars: { code: '482913', minutes: '5' },
    });
    expect(sms.sent[0]!.text).toBe(
      '您的 Redress 登录验证码为 482913，5 分钟内有效，请勿告诉他人。',
    );
    expect(mails[0]).toMatchObject({ to: 'a@example.com', subject: 'Your login code' });
    expect(mails[0]!.text).toContain('105577');
    expect(mails[0]!.text).toContain('10 minutes');
    expect(sms.sent[0]!.idempotencyKey).not.toBe(mails[0]!.idempotencyKey);
  });

  it('is absent when no provider is configured, and refuses a channel it lacks', async () => {
    expect(channelOtpSender({ sms: null, email: null, wechat: null })).toBeNull();
    const onlySms = channelOtpSender({ sms: new MemorySmsProvider(), email: null, wechat: null })!;
    await expect(
      onlySms.send({
        target: { kind: 'email', value: 'a@example.com' },
        code: '1',
        locale: 'zh-CN',
        ttlSeconds: 60,
      }),
    ).rejects.toThrow(/SMTP/);
  });
});
