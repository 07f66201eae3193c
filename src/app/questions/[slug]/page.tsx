import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { QuestionMeta } from '@/components/catalog/question-meta';
import { getQuestion } from '@/server/questions/get-question';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const question = await getQuestion({ slug: (await params).slug });
  return { title: question ? question.prompt.slice(0, 60) : 'Question not found' };
}

export default async function QuestionPage({ params }: Props) {
  const question = await getQuestion({ slug: (await params).slug });
  if (!question) notFound();
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
        <p className="text-lg leading-relaxed" data-testid="question-prompt">{question.prompt}</p>
      </header>
    </article>
  );
}
