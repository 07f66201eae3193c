import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { deleteQuestionAction } from '@/app/admin/actions/questions';
import { AdminNav } from '@/components/admin/admin-nav';
import { DeleteButton } from '@/components/admin/delete-button';
import { FormAlert } from '@/components/ui/form-alert';
import { JudgeDisagreements } from '@/components/admin/judge-disagreements';
import { MaterialEditor } from '@/components/admin/material-editor';
import { QuestionAnalytics } from '@/components/admin/question-analytics';
import { QuestionForm } from '@/components/admin/question-form';
import { RegradePanel } from '@/components/admin/regrade-panel';
import { LINK_CLASS, PANEL_CLASS } from '@/components/admin/styles';
import { UnsavedChangesProvider } from '@/components/admin/unsaved-changes';
import { ValidationPanel } from '@/components/admin/validation-panel';
import { VersionsTable } from '@/components/admin/versions-table';
import { Badge } from '@/components/ui/badge';
import { questionStatus } from '@/components/admin/question-status';
import { getAdminRecordTitle } from '@/server/admin/get-admin-record-title';
import { getQuestionAnalytics } from '@/server/analytics/get-question-analytics';
import { listJudgeDisagreements } from '@/server/analytics/list-judge-disagreements';
import { requireAdminPage } from '@/server/auth';
import { currentHarnessSpec } from '@/server/curation/current-harness-spec';
import { getAdminQuestion } from '@/server/curation/get-admin-question';
import { listAdminTopics } from '@/server/curation/list-admin-topics';
import { materialHash } from '@/server/curation/material-hash';
import { IdSchema } from '@/server/curation/schemas';
import { getRegradeOverview } from '@/server/regrading/get-regrade-overview';

type Props = { params: Promise<{ id: string }> };

// One read per request, shared by the tab title and the page.
const readQuestion = cache((id: string) => getAdminQuestion({ input: { id } }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const exists = async (id: string) => (await readQuestion(id)) !== null;
  return { title: await getAdminRecordTitle((await params).id, exists, { found: 'Edit question · Admin', missing: 'Question not found · Admin' }) };
}

export default async function AdminQuestionPage({ params }: Props) {
  const { id } = await params;
  await requireAdminPage(`/admin/questions/${id}`);
  if (!IdSchema.safeParse(id).success) notFound();
  const [question, topics, analytics, regrades, judge] = await Promise.all([
    readQuestion(id),
    listAdminTopics(),
    getQuestionAnalytics({ input: { questionId: id } }),
    getRegradeOverview({ input: { questionId: id } }),
    listJudgeDisagreements({ input: { questionId: id } }),
  ]);
  if (!question) notFound();
  const current = question.current;
  // The badge, the line beside it and the versions table all read this.
  const status = questionStatus({ published: question.published, lastPublishedVersion: question.liveVersion });
  return (
    // Leaving the page asks first while the question or its material has unsaved edits.
    <UnsavedChangesProvider>
      <div className="space-y-8">
        <AdminNav current="/admin/questions" />
        <header className="space-y-3">
          <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
            <Link href="/admin/questions" className="hover:underline">Questions</Link> <span aria-hidden>/</span> {question.slug}
          </nav>
          <h1 className="text-3xl font-bold tracking-tight">Edit question</h1>
          <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="question-status">
            <Badge tone={status.badge.tone}>{status.badge.text}</Badge>
            <span>{status.line}</span>
            {question.published && question.topic.published ? (
              <Link href={`/questions/${question.slug}`} className={LINK_CLASS}>View as a candidate</Link>
            ) : null}
            {!question.topic.published ? <span>Its topic is a draft, so candidates cannot see it yet.</span> : null}
          </div>
        </header>

        <section aria-labelledby="details-heading" className={PANEL_CLASS}>
          <h2 id="details-heading" className="text-xl font-semibold">Question</h2>
          <QuestionForm
            topics={topics.map((t) => ({ id: t.id, name: t.name }))}
            question={{ id: question.id, revision: question.revision, slug: question.slug, topicId: question.topic.id, prompt: question.prompt, difficulty: question.difficulty, type: question.type, answerKind: question.answerKind, tags: question.tags }}
            lockedAnswerKind={question.liveVersion !== null}
          />
        </section>

        {current ? (
          // Validate and Publish wait while the editor has unsaved edits: they check the saved material.
          <>
            <section aria-labelledby="material-heading" className={PANEL_CLASS}>
              <h2 id="material-heading" className="text-xl font-semibold">Grading material — version {current.version}</h2>
              {current.problems.length > 0 ? (
                <FormAlert tone="error">Part of the stored material could not be read and is shown empty: {current.problems.join('; ')}</FormAlert>
              ) : null}
              {/* A new harness name may bring a spec to edit, a new answer kind other fields (a rubric for
                  a harness): the editor starts again from what was saved. */}
              <MaterialEditor key={`${current.id}:${current.material.harness?.name ?? ''}:${question.answerKind}`} questionId={question.id} slug={question.slug} answerKind={question.answerKind} version={current.version} isPublished={current.isPublished} material={current.material} revision={current.revision} harnessSpec={question.answerKind === 'WRITTEN' ? null : currentHarnessSpec(current.material)} />
            </section>
            <section aria-labelledby="validate-heading" className={PANEL_CLASS}>
              <h2 id="validate-heading" className="text-xl font-semibold">Validate and publish</h2>
              <ValidationPanel
                // Saved material remounts the panel, so no message about the old material lingers.
                key={`${current.id}:${materialHash(current.material)}`}
                questionId={question.id}
                version={current.version}
                isPublished={current.isPublished}
                questionPublished={question.published}
                validation={current.validation}
                isValidationCurrent={current.isValidationCurrent}
                validatedAt={current.validatedAt?.toISOString() ?? null}
              />
            </section>
          </>
        ) : (
          <p>This question has no versions yet.</p>
        )}

        <section aria-labelledby="analytics-heading" className={PANEL_CLASS}>
          <h2 id="analytics-heading" className="text-xl font-semibold">How it performs</h2>
          <QuestionAnalytics analytics={analytics} />
        </section>

        {question.answerKind === 'WRITTEN' ? (
          <section aria-labelledby="judge-heading" className={PANEL_CLASS}>
            <h2 id="judge-heading" className="text-xl font-semibold">Judge and offline grader</h2>
            <JudgeDisagreements data={judge} />
          </section>
        ) : null}

        <section aria-labelledby="regrade-heading" className={PANEL_CLASS}>
          <h2 id="regrade-heading" className="text-xl font-semibold">Re-grade past attempts</h2>
          <RegradePanel questionId={question.id} liveVersion={regrades.liveVersion} olderVersion={regrades.olderVersion} earlierGrader={regrades.earlierGrader} runs={regrades.runs} />
        </section>

        <section aria-labelledby="versions-heading" className="space-y-3">
          <h2 id="versions-heading" className="text-xl font-semibold">Versions</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">Attempts: how many are graded under each version now. A re-grade moves an attempt to the version it was re-graded under; its first grade stays in its history.</p>
          <VersionsTable versions={question.versions} status={status} />
        </section>

        <section aria-labelledby="danger-heading" className="space-y-3">
          <h2 id="danger-heading" className="text-xl font-semibold">Delete</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">Removes the question from the bank; attempts and their history are kept.</p>
          <DeleteButton label="Delete question" confirmText="Delete this question? Candidates will no longer see it; their attempts are kept." action={deleteQuestionAction.bind(null, question.id)} redirectTo="/admin/questions" />
        </section>
      </div>
    </UnsavedChangesProvider>
  );
}
