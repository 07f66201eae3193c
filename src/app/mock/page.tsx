import type { Metadata } from 'next';
import Link from 'next/link';
import { StartMockForm } from '@/components/mock/start-mock-form';
import { formatUtcTime } from '@/lib/format-utc-time';
import { requirePageUser } from '@/server/auth';
import { listPastMocks } from '@/server/mock/list-past-mocks';
import { listRunningMocks } from '@/server/mock/list-running-mocks';
import { listTopics } from '@/server/topics/list-topics';

export const metadata: Metadata = { title: 'Mock interview' };

// Start a mock interview: a topic and a length; the questions mix written and code answers. Below,
// the interviews still under way, then the past ones, whose reports stay readable.
export default async function MockPage() {
  const user = await requirePageUser('/mock');
  const [allTopics, running, past] = await Promise.all([listTopics(), listRunningMocks({ actor: user }), listPastMocks({ actor: user })]);
  const topics = allTopics.filter((t) => t.questionCount > 0);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Mock interview</h1>
        <p className="text-slate-700 dark:text-slate-300">
          A timed set of questions from one topic, written and code mixed where the topic has both. Answer under the clock, then get one report: your scores, the concepts you missed and what to review.
        </p>
      </header>
      {running.length ? (
        <section aria-labelledby="running-mocks" className="space-y-2">
          <h2 id="running-mocks" className="text-xl font-semibold">In progress</h2>
          <ul className="space-y-1">
            {running.map((mock) => (
              <li key={mock.id}>
                <Link href={`/mock/${mock.id}`} className="text-indigo-700 underline dark:text-indigo-300">
                  {mock.topicName}, {mock.minutes} minutes
                </Link>{' '}
                <span className="text-sm text-slate-700 dark:text-slate-300">(its clock ends at {formatUtcTime(mock.endsAt)} UTC)</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {topics.length ? <StartMockForm topics={topics.map(({ id, name, questionCount }) => ({ id, name, questionCount }))} /> : <p>No topic has questions yet.</p>}
      {past.length ? (
        <section aria-labelledby="past-mocks" className="space-y-2">
          <h2 id="past-mocks" className="text-xl font-semibold">Past interviews</h2>
          <ul className="space-y-1" data-testid="past-mocks">
            {past.map((mock) => (
              <li key={mock.id}>
                <Link href={`/mock/${mock.id}`} className="text-indigo-700 underline dark:text-indigo-300">
                  {mock.topicName}, {mock.minutes} minutes, started {formatUtcTime(mock.startedAt)} UTC
                </Link>{' '}
                <span className="text-sm text-slate-700 dark:text-slate-300">
                  {mock.finishedAt ? '(report)' : '(its time ran out before it was finished: open it to submit what this browser kept and get the report)'}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
