import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { QuestionList } from '@/components/catalog/question-list';
import { SignInGate } from '@/components/catalog/sign-in-gate';
import { getSessionUser } from '@/server/auth';
import { env } from '@/server/env';
import { getTopic } from '@/server/topics/get-topic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const topic = await getTopic({ slug: (await params).slug, limit: 0 });
  return { title: topic ? `${topic.name} questions` : 'Topic not found' };
}

export default async function TopicPage({ params }: Props) {
  const { slug } = await params;
  const user = await getSessionUser();
  // Anonymous visitors get a preview; the rest is never sent to their browser.
  const topic = await getTopic({ slug, limit: user ? undefined : env.PREVIEW_QUESTION_COUNT });
  if (!topic) notFound();
  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/" className="hover:underline">Question bank</Link> <span aria-hidden>/</span> {topic.name}
      </nav>
      <header className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight">{topic.name} Questions</h1>
        <p className="max-w-3xl leading-relaxed text-slate-700 dark:text-slate-300">{topic.description}</p>
      </header>
      <section aria-labelledby="questions-heading" className="space-y-4">
        <h2 id="questions-heading" className="text-xl font-semibold">
          {topic.questionCount} {topic.questionCount === 1 ? 'question' : 'questions'}
        </h2>
        <QuestionList questions={topic.questions} />
      </section>
      {user ? null : <SignInGate hiddenCount={topic.questionCount - topic.questions.length} returnTo={`/topics/${topic.slug}`} />}
    </div>
  );
}
