// The providers behind each channel, chosen from the configuration once at start. A channel
// with no provider is not an error: its messages are marked suppressed, saying why.
import type { Config } from '../../../server/config.js';
import { logEmailSender, smtpEmailSender, type EmailSender } from './email.js';
import { logSmsProvider } from './dev-sms.js';
import { tencentSmsProvider } from './tencent-sms.js';
import type { SmsProvider, WechatSender } from './types.js';
import { wechatSubscribeSender } from './wechat.js';

export interface Channels {
  sms: SmsProvider | null;
  email: EmailSender | null;
  wechat: WechatSender | null;
}

interface Log {
  info(obj: object, msg: string): void;
}

export function buildChannels(config: Config, log: Log): Channels {
  const dev = config.nodeEnv !== 'production';
  let sms: SmsProvider | null = null;
  if (config.smsProvider === 'log') sms = logSmsProvider(log);
  else if (config.smsProvider === 'tencent' && config.tencentSms) {
    sms = tencentSmsProvider(config.tencentSms);
  }
  const email = config.smtpUrl
    ? smtpEmailSender({ url: config.smtpUrl, from: config.mailFrom })
    : dev
      ? logEmailSender(log)
      : null;
  const wechat = config.wechat ? wechatSubscribeSender(config.wechat) : null;
  return { sms, email, wechat };
}
