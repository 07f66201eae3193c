// The one call every write to public content makes after it commits (curation, bundle import,
// seeding). Inside a Next.js request (a route handler or server action) it expires the cached
// reads at once ({ expire: 0 }: the next visitor waits for fresh data rather than seeing the old
// page), so an admin's publish shows on the public page on the next load. From any process (a
// route handler, a CLI script) it also announces the change, so every other web process drops its
// copies too (catalog-changes.ts); outside Next.js there is no cache in this process to drop
// (docs/decisions/017).
import { revalidateTag } from 'next/cache';
import { logger } from '@/server/observability/logger';
import { prisma } from '@/server/db';
import { sendNotification } from '@/server/send-notification';
import { CATALOG_CHANGED_CHANNEL, processOrigin } from './catalog-changes';
import { CATALOG_TAG, questionTag, topicTag } from './catalog-tags';
import { isInsideNext } from './is-cache-bypassed';
import { clearPageMicroCache } from './page-micro-cache';
import { errorMessage } from '@/lib/error-message';

// No scope: everything public (the home page's counts, every topic and question page). A scope
// names what changed when nothing else can have (a prompt edit keeps the topic's counts).
export type CatalogScope = { topicSlugs?: string[]; questionSlugs?: string[] };

export function invalidateCatalog(scope?: CatalogScope): void {
  // Every other web process drops its copies (catalog-changes.ts). The write has committed, so a
  // lost announcement is logged, not thrown: the others then see it within CATALOG_SAFETY_SECONDS.
  void sendNotification(CATALOG_CHANGED_CHANNEL, processOrigin(), prisma, { inBackground: true });
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
