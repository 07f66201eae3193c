// The one shape in which a topic leaves the taxonomy verbs: what a card on a role or category page
// shows, and what GET /api/topics?role= answers.
import type { Prisma } from '@/generated/prisma/client';

export const visibleTopic = { published: true, deletedAt: null } satisfies Prisma.TopicWhereInput;

export const taxonomyTopicSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  category: { select: { slug: true, name: true } },
  roles: { orderBy: { role: { position: 'asc' } }, select: { role: { select: { slug: true, name: true } } } },
  _count: { select: { questions: { where: { published: true, deletedAt: null } } } },
} satisfies Prisma.TopicSelect;

type Row = Prisma.TopicGetPayload<{ select: typeof taxonomyTopicSelect }>;

export type TaxonomyTopic = {
  id: string;
  slug: string;
  name: string;
  description: string;
  questionCount: number;
  category: { slug: string; name: string } | null;
  roles: { slug: string; name: string }[];
};

export function toTaxonomyTopic({ _count, roles, ...rest }: Row): TaxonomyTopic {
  return { ...rest, questionCount: _count.questions, roles: roles.map((r) => r.role) };
}
