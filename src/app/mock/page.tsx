import type { Metadata } from 'next';
import { StartMockForm } from '@/components/mock/start-mock-form';
import { requirePageUser } from '@/server/auth';
import { listTopics } from '@/server/topics/list-topics';

export const metadata: Metadata = { title: 'Mock interview' };

// Start a mock interview: a topic and a length; the questions mix written and code answers.
export default async function MockPage() {
  await requirePageUser('/mock');
  const topics = (await listTopics()).filter((t) => t.questionCount > 0);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Mock interview</h1>
        <p className="text-slate-700 dark:text-slate-300">
          A timed set of questions from one topic, written and code mixed where the topic has both. Answer under the clock, then get one report: your scores, the concepts you missed and what to review.
        </p>
      </header>
      {topics.length ? <StartMockForm topics={topics.map(({ id, name, questionCount }) => ({ id, name, questionCount }))} /> : <p>No topic has questions yet.</p>}
    </div>
  );
}
