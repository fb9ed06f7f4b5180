// What a delivery channel adapter is given and answers. The outbox dispatcher renders the
// template, then hands the adapter one message; an adapter throws ChannelError to say whether a
// retry can help.

/** One SMS: the rendered text (what the dev adapter logs) plus the node's variables, because
 * providers in China send pre-approved templates with positional parameters, not free text. */
export interface SmsMessage {
  /** Mainland mobile number, 11 digits (e.g. 13800138000). */
  to: string;
  /** The key node this message is for (accepted, materials_requested, result, …). */
  node: string;
  /** The rendered text, as the complainant would read it. */
  text: string;
  /** The template's variables by name (number, deadline, link, …), already formatted. */
  vars: Record<string, string>;
  /** Stable across retries of the same message. */
  idempotencyKey: string;
}

export interface SmsProvider {
  readonly name: string;
  send(msg: SmsMessage): Promise<{ providerMessageId: string | null }>;
}

/** One WeChat subscription message (订阅消息) to a user's openid. */
export interface WechatMessage {
  openId: string;
  node: string;
  /** Target page in the mini program / official account (the tracking link). */
  page: string | null;
  vars: Record<string, string>;
  idempotencyKey: string;
}

export interface WechatSender {
  readonly name: string;
  send(msg: WechatMessage): Promise<{ providerMessageId: string | null }>;
}

/**
 * A failed send. `retryable: false` sends the message straight to the dead-letter state (bad
 * number, template not approved, user refused the subscription); true backs off and tries again.
 */
export class ChannelError extends Error {
  constructor(
    message: string,
    public readonly retryable: boolean,
    public readonly providerCode: string | null = null,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}
