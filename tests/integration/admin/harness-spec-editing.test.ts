// Editing a code question's tests as data (docs/decisions/021), against a real Postgres and the
// real sandbox: an admin adds a hidden case to a published Python kit question; the edit is a new
// draft version; a case the reference fails makes validation fail, naming the test, and blocks
// publishing; the fixed spec validates and publishes; a candidate's attempt is then graded against
// the new case, while an attempt made on version 1 keeps being graded with the built-in cases.
import { beforeEach, describe, expect, it } from 'vitest';
import type { PythonKitSpec } from '@/grading/harnesses/python-kit/kit-spec';
import { builtInSpec } from '@/grading/harnesses/harness-from-spec';
import { createAttempt } from '@/server/attempts/create-attempt';
import { createQuestion } from '@/server/curation/create-question';
import { publishQuestion } from '@/server/curation/publish-question';
import { saveHarnessSpec } from '@/server/curation/save-harness-spec';
import { saveQuestionMaterial } from '@/server/curation/save-question-material';
import { validateQuestion, validateQuestionOnRunPool } from '@/server/curation/validate-question';
import { prisma } from '@/server/db';
import { ConflictError } from '@/server/errors';
import { gradeAnswer } from '@/grading/grade-answer';
import { runVisibleTests } from '@/server/runs/run-visible-tests';
import { gradeAttempt } from '@/worker/grade-attempt';
import { seedFile, seedFiles } from '../harnesses/seed-files';
import { resetDatabase } from '../../support/reset-database';
import { graders, makeAdmin, makeTopic } from './fixtures';

const SLUG = 'python-canary-verdict';
const shipped = builtInSpec(SLUG)!.spec as PythonKitSpec;
const POLICY = { min_requests: 500, max_error_rate_increase: 0.01, max_p99_ratio: 1.2, abort_errors: 50 };
const newCase = (expected: unknown) => ({
  name: 'forty-nine errors is under the abort line',
  hidden: true,
  category: 'abort threshold',
  args: [{ requests: 30000, errors: 30, p99_ms: 200.0 }, { requests: 12345, errors: 49, p99_ms: 210.0 }, POLICY],
  expected,
  why: 'abort_errors is the first count that aborts; 49 errors at 0.4 % is within the policy',
});
const specWith = (expected: unknown) => JSON.stringify({ ...shipped, version: 2, cases: [...shipped.cases, newCase(expected)] }, null, 2);
// Right on every built-in case, wrong only on the new one.
const CANDIDATE = `${seedFile(SLUG, 'reference.py')}\n\n_reference = canary_verdict\n\ndef canary_verdict(baseline, canary, policy):\n    if canary["requests"] == 12345:\n        return {"verdict": "rollback", "reasons": ["too-many-errors"]}\n    return _reference(baseline, canary, policy)\n`;

let admin: { id: string };
let candidate: { id: string; role: 'CANDIDATE' };
let questionId: string;

const validate = () => validateQuestion({ actor: admin, input: { questionId } }, prisma, graders);
const publish = () => publishQuestion({ actor: admin, input: { questionId } });
const versions = () => prisma.questionVersion.findMany({ where: { questionId }, orderBy: { version: 'asc' }, select: { id: true, version: true, publishedAt: true, harness: true, harnessSpec: true } });

beforeEach(async () => {
  await resetDatabase();
  admin = await makeAdmin();
  candidate = { ...(await prisma.user.create({ data: { email: 'candidate@example.com' }, select: { id: true } })), role: 'CANDIDATE' };
  const topic = await makeTopic();
  await prisma.topic.update({ where: { id: topic.id }, data: { published: true } });
  questionId = (await createQuestion({ actor: admin, input: { topicId: topic.id, prompt: 'Decide whether a canary is promoted, held or rolled back.', difficulty: 'MEDIUM', type: 'TECHNICAL', answerKind: 'PYTHON', tags: ['canary'] } })).id;
  const bad = seedFiles(SLUG, 'bad').slice(0, 2);
  await saveQuestionMaterial({
    actor: admin,
    input: {
      questionId,
      material: {
        rubric: null,
        harness: { name: SLUG, version: 1 },
        modelAnswer: 'Compare rates, not counts.',
        starterCode: null,
        validation: { kind: 'code', reference: seedFile(SLUG, 'reference.py'), badVariants: bad.map((v) => ({ name: v.name, code: v.code })) },
      },
    },
  });
  expect((await validate()).outcome.passed).toBe(true);
  await publish();
});

