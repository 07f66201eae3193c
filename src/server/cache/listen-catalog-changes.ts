// The web server's ear on the catalog channel (catalog-changes.ts): one LISTEN connection, and on
// another process's announcement `onChange` (forgetCatalogCopies in production). While no
// connection listens announcements are missed, so the first LISTEN (the server may have cached
// pages before it) and every reconnect count as a change too. A lost connection is retried after
// `retryMs`, doubling up to MAX_RETRY_MS while it keeps failing, until `close()`. TCP keepalive, so
// a connection that silently died (an idle timeout on a NAT or a load balancer) is noticed.
// Started by scripts/serve.ts.
import pg from 'pg';
import { errorMessage } from '@/lib/error-message';
import { CATALOG_CHANGED_CHANNEL, processOrigin } from './catalog-changes';

const MAX_RETRY_MS = 30_000;

export type CatalogListener = { close(): Promise<void>; ready: Promise<void> };

export function listenCatalogChanges({
  databaseUrl,
  onChange,
  log = (line) => console.warn(`[rehearse] ${line}`),
  retryMs = 1_000,
}: {
  databaseUrl: string;
  onChange: () => void;
  log?: (line: string) => void;
  retryMs?: number;
}): CatalogListener {
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  // Set while no connection listens: announcements may have been missed.
  let missed = true;
  let delayMs = retryMs;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  async function connect() {
    const current = new pg.Client({ connectionString: databaseUrl, keepAlive: true });
    client = current;
    let dropped = false;
    const drop = (why: string) => {
      if (dropped) return;
      dropped = true;
      void current.end().catch(() => {});
      if (closed) return;
      missed = true;
      log(`catalog change listener: ${why}; reconnecting in ${delayMs} ms`);
      retry = setTimeout(() => void connect(), delayMs);
      delayMs = Math.min(delayMs * 2, MAX_RETRY_MS);
    };
    current.on('error', (error) => drop(errorMessage(error)));
    current.on('end', () => drop('connection ended'));
    current.on('notification', (message) => {
      if (message.channel === CATALOG_CHANGED_CHANNEL && message.payload !== processOrigin()) onChange();
    });
    try {
      await current.connect();
      await current.query(`LISTEN ${CATALOG_CHANGED_CHANNEL}`);
    } catch (error) {
      drop(`could not listen: ${errorMessage(error)}`);
      return;
    }
    if (closed) {
      await current.end().catch(() => {});
      return;
    }
    if (missed) onChange();
    missed = false;
    delayMs = retryMs;
    markReady();
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
