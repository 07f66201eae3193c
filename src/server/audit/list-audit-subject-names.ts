// The names of the topics and questions a page of audit entries is about, in one lookup per
// table for the whole page (not one per entry). Entries store ids and slugs, not names: a name
// can change after the entry, and entries written before this lookup have none. Soft-deleted
// rows are named too: the log shows what was deleted.
import { plainTitle } from '@/lib/plain-title';
import { prisma, type DbClient } from '@/server/db';
import type { AuditNames } from './audit-labels';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A question is named by the start of its prompt, as long as its page's title (questions/[slug]).
const QUESTION_TITLE_LENGTH = 70;

// What an entry says it is about.
type AuditSubject = { action: string; entity: string; entityId: string | null; details: unknown };
type Subjects = { topicIds: Set<string>; topicSlugs: Set<string>; questionIds: Set<string>; questionSlugs: Set<string> };

export async function listAuditSubjectNames(entries: AuditSubject[], db: DbClient = prisma): Promise<AuditNames> {
  const s: Subjects = { topicIds: new Set(), topicSlugs: new Set(), questionIds: new Set(), questionSlugs: new Set() };
  for (const entry of entries) collect(entry, s);
  const topicIds = [...s.topicIds].filter((id) => UUID.test(id));
  const questionIds = [...s.questionIds].filter((id) => UUID.test(id));
  const [topics, questions] = await Promise.all([
    topicIds.length + s.topicSlugs.size === 0
      ? []
      : db.topic.findMany({ where: { OR: [{ id: { in: topicIds } }, { slug: { in: [...s.topicSlugs] } }] }, select: { id: true, slug: true, name: true } }),
    questionIds.length + s.questionSlugs.size === 0
      ? []
      : db.question.findMany({ where: { OR: [{ id: { in: questionIds } }, { slug: { in: [...s.questionSlugs] } }] }, select: { id: true, slug: true, prompt: true } }),
  ]);
  const names: AuditNames = { topics: {}, questions: {} };
  for (const t of topics) names.topics[t.id] = names.topics[t.slug] = t.name;
  for (const q of questions) names.questions[q.id] = names.questions[q.slug] = plainTitle(q.prompt, QUESTION_TITLE_LENGTH);
  return names;
}

const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

function collect({ action, entity, entityId, details }: AuditSubject, s: Subjects): void {
  const d = typeof details === 'object' && details !== null && !Array.isArray(details) ? (details as Record<string, unknown>) : {};
  const add = (set: Set<string>, value: unknown) => {
    const v = str(value);
    if (v) set.add(v);
  };
  if (entity === 'topic') add(s.topicIds, entityId);
  if (entity === 'question') add(s.questionIds, entityId);
  if (action.startsWith('topic.')) add(s.topicSlugs, d.slug);
  if (action.startsWith('question.')) add(s.questionSlugs, d.slug);
  if (action === 'bundle.import') add(s.topicSlugs, d.topic);
  // A question's topic, when created or moved.
  add(s.topicIds, d.topicId);
  const moved = typeof d.changes === 'object' && d.changes !== null ? (d.changes as Record<string, unknown>).topicId : undefined;
  if (typeof moved === 'object' && moved !== null) {
    add(s.topicIds, (moved as Record<string, unknown>).from);
    add(s.topicIds, (moved as Record<string, unknown>).to);
  }
}
