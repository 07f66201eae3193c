// Client-safe zod schemas for the questions domain.
import { z } from 'zod';

export const SlugSchema = z
  .string({ error: 'A slug is required.' })
  .min(1, 'A slug is required.')
  .max(120, 'A slug is at most 120 characters.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'A slug uses lower-case letters, digits and single hyphens, e.g. "production-deployments".');

export const ListQuestionsQuerySchema = z.object({
  topic: SlugSchema.describe('topic'),
  page: z.preprocess(
    (v) => (v === '' || v === undefined ? 1 : Number(v)),
    z.number({ error: 'Page is a number.' }).int('Page is a whole number.').min(1, 'Pages start at 1.').max(10_000, 'At most page 10000.'),
  ),
});
