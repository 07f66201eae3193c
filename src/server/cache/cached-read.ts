// The one way a public read is cached: Next.js's data cache (`unstable_cache`), keyed by the
// read's name and arguments and tagged so invalidate-catalog.ts can drop it. Content stays cached
// until an admin write invalidates it (in this process, and by announcement in the others:
// catalog-changes.ts); CATALOG_SAFETY_SECONDS bounds how long a write can go unseen when an
// announcement is lost.
// A miss (null: no such topic) is not stored, so made-up slugs cannot fill the cache.
// Practice counts are not in here: see read-practice-counts.ts.
import { unstable_cache } from 'next/cache';
import { cacheGeneration } from './cache-generation';
import { CATALOG_TAG } from './catalog-tags';
import { isCacheBypassed } from './is-cache-bypassed';

export const CATALOG_SAFETY_SECONDS = 300;

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
    ['rehearse', cacheGeneration(), name, ...args.map((a) => JSON.stringify(a ?? null))],
    { tags: [CATALOG_TAG, ...tags], revalidate: CATALOG_SAFETY_SECONDS },
  );
  try {
    return await cached();
  } catch (error) {
    if (error instanceof NothingToCache) return null;
    throw error;
  }
}
