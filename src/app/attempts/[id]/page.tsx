import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { notFound, redirect } from 'next/navigation';
import { FollowedAttempt } from '@/components/practice/followed-attempt';
import { RegradeNote } from '@/components/practice/regrade-note';
import { Markdown } from '@/components/ui/markdown';
import { toAttemptView } from '@/lib/attempt-view';
import { ANSWER_KIND_LABEL } from '@/lib/labels';
import { getAttempt, type AttemptDetail } from '@/server/attempts/get-attempt';
import { AttemptIdSchema } from '@/server/attempts/schemas';
import { signInPath } from '@/lib/sign-in-path';
import { getSessionUser } from '@/server/auth';
import { NotFoundError } from '@/server/errors';
import { plainTitle } from '@/lib/plain-title';
import { formatUtcTime } from '@/lib/format-utc-time';

type Props = { params: Promise<{ id: string }> };

// The signed-in user's own attempt, read once per request for the title and the page; null when
// signed out, a malformed id, or not theirs (getAttempt reads only the actor's attempts).
const readOwnAttempt = cache(async (id: string): Promise<AttemptDetail | null> => {
  const user = await getSessionUser();
  if (!user || !AttemptIdSchema.safeParse({ id }).success) return null;
  try {
    return await getAttempt({ actor: user, input: { id } });
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
});

// Each attempt's title names its question and when it was submitted, so two open attempts (or
// the history) are told apart; anyone but the owner gets the generic title and learns nothing.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const attempt = await readOwnAttempt((await params).id);
  if (!attempt) return { title: 'Your attempt' };
  return { title: `Your attempt: ${plainTitle(attempt.question.prompt, 60)} (${formatUtcTime(attempt.createdAt)} UTC)` };
}

// One past attempt, for its owner: the answer as submitted and its full feedback.
export default async function AttemptPage({ params }: Props) {
  const { id } = await params;
  const user = await getSessionUser();
  if (!user) redirect(signInPath(`/attempts/${id}`));
  const attempt = await readOwnAttempt(id);
  if (!attempt) notFound();
  const submitted = formatUtcTime(attempt.createdAt);
  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700 dark:text-slate-300">
        <Link href={`/questions/${attempt.question.slug}`} className="underline hover:no-underline">
          Back to the question
        </Link>
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl leading-snug font-semibold">Your attempt: {plainTitle(attempt.question.prompt, 90)}</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Submitted <time dateTime={attempt.createdAt.toISOString()}>{submitted} UTC</time> · {ANSWER_KIND_LABEL[attempt.answerKind]}
        </p>
      </header>
      <section aria-labelledby="answer-heading" className="space-y-2 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="answer-heading" className="text-lg font-semibold">Your answer</h2>
        {attempt.answerKind === 'WRITTEN' ? (
          <div data-testid="attempt-answer">
            <Markdown>{attempt.answer}</Markdown>
          </div>
        ) : (
          <pre tabIndex={0} aria-label="Your code" data-testid="attempt-answer" className="overflow-x-auto rounded-lg bg-slate-900 p-3 font-mono text-xs text-slate-100">
            {attempt.answer}
          </pre>
        )}
      </section>
      <RegradeNote regrades={attempt.regrades} />
      <FollowedAttempt initial={toAttemptView(attempt)} answerKind={attempt.answerKind} />
      <p>
        <Link href={`/questions/${attempt.question.slug}`} className="font-medium text-indigo-700 underline hover:no-underline dark:text-indigo-300">
          Try this question again
        </Link>
      </p>
    </article>
  );
}
