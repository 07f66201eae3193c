import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { plainTitle } from '@/lib/plain-title';
import { signInPath } from '@/lib/sign-in-path';
import { getSessionUser } from '@/server/auth';
import { listDueReviews } from '@/server/review/list-due-reviews';

export const metadata: Metadata = { title: 'Review' };

// What to review today: questions whose FSRS schedule (from your recall ratings and scores) says
// you are about to forget them, and those a concept you just missed brought forward.
export default async function ReviewPage() {
  const user = await getSessionUser();
  if (!user) redirect(signInPath('/review'));
  const { due, upcoming } = await listDueReviews({ actor: user });
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Review</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Rate your recall after each graded attempt; the schedule brings each question back just before you would forget it.
        </p>
      </header>
      {due.length === 0 ? (
        // Not a dead end: it says how a question gets here and where to find one.
        <div className="space-y-2">
          <p data-testid="review-empty">Nothing is due today.{upcoming > 0 ? ` ${upcoming} ${upcoming === 1 ? 'question is' : 'questions are'} scheduled later.` : ''}</p>
          <p className="text-slate-700 dark:text-slate-300" data-testid="review-next">
            {upcoming === 0 ? 'Nothing is scheduled yet: answer a question, rate how well you recalled it, and it comes back here when it is due. ' : 'Meanwhile, practise something new: '}
            <Link href="/" className="font-medium text-indigo-700 underline dark:text-indigo-300">Browse the question bank</Link>
          </p>
        </div>
      ) : (
        <ol className="space-y-3" aria-label="Due today" data-testid="review-queue">
          {due.map((r) => (
            <li key={r.slug} className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
              <Link href={`/questions/${r.slug}`} className="font-medium underline">{plainTitle(r.prompt, 140)}</Link>
              {r.pulledForwardBy ? <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Brought forward: {r.pulledForwardBy}.</p> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
