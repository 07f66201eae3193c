// Versions and publish gating against a real Postgres: a draft is edited in place, a published
// version never changes (an edit makes version + 1), publishing needs a passing validation of
// the current material, and candidates practise the newest published version.
import { beforeEach, describe, expect, it } from 'vitest';
import { createAttempt } from '@/server/attempts/create-attempt';
import { createQuestion } from '@/server/curation/create-question';
import { getAdminQuestion } from '@/server/curation/get-admin-question';
import { publishQuestion } from '@/server/curation/publish-question';
import { saveQuestionMaterial } from '@/server/curation/save-question-material';
import { unpublishQuestion } from '@/server/curation/unpublish-question';
import { updateQuestion } from '@/server/curation/update-question';
import { validateQuestion } from '@/server/curation/validate-question';
import { prisma } from '@/server/db';
import { ConflictError } from '@/server/errors';
import { errorResponse } from '@/server/http';
import { getPracticeMaterial } from '@/server/questions/get-practice-material';
import { getTopic } from '@/server/topics/get-topic';
import { resetDatabase } from '../../support/reset-database';
import { graders, makeAdmin, makeTopic, STRONG, writtenMaterial } from './fixtures';

let admin: { id: string };
let topicId: string;
let questionId: string;

const QUESTION = { prompt: 'Explain canary releases and how you roll back.', difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN', tags: ['deploys'] } as const;

beforeEach(async () => {
  await resetDatabase();
  admin = await makeAdmin();
  topicId = (await makeTopic()).id;
  questionId = (await createQuestion({ actor: admin, input: { ...QUESTION, topicId, tags: ['deploys'] } })).id;
});

const versions = () => prisma.questionVersion.findMany({ where: { questionId }, orderBy: { version: 'asc' }, select: { version: true, publishedAt: true, modelAnswer: true, validatedAt: true } });
const save = (options?: Parameters<typeof writtenMaterial>[0]) => saveQuestionMaterial({ actor: admin, input: { questionId, material: writtenMaterial(options) } });
const validate = () => validateQuestion({ actor: admin, input: { questionId } }, prisma, graders);
const publish = () => publishQuestion({ actor: admin, input: { questionId } });

async function publishError(): Promise<ConflictError> {
  const error = await publish().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConflictError);
  return error as ConflictError;
}

describe('a new question', () => {
  it('starts as a draft with an empty draft version 1, hidden from candidates', async () => {
    expect(await versions()).toEqual([{ version: 1, publishedAt: null, modelAnswer: null, validatedAt: null }]);
    const question = await prisma.question.findUniqueOrThrow({ where: { id: questionId }, select: { published: true, slug: true } });
    expect(question).toEqual({ published: false, slug: 'explain-canary-releases-roll-back' });
    expect((await getTopic({ slug: 'ops' }))?.questions).toEqual([]);
  });
});

