// One LISTEN connection per app on the complaints' change channel, fanned out to every open
// stream whose audience may see the change. If the connection drops, every stream is ended:
// browsers reconnect after `retry` and refetch what they show, so nothing announced while we
// were deaf is lost to them, and the first new stream opens a fresh LISTEN.
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import type { LiveChange } from '../../shared/cases.js';

/** Who a stream is for: staff who read every complaint, one complainant, or one merchant. */
export type Audience =
  | { kind: 'all' }
  | { kind: 'complainant'; userId: string }
  | { kind: 'merchant'; merchantId: string };

/** The NOTIFY payload (appendEvent in the complaints repository). */
export interface ChangeNotice extends LiveChange {
  internal: boolean;
  complainantId: string;
  merchantId: string | null;
}

export function mayHear(audience: Audience, n: ChangeNotice): boolean {
  if (audience.kind === 'all') return true;
  if (n.internal) return false;
  if (audience.kind === 'complainant') return n.complainantId === audience.userId;
  return n.merchantId !== null && n.merchantId === audience.merchantId;
}

export interface Stream {
  /** Who hears complaint changes; none for a stream that only follows conversations. */
  audience: Audience | null;
  /** The account behind the stream: its bell (in-app notifications) rings here. */
  userId?: string;
  send(change: LiveChange): void;
  /** A new in-app notification for userId. */
  bell?(notice: { id: number }): void;
  /** A change to an assistant conversation (the stream decides whether it is its business). */
  chat?(notice: ChatNotice): void;
  end(): void;
}

/** The NOTIFY payload of the assistant's conversations (CHAT_CHANNEL). */
export interface ChatNotice {
  id: string;
  status: string;
  seq: number;
  userId: string | null;
}

export class LiveHub {
  private client: pg.PoolClient | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;
  private readonly streams = new Set<Stream>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly channel: string,
    private readonly log: FastifyBaseLogger,
    /** The notifications module's channel ({"userId","id"} per new bell entry). */
    private readonly bellChannel: string | null = null,
    /** The assistant's conversations channel. */
    private readonly chatChannel: string | null = null,
  ) {}

  /** Resolves once the LISTEN is in place (opening it if needed); rejects if it cannot be. */
  ready(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('live updates are shut down'));
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = await this.pool.connect();
    const lost = (err?: Error) => this.lost(client, err);
    // A checked-out client's errors are ours to handle; unhandled, they would end the process.
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.query(`LISTEN "${this.channel}"`);
      if (this.bellChannel) await client.query(`LISTEN "${this.bellChannel}"`);
      if (this.chatChannel) await client.query(`LISTEN "${this.chatChannel}"`);
    } catch (err) {
      client.removeListener('end', lost);
      client.release(err as Error);
      throw err;
    }
    if (this.closed) {
      client.release();
      throw new Error('live updates are shut down');
    }
    client.on('notification', (msg) => {
      if (!msg.payload) return;
      if (msg.channel === this.channel) this.dispatch(msg.payload);
      else if (msg.channel === this.bellChannel) this.ring(msg.payload);
      else if (msg.channel === this.chatChannel) this.chatted(msg.payload);
    });
    this.client = client;
  }

  private lost(client: pg.PoolClient, err?: Error): void {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners('notification');
    // Keep an error listener: the dying socket may still report one.
    client.removeAllListeners('end');
    client.release(err ?? new Error('connection ended'));
    if (!this.closed) this.log.warn({ err }, 'live updates: LISTEN connection lost');
    for (const s of [...this.streams]) s.end();
  }

  private dispatch(payload: string): void {
    let notice: ChangeNotice;
    try {
      notice = JSON.parse(payload) as ChangeNotice;
    } catch {
      this.log.warn('live updates: unreadable notification');
      return;
    }
    const change: LiveChange = {
      number: notice.number,
      version: notice.version,
      type: notice.type,
    };
    for (const s of this.streams) if (s.audience && mayHear(s.audience, notice)) s.send(change);
  }

  private ring(payload: string): void {
    let notice: { userId?: unknown; id?: unknown };
    try {
      notice = JSON.parse(payload) as { userId?: unknown; id?: unknown };
    } catch {
      this.log.warn('live updates: unreadable bell notification');
      return;
    }
    if (typeof notice.userId !== 'string' || typeof notice.id !== 'number') return;
    for (const s of this.streams) {
      if (s.userId === notice.userId) s.bell?.({ id: notice.id });
    }
  }

  private chatted(payload: string): void {
    let notice: ChatNotice;
    try {
      notice = JSON.parse(payload) as ChatNotice;
    } catch {
      this.log.warn('live updates: unreadable chat notification');
      return;
    }
    if (typeof notice.id !== 'string') return;
    for (const s of this.streams) s.chat?.(notice);
  }

  add(stream: Stream): () => void {
    this.streams.add(stream);
    return () => this.streams.delete(stream);
  }

  get size(): number {
    return this.streams.size;
  }

  /** Ends every open stream (before the server stops taking connections). */
  endStreams(): void {
    for (const s of [...this.streams]) s.end();
  }

  /** Releases the LISTEN connection for good. */
  async close(): Promise<void> {
    this.closed = true;
    this.endStreams();
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('notification');
      client.removeAllListeners('end');
      await client.query(`UNLISTEN *`).catch(() => undefined);
      client.release();
    }
  }
}
