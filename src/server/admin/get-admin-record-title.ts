// The tab title of an admin page about one record (a question, a topic, a judged attempt). When
// the record is not there the page calls notFound(), but Next.js still titles the 404 with the
// page's own metadata, so the title says "not found" itself. Only an admin is told which: anyone
// else gets the page's usual title, and the page sends them to sign in or to the 403 page.
import { getSessionUser } from '@/server/auth';
import { IdSchema } from '@/server/curation/schemas';

export async function getAdminRecordTitle(
  id: string,
  exists: (id: string) => Promise<boolean>,
  title: { found: string; missing: string },
): Promise<string> {
  const user = await getSessionUser();
  if (user?.role !== 'ADMIN') return title.found;
  return IdSchema.safeParse(id).success && (await exists(id)) ? title.found : title.missing;
}
