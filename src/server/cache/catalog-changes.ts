// Admin writes reach every web process, not only the one that handled them. The process that made
// the write drops its copies and announces the change on a channel (invalidate-catalog.ts); every
// other web process listening (listen-catalog-changes.ts, started by scripts/serve.ts) drops all of
// its copies: its whole pages and its cached reads. With several web replicas (Kubernetes) an
// admin's publish then shows on every replica at once, and so does a CLI import into a running
// server, instead of after CATALOG_SAFETY_SECONDS (docs/decisions/017).
import { randomUUID } from 'node:crypto';
import { renewCacheGeneration } from './cache-generation';
import { clearPageMicroCache } from './page-micro-cache';

export const CATALOG_CHANGED_CHANNEL = 'catalog_changed';

// This process's name on the channel, so it skips its own announcements (it has already dropped
// its copies when it made the write). On globalThis so every route bundle of the process shares it;
// not in the environment, or a child process (a CLI import started from here) would share it too.
const shared = globalThis as unknown as { rehearseProcessOrigin?: string };

export function processOrigin(): string {
  shared.rehearseProcessOrigin ??= randomUUID();
  return shared.rehearseProcessOrigin;
}

// What a web process does when another one changed the catalog: the next view renders afresh from
// fresh reads. Entries of Next's data cache under the old generation are never read again and age out.
export function forgetCatalogCopies(): void {
  clearPageMicroCache();
  renewCacheGeneration();
}
