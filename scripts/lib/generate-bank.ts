// A large generated bank for scale tests and benchmarks (not seed content): `topics` topics of
// `questions / topics` published questions each, every one with a published version (the written
// ones graded against `rubric`), and optionally candidates with graded attempts and practice rows,
// so the hot queries meet realistic table sizes. Everything it makes has a slug or email starting
// with "gen-", and `removeGeneratedBank` takes it all away again. Set-based SQL (generate_series):
// 10 000 questions take a second or two, not minutes.
import { Prisma } from '../../src/generated/prisma/client';
import type { DbClient } from '../../src/server/db';

export type GenerateBankOptions = {
  topics: number;
  questions: number;
  // Candidates, each with `attemptsPerUser` graded attempts on random generated questions.
  users?: number;
  attemptsPerUser?: number;
  // The rubric written questions are graded against (a seed rubric will do).
  rubric: object;
};

const SUBJECTS = ['deployments', 'rollbacks', 'load balancers', 'DNS', 'TLS certificates', 'Kubernetes probes', 'PostgreSQL replication', 'backups', 'incident response', 'capacity planning', 'log pipelines', 'alerting', 'feature flags', 'caches', 'queues', 'rate limits', 'secrets', 'CI pipelines', 'container images', 'autoscaling'];
const VERBS = ['Explain how you would design', 'Describe a failure of', 'Compare two approaches to', 'Walk through debugging', 'How would you monitor', 'What trade-offs matter for', 'Write down a runbook for', 'How do you test'];
const CONTEXTS = ['for a payments API', 'at 10x traffic', 'across two regions', 'during a migration', 'for a small team', 'with a strict SLO', 'after an outage', 'on a tight budget'];

export async function generateBank(options: GenerateBankOptions, db: DbClient): Promise<{ topics: number; questions: number; attempts: number }> {
  const { topics, questions, users = 0, attemptsPerUser = 0, rubric } = options;
  const perTopic = Math.ceil(questions / topics);
  await db.$executeRaw`
    INSERT INTO "Topic" (id, slug, name, description, published, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'gen-topic-' || lpad(t::text, 3, '0'), 'Generated topic ' || lpad(t::text, 3, '0'),
           'A generated topic for scale tests: ' || (${SUBJECTS}::text[])[1 + t % ${SUBJECTS.length}] || ' and friends.', true, now(), now()
    FROM generate_series(1, ${topics}::int) AS t`;
  await db.$executeRaw`
    INSERT INTO "Question" (id, slug, "topicId", position, prompt, difficulty, type, "answerKind", tags, "seededPracticeCount", "practicedByUsers", published, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'gen-q-' || lpad(q::text, 5, '0'), topic.id, q % ${perTopic}::int,
           (${VERBS}::text[])[1 + q % ${VERBS.length}] || ' ' || (${SUBJECTS}::text[])[1 + (q / 7) % ${SUBJECTS.length}] || ' ' || (${CONTEXTS}::text[])[1 + (q / 3) % ${CONTEXTS.length}] || ' (#' || q || ')?',
           (ARRAY['EASY', 'MEDIUM', 'HARD'])[1 + q % 3]::"Difficulty",
           (ARRAY['TECHNICAL', 'SYSTEM_DESIGN', 'BEHAVIORAL'])[1 + (q / 3) % 3]::"QuestionType",
           'WRITTEN'::"AnswerKind",
           ARRAY[(${SUBJECTS}::text[])[1 + (q / 7) % ${SUBJECTS.length}], 'generated'],
           q % 97, 0, true, now(), now()
    FROM generate_series(0, ${questions - 1}::int) AS q
    JOIN "Topic" topic ON topic.slug = 'gen-topic-' || lpad((1 + q / ${perTopic}::int)::text, 3, '0')`;
  await db.$executeRaw`
    INSERT INTO "QuestionVersion" (id, "questionId", version, rubric, "modelAnswer", "publishedAt", "createdAt")
    SELECT gen_random_uuid(), q.id, 1, ${JSON.stringify(rubric)}::jsonb, 'A model answer for ' || q.slug || '.', now(), now()
    FROM "Question" q WHERE q.slug LIKE 'gen-q-%'`;
  let attempts = 0;
  if (users > 0 && attemptsPerUser > 0) {
    await db.$executeRaw`
      INSERT INTO "User" (id, email, role, "createdAt", "updatedAt")
      SELECT gen_random_uuid(), 'gen-user-' || u || '@example.com', 'CANDIDATE', now(), now() FROM generate_series(1, ${users}::int) AS u`;
    attempts = await db.$executeRaw`
      INSERT INTO "Attempt" (id, "userId", "questionId", "questionVersionId", "answerKind", answer, status, score, "gradedVersion", "createdAt", "gradedAt", "updatedAt")
      SELECT gen_random_uuid(), u.id, v."questionId", v.id, 'WRITTEN', 'A generated answer.', s.status::"AttemptStatus", s.score, 'rubric:generated@1', s.at, s.at, s.at
      FROM "User" u
      CROSS JOIN LATERAL (
        SELECT n, (ARRAY['PASSED', 'FAILED'])[1 + (n + abs(hashtext(u.id::text))) % 2] AS status, 40 + n % 60 AS score,
               now() - make_interval(mins => n * 37) AS at,
               'gen-q-' || lpad(((abs(hashtext(u.id::text || n)) % ${questions}::int))::text, 5, '0') AS slug
        FROM generate_series(1, ${attemptsPerUser}::int) AS n
      ) s
      JOIN "Question" q ON q.slug = s.slug
      JOIN "QuestionVersion" v ON v."questionId" = q.id AND v.version = 1
      WHERE u.email LIKE 'gen-user-%'`;
    await db.$executeRaw`
      INSERT INTO "QuestionPractice" ("userId", "questionId", "firstGradedAt")
      SELECT "userId", "questionId", min("gradedAt") FROM "Attempt" a JOIN "User" u ON u.id = a."userId"
      WHERE u.email LIKE 'gen-user-%' GROUP BY "userId", "questionId"
      ON CONFLICT DO NOTHING`;
  }
  // Fresh statistics and visibility map, so the planner sees the tables as autovacuum would leave them.
  await db.$executeRawUnsafe('VACUUM ANALYZE');
  return { topics, questions, attempts };
}

export async function removeGeneratedBank(db: DbClient): Promise<void> {
  const generatedUsers = Prisma.sql`SELECT id FROM "User" WHERE email LIKE 'gen-user-%'`;
  const generatedQuestions = Prisma.sql`SELECT id FROM "Question" WHERE slug LIKE 'gen-q-%'`;
  await db.$executeRaw`DELETE FROM "QuestionPractice" WHERE "userId" IN (${generatedUsers}) OR "questionId" IN (${generatedQuestions})`;
  await db.$executeRaw`DELETE FROM "Attempt" WHERE "userId" IN (${generatedUsers}) OR "questionId" IN (${generatedQuestions})`;
  await db.$executeRaw`DELETE FROM "QuestionVersion" WHERE "questionId" IN (${generatedQuestions})`;
  await db.$executeRaw`DELETE FROM "Question" WHERE slug LIKE 'gen-q-%'`;
  await db.$executeRaw`DELETE FROM "Topic" WHERE slug LIKE 'gen-topic-%'`;
  await db.$executeRaw`DELETE FROM "User" WHERE email LIKE 'gen-user-%'`;
}
