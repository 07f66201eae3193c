// A candidate submits an answer through the app: the practice count rule first (a written answer
// needs MIN_WRITTEN_ANSWER_WORDS words, src/lib/practice-rule.ts), then createAttempt stores and
// queues it. Scripts and tests that store attempts directly call createAttempt.
import { describeTooShortAnswer } from '@/lib/practice-rule';
import { prisma, type Db, type DbClient } from '@/server/db';
import { BadRequestError } from '@/server/errors';
import type { AnswerKindCode } from '@/lib/labels';
import { createAttempt, type CreatedAttempt } from './create-attempt';
import { CreateAttemptSchema, type Actor, type CreateAttemptInput } from './schemas';

export async function submitAnswer(
  // The actor may still be being checked (auth.ts startUserCheck): createAttempt awaits it first.
  { actor, input }: { actor: Actor | Promise<Actor>; input: CreateAttemptInput },
  db: Db | DbClient = prisma,
): Promise<CreatedAttempt> {
  const { questionId, answer } = CreateAttemptSchema.parse(input);
  // Checked on the question createAttempt looks up (a missing one gets its 404).
  const check = ({ answerKind }: { answerKind: AnswerKindCode }) => {
    const tooShort = describeTooShortAnswer(answerKind, answer);
    if (tooShort) throw new BadRequestError(tooShort, { fields: { answer: tooShort } });
  };
  return createAttempt({ actor, input: { questionId, answer }, check }, db);
}
