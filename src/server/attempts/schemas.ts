// Client-safe zod schemas and limits for attempts; the practice form reuses the messages.
import type { AnswerKindCode } from '@/lib/labels';
import { z } from 'zod';
import { integerParam } from '@/lib/integer-param';
import { cleanText } from '@/lib/text-field';
import { MAX_CODE_ANSWER_BYTES, MAX_WRITTEN_ANSWER_CHARS } from '@/grading/contract';

export { MAX_CODE_ANSWER_BYTES, MAX_WRITTEN_ANSWER_CHARS };

// Who is acting: the signed-in user as the session knows them.
export type Actor = { id: string; role: 'CANDIDATE' | 'ADMIN' };

export const CreateAttemptSchema = z.object({
  questionId: z.uuid({ error: 'Choose a question to answer.' }),
  // Kept as typed (code indentation matters); only an all-blank answer is refused.
  // NUL and other control characters cannot be stored; the message says which and where.
  answer: cleanText(z.string({ error: 'Write an answer before submitting.' }), 'Your answer').refine(
    (answer) => answer.trim().length > 0,
    'Write an answer before submitting.',
  ),
});
export type CreateAttemptInput = z.infer<typeof CreateAttemptSchema>;

export const AttemptIdSchema = z.object({ id: z.uuid({ error: 'An attempt id is a UUID.' }) });

export const ListAttemptsSchema = z.object({ questionId: z.uuid({ error: 'A question id is a UUID.' }) });

export const RecallSchema = z.enum(['AGAIN', 'HARD', 'GOOD', 'EASY'], {
  error: 'Rate your recall as AGAIN, HARD, GOOD or EASY.',
});
export type Recall = z.infer<typeof RecallSchema>;

export const SaveRecallSchema = z.object({ id: z.uuid({ error: 'An attempt id is a UUID.' }), recall: RecallSchema });

// GET /api/attempts/<id>?wait=N: how long the long-poll may hold the answer (absent: not at all).
export const MAX_ATTEMPT_WAIT_SECONDS = 25;
export const AttemptWaitQuerySchema = z.object({
  wait: integerParam(
    { min: 0, max: MAX_ATTEMPT_WAIT_SECONDS },
    {
      digits: 'Write wait in digits, a number of seconds, e.g. wait=20.',
      whole: 'wait is a whole number of seconds.',
      min: `wait is 0 to ${MAX_ATTEMPT_WAIT_SECONDS} seconds.`,
      max: `wait is 0 to ${MAX_ATTEMPT_WAIT_SECONDS} seconds.`,
    },
  ),
});

const format = (n: number) => n.toLocaleString('en-US');

// The size rule, per answer kind: written answers count characters as the editor shows them
// (UTF-16 code units, like String.length); code counts UTF-8 bytes, as the sandbox receives it.
// Returns a message naming the limit and the actual size, or null when the answer fits.
export function describeOversizeAnswer(answerKind: AnswerKindCode, answer: string): string | null {
  if (answerKind === 'WRITTEN') {
    if (answer.length <= MAX_WRITTEN_ANSWER_CHARS) return null;
    return `Your answer is ${format(answer.length)} characters; the limit is ${format(MAX_WRITTEN_ANSWER_CHARS)}. Shorten it and submit again.`;
  }
  const bytes = new TextEncoder().encode(answer).length;
  if (bytes <= MAX_CODE_ANSWER_BYTES) return null;
  return `Your ${answerKind === 'CONFIG' ? 'YAML' : 'code'} is ${format(bytes)} bytes; the limit is ${format(MAX_CODE_ANSWER_BYTES)} bytes (64 KiB). Shorten it and submit again.`;
}