describe('publish gating', () => {
  it('waits for a save in progress and then refuses the material that save left unvalidated', async () => {
    await save();
    await validate();
    // A save of the draft in another tab, holding its transaction open a moment after it wrote.
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const saving = prisma.$transaction(async (tx) => {
      await saveQuestionMaterial({ actor: admin, input: { questionId, material: writtenMaterial({ modelAnswer: 'Edited in another tab.' }) } }, tx);
      wrote();
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await written;
    // Without the question's lock the publish read the validated material from before the save,
    // then set publishedAt on the row the save had just rewritten: unvalidated material went live.
    const error = await publish().catch((e: unknown) => e);
    await saving;
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toMatch(/^Validate version 1 before publishing/);
    expect(await versions()).toEqual([expect.objectContaining({ version: 1, publishedAt: null, modelAnswer: 'Edited in another tab.' })]);
  });

  it('refuses to publish material that was never validated, with 409 and the reason', async () => {
    await save();
    const error = await publishError();
    expect(error.message).toBe('Validate version 1 before publishing: its material has not been validated since it was last edited.');
    const response = errorResponse(error);
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatch(/^Validate version 1 before publishing/);
  });

  it('refuses after a failed validation, naming the sample that broke', async () => {
    await save({ weakAnswer: STRONG });
    const { outcome } = await validate();
    expect(outcome.passed).toBe(false);
    expect(outcome.summary).toBe('calibration sample "weak" scored 100, expected 0–40');
    expect((await publishError()).message).toBe(
      'Version 1 did not pass validation: calibration sample "weak" scored 100, expected 0–40. Fix the material, validate again, then publish.',
    );
  });

  it('refuses when the material changed after it passed: editing invalidates the validation', async () => {
    await save();
    expect((await validate()).outcome.passed).toBe(true);
    await save({ modelAnswer: 'A different model answer.' });
    expect((await versions())[0]).toMatchObject({ version: 1, validatedAt: null });
    expect((await publishError()).message).toMatch(/^Validate version 1 before publishing/);
  });

  it('refuses when the stored outcome checked other material, even if it says passed', async () => {
    await save();
    await validate();
    // Someone edits the version behind the app's back: the hash no longer matches.
    await prisma.questionVersion.updateMany({ where: { questionId }, data: { modelAnswer: 'tampered' } });
    expect((await publishError()).message).toMatch(/^Validate version 1 before publishing/);
  });

  it('refuses a question with nothing to grade against', async () => {
    await expect(validate()).resolves.toMatchObject({ outcome: { passed: false, summary: 'the rubric is missing: add concepts before validating' } });
    expect((await publishError()).message).toMatch(/^Version 1 did not pass validation: the rubric is missing/);
  });

  it('publishes once validation passes: the version gets publishedAt and candidates see the question', async () => {
    await save();
    await validate();
    const { version, publishedAt } = await publish();
    expect(version).toBe(1);
    expect(publishedAt).toBeInstanceOf(Date);
    expect((await getTopic({ slug: 'ops' }))?.questions.map((q) => q.id)).toEqual([questionId]);
    const audit = await prisma.auditLog.findMany({ orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true } });
    expect(audit.map((a) => a.action)).toEqual(['question.create', 'question.material.save', 'question.validate', 'question.publish']);
    expect(audit.every((a) => a.actorId === admin.id)).toBe(true);
  });
});

describe('versions', () => {
  async function publishVersion1() {
    await save();
    await validate();
    await publish();
  }

  it('updates a draft version in place and stamps the rubric with its version', async () => {
    await save();
    await save({ modelAnswer: 'Second draft.' });
    expect(await versions()).toEqual([{ version: 1, publishedAt: null, modelAnswer: 'Second draft.', validatedAt: null }]);
    const stored = await prisma.questionVersion.findFirstOrThrow({ where: { questionId }, select: { rubric: true } });
    expect(stored.rubric).toMatchObject({ version: 1 });
  });

  it('turns an edit of a published version into draft version 2; candidates keep practising version 1', async () => {
    await publishVersion1();
    const candidate = await prisma.user.create({ data: { email: 'cand@example.com' }, select: { id: true } });
    const first = await createAttempt({ actor: { id: candidate.id, role: 'CANDIDATE' }, input: { questionId, answer: STRONG } });

    const saved = await save({ modelAnswer: 'Better model answer.' });
    expect(saved).toMatchObject({ version: 2, created: true, changed: true });
    const rows = await versions();
    expect(rows.map((v) => [v.version, v.publishedAt !== null, v.modelAnswer])).toEqual([
      [1, true, 'Canaries first, then everyone.'],
      [2, false, 'Better model answer.'],
    ]);
    expect((await getPracticeMaterial({ input: { questionId } })).version).toBe(1);
    const second = await createAttempt({ actor: { id: candidate.id, role: 'CANDIDATE' }, input: { questionId, answer: STRONG } });

    // Saving the same material again changes nothing.
    expect(await save({ modelAnswer: 'Better model answer.' })).toMatchObject({ version: 2, created: false, changed: false });

    expect((await publishError()).message).toMatch(/^Validate version 2 before publishing/);
    await validate();
    expect((await publish()).version).toBe(2);
    expect((await getPracticeMaterial({ input: { questionId } })).version).toBe(2);
    const third = await createAttempt({ actor: { id: candidate.id, role: 'CANDIDATE' }, input: { questionId, answer: STRONG } });

    // Past attempts keep the version they were graded against; the admin page counts them.
    const attempts = await prisma.attempt.findMany({ where: { id: { in: [first.id, second.id, third.id] } }, select: { id: true, questionVersion: { select: { version: true } } } });
    const versionOf = Object.fromEntries(attempts.map((a) => [a.id, a.questionVersion?.version]));
    expect([versionOf[first.id], versionOf[second.id], versionOf[third.id]]).toEqual([1, 1, 2]);
    const admin = await getAdminQuestion({ input: { id: questionId } });
    expect(admin?.versions.map((v) => [v.version, v.attempts, v.validation])).toEqual([[2, 1, 'passed'], [1, 2, 'passed']]);
    expect(admin?.liveVersion).toBe(2);
    expect(admin?.current).toMatchObject({ version: 2, isPublished: true, isValidationCurrent: true });
  });

  it('unpublishing hides the question; publishing it again needs no new validation', async () => {
    await publishVersion1();
    await unpublishQuestion({ actor: admin, input: { id: questionId } });
    expect((await getTopic({ slug: 'ops' }))?.questions).toEqual([]);
    expect((await publish()).version).toBe(1);
    expect((await getTopic({ slug: 'ops' }))?.questions).toHaveLength(1);
  });

  it('fixes the answer kind once a version is published', async () => {
    await publishVersion1();
    const error = await updateQuestion({ actor: admin, input: { id: questionId, topicId, ...QUESTION, tags: [], answerKind: 'BASH' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/^The answer kind cannot change once a version is published/);
  });

  it('refuses material of the wrong kind with a field error', async () => {
    const material = { ...writtenMaterial(), harness: { name: 'bash-deploy', version: 1 } };
    await expect(saveQuestionMaterial({ actor: admin, input: { questionId, material } })).rejects.toMatchObject({
      issues: [{ path: ['material', 'harness'], message: 'A written question has a rubric, not a harness.' }],
    });
  });
});
