// Two admin tabs on one question, through the server actions the question page calls (with a real
// session) and a real Postgres: a save based on what someone else has since changed is refused
// with a message a person understands and stores nothing; a save based on the newest data, or one
// from a script that sends no `basedOn`, goes through.
import { harness, signInHarnessUser } from '../http/route-harness';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { saveMaterialAction, updateQuestionAction } from '@/app/admin/actions/questions';
import { createQuestion } from '@/server/curation/create-question';
import { getAdminQuestion } from '@/server/curation/get-admin-question';
import { saveQuestionMaterial } from '@/server/curation/save-question-material';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';
import { makeAdmin, makeTopic, writtenMaterial } from './fixtures';

// The actions revalidate the whole app after a change, which needs Next.js's request store.
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const QUESTION = { prompt: 'Explain canary releases and how you roll back.', difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN' } as const;
const QUESTION_CONFLICT = 'Someone else saved this question after you opened it. Reload to see their changes; your edits are still in the form.';
const MATERIAL_CONFLICT = "Someone else saved this question's grading material after you opened it. Reload to see their changes; your edits are still in the form.";

let admin: { id: string };
let topicId: string;
let questionId: string;

beforeEach(async () => {
  await resetDatabase();
  admin = await makeAdmin();
  topicId = (await makeTopic()).id;
  questionId = (await createQuestion({ actor: admin, input: { ...QUESTION, tags: ['deploys'], topicId } })).id;
  await saveQuestionMaterial({ actor: admin, input: { questionId, material: writtenMaterial() } });
  harness.user = { id: admin.id };
  await signInHarnessUser();
});

// What a tab shows when it is opened: the page's read.
const open = async () => (await getAdminQuestion({ input: { id: questionId } }))!;
const stored = () => prisma.question.findUniqueOrThrow({ where: { id: questionId }, select: { prompt: true, difficulty: true, slug: true } });
const storedVersions = () => prisma.questionVersion.findMany({ where: { questionId }, orderBy: { version: 'asc' }, select: { version: true, modelAnswer: true, rubric: true } });
const audits = (action: string) => prisma.auditLog.count({ where: { action } });

describe('question details', () => {
  it('refuses a save based on fields another tab has changed since, storing nothing', async () => {
    const a = await open();
    const b = await open();
    const saved = await updateQuestionAction(questionId, { ...QUESTION, tags: ['deploys'], topicId, slug: a.slug, prompt: 'Explain canary releases, and how and when you roll back.', basedOn: a.revision });
    expect(saved).toMatchObject({ ok: true });

    const stale = await updateQuestionAction(questionId, { ...QUESTION, tags: ['deploys'], topicId, slug: b.slug, difficulty: 'HARD', basedOn: b.revision });
    expect(stale).toEqual({ ok: false, error: QUESTION_CONFLICT, fields: {} });
    expect(await stored()).toMatchObject({ prompt: 'Explain canary releases, and how and when you roll back.', difficulty: 'EASY' });
    expect(await audits('question.update')).toBe(1);
  });

  it('accepts a save based on the newest fields: the tab reopened, or its own last save', async () => {
    const a = await open();
    const first = await updateQuestionAction(questionId, { ...QUESTION, tags: ['deploys'], topicId, slug: a.slug, difficulty: 'MEDIUM', basedOn: a.revision });
    if (!first.ok) throw new Error(first.error);
    // The same tab saves again, based on what its first save answered.
    const second = await updateQuestionAction(questionId, { ...QUESTION, tags: ['deploys'], topicId, slug: a.slug, difficulty: 'HARD', basedOn: first.value.revision });
    expect(second).toMatchObject({ ok: true });
    const reopened = await open();
    expect(reopened.revision).toBe(second.ok && second.value.revision);
    expect(await updateQuestionAction(questionId, { ...QUESTION, tags: ['deploys'], topicId, slug: a.slug, prompt: 'Explain canary releases and how you roll them back.', basedOn: reopened.revision })).toMatchObject({ ok: true });
    expect(await stored()).toMatchObject({ prompt: 'Explain canary releases and how you roll them back.', difficulty: 'EASY' });
  });

  it('lets a script that sends no basedOn save as before', async () => {
    await open();
    await updateQuestionAction(questionId, { ...QUESTION, tags: ['deploys'], topicId, difficulty: 'HARD' });
    expect(await updateQuestionAction(questionId, { ...QUESTION, tags: ['deploys'], topicId, difficulty: 'MEDIUM' })).toMatchObject({ ok: true });
    expect((await stored()).difficulty).toBe('MEDIUM');
  });
});

describe('grading material', () => {
  const renamed = () => {
    const material = writtenMaterial();
    (material.rubric!.concepts as { name: string }[])[0]!.name = 'Traffic share';
    return material;
  };

  it('refuses a save into a draft another tab has saved since, storing nothing', async () => {
    const a = (await open()).current!;
    const b = (await open()).current!;
    expect(await saveMaterialAction({ questionId, material: renamed(), basedOn: a.revision })).toMatchObject({ ok: true, value: { version: 1, created: false } });

    const stale = await saveMaterialAction({ questionId, material: writtenMaterial({ modelAnswer: 'Tab B model answer.' }), basedOn: b.revision });
    expect(stale).toEqual({ ok: false, error: MATERIAL_CONFLICT, fields: {} });
    const versions = await storedVersions();
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ modelAnswer: 'Canaries first, then everyone.', rubric: { concepts: [{ name: 'Traffic share' }, { name: 'Rollback' }] } });
  });

  it('refuses a save based on a published version after another tab made the next draft from it', async () => {
    await prisma.questionVersion.updateMany({ where: { questionId }, data: { publishedAt: new Date() } });
    const a = (await open()).current!;
    const b = (await open()).current!;
    expect(await saveMaterialAction({ questionId, material: renamed(), basedOn: a.revision })).toMatchObject({ ok: true, value: { version: 2, created: true } });

    // Tab B still says "saving changes creates draft version 2": it would write into tab A's.
    const stale = await saveMaterialAction({ questionId, material: writtenMaterial({ modelAnswer: 'Tab B model answer.' }), basedOn: b.revision });
    expect(stale).toEqual({ ok: false, error: MATERIAL_CONFLICT, fields: {} });
    const versions = await storedVersions();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[1]).toMatchObject({ modelAnswer: 'Canaries first, then everyone.', rubric: { concepts: [{ name: 'Traffic share' }, { name: 'Rollback' }] } });
    expect(await audits('question.material.save')).toBe(2);
  });

  it('makes a save wait for one in progress, then refuses it: two tabs saving at once never both win', async () => {
    const { revision } = (await open()).current!;
    let finishA = () => {};
    const aHolds = new Promise<void>((resolve) => (finishA = resolve));
    let aSaved = () => {};
    const aHasSaved = new Promise<void>((resolve) => (aSaved = resolve));
    // Tab A's save has written but not committed yet when tab B's starts.
    const a = prisma.$transaction(async (tx) => {
      await saveQuestionMaterial({ actor: admin, input: { questionId, material: writtenMaterial({ modelAnswer: 'Tab A answer.' }), basedOn: revision } }, tx);
      aSaved();
      await aHolds;
    });
    await aHasSaved;
    const b = saveQuestionMaterial({ actor: admin, input: { questionId, material: writtenMaterial({ modelAnswer: 'Tab B answer.' }), basedOn: revision } }).then(() => 'saved', (e: Error) => e.message);
    await new Promise((resolve) => setTimeout(resolve, 300));
    finishA();
    await a;
    expect(await b).toBe(MATERIAL_CONFLICT);
    expect((await storedVersions())[0]).toMatchObject({ modelAnswer: 'Tab A answer.' });
  });

  it('accepts saves based on the newest material: its own last save, a reopened tab, or none sent', async () => {
    const a = (await open()).current!;
    const first = await saveMaterialAction({ questionId, material: renamed(), basedOn: a.revision });
    if (!first.ok) throw new Error(first.error);
    const second = await saveMaterialAction({ questionId, material: writtenMaterial({ modelAnswer: 'Second answer.' }), basedOn: first.value.revision });
    expect(second).toMatchObject({ ok: true, value: { changed: true } });
    // What a save answers is what the page shows next, so the editor stays in step either way.
    expect((await open()).current!.revision).toBe(second.ok && second.value.revision);
    const reopened = (await open()).current!;
    expect(await saveMaterialAction({ questionId, material: writtenMaterial({ modelAnswer: 'Third answer.' }), basedOn: reopened.revision })).toMatchObject({ ok: true });
    expect(await saveMaterialAction({ questionId, material: writtenMaterial({ modelAnswer: 'From a script.' }) })).toMatchObject({ ok: true });
    expect((await storedVersions())[0]).toMatchObject({ modelAnswer: 'From a script.' });
  });
});
