// A dedicated PostgreSQL connection that LISTENs on one channel for as long as a process runs (a
// pooled connection would be handed to other queries). Used by the worker (grading_jobs) and by
// each web server (catalog_changed).
//
// Notifications sent while no connection listens are lost, so `onListening` runs after every
// successful LISTEN, the first and each reconnect: the caller looks at the table (or drops what it
// cached). A lost connection ('error' or 'end') is retried after `retryMs`, doubling up to
// MAX_RETRY_MS while it keeps failing, until `close()`. TCP keepalive, so a connection that
// silently died (an idle timeout on a NAT or a load balancer) is noticed. The wait-for-settled
// listener is different on purpose: it connects on demand, for a request that is waiting.
import pg from 'pg';
import { errorMessage } from '@/lib/error-message';

const MAX_RETRY_MS = 30_000;
const CONNECT_TIMEOUT_MS = 10_000;

export type ChannelListener = {
  // Resolves once listening. With `giveUpIfFirstFails` a failed first attempt rejects it (and
  // nothing is retried); otherwise it waits for a retry to succeed (forever, if closed first).
  ready: Promise<void>;
  close(): Promise<void>;
};

export function listenChannel({
  databaseUrl,
  channel,
  onNotification,
  onListening = () => {},
  log,
  retryMs = 1_000,
  giveUpIfFirstFails = false,
}: {
  databaseUrl: string;
  channel: string;
  onNotification: (payload: string) => void;
  onListening?: (reconnected: boolean) => void;
  log: (line: string) => void;
  retryMs?: number;
  // A process that cannot work without the channel (the worker) fails its start instead.
  giveUpIfFirstFails?: boolean;
}): ChannelListener {
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let listenedBefore = false;
  let delayMs = retryMs;
  let settle!: { resolve: () => void; reject: (error: unknown) => void };
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));

  async function connect() {
    if (closed) return;
    // A bounded connect: close() waits for a client that is still connecting, and a host that
    // drops packets would otherwise hold a stopping worker for the OS's two minutes.
    const current = new pg.Client({ connectionString: databaseUrl, keepAlive: true, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    client = current;
    let dropped = false;
    const drop = (why: string) => {
      if (dropped) return;
      dropped = true;
      void current.end().catch(() => {});
      // A first attempt that gives up does so below, when connect() or LISTEN rejects.
      if (closed || (giveUpIfFirstFails && !listenedBefore)) return;
      log(`${channel} listener: ${why}; reconnecting in ${delayMs} ms`);
      retry = setTimeout(() => void connect(), delayMs);
      delayMs = Math.min(delayMs * 2, MAX_RETRY_MS);
    };
    current.on('error', (error) => drop(errorMessage(error)));
    current.on('end', () => drop('connection ended'));
    current.on('notification', (message) => {
      if (message.channel === channel) onNotification(message.payload ?? '');
    });
    try {
      await current.connect();
      await current.query(`LISTEN ${channel}`);
    } catch (error) {
      if (!listenedBefore && giveUpIfFirstFails) {
        closed = true;
        dropped = true;
        await current.end().catch(() => {});
        settle.reject(error);
        return;
      }
      drop(`could not listen: ${errorMessage(error)}`);
      return;
    }
    if (closed) {
      await current.end().catch(() => {});
      return;
    }
    delayMs = retryMs;
    const reconnected = listenedBefore;
    listenedBefore = true;
    settle.resolve();
    onListening(reconnected);
  }

  void connect();
  return {
    ready,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
