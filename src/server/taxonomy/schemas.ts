// Client-safe zod schemas for the bank's taxonomy (docs/decisions/014): roles a candidate prepares
// for, categories of topics, and which topics belong to each.
import { z } from 'zod';
import { SlugSchema } from '@/server/questions/schemas';

const Name = z.string({ error: 'Give it a name.' }).trim().min(1, 'Give it a name.').max(120, 'A name is at most 120 characters.');
const Description = z.string({ error: 'Describe it.' }).trim().min(1, 'Describe it.').max(2_000, 'A description is at most 2,000 characters.');

export const TaxonomyEntrySchema = z.strictObject({ slug: SlugSchema, name: Name, description: Description });

// seeds/taxonomy.json: every role, every category, and each topic's category and roles.
export const TaxonomyFileSchema = z
  .strictObject({
    roles: z.array(TaxonomyEntrySchema).min(1, 'List at least one role.'),
    categories: z.array(TaxonomyEntrySchema).min(1, 'List at least one category.'),
    topics: z.array(
      z.strictObject({
        slug: SlugSchema,
        category: SlugSchema,
        roles: z.array(SlugSchema).min(1, 'A topic belongs to at least one role.'),
      }),
    ),
  })
  .superRefine((file, ctx) => {
    const roles = new Set(file.roles.map((r) => r.slug));
    const categories = new Set(file.categories.map((c) => c.slug));
    const repeats = (list: { slug: string }[], key: 'roles' | 'categories' | 'topics') => {
      const seen = new Set<string>();
      list.forEach((item, i) => {
        if (seen.has(item.slug)) ctx.addIssue({ code: 'custom', path: [key, i, 'slug'], message: `"${item.slug}" is listed twice.` });
        seen.add(item.slug);
      });
    };
    repeats(file.roles, 'roles');
    repeats(file.categories, 'categories');
    repeats(file.topics, 'topics');
    file.topics.forEach((topic, i) => {
      if (!categories.has(topic.category)) ctx.addIssue({ code: 'custom', path: ['topics', i, 'category'], message: `"${topic.category}" is not a listed category.` });
      topic.roles.forEach((role, j) => {
        if (!roles.has(role)) ctx.addIssue({ code: 'custom', path: ['topics', i, 'roles', j], message: `"${role}" is not a listed role.` });
      });
    });
  });
export type TaxonomyFile = z.infer<typeof TaxonomyFileSchema>;

// GET /api/topics?role=<slug>&category=<slug>: both optional.
const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);
export const ListTopicsQuerySchema = z.object({
  role: z.preprocess(emptyToUndefined, SlugSchema.optional()),
  category: z.preprocess(emptyToUndefined, SlugSchema.optional()),
});
export type ListTopicsQuery = z.infer<typeof ListTopicsQuerySchema>;
