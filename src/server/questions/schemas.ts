// Client-safe zod schemas for the questions domain.
import { z } from 'zod';
import { uuidField } from '@/lib/uuid-field';
import { pageParam } from '@/lib/page-param';

export const SlugSchema = z
  .string({ error: 'A slug is required.' })
  .min(1, 'A slug is required.')
  .max(120, 'A slug is at most 120 characters.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'A slug uses lower-case letters, digits and single hyphens, e.g. "production-deployments".');

// Whether a slug from an address could name anything. Read verbs answer "none" for one that
// cannot without asking Postgres, which fails outright on a NUL (/roles/%00) and would log it.
export const isSlug = (text: string): boolean => SlugSchema.safeParse(text).success;

// The practice count a question starts with (from a seed page or a bundle). It lands in an int4
// column (a larger one failed the whole import with a 500), and search adds the users' practices
// to it in int4 arithmetic, so the bound leaves room below 2^31 - 1.
export const MAX_SEEDED_PRACTICE_COUNT = 1_000_000_000;

export const ListQuestionsQuerySchema = z.object({
  topic: SlugSchema.describe('topic'),
  page: pageParam(10_000),
});

// A topic page lists at most 50 questions; a little room, and no more, for one status request.
export const MAX_STATUS_IDS = 100;

export const QuestionStatusesQuerySchema = z.object({
  ids: z
    .string({ error: 'List the question ids in `ids`, separated by commas.' })
    .max(MAX_STATUS_IDS * 37, `At most ${MAX_STATUS_IDS} question ids.`)
    // Lower case first, so an id sent in both cases is asked once and answered under the form
    // every other answer uses.
    .transform((text) => [...new Set(text.toLowerCase().split(',').filter(Boolean))])
    .pipe(z.array(uuidField('Each question id is a UUID.')).min(1, 'List at least one question id.').max(MAX_STATUS_IDS, `At most ${MAX_STATUS_IDS} question ids.`)),
});
