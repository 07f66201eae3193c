import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { QuestionMeta } from '@/components/catalog/question-meta';
import { SignInGate } from '@/components/catalog/sign-in-gate';
import { AttemptHistory } from '@/components/practice/attempt-history';
import { PracticePanel } from '@/components/practice/practice-panel';
import { Markdown } from '@/components/ui/markdown';
import { listAttempts } from '@/server/attempts/list-attempts';
import { getSessionUser, signInPath } from '@/server/auth';
import { env } from '@/server/env';
import { getPracticeMaterial } from '@/server/questions/get-practice-material';
import { getQuestion } from '@/server/questions/get-question';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const question = await getQuestion({ slug: (await params).slug });
  return { title: question ? question.prompt.slice(0, 60) : 'Question not found' };
}

export default async function QuestionPage({ params }: Props) {
  const { slug } = await params;
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
  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
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
        <h1 className="text-2xl leading-snug font-semibold">Question</h1>
        <div className="text-lg" data-testid="question-prompt">
          <Markdown>{question.prompt}</Markdown>
        </div>
      </header>
      {practice ? (
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
            modelAnswer={practice[0].modelAnswer}
          />
          <AttemptHistory attempts={practice[1]} />
        </>
      ) : (
        <SignInGate hiddenCount={0} returnTo={`/questions/${slug}`} />
      )}
    </article>
  );
}
