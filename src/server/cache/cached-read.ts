// The one way a public read is cached: Next.js's data cache (`unstable_cache`), keyed by the
// read's name and arguments and tagged so invalidate-catalog.ts can drop it. Content stays cached
// until an admin write invalidates it; CATALOG_SAFETY_SECONDS bounds how long a write made outside
// this web process (a CLI import into a running server, a second web instance) can go unseen.
// A miss (null: no such topic) is not stored, so made-up slugs cannot fill the cache.
// Practice counts are not in here: see read-practice-counts.ts.
import { randomUUID } from 'node:crypto';
import { unstable_cache } from 'next/cache';
import { CATALOG_TAG } from './catalog-tags';
import { isCacheBypassed } from './is-cache-bypassed';

export const CATALOG_SAFETY_SECONDS = 300;

// Next keeps this cache in .next/cache, which outlives the server: after a restart on another
// database (a fresh .data, a restore, a bench's throwaway database) it would serve rows whose ids no
// longer exist. Every entry is keyed by the boot of the server process that wrote it, so a new
// process starts empty. Held in the environment so every route bundle of the process shares it.
function bootKey(): string {
  process.env.REHEARSE_CACHE_BOOT ??= randomUUID();
  return process.env.REHEARSE_CACHE_BOOT;
}

type Key = string | number | boolean | null | undefined;

class NothingToCache extends Error {}

export async function cachedRead<T>(name: string, args: Key[], tags: string[], load: () => Promise<T | null>): Promise<T | null> {
  if (await isCacheBypassed()) return load();
  const cached = unstable_cache(
    async () => {
      const value = await load();
      if (value === null) throw new NothingToCache();
      return value;
    },
    ['rehearse', bootKey(), name, ...args.map((a) => JSON.stringify(a ?? null))],
    { tags: [CATALOG_TAG, ...tags], revalidate: CATALOG_SAFETY_SECONDS },
  );
  try {
    return await cached();
  } catch (error) {
    if (error instanceof NothingToCache) return null;
    throw error;
  }
}