describe('editing the tests of a published Python kit question', () => {
  it('stores nothing for the built-in spec, and makes a draft version 2 holding the edited one', async () => {
    expect((await versions()).map((v) => [v.version, v.harnessSpec])).toEqual([[1, null]]);
    // Saving the spec exactly as shipped changes nothing.
    expect(await saveHarnessSpec({ actor: admin, input: { questionId, specText: JSON.stringify(shipped) } })).toMatchObject({ version: 1, changed: false });
    const saved = await saveHarnessSpec({ actor: admin, input: { questionId, specText: specWith({ verdict: 'promote', reasons: [] }) } });
    expect(saved).toMatchObject({ version: 2, created: true, changed: true });
    const [v1, v2] = await versions();
    expect(v1).toMatchObject({ version: 1, harnessSpec: null, harness: { name: SLUG, version: 1 } });
    expect(v2).toMatchObject({ version: 2, publishedAt: null, harness: { name: SLUG, version: 2 }, harnessSpec: { kit: 'python-kit', spec: { name: SLUG, version: 2 } } });
    expect((v2!.harnessSpec as { spec: { cases: unknown[] } }).spec.cases).toHaveLength(shipped.cases.length + 1);
  });

  it('fails validation when the reference fails the new case, naming it, and refuses to publish', async () => {
    await saveHarnessSpec({ actor: admin, input: { questionId, specText: specWith({ verdict: 'rollback', reasons: ['too-many-errors'] }) } });
    const { version, outcome } = await validate();
    expect(version).toBe(2);
    expect(outcome.passed).toBe(false);
    expect(outcome.summary).toBe(
      `the reference solution failed 1 of ${shipped.cases.length + 1} tests, first test "forty-nine errors is under the abort line": wrong result [abort threshold]`,
    );
    const error = await publish().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/^Version 2 did not pass validation: the reference solution failed 1 of/);
    expect((await versions()).map((v) => v.publishedAt !== null)).toEqual([true, false]);
  });

  it('validates and publishes the fixed spec, then grades a new attempt against the new case and an old attempt against version 1', async () => {
    const before = await createAttempt({ actor: candidate, input: { questionId, answer: CANDIDATE } });
    await saveHarnessSpec({ actor: admin, input: { questionId, specText: specWith({ verdict: 'rollback', reasons: ['too-many-errors'] }) } });
    expect((await validate()).outcome.passed).toBe(false);
    await saveHarnessSpec({ actor: admin, input: { questionId, specText: specWith({ verdict: 'promote', reasons: [] }) } });
    const { outcome } = await validate();
    expect(outcome.summary).toBe('All 3 checks passed.');
    expect(await publish()).toMatchObject({ version: 2 });

    const after = await createAttempt({ actor: candidate, input: { questionId, answer: CANDIDATE } });
    const [v1, v2] = await versions();
    const graded = await gradeAttempt({ attemptId: after.id });
    expect(graded.questionVersionId).toBe(v2!.id);
    expect(graded.result.status).toBe('failed');
    expect(graded.result.gradedVersion).toBe(`harness:${SLUG}@2`);
    expect(graded.result.tests).toHaveLength(shipped.cases.length + 1);
    expect(graded.result.tests.filter((t) => t.status !== 'pass')).toEqual([
      { name: 'forty-nine errors is under the abort line', status: 'fail', hidden: true, message: 'wrong result [abort threshold]' },
    ]);

    // Made while version 1 was live: still graded with the built-in cases, which it passes.
    const old = await gradeAttempt({ attemptId: before.id });
    expect(old.questionVersionId).toBe(v1!.id);
    expect(old.result).toMatchObject({ status: 'passed', gradedVersion: `harness:${SLUG}@1` });
    expect(old.result.tests).toHaveLength(shipped.cases.length);
  });

  it('runs the edited visible cases in Run before Submit once published', async () => {
    const edited = { ...shipped, version: 2, cases: shipped.cases.map((c, i) => (i === 0 ? { ...c, why: 'why, as an admin wrote it' } : c)) };
    await saveHarnessSpec({ actor: admin, input: { questionId, specText: JSON.stringify(edited) } });
    expect((await validate()).outcome.passed).toBe(true);
    await publish();
    const answer = 'def canary_verdict(baseline, canary, policy):\n    return {"verdict": "hold", "reasons": []}\n';
    const run = await runVisibleTests({ actor: candidate, input: { questionId, answer }, grade: (request) => gradeAnswer(request) });
    const first = run.tests.find((t) => t.name === shipped.cases[0]!.name);
    expect(first).toMatchObject({ status: 'fail', message: expect.stringContaining('why, as an admin wrote it') });
    expect(run.tests).toHaveLength(shipped.cases.filter((c) => !c.hidden).length);
  });
});

describe('the Validate button', () => {
  it('runs the reference and the bad variants on the run pool, not in the web process', async () => {
    const runs = globalThis as unknown as { rehearseRunPool?: { pool: Promise<unknown> | null } };
    const before = runs.rehearseRunPool?.pool ?? null;
    expect(before).toBeNull();
    const { outcome } = await validateQuestionOnRunPool({ actor: admin, input: { questionId } });
    expect(outcome.passed, outcome.summary).toBe(true);
    expect(outcome.checks.map((c) => c.kind)).toEqual(['reference', 'bad-variant', 'bad-variant']);
    // The pool of grading processes (a runner under npm start) now exists: the code went there.
    expect(runs.rehearseRunPool?.pool).not.toBeNull();
  });
});
