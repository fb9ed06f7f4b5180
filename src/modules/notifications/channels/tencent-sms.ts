// SMS through Tencent Cloud (SendSms, API 2021-01-11). Mainland SMS may only carry a template
// the operator approved in advance, so each key node maps to a template id plus the order of its
// positional parameters; the rendered text is never sent. The work here is turning the
// provider's answer into "retry later" or "give up" for the outbox (types.ts).
import { maskPhone, maskPiiInText } from '../../../server/lib/masking.js';
import { signTc3, TC3_JSON } from './tc3.js';
import { ChannelError, type SmsMessage, type SmsProvider } from './types.js';

export interface TencentSmsTemplate {
  templateId: string;
  /** Variable names, in the order of the template's {1}, {2}, … placeholders. */
  params: string[];
}

export interface TencentSmsOptions {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  /** The approved signature (签名) shown as 【…】 before the text. */
  signName: string;
  region?: string;
  templates: Record<string, TencentSmsTemplate>;
  /** Base URL; tests point it at a local server. */
  endpoint?: string;
  fetch?: typeof fetch;
  now?: () => Date;
  timeoutMs?: number;
}

const SERVICE = 'sms';
const VERSION = '2021-01-11';
const MAINLAND_MOBILE = /^1\d{10}$/;

// Server-side faults that another attempt may get past. The listed InternalError codes are
// really malformed or mis-signed requests, which will fail the same way every time.
const PERMANENT_INTERNAL = new Set([
  'InternalError.SigVerificationFail',
  'InternalError.SigFieldMissing',
  'InternalError.RestApiInterfaceNotExist',
  'InternalError.JsonParseFail',
  'InternalError.RequestTimeException',
]);

function isThrottle(code: string): boolean {
  return /^(Request)?LimitExceeded(\.|$)/.test(code);
}

/** For a whole-request Response.Error code. */
export function tencentErrorRetryable(code: string): boolean {
  if (isThrottle(code) || code === 'ServiceUnavailable') return true;
  if (code === 'InternalError' || code.startsWith('InternalError.')) {
    return !PERMANENT_INTERNAL.has(code);
  }
  // InvalidParameter*, FailedOperation.*, UnsupportedOperation.*, AuthFailure.*, Unauthorized…:
  // the request or the account set-up is wrong, and resending it cannot fix that.
  return false;
}

interface SendStatus {
  SerialNo?: string;
  Code?: string;
  Message?: string;
}

interface SendSmsBody {
  Response?: {
    Error?: { Code?: string; Message?: string };
    SendStatusSet?: SendStatus[];
    RequestId?: string;
  };
}

export function tencentSmsProvider(opts: TencentSmsOptions): SmsProvider {
  const endpoint = (opts.endpoint ?? 'https://sms.tencentcloudapi.com').replace(/\/+$/, '');
  // The signed Host must be the one fetch sends, and fetch takes it from the URL.
  const host = new URL(endpoint).host;
  const doFetch = opts.fetch ?? fetch;
  const now = opts.now ?? (() => new Date());
  const timeoutMs = opts.timeoutMs ?? 15_000;

  return {
    name: 'tencent',
    async send(msg) {
      const template = opts.templates[msg.node];
      if (!template) {
        throw new ChannelError(
          `no SMS template configured for node ${msg.node}`,
          false,
          'no_template',
        );
      }
      const params = templateParams(msg, template);
      if (!MAINLAND_MOBILE.test(msg.to)) {
        throw new ChannelError(
          `not a mainland mobile number: ${maskPhone(msg.to)}`,
          false,
          'bad_number',
        );
      }
      const payload = JSON.stringify({
        PhoneNumberSet: [`+86${msg.to}`],
        SmsSdkAppId: opts.sdkAppId,
        SignName: opts.signName,
        TemplateId: template.templateId,
        TemplateParamSet: params,
        // Echoed back in the status report, tying a delivery receipt to our outbox row.
        SessionContext: msg.idempotencyKey,
      });
      const signed = signTc3({
        secretId: opts.secretId,
        secretKey: opts.secretKey,
        service: SERVICE,
        host,
        action: 'SendSms',
        version: VERSION,
        region: opts.region ?? 'ap-guangzhou',
        timestamp: Math.floor(now().getTime() / 1000),
        payload,
        contentType: TC3_JSON,
      });
      const clean = (text: string) => scrub(text, msg.to);

      let res: Response;
      let text: string;
      try {
        res = await doFetch(`${endpoint}/`, {
          method: 'POST',
          headers: signed.headers,
          body: payload,
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await res.text();
      } catch (err) {
        throw new ChannelError(`Tencent SMS unreachable: ${clean(describeError(err))}`, true, null);
      }
      // The API answers 200 even for business errors; anything else came from a gateway on the
      // way, so it says nothing about the message itself.
      if (!res.ok) {
        throw new ChannelError(`Tencent SMS HTTP ${res.status}`, true, `http_${res.status}`);
      }
      let body: SendSmsBody;
      try {
        body = JSON.parse(text) as SendSmsBody;
      } catch {
        throw new ChannelError('Tencent SMS answered with something other than JSON', true, null);
      }
      const r = body.Response ?? {};
      const rid = r.RequestId ? ` (RequestId ${r.RequestId})` : '';
      if (r.Error) {
        const code = r.Error.Code ?? 'UnknownError';
        throw new ChannelError(
          `Tencent SMS ${code}: ${clean(r.Error.Message ?? '')}${rid}`,
          tencentErrorRetryable(code),
          code,
        );
      }
      const status = r.SendStatusSet?.[0];
      if (!status?.Code) {
        throw new ChannelError(`Tencent SMS answer has no send status${rid}`, true, null);
      }
      if (status.Code !== 'Ok') {
        throw new ChannelError(
          `Tencent SMS ${status.Code}: ${clean(status.Message ?? '')}${rid}`,
          // Per-number failures (blacklisted, bad number, template mismatch) are final; only a
          // frequency limit passes with time.
          isThrottle(status.Code),
          status.Code,
        );
      }
      return { providerMessageId: status.SerialNo ?? null };
    },
  };
}

function templateParams(msg: SmsMessage, template: TencentSmsTemplate): string[] {
  return template.params.map((name) => {
    const value = msg.vars[name];
    if (value === undefined) {
      throw new ChannelError(
        `SMS template for node ${msg.node} needs variable "${name}", which the message lacks`,
        false,
        'missing_variable',
      );
    }
    return value;
  });
}

/** Provider messages may quote the number back; errors end up in logs and the admin UI. */
function scrub(text: string, to: string): string {
  return maskPiiInText(text.split(to).join(maskPhone(to))).slice(0, 300);
}

function describeError(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
    return `${err.name}: ${err.message}${cause ? ` (${cause.code ?? cause.message ?? ''})` : ''}`;
  }
  return String(err);
}
