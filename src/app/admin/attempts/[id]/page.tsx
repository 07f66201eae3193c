import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { PANEL_CLASS } from '@/components/admin/styles';
import { Markdown } from '@/components/ui/markdown';
import { getAdminRecordTitle } from '@/server/admin/get-admin-record-title';
import { getJudgedAttempt, type JudgedAttempt } from '@/server/analytics/get-judged-attempt';
import { requireAdminPage } from '@/server/auth';
import { IdSchema } from '@/server/curation/schemas';
import { NotFoundError } from '@/server/errors';

type Props = { params: Promise<{ id: string }> };

// One read per request (it grades the answer offline), shared by the tab title and the page.
const readAttempt = cache((id: string) => getJudgedAttempt({ input: { id } }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const exists = (id: string) =>
    readAttempt(id).then(
      () => true,
      (error: unknown) => {
        if (error instanceof NotFoundError) return false;
        throw error;
      },
    );
  return { title: await getAdminRecordTitle((await params).id, exists, { found: 'Judged attempt · Admin', missing: 'Judged attempt not found · Admin' }) };
}

function Grade({ title, side }: { title: string; side: JudgedAttempt['judge'] }) {
  return (
    <section className={PANEL_CLASS} aria-label={title}>
      <h2 className="text-lg font-semibold">{title}: {side.score} / 100 ({side.status})</h2>
      <p className="text-xs text-slate-600 dark:text-slate-400">Grader: {side.grader}</p>
      <ul className="list-disc pl-5 text-sm">
        {side.concepts.map((c) => <li key={c.name}>{c.name}: {c.status}</li>)}
      </ul>
    </section>
  );
}

// One attempt the language-model judge graded, next to the offline grade of the same answer, so an
// admin can see who is right before changing the rubric. Candidates are not named.
export default async function JudgedAttemptPage({ params }: Props) {
  const { id } = await params;
  await requireAdminPage(`/admin/attempts/${id}`);
  if (!IdSchema.safeParse(id).success) notFound();
  let attempt: JudgedAttempt;
  try {
    attempt = await readAttempt(id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  return (
    <div className="space-y-6">
      <AdminNav current="/admin/questions" />
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href={`/admin/questions/${attempt.question.id}`} className="hover:underline">{attempt.question.slug}</Link> <span aria-hidden>/</span> judged attempt
      </nav>
      <h1 className="text-2xl font-bold">Judge and offline grader on one answer</h1>
      <section className={PANEL_CLASS} aria-labelledby="answer-heading">
        <h2 id="answer-heading" className="text-lg font-semibold">The answer (version {attempt.version ?? '—'})</h2>
        <Markdown>{attempt.answer}</Markdown>
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        <Grade title="Language-model judge" side={attempt.judge} />
        {attempt.offline ? <Grade title="Offline grader" side={attempt.offline} /> : <p>The stored rubric can no longer be read, so there is no offline grade to compare.</p>}
      </div>
    </div>
  );
}
