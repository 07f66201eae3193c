import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { QuestionHeading } from '@/components/catalog/question-heading';
import { QuestionMeta } from '@/components/catalog/question-meta';
import { SignInGate } from '@/components/catalog/sign-in-gate';
import { plainTitle } from '@/lib/plain-title';
import { signInPath } from '@/lib/sign-in-path';
import { getPublicQuestion } from '@/server/cache/get-public-question';
import { env } from '@/server/env';
import { getViewer } from '@/server/viewer';
import { SignedInPractice } from './signed-in-practice';
import { getPublicTopicPlacement } from '@/server/cache/list-public-taxonomy';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ attempt?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [question, { signedIn }] = await Promise.all([getPublicQuestion((await params).slug), getViewer()]);
  if (!question) return { title: 'Question not found' };
  // A signed-out visitor is redirected from a question past the preview, but the redirect's body
  // still carries the title: it must not quote the members-only prompt.
  if (!signedIn && isPastPreview(question)) return { title: 'Sign in to see this question' };
  return { title: plainTitle(question.prompt, 70) };
}

const isPastPreview = (question: { position: number }) => question.position >= env.PREVIEW_QUESTION_COUNT;

export default async function QuestionPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const wanted = (await searchParams).attempt;
  // The question comes from the public cache (the same for everyone); the session check is one
  // query, shared with the header (none at all in the member copy of the page cache).
  const [question, { user, signedIn }] = await Promise.all([getPublicQuestion(slug), getViewer()]);
  if (!question) notFound();
  // Beyond the preview, a question is for signed-in users only.
  if (!signedIn && isPastPreview(question)) redirect(signInPath(`/questions/${slug}`, 'locked-question'));
  // The same trail as the topic page's, category included (from the public cache).
  const { category } = await getPublicTopicPlacement(question.topic.slug);
  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700 dark:text-slate-300">
        <Link href="/" className="hover:underline">Question bank</Link> <span aria-hidden>/</span>{' '}
        {category ? (
          <>
            <Link href={`/categories/${category.slug}`} className="hover:underline">{category.name}</Link> <span aria-hidden>/</span>{' '}
          </>
        ) : null}
        <Link href={`/topics/${question.topic.slug}`} className="hover:underline">{question.topic.name}</Link>
      </nav>
      <header className="space-y-4">
        <QuestionMeta
          difficulty={question.difficulty}
          type={question.type}
          answerKind={question.answerKind}
          practiceCount={question.practiceCount}
        />
        <QuestionHeading prompt={question.prompt} />
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
      {signedIn ? (
        <SignedInPractice user={user} question={question} wanted={typeof wanted === 'string' ? wanted : undefined} />
      ) : (
        <SignInGate hiddenCount={0} returnTo={`/questions/${slug}`} />
      )}
    </article>
  );
}
