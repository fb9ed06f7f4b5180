// A real SMTP server on loopback (smtp-server) that keeps what it accepts, parsed with
// mailparser, so tests read the mails the platform sent exactly as a mail client would.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  mails: ParsedMail[];
  /** Mails whose DATA began, accepted or not. */
  started: number;
  /** While set, DATA is read but never answered (a hung server) until released. */
  stall: boolean;
  release(): void;
  waitFor(n: number, ms?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  let releaseAll: (() => void)[] = [];
  const sink: SmtpSink = {
    url: '',
    mails: [],
    started: 0,
    stall: false,
    release() {
      const r = releaseAll;
      releaseAll = [];
      for (const f of r) f();
    },
    async waitFor(n, ms = 10_000) {
      const until = Date.now() + ms;
      while (sink.mails.length < n) {
        if (Date.now() > until) {
          throw new Error(`expected ${n} mails, got ${sink.mails.length}`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      return sink.mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  // Like a real MTA, a message whose client went away before the final reply is not kept.
  const closed = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      sink.started++;
      const chunks: Buffer[] = [];
      let aborted = false;
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', () => {
        aborted = true;
      });
      stream.on('end', () => {
        const accept = () => {
          if (aborted || closed.has(session.id)) return;
          simpleParser(Buffer.concat(chunks))
            .then((mail) => {
              sink.mails.push(mail);
              callback();
            })
            .catch((err: Error) => callback(err));
        };
        if (sink.stall) releaseAll.push(accept);
        else accept();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  sink.url = `smtp://127.0.0.1:${port}`;
  return sink;
}
