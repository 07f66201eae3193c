// The signed-in part of a question page: the contract, the practice panel, the candidate's own
// attempts and the way to the next question. The contract and the neighbours are the same for
// every candidate; the candidate's own part is read here when the page renders for them, and in
// the browser when the page is the member copy of the page cache (`user` null; decision 017).
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ContractBrief } from '@/components/practice/contract-brief';
import { PersonalPractice } from '@/components/practice/personal-practice';
import { plainTitle } from '@/lib/plain-title';
import type { SessionUser } from '@/server/auth';
import { NotFoundError } from '@/server/errors';
import { getPracticeMaterial } from '@/server/questions/get-practice-material';
import type { QuestionDetail } from '@/server/questions/get-question';
import { readPracticeState } from '@/server/questions/read-practice-state';
import { getQuestionNeighbours } from '@/server/progress/get-question-neighbours';

type Props = { user: SessionUser | null; question: QuestionDetail; wanted: string | undefined };

// `question` may come from the page cache, which can outlive an unpublish or a delete for a
// moment (another replica's copy, a read that began before the write): the practice state then
// finds no question, and the reader gets the 404 page rather than the error page.
function goneIsNotFound(error: unknown): never {
  if (error instanceof NotFoundError) notFound();
  throw error;
}

export async function SignedInPractice({ user, question, wanted }: Props) {
  const [material, neighbours, state] = await Promise.all([
    getPracticeMaterial({ input: { questionId: question.id } }),
    getQuestionNeighbours({ input: { questionId: question.id } }),
    user ? readPracticeState({ actor: user, input: { questionId: question.id, wanted } }).catch(goneIsNotFound) : null,
  ]);
  return (
    <>
      {material.brief ? <ContractBrief brief={material.brief} id="brief-heading" /> : null}
      <PersonalPractice
        questionId={question.id}
        answerKind={question.answerKind}
        starterCode={material.starterCode}
        hasModelAnswer={material.hasModelAnswer}
        initial={state}
      />
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
