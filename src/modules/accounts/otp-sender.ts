import type { Locale } from '../../shared/errors.js';
import type { ContactTarget } from './contacts.js';

/**
 * Delivers one-time codes. Stage 5 plugs SMS and email providers in here; until one is
 * configured, development and test builds write the code to the server log.
 */
export interface OtpSender {
  readonly name: string;
  send(message: {
    target: ContactTarget;
    code: string;
    locale: Locale;
    ttlSeconds: number;
  }): Promise<void>;
}

export interface OtpLog {
  info(obj: object, msg: string): void;
}

export function logOtpSender(log: OtpLog): OtpSender {
  return {
    name: 'log',
    async send({ target, code, ttlSeconds }) {
      // The target is masked by the logger; the code is shown because this sender exists only
      // so a developer without an SMS gateway can log in.
      log.info(
        { channel: target.kind, to: target.value, ttlSeconds },
        `[dev] one-time login code ${code} (no SMS/email sender configured)`,
      );
    },
  };
}

/** Keeps every code it "sends"; used by tests and the browser journeys. */
export class MemoryOtpSender implements OtpSender {
  readonly name = 'memory';
  readonly sent: { target: string; code: string }[] = [];
  async send({ target, code }: { target: ContactTarget; code: string }): Promise<void> {
    this.sent.push({ target: target.value, code });
  }
  last(target: string): string | undefined {
    for (let i = this.sent.length - 1; i >= 0; i--) {
      if (this.sent[i]!.target === target) return this.sent[i]!.code;
    }
    return undefined;
  }
}
