// SMS without a gateway: development builds log the text so the flow can be followed end to
// end, and tests keep what was "sent" in memory to assert on it.
import { maskPhone } from '../../../server/lib/masking.js';
import type { ChannelError, SmsMessage, SmsProvider } from './types.js';

export function logSmsProvider(log: { info(obj: object, msg: string): void }): SmsProvider {
  return {
    name: 'log',
    async send(msg) {
      // The logger masks numbers too; masking here as well keeps that true for any logger.
      log.info(
        { channel: 'sms', to: maskPhone(msg.to), node: msg.node, key: msg.idempotencyKey },
        `[dev] SMS (no SMS provider configured):\n${msg.text}`,
      );
      return { providerMessageId: null };
    },
  };
}

/** Keeps every message it "sends"; used by tests and the browser journeys. */
export class MemorySmsProvider implements SmsProvider {
  readonly name = 'memory';
  readonly sent: SmsMessage[] = [];
  private readonly failures: ChannelError[] = [];

  async send(msg: SmsMessage): Promise<{ providerMessageId: string | null }> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push({ ...msg, vars: { ...msg.vars } });
    return { providerMessageId: `memory-${this.sent.length}` };
  }

  /** Makes the next send throw, to drive the dispatcher's retry and dead-letter paths. */
  failNext(error: ChannelError): void {
    this.failures.push(error);
  }

  last(to: string): SmsMessage | undefined {
    for (let i = this.sent.length - 1; i >= 0; i--) {
      if (this.sent[i]!.to === to) return this.sent[i];
    }
    return undefined;
  }
}
