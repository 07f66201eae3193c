// GET and PUT /api/admin/questions/<id>/harness-spec (docs/decisions/021) as Next.js calls them,
// with real sessions and a real Postgres: admins only (403 for a candidate, before anything is
// read); bad JSON and a spec the kit refuses are 400s that name the problem and store nothing; a
// good spec is saved as the newest version's, which then needs validating.
import { call, harness, ORIGIN } from '../http/route-harness';
import { beforeEach, describe, expect, it } from 'vitest';
import { GET, PUT } from '@/app/api/admin/questions/[id]/harness-spec/route';
import type { PythonKitSpec } from '@/grading/harnesses/python-kit/kit-spec';
import { builtInSpec } from '@/grading/harnesses/harness-from-spec';
import { MAX_JSON_NESTING } from '@/lib/json-nesting';
import { createQuestion } from '@/server/curation/create-question';
import { saveQuestionMaterial } from '@/server/curation/save-question-material';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';
import { makeAdmin, makeTopic } from './fixtures';

const SLUG = 'python-canary-verdict';
const shipped = builtInSpec(SLUG)!.spec as PythonKitSpec;
let admin: { id: string };
let questionId: string;

beforeEach(async () => {
  await resetDatabase();
  admin = await makeAdmin();
  const topic = await makeTopic();
  questionId = (await createQuestion({ actor: admin, input: { topicId: topic.id, prompt: 'Decide whether a canary is promoted, held or rolled back.', difficulty: 'MEDIUM', type: 'TECHNICAL', answerKind: 'PYTHON', tags: [] } })).id;
  await saveQuestionMaterial({
    actor: admin,
    input: { questionId, material: { rubric: null, harness: { name: SLUG, version: 1 }, modelAnswer: null, starterCode: null, validation: { kind: 'code', reference: 'def canary_verdict(b, c, p): pass', badVariants: [] } } },
  });
  harness.user = { id: admin.id };
});

const path = () => `/api/admin/questions/${questionId}/harness-spec`;
const put = (body: string) => call(PUT as never, { method: 'PUT', path: path(), params: { id: questionId }, headers: { 'content-type': 'application/json', origin: ORIGIN }, body });
const get = () => call(GET as never, { method: 'GET', path: path(), params: { id: questionId } });
const storedSpec = async () => (await prisma.questionVersion.findFirstOrThrow({ where: { questionId }, select: { harnessSpec: true } })).harnessSpec;

