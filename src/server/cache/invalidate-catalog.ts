// The one call every write to public content makes after it commits (curation, bundle import,
// seeding). Inside a Next.js request (a route handler or server action) it expires the cached
// reads at once ({ expire: 0 }: the next visitor waits for fresh data rather than seeing the old
// page), so an admin's publish shows on the public page on the next load. From any process (a
// route handler, a CLI script) it also announces the change, so every other web process drops its
// copies too (catalog-changes.ts); outside Next.js there is no cache in this process to drop
// (docs/decisions/017).
// `db` is what the write used. When that is a caller's transaction (a verb composed into a larger
// one: the seed imports bundles inside its own), the announcement goes out in it, so Postgres
// delivers it when that transaction commits and drops it if it rolls back: announced earlier,
// another server would re-read and cache the rows as they were before the write. Awaited, so a
// CLI command does not end before its announcement has left.
import { revalidateTag } from 'next/cache';
import { logger } from '@/server/observability/logger';
import { prisma, type Db, type DbClient } from '@/server/db';
import { sendNotification } from '@/server/send-notification';
import { renewCacheGeneration } from './cache-generation';
import { CATALOG_CHANGED_CHANNEL, processOrigin } from './catalog-changes';
import { CATALOG_TAG, questionTag, topicTag } from './catalog-tags';
import { isInsideNext } from './is-cache-bypassed';
import { clearPageMicroCache } from './page-micro-cache';
import { errorMessage } from '@/lib/error-message';

// No scope: everything public (the home page's counts, every topic and question page). A scope
// names what changed when nothing else can have (a prompt edit keeps the topic's counts).
export type CatalogScope = { topicSlugs?: string[]; questionSlugs?: string[] };

export async function invalidateCatalog({ db = prisma, scope }: { db?: Db | DbClient; scope?: CatalogScope } = {}): Promise<void> {
  // Every other web process drops its copies (catalog-changes.ts). Outside a transaction the write
  // has committed, so a lost announcement is logged, not thrown: the others then see the change
  // within CATALOG_SAFETY_SECONDS.
  await sendNotification(CATALOG_CHANGED_CHANNEL, processOrigin(), db);
  // Everything changed: this process's next read misses at once, under a new generation. The
  // tag's expiry alone left a window: Next may apply it after the action's response (its
  // revalidations can run in waitUntil), and a read that began before the write may store the old
  // rows after it; both land under the old generation, never read again (seen once in the e2e
  // suite: a deleted topic still listed right after the delete).
  if (!scope) renewCacheGeneration();
  if (!isInsideNext()) return;
  // Whole pages kept by the web server for a second go too, so the next view renders afresh.
  clearPageMicroCache();
  const tags = scope
    ? [...(scope.topicSlugs ?? []).map(topicTag), ...(scope.questionSlugs ?? []).map(questionTag)]
    : [CATALOG_TAG];
  for (const tag of tags) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch (error) {
      // Outside a request (no incremental cache to reach): the safety window covers it.
      logger.warn({ tag, err: errorMessage(error) }, 'cache invalidation skipped outside a request');
    }
  }
}
