// One LISTEN connection per web process on the worker's 'attempt_settled' channel, shared by every
// waiting GET /api/attempts/<id>?wait=N. A waiter registers (and the LISTEN is in place) before it
// reads the attempt, so a grade recorded in between is never missed. If the connection drops, every
// waiter is woken to read the table again. Notifications are hints; the table is the truth.
import pg from 'pg';
import { requireDatabaseUrl } from '@/server/env';
import { ATTEMPT_SETTLED_CHANNEL } from './schemas';

type Listener = { client: pg.Client | null; connecting: Promise<pg.Client> | null; waiters: Map<string, Set<() => void>> };

const globalForListener = globalThis as unknown as { attemptSettledListener?: Listener };
const state: Listener = (globalForListener.attemptSettledListener ??= { client: null, connecting: null, waiters: new Map() });

function wakeAll() {
  for (const wakers of state.waiters.values()) for (const wake of wakers) wake();
}

function connect(): Promise<pg.Client> {
  if (state.client) return Promise.resolve(state.client);
  state.connecting ??= (async () => {
    // TCP keepalive: a connection that silently died would otherwise leave waiters to their timeouts.
    const client = new pg.Client({ connectionString: requireDatabaseUrl(), keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel !== ATTEMPT_SETTLED_CHANNEL || !message.payload) return;
      for (const wake of state.waiters.get(message.payload) ?? []) wake();
    });
    const drop = () => {
      if (state.client === client) state.client = null;
      void client.end().catch(() => {});
      wakeAll();
    };
    client.on('error', drop);
    client.on('end', drop);
    try {
      await client.connect();
      await client.query(`LISTEN ${ATTEMPT_SETTLED_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    state.client = client;
    return client;
  })().finally(() => {
    state.connecting = null;
  });
  return state.connecting;
}

export type SettledSubscription = {
  // Resolves when the attempt is announced settled, the time is up or the caller gave up.
  settled(timeoutMs: number, signal?: AbortSignal): Promise<void>;
  close(): void;
};

export async function subscribeAttemptSettled(attemptId: string): Promise<SettledSubscription> {
  let wake: () => void = () => {};
  let fired = false;
  const fire = () => {
    fired = true;
    wake();
  };
  const wakers = state.waiters.get(attemptId) ?? new Set();
  wakers.add(fire);
  state.waiters.set(attemptId, wakers);
  const close = () => {
    wakers.delete(fire);
    if (wakers.size === 0 && state.waiters.get(attemptId) === wakers) state.waiters.delete(attemptId);
  };
  try {
    await connect();
  } catch (error) {
    close();
    throw error;
  }
  return {
    close,
    settled: (timeoutMs, signal) =>
      new Promise<void>((resolve) => {
        if (fired || signal?.aborted) return resolve();
        const timer = setTimeout(done, timeoutMs);
        function done() {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          resolve();
        }
        wake = done;
        signal?.addEventListener('abort', done, { once: true });
      }),
  };
}

// Tests end the shared connection so the process can exit.
export async function closeAttemptSettledListener(): Promise<void> {
  const client = state.client;
  state.client = null;
  await client?.end().catch(() => {});
}
