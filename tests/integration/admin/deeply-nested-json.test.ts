// JSON nested thousands of levels deep, in a field whose value may be any JSON (a harness spec's
// arguments, a bundle's material): JSON.parse takes it, but the schemas and walks that read it
// afterwards recurse, so it was a 500 ("Maximum call stack size exceeded") from a 20 KB body.
// Now refused where it comes in, with a 400 saying why, and nothing is stored.
import { call, harness, ORIGIN } from '../http/route-harness';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as importBundleRoute } from '@/app/api/admin/bundles/route';
import { PUT as putHarnessSpec } from '@/app/api/admin/questions/[id]/harness-spec/route';
import { builtInSpec } from '@/grading/harnesses/harness-from-spec';
import type { PythonKitSpec } from '@/grading/harnesses/python-kit/kit-spec';
import { MAX_JSON_NESTING } from '@/lib/json-nesting';
import { createQuestion } from '@/server/curation/create-question';
import { saveQuestionMaterial } from '@/server/curation/save-question-material';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';
import { makeAdmin, makeTopic } from './fixtures';

const SLUG = 'python-canary-verdict';
const shipped = builtInSpec(SLUG)!.spec as PythonKitSpec;
const DEEP = 'DEEP_VALUE';
const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const withDeepValue = (value: unknown, levels: number) => JSON.stringify(value).replace(`"${DEEP}"`, nested(levels));
let questionId: string;

beforeEach(async () => {
  await resetDatabase();
  const admin = await makeAdmin();
  harness.user = { id: admin.id };
  const topic = await makeTopic();
  questionId = (await createQuestion({ actor: admin, input: { topicId: topic.id, prompt: 'Decide whether a canary is promoted, held or rolled back.', difficulty: 'MEDIUM', type: 'TECHNICAL', answerKind: 'PYTHON', tags: [] } })).id;
  await saveQuestionMaterial({
    actor: admin,
    input: { questionId, material: { rubric: null, harness: { name: SLUG, version: 1 }, modelAnswer: null, starterCode: null, validation: { kind: 'code', reference: 'def canary_verdict(b, c, p): pass', badVariants: [] } } },
  });
});

const putSpec = (body: string) =>
  call(putHarnessSpec as never, { method: 'PUT', path: `/api/admin/questions/${questionId}/harness-spec`, params: { id: questionId }, headers: { 'content-type': 'application/json', origin: ORIGIN }, body });
const postBundle = (body: string) =>
  call(importBundleRoute as never, { method: 'POST', path: '/api/admin/bundles', params: {}, headers: { 'content-type': 'application/json', origin: ORIGIN }, body });
const storedSpec = async () => (await prisma.questionVersion.findFirstOrThrow({ where: { questionId }, select: { harnessSpec: true } })).harnessSpec;

describe('JSON nested past the limit', () => {
  it('is a 400 for a harness spec whose case arguments nest 20,000 levels, storing nothing', async () => {
    const [first, ...rest] = shipped.cases;
    const response = await putSpec(withDeepValue({ ...shipped, cases: [{ ...first!, args: [DEEP] }, ...rest] }, 20_000));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe(`The spec nests arrays and objects more than ${MAX_JSON_NESTING} levels deep; nothing here needs that many.`);
    expect(await storedSpec()).toBeNull();
  });

  it('is a 400 for a bundle with a deeply nested value, importing nothing', async () => {
    const bundle = { format: 'rehearse-bundle', formatVersion: 1, topic: { slug: 'deep', name: 'Deep', description: 'Nested.', published: true }, questions: [
      { slug: 'deep-q', prompt: 'Explain canary releases.', difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN', tags: [], published: false, seededPracticeCount: 0, rubric: { concepts: [DEEP] }, harness: null, modelAnswer: null, starterCode: null, validation: null, draft: null },
    ] };
    const response = await postBundle(withDeepValue(bundle, 20_000));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe(`The request body nests arrays and objects more than ${MAX_JSON_NESTING} levels deep; nothing here needs that many.`);
    expect(await prisma.topic.count({ where: { slug: 'deep' } })).toBe(0);
  });

  it('still saves a spec whose values nest as deep as the limit allows', async () => {
    const [first, ...rest] = shipped.cases;
    // The spec's own object, its cases array and the case are three levels already.
    const response = await putSpec(withDeepValue({ ...shipped, cases: [{ ...first!, args: [DEEP] }, ...rest] }, MAX_JSON_NESTING - 4));
    expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
  });
});
