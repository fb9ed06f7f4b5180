// Live updates: one EventSource per tab on GET /api/v1/live (server-sent events), shared by every
// page that listens. A `change` event says a complaint changed; the pages' data is refetched. The
// browser reconnects by itself after a dropped connection; when the server refuses the stream
// (e.g. a 401 or a restart), we open a new one after a pause. Every (re)connection refetches too,
// since changes made while disconnected were never announced. The same stream carries
// `notification` events ({"id"}) when the logged-in person's bell gets a new entry; the bell
// listens through useLiveBell, so portal and console never open a second stream.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { LiveChange } from '../../app/types';

export type LiveStatus = 'connecting' | 'open' | 'closed';

type Listener = (change: LiveChange | null) => void;

const LIVE_URL = '/api/v1/live';
const RETRY_MS = 5_000;

const listeners = new Set<Listener>();
/** Bell listeners: the new notification's id, or null after a (re)connection. */
const bellListeners = new Set<(id: number | null) => void>();
const statusListeners = new Set<() => void>();
let source: EventSource | null = null;
let status: LiveStatus = 'closed';
let retryTimer: ReturnType<typeof setTimeout> | null = null;

function setStatus(next: LiveStatus): void {
  if (status === next) return;
  status = next;
  for (const notify of statusListeners) notify();
}

function emit(change: LiveChange | null): void {
  for (const listener of listeners) listener(change);
}

function emitBell(id: number | null): void {
  for (const listener of bellListeners) listener(id);
}

/** Whether anyone still needs the stream (complaint pages, or a bell in the header). */
function wanted(): boolean {
  return listeners.size > 0 || bellListeners.size > 0;
}

function parseBell(data: string): number | null {
  try {
    const value = JSON.parse(data) as { id?: unknown };
    return typeof value.id === 'number' ? value.id : null;
  } catch {
    return null;
  }
}

function parse(data: string): LiveChange | null {
  try {
    const value = JSON.parse(data) as Partial<LiveChange>;
    if (typeof value.number !== 'string') return null;
    return {
      number: value.number,
      version: typeof value.version === 'number' ? value.version : 0,
      type: typeof value.type === 'string' ? value.type : '',
    };
  } catch {
    return null;
  }
}

function connect(): void {
  if (source || typeof EventSource === 'undefined') return;
  setStatus('connecting');
  const es = new EventSource(LIVE_URL, { withCredentials: true });
  source = es;
  // null = "anything may have changed" (a fresh connection): listeners refetch everything.
  es.onopen = () => {
    setStatus('open');
    emit(null);
    emitBell(null);
  };
  es.addEventListener('change', (event) => {
    const change = parse((event as MessageEvent<string>).data);
    if (change) emit(change);
  });
  es.addEventListener('notification', (event) => {
    const id = parseBell((event as MessageEvent<string>).data);
    if (id !== null) emitBell(id);
  });
  es.onerror = () => {
    if (es.readyState === EventSource.CLOSED) {
      // The browser gave up (non-200 answer): try again later while anyone still listens.
      source = null;
      setStatus('closed');
      if (wanted() && !retryTimer) {
        retryTimer = setTimeout(() => {
          retryTimer = null;
          if (wanted()) connect();
        }, RETRY_MS);
      }
    } else {
      setStatus('connecting');
    }
  };
}

function disconnect(): void {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  source?.close();
  source = null;
  setStatus('closed');
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  connect();
  return () => {
    listeners.delete(listener);
    if (!wanted()) disconnect();
  };
}

function subscribeBell(listener: (id: number | null) => void): () => void {
  bellListeners.add(listener);
  connect();
  return () => {
    bellListeners.delete(listener);
    if (!wanted()) disconnect();
  };
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    (notify) => {
      statusListeners.add(notify);
      return () => statusListeners.delete(notify);
    },
    () => status,
  );
}

/** Query keys whose data a complaint change can affect. */
const AFFECTED = [['complaints'], ['queues'], ['teams'], ['agents'], ['audit']] as const;

/**
 * Keeps the page's data live: refetches complaints and queues when something changes (batched, so
 * a burst of events costs one refetch), and calls `onChange` with each change.
 */
export function useLive(onChange?: (change: LiveChange) => void): LiveStatus {
  const queryClient = useQueryClient();
  const callback = useRef(onChange);
  callback.current = onChange;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = subscribe((change) => {
      if (change) callback.current?.(change);
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        for (const queryKey of AFFECTED) void queryClient.invalidateQueries({ queryKey });
      }, 150);
    });
    return () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
    };
  }, [queryClient]);

  return useLiveStatus();
}

/**
 * The bell's side of the stream: `onNotification(id)` for each new in-app notification of the
 * logged-in person, and `onNotification(null)` after every (re)connection, when entries may have
 * arrived unannounced.
 */
export function useLiveBell(onNotification: (id: number | null) => void): LiveStatus {
  const callback = useRef(onNotification);
  callback.current = onNotification;
  useEffect(() => subscribeBell((id) => callback.current(id)), []);
  return useLiveStatus();
}

// ---- Our own writes, so a live event we caused is not announced as someone else's change ----

const inFlight = new Map<string, number>();
const ownVersion = new Map<string, number>();
const settleListeners = new Set<(number: string) => void>();

/** Wraps a write on a complaint: while it runs, live events for it wait to be judged. */
export async function trackWrite<T>(number: string, write: Promise<T>): Promise<T> {
  inFlight.set(number, (inFlight.get(number) ?? 0) + 1);
  try {
    const result = await write;
    const version = (result as { version?: unknown } | undefined)?.version;
    if (typeof version === 'number') {
      ownVersion.set(number, Math.max(ownVersion.get(number) ?? 0, version));
    }
    return result;
  } finally {
    const left = (inFlight.get(number) ?? 1) - 1;
    if (left > 0) inFlight.set(number, left);
    else inFlight.delete(number);
    for (const listener of settleListeners) listener(number);
  }
}

/**
 * Changes to one complaint made by someone else while it is open: events whose version is newer
 * than anything this tab has seen or written. Judged once our own writes have settled.
 */
export function useOthersChanges(
  number: string,
  seenVersion: number,
  onOthersChange: (change: LiveChange) => void,
): LiveStatus {
  const seen = useRef({ number, version: seenVersion });
  if (seen.current.number !== number) seen.current = { number, version: seenVersion };
  else seen.current.version = Math.max(seen.current.version, seenVersion);
  const queued = useRef<LiveChange[]>([]);
  const report = useRef(onOthersChange);
  report.current = onOthersChange;
  const current = useRef(number);
  current.current = number;

  const judge = useRef(() => {
    const open = current.current;
    if ((inFlight.get(open) ?? 0) > 0) return;
    const known = Math.max(seen.current.version, ownVersion.get(open) ?? 0);
    const newer = queued.current.filter((change) => change.version > known);
    queued.current = [];
    const latest = newer[newer.length - 1];
    if (latest) {
      seen.current.version = latest.version;
      report.current(latest);
    }
  });

  useEffect(() => {
    queued.current = [];
    const onSettle = (settled: string) => {
      if (settled === number) judge.current();
    };
    settleListeners.add(onSettle);
    return () => {
      settleListeners.delete(onSettle);
    };
  }, [number]);

  return useLive((change) => {
    if (change.number !== number) return;
    queued.current.push(change);
    judge.current();
  });
}
