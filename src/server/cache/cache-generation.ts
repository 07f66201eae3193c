// The generation every cached read's key carries (cached-read.ts). Next keeps its data cache in
// .next/cache, which outlives the server: after a restart on another database (a fresh .data, a
// restore, a bench's throwaway database) it would serve rows whose ids no longer exist, so each boot
// of a server process starts a new generation. A change to the catalog starts one too, in the
// process that made it (invalidate-catalog.ts: its tag expiry alone left a window) and in every
// other one (catalog-changes.ts: revalidateTag cannot reach a process's cache from outside a
// request), and reads under new keys miss the old entries. Held on globalThis so every route
// bundle of the process (and scripts/serve.ts around them) shares it, and not in the
// environment, which child processes would inherit.
import { randomUUID } from 'node:crypto';

const shared = globalThis as unknown as { rehearseCacheGeneration?: string };

export function cacheGeneration(): string {
  shared.rehearseCacheGeneration ??= randomUUID();
  return shared.rehearseCacheGeneration;
}

export function renewCacheGeneration(): void {
  shared.rehearseCacheGeneration = randomUUID();
}
