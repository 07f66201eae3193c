// A candidate's own part of a question page: their attempts, the one the practice panel restores,
// and the model answer (which they may ask for after a graded attempt, and see once they asked).
// Read by the page when it renders for them, and by GET /api/questions/<id>/practice when the page
// came from the member copy of the page cache (docs/decisions/017).
import type { AttemptHistoryItem } from '@/components/practice/attempt-history';
import { toAttemptView, type AttemptView } from '@/lib/attempt-view';
import { getAttempt } from '@/server/attempts/get-attempt';
import { ATTEMPT_HISTORY_LIMIT, readAttemptHistory } from '@/server/attempts/list-attempts';
import { AttemptIdSchema, ListAttemptsSchema, type Actor } from '@/server/attempts/schemas';
import { prisma, type DbClient } from '@/server/db';
import { questionGone, visibleQuestion } from './question-summary';

export type PracticeState = {
  // The signed-in account: the page keeps its unsent drafts under it (use-answer-draft.ts).
  viewerId: string;
  latestAttempt: AttemptView | null;
  attempts: AttemptHistoryItem[];
  canRevealModelAnswer: boolean;
  modelAnswer: string | null;
};

const GRADED = ['PASSED', 'FAILED', 'ERROR'] as const;

// The attempt the panel restores: the one in the address (after a submit, so reload and
// back/forward come back to it) when it is the candidate's on this question, else their latest.
async function restoredAttempt(actor: Actor, questionId: string, latestId: string | undefined, wanted: string | undefined): Promise<AttemptView | null> {
  const id = wanted && AttemptIdSchema.safeParse({ id: wanted }).success ? wanted : latestId;
  if (!id) return null;
  const attempt = await getAttempt({ actor, input: { id } }).catch(() => null);
  if (attempt?.questionId === questionId) return toAttemptView(attempt);
  return wanted && latestId ? restoredAttempt(actor, questionId, latestId, undefined) : null;
}

export async function readPracticeState(
  { actor, input }: { actor: Actor; input: { questionId: string; wanted?: string } },
  db: DbClient = prisma,
): Promise<PracticeState> {
  const { questionId } = ListAttemptsSchema.parse({ questionId: input.questionId });
  const [attempts, revealed, question] = await Promise.all([
    // Its own lookup below answers for an unknown question, so the history is read unchecked.
    readAttemptHistory(actor, questionId, db),
    db.answerReveal.count({ where: { userId: actor.id, questionId } }),
    // The live version's model answer, read through the question so that an unknown, deleted or
    // unpublished question is a 404 (as for POST …/model-answer), not an empty practice state.
    db.question.findFirst({
      where: { id: questionId, ...visibleQuestion },
      select: { versions: { where: { publishedAt: { not: null } }, orderBy: { version: 'desc' }, take: 1, select: { modelAnswer: true } } },
    }),
  ]);
  if (!question) throw questionGone();
  const isGraded = (status: string) => (GRADED as readonly string[]).includes(status);
  // The history holds every attempt unless it is full; only then are older ones counted.
  const graded =
    attempts.some((a) => isGraded(a.status)) ||
    (attempts.length === ATTEMPT_HISTORY_LIMIT && (await db.attempt.count({ where: { userId: actor.id, questionId, status: { in: [...GRADED] } } })) > 0);
  const modelAnswer = question.versions[0]?.modelAnswer ?? null;
  return {
    viewerId: actor.id,
    latestAttempt: await restoredAttempt(actor, questionId, attempts[0]?.id, input.wanted),
    attempts,
    canRevealModelAnswer: Boolean(modelAnswer) && graded,
    modelAnswer: graded && revealed > 0 ? modelAnswer : null,
  };
}
