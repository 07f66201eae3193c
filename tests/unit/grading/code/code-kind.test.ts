// A stored answer kind becomes the grade request's kind in one place; the worker's request
// builder uses it, so a CONFIG attempt reaches the configuration harness as kind "config".
import { describe, expect, it } from 'vitest';
import { codeKindOf } from '@/grading/code/code-kind';
import { GradeRequestSchema } from '@/grading/grade-answer';
import { buildGradeRequest } from '@/worker/build-grade-request';

describe('codeKindOf', () => {
  it('maps each code answer kind to its request kind', () => {
    expect([codeKindOf('BASH'), codeKindOf('PYTHON'), codeKindOf('CONFIG')]).toEqual(['bash', 'python', 'config']);
  });

  it('gives the worker a valid config grade request for a CONFIG attempt', () => {
    const built = buildGradeRequest({ answerKind: 'CONFIG', answer: 'kind: Deployment\n', material: { version: 1, rubric: null, harness: { name: 'config-kubernetes-zero-downtime', version: 1 } } });
    expect(built).toEqual({ request: { kind: 'config', answer: 'kind: Deployment\n', harness: { name: 'config-kubernetes-zero-downtime', version: 1 } } });
    expect(GradeRequestSchema.safeParse('request' in built ? built.request : null).success).toBe(true);
  });
});
