// The web server's ear on the catalog channel (catalog-changes.ts): on another process's
// announcement `onChange` (forgetCatalogCopies in production). Announcements made while no
// connection listened are lost, so the first LISTEN (the server may have cached pages before it)
// and every reconnect count as a change too. The connection itself (keepalive, reconnects with
// backoff) is src/server/listen-channel.ts. Started by scripts/serve.ts.
import { listenChannel, type ChannelListener } from '@/server/listen-channel';
import { CATALOG_CHANGED_CHANNEL, processOrigin } from './catalog-changes';

export type CatalogListener = ChannelListener;

export function listenCatalogChanges({
  databaseUrl,
  onChange,
  log = (line) => console.warn(`[rehearse] ${line}`),
  retryMs,
}: {
  databaseUrl: string;
  onChange: () => void;
  log?: (line: string) => void;
  retryMs?: number;
}): CatalogListener {
  return listenChannel({
    databaseUrl,
    channel: CATALOG_CHANGED_CHANNEL,
    onNotification: (origin) => {
      if (origin !== processOrigin()) onChange();
    },
    onListening: () => onChange(),
    log,
    retryMs,
  });
}
