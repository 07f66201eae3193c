import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { QuestionMeta } from '@/components/catalog/question-meta';
import { SignInGate } from '@/components/catalog/sign-in-gate';
import { AttemptHistory } from '@/components/practice/attempt-history';
import { PracticePanel } from '@/components/practice/practice-panel';
import { Markdown } from '@/components/ui/markdown';
import { toAttemptView, type AttemptView } from '@/lib/attempt-view';
import { plainTitle } from '@/lib/plain-title';
import { getAttempt } from '@/server/attempts/get-attempt';
import { listAttempts } from '@/server/attempts/list-attempts';
import { AttemptIdSchema, type Actor } from '@/server/attempts/schemas';
import { getSessionUser, signInPath } from '@/server/auth';
import { env } from '@/server/env';
import { getPracticeMaterial } from '@/server/questions/get-practice-material';
import { getQuestion } from '@/server/questions/get-question';
import { getQuestionNeighbours } from '@/server/progress/get-question-neighbours';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ attempt?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const question = await getQuestion({ slug: (await params).slug });
  return { title: question ? plainTitle(question.prompt, 70) : 'Question not found' };
}

// The attempt the panel restores: the one in the address (after a submit, so reload and
// back/forward come back to it) when it is the candidate's on this question, else their latest.
async function restoredAttempt(actor: Actor, questionId: string, latestId: string | undefined, wanted: string | undefined): Promise<AttemptView | null> {
  const id = wanted && AttemptIdSchema.safeParse({ id: wanted }).success ? wanted : latestId;
  if (!id) return null;
  const attempt = await getAttempt({ actor, input: { id } }).catch(() => null);
  if (attempt?.questionId === questionId) return toAttemptView(attempt);
  return wanted && latestId ? restoredAttempt(actor, questionId, latestId, undefined) : null;
}

export default async function QuestionPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const wanted = (await searchParams).attempt;
  const [question, user] = await Promise.all([getQuestion({ slug }), getSessionUser()]);
  if (!question) notFound();
  // Beyond the preview, a question is for signed-in users only.
  if (!user && question.position >= env.PREVIEW_QUESTION_COUNT) redirect(signInPath(`/questions/${slug}`));
  const practice = user
    ? await Promise.all([
        getPracticeMaterial({ actor: user, input: { questionId: question.id } }),
        listAttempts({ actor: user, input: { questionId: question.id } }),
      ])
    : null;
  const neighbours = user ? await getQuestionNeighbours({ input: { questionId: question.id } }) : null;
  const latest = user && practice ? await restoredAttempt(user, question.id, practice[1][0]?.id, typeof wanted === 'string' ? wanted : undefined) : null;
  // A one-paragraph prompt is the heading itself; a longer one gets a short heading above it.
  const isShortPrompt = !question.prompt.trim().includes('\n') && question.prompt.length <= 300;
  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700 dark:text-slate-300">
        <Link href="/" className="hover:underline">Question bank</Link> <span aria-hidden>/</span>{' '}
        <Link href={`/topics/${question.topic.slug}`} className="hover:underline">{question.topic.name}</Link>
      </nav>
      <header className="space-y-4">
        <QuestionMeta
          difficulty={question.difficulty}
          type={question.type}
          answerKind={question.answerKind}
          practiceCount={question.practiceCount}
        />
        {isShortPrompt ? (
          <h1 className="text-xl leading-snug font-semibold" data-testid="question-prompt">
            <Markdown inline>{question.prompt}</Markdown>
          </h1>
        ) : (
          <>
            <h1 className="text-xl leading-snug font-semibold">{plainTitle(question.prompt, 120)}</h1>
            <div className="text-lg" data-testid="question-prompt">
              <Markdown>{question.prompt}</Markdown>
            </div>
          </>
        )}
        {question.tags.length > 0 ? (
          <ul aria-label="Tags" className="flex flex-wrap gap-2 text-xs">
            {question.tags.map((tag) => (
              <li key={tag} className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-700 dark:bg-slate-800 dark:text-slate-300">
                #{tag}
              </li>
            ))}
          </ul>
        ) : null}
      </header>
      {user && practice ? (
        <>
          {practice[0].brief ? (
            <section aria-labelledby="brief-heading" className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
              <h2 id="brief-heading" className="mb-2 text-lg font-semibold">The contract your answer is tested against</h2>
              <Markdown>{practice[0].brief}</Markdown>
            </section>
          ) : null}
          <PracticePanel
            key={question.id}
            questionId={question.id}
            answerKind={question.answerKind}
            starterCode={practice[0].starterCode}
            latestAttempt={latest}
            hasModelAnswer={practice[0].hasModelAnswer}
            canRevealModelAnswer={practice[0].canRevealModelAnswer}
            modelAnswer={practice[0].modelAnswer}
          />
          <AttemptHistory attempts={practice[1]} currentId={latest?.id} />
          {neighbours && (neighbours.previous || neighbours.next) ? (
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
      ) : (
        <SignInGate hiddenCount={0} returnTo={`/questions/${slug}`} />
      )}
    </article>
  );
}
