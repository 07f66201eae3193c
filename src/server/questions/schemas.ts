// Client-safe zod schemas for the questions domain.
import { z } from 'zod';

export const SlugSchema = z
  .string({ error: 'A slug is required.' })
  .min(1, 'A slug is required.')
  .max(120, 'A slug is at most 120 characters.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'A slug uses lower-case letters, digits and single hyphens, e.g. "production-deployments".');

export const ListQuestionsQuerySchema = z.object({
  topic: SlugSchema.describe('topic'),
});
