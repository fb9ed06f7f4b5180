// One server-sent-events stream for a page: the person's conversation (new agent/system messages,
// status changes) or the agents' /assistant/live feed. The browser retries a dropped connection
// by itself; when the server refuses the stream (a restart, a 401) we open a new one after a
// pause. Every (re)connection calls onOpen, since changes made while disconnected were never
// announced, so the page refetches.
import { useEffect, useRef, useState } from 'react';

export type StreamStatus = 'connecting' | 'open' | 'closed';

const RETRY_MS = 3_000;

export type StreamHandlers = Record<string, (data: Record<string, unknown>) => void>;

function parse(data: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Listens on `url` while it is not null; answers the connection's state. */
export function useEventStream(
  url: string | null,
  handlers: StreamHandlers,
  onOpen?: () => void,
): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>('closed');
  const latest = useRef({ handlers, onOpen });
  latest.current = { handlers, onOpen };
  const events = Object.keys(handlers).sort().join(',');

  useEffect(() => {
    if (!url || typeof EventSource === 'undefined') {
      setStatus('closed');
      return;
    }
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;

    const connect = () => {
      setStatus('connecting');
      const es = new EventSource(url, { withCredentials: true });
      source = es;
      es.onopen = () => {
        setStatus('open');
        latest.current.onOpen?.();
      };
      for (const name of events.split(',').filter(Boolean)) {
        es.addEventListener(name, (event) => {
          latest.current.handlers[name]?.(parse((event as MessageEvent<string>).data));
        });
      }
      es.onerror = () => {
        if (es.readyState !== EventSource.CLOSED) {
          setStatus('connecting');
          return;
        }
        source = null;
        setStatus('closed');
        if (!stopped) timer = setTimeout(connect, RETRY_MS);
      };
    };
    connect();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      source?.close();
    };
  }, [url, events]);

  return status;
}

/** The current time, ticking every `ms` (waiting times in the inbox). */
export function useNow(ms = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