describe('the harness spec API', () => {
  it('answers 403 to a candidate and 401 to no one, for reading and writing, storing nothing', async () => {
    const candidate = await prisma.user.create({ data: { email: 'candidate@example.com' }, select: { id: true } });
    harness.user = { id: candidate.id };
    for (const response of [await get(), await put(JSON.stringify(shipped))]) {
      expect(response.status).toBe(403);
      expect((await response.json()).error).toBe('This is for admins only.');
    }
    harness.user = null;
    expect((await put(JSON.stringify(shipped))).status).toBe(401);
    expect(await storedSpec()).toBeNull();
  });

  it('gives an admin the built-in spec until the version has its own', async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ version: 1, isBuiltIn: true, spec: { kit: 'python-kit', spec: JSON.parse(JSON.stringify(shipped)) }, revision: expect.any(String) });
  });

  it('refuses JSON that does not parse with 400 and the parser\'s reason', async () => {
    const response = await put('{ "name": "python-canary-verdict", ');
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/^The spec is not valid JSON: .+/);
    expect(await storedSpec()).toBeNull();
  });

  it('refuses an empty spec with 400 saying it is empty, not a JSON syntax error', async () => {
    const response = await put('  \n');
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe('The spec is empty: send the harness spec as JSON.');
    expect(await storedSpec()).toBeNull();
  });

  it('refuses a spec the kit refuses with 400, naming the field in the document sent', async () => {
    const { expected: _dropped, ...noExpected } = shipped.cases[0]!;
    const response = await put(JSON.stringify({ ...shipped, cases: [noExpected, ...shipped.cases.slice(1)] }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(Object.keys(body.fields)).toEqual(['cases.0.expected']);
    expect(body.error).toMatch(/^cases\.0\.expected: /);
    const renamed = await put(JSON.stringify({ ...shipped, name: 'python-something-else' }));
    expect(renamed.status).toBe(400);
    expect((await renamed.json()).fields).toEqual({ name: `The spec is for the harness "python-something-else", but this question's harness is "${SLUG}".` });
    expect(await storedSpec()).toBeNull();
  });

  it('refuses a whole number past 2^53, which reading the JSON rounded, naming where it is', async () => {
    const [first, ...rest] = shipped.cases;
    const response = await put(JSON.stringify({ ...shipped, cases: [{ ...first!, expected: 'BIG' }, ...rest] }).replace('"BIG"', '100000000000000001'));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(Object.keys(body.fields)).toEqual(['cases.0.expected']);
    expect(body.error).toContain('A whole number past 2^53 (9007199254740991) cannot be kept exactly');
    expect(await storedSpec()).toBeNull();
  });

  it('takes back what GET answered, or its spec member, as well as the spec document alone', async () => {
    const fetched = await (await get()).json();
    const edited = { ...fetched, spec: { ...fetched.spec, spec: { ...fetched.spec.spec, cases: fetched.spec.spec.cases.map((c: object, i: number) => (i === 0 ? { ...c, why: 'sent back whole' } : c)) } } };
    expect((await put(JSON.stringify(edited))).status).toBe(200);
    expect(await storedSpec()).toMatchObject({ spec: { cases: expect.arrayContaining([expect.objectContaining({ why: 'sent back whole' })]) } });
    const member = { ...edited.spec, spec: { ...edited.spec.spec, cases: edited.spec.spec.cases.map((c: object, i: number) => (i === 0 ? { ...c, why: 'sent as { kit, spec }' } : c)) } };
    expect((await put(JSON.stringify(member))).status).toBe(200);
    expect(await storedSpec()).toMatchObject({ spec: { cases: expect.arrayContaining([expect.objectContaining({ why: 'sent as { kit, spec }' })]) } });
    // Field names follow the shape sent; another kit's spec is refused by name.
    const { expected: _dropped, ...noExpected } = member.spec.cases[0];
    const broken = await put(JSON.stringify({ ...fetched, spec: { ...member, spec: { ...member.spec, cases: [noExpected, ...member.spec.cases.slice(1)] } } }));
    expect(broken.status).toBe(400);
    expect(Object.keys((await broken.json()).fields)).toEqual(['spec.spec.cases.0.expected']);
    const otherKit = await put(JSON.stringify({ kit: 'bash-kit', spec: member.spec }));
    expect(otherKit.status).toBe(400);
    expect((await otherKit.json()).error).toBe('This spec is for the kit "bash-kit", but this question\'s harness is built by "python-kit".');
  });

  it('refuses GET\'s answer sent back after someone else saved the material, with 409, storing nothing', async () => {
    const fetched = await (await get()).json();
    const withWhy = (why: string) => ({ ...fetched, spec: { ...fetched.spec, spec: { ...fetched.spec.spec, cases: fetched.spec.spec.cases.map((c: object, i: number) => (i === 0 ? { ...c, why } : c)) } } });
    // Another admin saves in between, from the page.
    await saveQuestionMaterial({ actor: admin, input: { questionId, material: { rubric: null, harness: { name: SLUG, version: 1 }, modelAnswer: 'Theirs.', starterCode: null, validation: { kind: 'code', reference: 'def canary_verdict(b, c, p): pass', badVariants: [] } } } });
    const stale = await put(JSON.stringify(withWhy('stale edit')));
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toBe("Someone else saved this question's grading material after you opened it. Reload to see their changes; your edits are still in the form.");
    expect(await storedSpec()).toBeNull();
    // Fetched again, the same edit goes through; so does a spec sent without a revision.
    const fresh = await (await get()).json();
    expect((await put(JSON.stringify({ ...withWhy('fresh edit'), revision: fresh.revision }))).status).toBe(200);
    expect(await storedSpec()).toMatchObject({ spec: { cases: expect.arrayContaining([expect.objectContaining({ why: 'fresh edit' })]) } });
    expect((await put(JSON.stringify(shipped))).status).toBe(200);
    expect((await put(JSON.stringify({ ...fresh, revision: 42 }))).status).toBe(400);
  });

  it('says a spec nested too deeply to read is that, not that it is too big or not JSON', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const response = await put(JSON.stringify({ ...shipped, cases: 'x' }).replace('"x"', deep));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe(`The spec nests arrays and objects more than ${MAX_JSON_NESTING} levels deep; nothing here needs that many.`);
    expect(await storedSpec()).toBeNull();
  });

  it('saves a good spec as the draft\'s own, clearing its validation', async () => {
    await prisma.questionVersion.updateMany({ where: { questionId }, data: { validationResult: { passed: true }, validatedAt: new Date() } });
    const edited = { ...shipped, cases: shipped.cases.map((c, i) => (i === 0 ? { ...c, why: 'edited by an admin' } : c)) };
    const response = await put(JSON.stringify(edited, null, 2));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ versionId: expect.any(String), version: 1, created: false, changed: true, revision: expect.any(String) });
    expect(await storedSpec()).toMatchObject({ kit: 'python-kit', spec: { cases: expect.arrayContaining([expect.objectContaining({ why: 'edited by an admin' })]) } });
    expect(await prisma.questionVersion.findFirstOrThrow({ where: { questionId }, select: { validatedAt: true } })).toEqual({ validatedAt: null });
    expect(await (await get()).json()).toMatchObject({ isBuiltIn: false });
  });
});
