// Client-safe zod schemas and limits for attempts; the practice form reuses the messages.
import type { AnswerKindCode } from '@/lib/labels';
import { z } from 'zod';
import { uuidField } from '@/lib/uuid-field';
import { integerParam } from '@/lib/integer-param';
import { cleanText } from '@/lib/text-field';
import { describeTooShortAnswer } from '@/lib/practice-rule';
import { MAX_CODE_ANSWER_BYTES, MAX_WRITTEN_ANSWER_CHARS } from '@/grading/contract';

export { MAX_CODE_ANSWER_BYTES, MAX_WRITTEN_ANSWER_CHARS };

// Who is acting: the signed-in user as the session knows them.
export type Actor = { id: string; role: 'CANDIDATE' | 'ADMIN' };

export const CreateAttemptSchema = z.object({
  questionId: uuidField('Choose a question to answer.'),
  // Kept as typed (code indentation matters); only an all-blank answer is refused.
  // NUL and other control characters cannot be stored; the message says which and where.
  answer: cleanText(z.string({ error: 'Write an answer before submitting.' }), 'Your answer').refine(
    (answer) => answer.trim().length > 0,
    'Write an answer before submitting.',
  ),
});
export type CreateAttemptInput = z.infer<typeof CreateAttemptSchema>;

export const AttemptIdSchema = z.object({ id: uuidField('An attempt id is a UUID.') });

export const ListAttemptsSchema = z.object({ questionId: uuidField('A question id is a UUID.') });

export const RecallSchema = z.enum(['AGAIN', 'HARD', 'GOOD', 'EASY'], {
  error: 'Rate your recall as AGAIN, HARD, GOOD or EASY.',
});
export type Recall = z.infer<typeof RecallSchema>;

export const SaveRecallSchema = z.object({ id: uuidField('An attempt id is a UUID.'), recall: RecallSchema });

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
// The answer size counters (components/practice/answer-size.tsx) show the same measure.
export function measureAnswer(answerKind: AnswerKindCode, answer: string): { size: number; limit: number; unit: 'characters' | 'bytes' } {
  if (answerKind === 'WRITTEN') return { size: answer.length, limit: MAX_WRITTEN_ANSWER_CHARS, unit: 'characters' };
  return { size: new TextEncoder().encode(answer).length, limit: MAX_CODE_ANSWER_BYTES, unit: 'bytes' };
}

// A message naming the limit and the actual size, or null when the answer fits.
export function describeOversizeAnswer(answerKind: AnswerKindCode, answer: string): string | null {
  const { size, limit } = measureAnswer(answerKind, answer);
  if (size <= limit) return null;
  if (answerKind === 'WRITTEN') {
    return `Your answer is ${format(size)} characters; the limit is ${format(limit)}. Shorten it and submit again.`;
  }
  return `Your ${answerKind === 'CONFIG' ? 'YAML' : 'code'} is ${format(size)} bytes; the limit is ${format(limit)} bytes (64 KiB). Shorten it and submit again.`;
}

// Why the app would refuse this answer before storing it (blank or unstorable, too large, a
// written answer too short), or null: for a tool that grades outside the app, such as
// `npm run grade`, so it refuses what POST /api/attempts refuses.
export function describeRefusedAnswer(answerKind: AnswerKindCode, answer: string): string | null {
  const typed = CreateAttemptSchema.shape.answer.safeParse(answer);
  if (!typed.success) return typed.error.issues[0]?.message ?? 'This answer cannot be stored.';
  return describeOversizeAnswer(answerKind, answer) ?? describeTooShortAnswer(answerKind, answer);
}
