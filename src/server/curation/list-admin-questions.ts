import type { Prisma } from '@/generated/prisma/client';
import { tagForms } from '@/lib/tag-forms';
import { prisma, type DbClient } from '@/server/db';
import { likeLiteral } from '@/server/like-literal';
import { questionListSelect, type QuestionListFields } from '@/server/questions/question-summary';
import { QUESTIONS_PAGE_SIZE, ValidationOutcomeSchema, type QuestionFilters } from './schemas';

export type AdminQuestionListItem = QuestionListFields & {
  published: boolean;
  // The newest version: what an admin edits next.
  latestVersion: { version: number; isPublished: boolean; validation: 'passed' | 'failed' | null } | null;
  attempts: number;
};

function where(filters: QuestionFilters): Prisma.QuestionWhereInput {
  const q = filters.q?.trim();
  return {
    deletedAt: null,
    topic: { deletedAt: null, ...(filters.topic ? { slug: filters.topic } : {}) },
    ...(filters.difficulty ? { difficulty: filters.difficulty } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.kind ? { answerKind: filters.kind } : {}),
    ...(filters.status ? { published: filters.status === 'published' } : {}),
    ...(q
      ? {
          OR: [
            { prompt: { contains: likeLiteral(q), mode: 'insensitive' as const } },
            { slug: { contains: likeLiteral(q.toLowerCase()) } },
            { tags: { hasSome: tagForms(q) } },
          ],
        }
      : {}),
  };
}

// Drafts included: admins see every question that is not deleted.
export async function listAdminQuestions(
  { input }: { input: QuestionFilters },
  db: DbClient = prisma,
): Promise<{ questions: AdminQuestionListItem[]; total: number; page: number; pageCount: number }> {
  const filter = where(input);
  const [rows, total] = await Promise.all([
    db.question.findMany({
      where: filter,
      orderBy: [{ topic: { name: 'asc' } }, { position: 'asc' }, { createdAt: 'asc' }],
      skip: (input.page - 1) * QUESTIONS_PAGE_SIZE,
      take: QUESTIONS_PAGE_SIZE,
      select: {
        ...questionListSelect,
        published: true,
        versions: { orderBy: { version: 'desc' }, take: 1, select: { version: true, publishedAt: true, validationResult: true } },
        _count: { select: { attempts: true } },
      },
    }),
    db.question.count({ where: filter }),
  ]);
  const questions = rows.map(({ versions, _count, ...row }) => {
    const latest = versions[0];
    const outcome = latest ? ValidationOutcomeSchema.safeParse(latest.validationResult) : null;
    return {
      ...row,
      latestVersion: latest
        ? { version: latest.version, isPublished: latest.publishedAt !== null, validation: outcome?.success ? (outcome.data.passed ? 'passed' as const : 'failed' as const) : null }
        : null,
      attempts: _count.attempts,
    };
  });
  return { questions, total, page: input.page, pageCount: Math.max(1, Math.ceil(total / QUESTIONS_PAGE_SIZE)) };
}
