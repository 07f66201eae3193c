import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ActivityCalendar } from '@/components/progress/activity-calendar';
import { signInPath } from '@/lib/sign-in-path';
import { getSessionUser } from '@/server/auth';
import { getProgress } from '@/server/progress/get-progress';

export const metadata: Metadata = { title: 'Your progress' };

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

export default async function ProgressPage() {
  const user = await getSessionUser();
  if (!user) redirect(signInPath('/progress'));
  const progress = await getProgress({ actor: user });
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Your progress</h1>
        <p className="text-slate-700 dark:text-slate-300">
          <span data-testid="streak">{progress.streak} {progress.streak === 1 ? 'day' : 'days'} in a row</span> ·{' '}
          {progress.attempts} {progress.attempts === 1 ? 'attempt' : 'attempts'} in all ·{' '}
          <Link href="/account" className="underline">Export or delete your data</Link>
        </p>
      </header>

      <section aria-labelledby="topics-heading" className="space-y-3">
        <h2 id="topics-heading" className="text-xl font-semibold">By topic</h2>
        <ul className="space-y-3" data-testid="topic-progress">
          {progress.topics.map((t) => (
            <li key={t.slug} className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={`/topics/${t.slug}`} className="font-semibold underline">{t.name}</Link>
                <span className="text-sm text-slate-700 dark:text-slate-300">
                  {t.passed} passed · {t.tried - t.passed} tried · {t.total - t.tried} new, of {t.total}
                </span>
              </div>
              <div className="mt-2 h-2 rounded-full bg-slate-200 dark:bg-slate-700" role="progressbar" aria-label={`${t.name}: passed`} aria-valuenow={percent(t.passed, t.total)} aria-valuemin={0} aria-valuemax={100}>
                <div className="h-2 rounded-full bg-emerald-600" style={{ width: `${percent(t.passed, t.total)}%` }} />
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="concepts-heading" className="space-y-3">
        <h2 id="concepts-heading" className="text-xl font-semibold">By concept and scenario</h2>
        {progress.concepts.length === 0 ? (
          <p className="text-slate-700 dark:text-slate-300">Answer a question to see which concepts you cover and which you miss.</p>
        ) : (
          <div tabIndex={0} role="region" aria-label="Concepts and scenarios" className="overflow-x-auto">
            {/* Fixed columns, and titles that wrap anywhere: on a phone the table fits the screen
                instead of hiding the questions column off its right edge. */}
            <table className="w-full table-fixed text-left text-sm" data-testid="concept-progress">
              <caption className="sr-only">Mastery per concept, weakest first, judged on your latest graded attempt of each question; partly: part of it was said</caption>
              <thead>
                <tr className="border-b border-slate-200 dark:border-slate-700">
                  <th scope="col" className="w-[40%] py-2 pr-4">Concept or scenario</th>
                  <th scope="col" className="w-[5.5rem] py-2 pr-4 sm:w-32">Covered</th>
                  <th scope="col" className="py-2">Questions</th>
                </tr>
              </thead>
              <tbody>
                {progress.concepts.map((c) => (
                  <tr key={`${c.kind}:${c.name}`} className="border-b border-slate-100 dark:border-slate-800">
                    <td className="py-2 pr-4 [overflow-wrap:anywhere]">{c.name}<span className="sr-only"> ({c.kind})</span></td>
                    <td className="py-2 pr-4">{c.covered} of {c.seen}{c.partly > 0 ? `, ${c.partly} partly` : ''}</td>
                    <td className="py-2">
                      <ul className="space-y-1">
                        {c.questions.map(({ slug, title }) => (
                          <li key={slug} className="[overflow-wrap:anywhere]"><Link href={`/questions/${slug}`} className="underline">{title}</Link></li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="calendar-heading" className="space-y-3">
        <h2 id="calendar-heading" className="text-xl font-semibold">Activity, last 12 weeks</h2>
        <ActivityCalendar days={progress.calendar} />
      </section>
    </div>
  );
}
