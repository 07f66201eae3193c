// gradeAnswer: validates the request, dispatches by kind, and turns every unexpected failure into
// an infra_error result (our failure, never the candidate's). The written grader is the real one;
// the code grader is faked here (the sandbox is exercised by the integration tests).
import { describe, expect, it } from 'vitest';
import type { GradeResult } from '@/grading/contract';
import { GradeRequestSchema, gradeAnswer, type Graders } from '@/grading/grade-answer';
import { GRADER_REVISION } from '@/grading/grader-revision';
import { gradeWritten } from '@/grading/written/grade-written';

const rubric = {
  id: 'canary-vs-blue-green',
  version: 3,
  passScore: 60,
  concepts: [
    {
      id: 'traffic-split',
      name: 'Routes a small share of traffic to the canary',
      weight: 2,
      description: 'A canary gets a small percentage of real traffic first.',
      phrasings: ['small percentage of traffic', '5% of traffic', 'weighted routing'],
      followUp: 'How would you send exactly 5% of requests to the new version?',
    },
    {
      id: 'blue-green',
      name: 'Contrasts with blue-green',
      weight: 1,
      description: 'Blue-green switches all traffic between two full environments at once.',
      phrasings: ['blue green', 'two environments', 'switch all traffic'],
      followUp: 'How does blue-green differ from a canary?',
    },
  ],
};

const canaryOnly =
  'A canary release sends 5% of traffic to the new version while the rest stays on the old one, and we compare their error rates before going further.';

const codeResult: GradeResult = {
  status: 'failed',
  score: 50,
  message: '2 of 4 tests passed.',
  tests: [{ name: 'pulls the image', status: 'pass', message: '' }],
  advice: [],
  gradedVersion: 'harness:bash-deploy@2',
  durationMs: 120,
};

function fakeGraders(code: Graders['code']): Graders {
  return { written: gradeWritten, code };
}

describe('gradeAnswer', () => {
  it('grades a written answer with the real rubric grader: covered and missed concepts', async () => {
    const result = await gradeAnswer({ kind: 'written', answer: canaryOnly, rubric });
    expect(result.status).toMatch(/^(passed|failed)$/);
    expect(result.tests.map((t) => [t.concept, t.status])).toEqual([
      ['traffic-split', 'pass'],
      ['blue-green', 'fail'],
    ]);
    expect(result.tests[1]?.followUp).toBe('How does blue-green differ from a canary?');
    expect(result.gradedVersion).toContain('canary-vs-blue-green');
  });

  it('hands bash and python answers to the code grader with their harness', async () => {
    const seen: unknown[] = [];
    const graders = fakeGraders(async (request) => {
      seen.push(request);
      return codeResult;
    });
    await expect(gradeAnswer({ kind: 'bash', answer: 'echo hi', harness: { name: 'bash-deploy', version: 2 } }, graders)).resolves.toEqual({ ...codeResult, graderRevision: GRADER_REVISION });
    await gradeAnswer({ kind: 'python', answer: 'def f(): pass', harness: { name: 'py-manifests', version: 1 } }, graders);
    expect(seen).toEqual([
      { kind: 'bash', answer: 'echo hi', harness: { name: 'bash-deploy', version: 2 } },
      { kind: 'python', answer: 'def f(): pass', harness: { name: 'py-manifests', version: 1 } },
    ]);
  });

  it('turns a grader that throws into an infra_error naming the cause, never the candidate’s failure', async () => {
    const graders = fakeGraders(async () => {
      throw new Error('bwrap: setting up uid map: Permission denied');
    });
    const result = await gradeAnswer({ kind: 'python', answer: 'x = 1', harness: { name: 'py-manifests', version: 1 } }, graders);
    expect(result).toMatchObject({
      status: 'infra_error',
      score: 0,
      message: 'The python grader failed: bwrap: setting up uid map: Permission denied',
      tests: [],
      gradedVersion: 'harness:py-manifests@1',
    });
  });

  it('names the rubric version in the infra_error when the written grader throws', async () => {
    const graders: Graders = {
      written: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
      code: async () => codeResult,
    };
    const result = await gradeAnswer({ kind: 'written', answer: canaryOnly, rubric }, graders);
    expect(result).toMatchObject({
      status: 'infra_error',
      message: 'The written grader failed: Maximum call stack size exceeded',
      gradedVersion: 'rubric:canary-vs-blue-green@3',
    });
  });

  it('turns a result that breaks the contract into an infra_error', async () => {
    const graders = fakeGraders(async () => ({ ...codeResult, score: 250 }));
    const result = await gradeAnswer({ kind: 'bash', answer: 'true', harness: { name: 'bash-deploy', version: 2 } }, graders);
    expect(result.status).toBe('infra_error');
    expect(result.message).toMatch(/^The bash grader returned an invalid result/);
  });

  it('turns an invalid request (unknown kind, broken rubric, missing harness) into an infra_error that says what is wrong', async () => {
    const cases: [unknown, RegExp][] = [
      [{ kind: 'ruby', answer: 'puts 1' }, /^Invalid grade request: kind: /],
      [{ kind: 'written', answer: 'text', rubric: { ...rubric, concepts: [] } }, /rubric\.concepts: A rubric needs at least one concept\./],
      [{ kind: 'bash', answer: 'true' }, /harness/],
      [null, /^Invalid grade request/],
    ];
    for (const [request, message] of cases) {
      const result = await gradeAnswer(request);
      expect(result.status).toBe('infra_error');
      expect(result.message).toMatch(message);
    }
  });

  it('parses requests with GradeRequestSchema, discriminated on kind', () => {
    expect(GradeRequestSchema.safeParse({ kind: 'written', answer: 'a', rubric }).success).toBe(true);
    expect(GradeRequestSchema.safeParse({ kind: 'written', answer: 'a', harness: { name: 'x', version: 1 } }).success).toBe(false);
    expect(GradeRequestSchema.safeParse({ kind: 'python', answer: 'a', harness: { name: 'x', version: 0 } }).success).toBe(false);
  });
});
