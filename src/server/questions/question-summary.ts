// The one shape in which questions leave the data layer for lists and the public API.
import type { Prisma } from '@/generated/prisma/client';
import { NotFoundError } from '@/server/errors';

// What names a question in any list.
const questionIdentitySelect = {
  id: true,
  slug: true,
  prompt: true,
  difficulty: true,
  type: true,
  answerKind: true,
} satisfies Prisma.QuestionSelect;

export const questionSummarySelect = {
  ...questionIdentitySelect,
  seededPracticeCount: true,
  practicedByUsers: true,
} satisfies Prisma.QuestionSelect;

type Row = Prisma.QuestionGetPayload<{ select: typeof questionSummarySelect }>;

export type QuestionSummary = Omit<Row, 'seededPracticeCount' | 'practicedByUsers'> & { practiceCount: number };

// "N practiced" = the count the source page showed + distinct users who practised here.
export function toQuestionSummary({ seededPracticeCount, practicedByUsers, ...rest }: Row): QuestionSummary {
  return { ...rest, practiceCount: seededPracticeCount + practicedByUsers };
}

// Visible to candidates: published and not deleted, in a topic that is too.
export const visibleQuestion = {
  published: true,
  deletedAt: null,
  topic: { published: true, deletedAt: null },
} satisfies Prisma.QuestionWhereInput;

// What a candidate is told when a question is not visible to them (unknown, unpublished, deleted,
// or in a topic that is): one wording for every verb that looks one up.
export const questionGone = () => new NotFoundError('That question does not exist or is no longer available.');

// The fields every list of questions shows (candidate search, the admin lists): one definition,
// so a new field is added once. Search selects the same fields in SQL and returns this type.
export const questionListSelect = {
  ...questionIdentitySelect,
  tags: true,
  topic: { select: { slug: true, name: true } },
} satisfies Prisma.QuestionSelect;

export type QuestionListFields = Prisma.QuestionGetPayload<{ select: typeof questionListSelect }>;
