// WeChat subscription messages (订阅消息). Two things make this more than one POST: every call
// needs an access_token that is rate-limited to fetch and invalidated whenever anyone fetches a
// new one, so it is cached, fetched by one caller at a time and refreshed once when WeChat says
// it went stale; and template values have per-type length limits that WeChat enforces by
// rejecting the whole message (47003), so free-text values are cut to fit first.
import { ChannelError, type WechatMessage, type WechatSender } from './types.js';

export interface WechatTemplate {
  templateId: string;
  /** WeChat field key (thing1, time2, character_string3 …) → our variable name. */
  fields: Record<string, string>;
}

export interface WechatOptions {
  appId: string;
  appSecret: string;
  templates: Record<string, WechatTemplate>;
  baseUrl?: string;
  fetch?: typeof fetch;
  now?: () => Date;
  /** developer | trial | formal: which build of the mini program the message opens. */
  miniprogramState?: 'developer' | 'trial' | 'formal';
  timeoutMs?: number;
}

// After a refresh WeChat keeps the previous token valid for five minutes; renewing this long
// before expiry means a token we hold is never the one about to lapse.
const TOKEN_MARGIN_S = 300;

/** The token was revoked, expired or never valid: refetch and try once more. */
const STALE_TOKEN = new Set([40001, 42001, 40014]);
/** System busy and call-quota limits: time fixes these. */
const RETRYABLE_ERRCODES = new Set([-1, 45009, 45011]);

// Per-type limits from the subscription-message docs, in characters. Only free text is cut:
// shortening a number, code or date would change what it says, so those are sent as they are.
const FREE_TEXT_LIMITS: Record<string, number> = { thing: 20, phrase: 5, name: 10 };

/** Fits one value to its field's type (the key's letters: thing12 → thing). */
export function fitWechatValue(key: string, value: string): string {
  const type = key.replace(/\d+$/, '');
  const limit = FREE_TEXT_LIMITS[type];
  const chars = Array.from(value); // WeChat counts characters, not UTF-16 units
  if (limit === undefined || chars.length <= limit) return value;
  // A thing is a sentence; an ellipsis tells the reader it goes on. Phrases and names are
  // single words where a trailing mark would read as part of the word.
  if (type === 'thing') return `${chars.slice(0, limit - 1).join('')}…`;
  return chars.slice(0, limit).join('');
}

interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
  msgid?: number | string;
}

export function wechatSubscribeSender(opts: WechatOptions): WechatSender {
  const baseUrl = (opts.baseUrl ?? 'https://api.weixin.qq.com').replace(/\/+$/, '');
  const doFetch = opts.fetch ?? fetch;
  const now = () => (opts.now ? opts.now() : new Date()).getTime();
  const timeoutMs = opts.timeoutMs ?? 15_000;

  let cached: { token: string; expiresAt: number } | null = null;
  let inflight: Promise<string> | null = null;

  /** Nothing from WeChat or fetch reaches an error message without losing the secrets. */
  const scrub = (text: string): string => {
    let out = text;
    for (const secret of [opts.appSecret, cached?.token]) {
      if (secret) out = out.split(secret).join('***');
    }
    return out.replace(/(access_token|secret)=[^&\s]*/g, '$1=***').slice(0, 300);
  };

  async function call(url: string, init: RequestInit, what: string): Promise<WechatAnswer> {
    let res: Response;
    let text: string;
    try {
      res = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      text = await res.text();
    } catch (err) {
      throw new ChannelError(`WeChat ${what} failed: ${scrub(describeError(err))}`, true, null);
    }
    if (!res.ok) {
      throw new ChannelError(`WeChat ${what}: HTTP ${res.status}`, true, `http_${res.status}`);
    }
    try {
      return JSON.parse(text) as WechatAnswer;
    } catch {
      throw new ChannelError(`WeChat ${what}: answer is not JSON`, true, null);
    }
  }

  async function fetchToken(): Promise<string> {
    const q = new URLSearchParams({
      grant_type: 'client_credential',
      appid: opts.appId,
      secret: opts.appSecret,
    });
    const a = await call(`${baseUrl}/cgi-bin/token?${q}`, { method: 'GET' }, 'token request');
    if (typeof a.access_token !== 'string' || !a.access_token) {
      const code = a.errcode ?? null;
      // Bad appid/secret or a server IP missing from the allow-list need a person, not a retry.
      throw new ChannelError(
        `WeChat token request refused: ${code ?? '?'} ${scrub(a.errmsg ?? '')}`.trim(),
        code === null || RETRYABLE_ERRCODES.has(code),
        code === null ? null : String(code),
      );
    }
    const lifetime = typeof a.expires_in === 'number' && a.expires_in > 0 ? a.expires_in : 7200;
    const margin = Math.min(TOKEN_MARGIN_S, lifetime / 2);
    cached = { token: a.access_token, expiresAt: now() + (lifetime - margin) * 1000 };
    return a.access_token;
  }

  /** One fetch at a time: concurrent senders wait for the same answer. */
  function token(): Promise<string> {
    if (cached && now() < cached.expiresAt) return Promise.resolve(cached.token);
    inflight ??= fetchToken().finally(() => {
      inflight = null;
    });
    return inflight;
  }

  function post(accessToken: string, body: string): Promise<WechatAnswer> {
    const url = `${baseUrl}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(accessToken)}`;
    return call(
      url,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body },
      'send',
    );
  }

  return {
    name: 'wechat',
    async send(msg) {
      const body = JSON.stringify(requestBody(msg, opts));
      const first = await token();
      let answer = await post(first, body);
      if (answer.errcode !== undefined && STALE_TOKEN.has(answer.errcode)) {
        // Drop it only if nobody has replaced it meanwhile, or we would throw away the fresh
        // token a concurrent sender just fetched and fetch yet another.
        if (cached?.token === first) cached = null;
        answer = await post(await token(), body);
      }
      const code = answer.errcode ?? 0;
      if (code === 0) {
        return { providerMessageId: answer.msgid === undefined ? null : String(answer.msgid) };
      }
      throw new ChannelError(
        `WeChat ${code}: ${scrub(answer.errmsg ?? '')}`,
        // A token refused twice running means another process keeps rotating it; later passes.
        RETRYABLE_ERRCODES.has(code) || STALE_TOKEN.has(code),
        String(code),
      );
    },
  };
}

function requestBody(msg: WechatMessage, opts: WechatOptions): Record<string, unknown> {
  const template = opts.templates[msg.node];
  if (!template) {
    throw new ChannelError(
      `no WeChat template configured for node ${msg.node}`,
      false,
      'no_template',
    );
  }
  const data: Record<string, { value: string }> = {};
  for (const [key, varName] of Object.entries(template.fields)) {
    const value = msg.vars[varName];
    if (value === undefined) {
      throw new ChannelError(
        `WeChat template for node ${msg.node} needs variable "${varName}", which the message lacks`,
        false,
        'missing_variable',
      );
    }
    data[key] = { value: fitWechatValue(key, value) };
  }
  return {
    touser: msg.openId,
    template_id: template.templateId,
    ...(msg.page ? { page: msg.page } : {}),
    data,
    ...(opts.miniprogramState ? { miniprogram_state: opts.miniprogramState } : {}),
    lang: 'zh_CN',
  };
}

function describeError(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
    return `${err.name}: ${err.message}${cause ? ` (${cause.code ?? cause.message ?? ''})` : ''}`;
  }
  return String(err);
}
