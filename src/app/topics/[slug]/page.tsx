import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageLinks } from '@/components/catalog/page-links';
import { QuestionList } from '@/components/catalog/question-list';
import { SignInGate } from '@/components/catalog/sign-in-gate';
import { getViewer } from '@/server/viewer';
import { getPublicTopic } from '@/server/cache/get-public-topic';
import { env } from '@/server/env';
import { getPublicTopicPlacement } from '@/server/cache/list-public-taxonomy';
import { ListQuestionsQuerySchema } from '@/server/questions/schemas';
import { summarizeText } from '@/lib/summarize-text';
import { pagedTitle } from '@/lib/paged-title';
import { listQuestionStatuses } from '@/server/search/list-question-statuses';

type Props = { params: Promise<{ slug: string }>; searchParams?: Promise<{ page?: string | string[] }> };

// ?page=N read as GET /api/questions reads it (digits only, 1–10,000); anything else is the first page
// rather than an error page, since the address bar is the only way to get it wrong.
const pageOf = (value: string | string[] | undefined) => {
  const parsed = ListQuestionsQuerySchema.shape.page.safeParse(value);
  return parsed.success ? parsed.data : 1;
};

// A member's page past the first is named in the title (read as the page reads it, from the same
// per-request cache), so each page is told apart and a page change is announced.
export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params;
  const { signedIn } = await getViewer();
  const page = signedIn ? pageOf((await searchParams)?.page) : 1;
  if (page > 1) {
    const topic = await getPublicTopic(slug, undefined, page);
    return { title: topic ? pagedTitle(`${topic.name} questions`, topic.page, topic.pageCount) : 'Topic not found' };
  }
  const topic = await getPublicTopic(slug, 0);
  return { title: topic ? `${topic.name} questions` : 'Topic not found' };
}

// A short summary first; the full description behind "more", so the questions come first.
function TopicDescription({ text }: { text: string }) {
  const { summary, rest } = summarizeText(text);
  return (
    <div className="max-w-3xl space-y-2 leading-relaxed text-slate-700 dark:text-slate-300">
      <p>{summary}</p>
      {rest ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium text-indigo-700 dark:text-indigo-300">More about this topic</summary>
          <p className="mt-2">{rest}</p>
        </details>
      ) : null}
    </div>
  );
}

export default async function TopicPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { user, signedIn } = await getViewer();
  // Anonymous visitors get a preview; the rest is never sent to their browser. Both come from the
  // public cache; only the statuses (new / tried / passed) are read for the signed-in user, here
  // or, in the member copy of the page cache, by their browser.
  // A visitor who followed a member's link to ?page=3 sees the preview and what signing in unlocks,
  // not an empty list (the API answers an empty page there, as it does past the last page).
  const topic = await getPublicTopic(slug, signedIn ? undefined : env.PREVIEW_QUESTION_COUNT, signedIn ? pageOf((await searchParams)?.page) : 1);
  if (!topic) notFound();
  const placement = await getPublicTopicPlacement(topic.slug);
  const statuses = user ? await listQuestionStatuses({ actor: user, input: { questionIds: topic.questions.map((q) => q.id) } }) : signedIn ? 'load' : undefined;
  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700 dark:text-slate-300">
        <Link href="/" className="hover:underline">Question bank</Link> <span aria-hidden>/</span>{' '}
        {placement.category ? (
          <>
            <Link href={`/categories/${placement.category.slug}`} className="hover:underline">{placement.category.name}</Link> <span aria-hidden>/</span>{' '}
          </>
        ) : null}
        {topic.name}
      </nav>
      <header className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight">{topic.name} Questions</h1>
        <TopicDescription text={topic.description} />
        {placement.roles.length > 0 ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Asked in interviews for:{' '}
            {placement.roles.map((role, i) => (
              <span key={role.slug}>
                {i > 0 ? ', ' : null}
                <Link href={`/roles/${role.slug}`} className="text-indigo-700 hover:underline dark:text-indigo-300">{role.name}</Link>
              </span>
            ))}
          </p>
        ) : null}
      </header>
      <section aria-labelledby="questions-heading" className="space-y-4">
        <h2 id="questions-heading" tabIndex={-1} className="text-xl font-semibold">
          {topic.questionCount} {topic.questionCount === 1 ? 'question' : 'questions'}
        </h2>
        <QuestionList questions={topic.questions} statuses={statuses} />
        {/* Past its last page a member sees why the list is empty and a link back (src/components/catalog/page-links.tsx). */}
        <PageLinks page={topic.page} pageCount={topic.pageCount} href={(page) => `/topics/${topic.slug}?page=${page}`} focusId="questions-heading" />
      </section>
      {signedIn ? null : <SignInGate hiddenCount={topic.locked} returnTo={`/topics/${topic.slug}`} />}
    </div>
  );
}
