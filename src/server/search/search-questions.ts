// Candidate search over the visible bank with PostgreSQL full-text search (the GIN-indexed
// question_search_document expression, see the practice_loop migration): words, phrases and
// -exclusions via websearch_to_tsquery; filters on difficulty, type, answer kind, tag and the
// candidate's own status; sorted and paged in SQL.
import { Prisma } from '@/generated/prisma/client';
import { tagForms } from '@/lib/tag-forms';
import { prisma, type DbClient } from '@/server/db';
import type { QuestionListFields } from '@/server/questions/question-summary';
import { PAGE_SIZE, SearchQuerySchema, type QuestionStatus, type SearchQuery } from './schemas';

// The fields of every question list (one definition, question-summary.ts), selected here in SQL.
export type SearchHit = QuestionListFields & {
  practiceCount: number;
  status: QuestionStatus;
};

export type SearchResult = { hits: SearchHit[]; total: number; page: number; pageCount: number; query: SearchQuery };

type Row = Omit<SearchHit, 'topic' | 'practiceCount'> & { topicSlug: string; topicName: string; practiceCount: number; total: bigint };

const DIFFICULTY_RANK = Prisma.sql`CASE q.difficulty WHEN 'EASY' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END`;

export async function searchQuestions(
  { actor, input }: { actor: { id: string }; input: unknown },
  db: DbClient = prisma,
): Promise<SearchResult> {
  const query = SearchQuerySchema.parse(input);
  const text = query.q ?? '';
  const tsquery = Prisma.sql`websearch_to_tsquery('english', ${text})`;
  const document = Prisma.sql`question_search_document(q.prompt, q.tags)`;
  const status = Prisma.sql`(CASE
      WHEN EXISTS (SELECT 1 FROM "Attempt" a WHERE a."questionId" = q.id AND a."userId" = ${actor.id}::uuid AND a.status = 'PASSED') THEN 'passed'
      WHEN EXISTS (SELECT 1 FROM "Attempt" a WHERE a."questionId" = q.id AND a."userId" = ${actor.id}::uuid) THEN 'tried'
      ELSE 'new' END)`;
  const where = [
    Prisma.sql`q.published AND q."deletedAt" IS NULL AND t.published AND t."deletedAt" IS NULL`,
    text ? Prisma.sql`${document} @@ ${tsquery}` : null,
    query.difficulty ? Prisma.sql`q.difficulty = ${query.difficulty}::"Difficulty"` : null,
    query.type ? Prisma.sql`q.type = ${query.type}::"QuestionType"` : null,
    query.kind ? Prisma.sql`q."answerKind" = ${query.kind}::"AnswerKind"` : null,
    query.tag ? Prisma.sql`q.tags && ARRAY[${Prisma.join(tagForms(query.tag))}]::text[]` : null,
    query.status ? Prisma.sql`${status} = ${query.status}` : null,
  ].filter((part): part is Prisma.Sql => part !== null);
  const sort = query.sort ?? (text ? 'relevance' : 'newest');
  const orderBy = {
    relevance: text ? Prisma.sql`ts_rank(${document}, ${tsquery}) DESC, t.name, q.position` : Prisma.sql`t.name, q.position`,
    newest: Prisma.sql`q."createdAt" DESC, q.slug`,
    easiest: Prisma.sql`${DIFFICULTY_RANK}, t.name, q.position`,
    hardest: Prisma.sql`${DIFFICULTY_RANK} DESC, t.name, q.position`,
    popular: Prisma.sql`(q."seededPracticeCount" + q."practicedByUsers") DESC, q.slug`,
  }[sort];
  const offset = (query.page - 1) * PAGE_SIZE;
  const rows = await db.$queryRaw<Row[]>`
    SELECT q.id, q.slug, q.prompt, q.difficulty::text AS difficulty, q.type::text AS type, q."answerKind"::text AS "answerKind", q.tags,
           (q."seededPracticeCount" + q."practicedByUsers")::int AS "practiceCount",
           t.slug AS "topicSlug", t.name AS "topicName", ${status} AS status,
           count(*) OVER () AS total
    FROM "Question" q JOIN "Topic" t ON t.id = q."topicId"
    WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY ${orderBy}
    LIMIT ${PAGE_SIZE} OFFSET ${offset}`;
  const total = rows.length > 0 ? Number(rows[0]!.total) : offset > 0 ? await countAll() : 0;
  async function countAll() {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Question" q JOIN "Topic" t ON t.id = q."topicId" WHERE ${Prisma.join(where, ' AND ')}`;
    return row?.n ?? 0;
  }
  return {
    hits: rows.map(({ topicSlug, topicName, total: _total, ...hit }) => ({ ...hit, topic: { slug: topicSlug, name: topicName } })),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    query,
  };
}
