// The signed-in part of a question page: the contract, the practice panel, the candidate's own
// attempts and the way to the next question. Rendered apart from the shared part above it (which
// comes from the public cache and is the same for everyone), and streamed behind it.
import Link from 'next/link';
import { AttemptHistory } from '@/components/practice/attempt-history';
import { PracticePanel } from '@/components/practice/practice-panel';
import { Markdown } from '@/components/ui/markdown';
import { toAttemptView, type AttemptView } from '@/lib/attempt-view';
import { plainTitle } from '@/lib/plain-title';
import { getAttempt } from '@/server/attempts/get-attempt';
import { listAttempts } from '@/server/attempts/list-attempts';
import { AttemptIdSchema, type Actor } from '@/server/attempts/schemas';
import type { SessionUser } from '@/server/auth';
import { getPracticeMaterial } from '@/server/questions/get-practice-material';
import type { QuestionDetail } from '@/server/questions/get-question';
import { getQuestionNeighbours } from '@/server/progress/get-question-neighbours';

// The attempt the panel restores: the one in the address (after a submit, so reload and
// back/forward come back to it) when it is the candidate's on this question, else their latest.
async function restoredAttempt(actor: Actor, questionId: string, latestId: string | undefined, wanted: string | undefined): Promise<AttemptView | null> {
  const id = wanted && AttemptIdSchema.safeParse({ id: wanted }).success ? wanted : latestId;
  if (!id) return null;
  const attempt = await getAttempt({ actor, input: { id } }).catch(() => null);
  if (attempt?.questionId === questionId) return toAttemptView(attempt);
  return wanted && latestId ? restoredAttempt(actor, questionId, latestId, undefined) : null;
}

export async function SignedInPractice({ user, question, wanted }: { user: SessionUser; question: QuestionDetail; wanted: string | undefined }) {
  const [material, attempts, neighbours] = await Promise.all([
    getPracticeMaterial({ actor: user, input: { questionId: question.id } }),
    listAttempts({ actor: user, input: { questionId: question.id } }),
    getQuestionNeighbours({ input: { questionId: question.id } }),
  ]);
  const latest = await restoredAttempt(user, question.id, attempts[0]?.id, wanted);
  return (
    <>
      {material.brief ? (
        <section aria-labelledby="brief-heading" className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
          <h2 id="brief-heading" className="mb-2 text-lg font-semibold">The contract your answer is tested against</h2>
          <Markdown>{material.brief}</Markdown>
        </section>
      ) : null}
      <PracticePanel
        key={question.id}
        questionId={question.id}
        answerKind={question.answerKind}
        starterCode={material.starterCode}
        latestAttempt={latest}
        hasModelAnswer={material.hasModelAnswer}
        canRevealModelAnswer={material.canRevealModelAnswer}
        modelAnswer={material.modelAnswer}
      />
      <AttemptHistory attempts={attempts} currentId={latest?.id} />
      {neighbours.previous || neighbours.next ? (
        <nav aria-label="More questions in this topic" className="flex flex-wrap justify-between gap-4 border-t border-slate-200 pt-4 text-sm dark:border-slate-800">
          {neighbours.previous ? (
            <Link href={`/questions/${neighbours.previous.slug}`} rel="prev" className="underline">
              ← Previous: {plainTitle(neighbours.previous.prompt, 60)}
            </Link>
          ) : <span />}
          {neighbours.next ? (
            <Link href={`/questions/${neighbours.next.slug}`} rel="next" className="text-right underline">
              Next: {plainTitle(neighbours.next.prompt, 60)} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
