// Shared fixtures for the admin integration tests: an admin, a topic, written material that
// passes or fails validation, and graders (the real rubric grader; a scripted code grader for
// tests that are about versions, not the sandbox).
import { gradeCode } from '@/grading/code/grade-code';
import type { GradeResult } from '@/grading/contract';
import { gradeWritten } from '@/grading/written/grade-written';
import { prisma } from '@/server/db';
import type { ValidationGraders } from '@/server/curation/run-validation';
import type { MaterialInput } from '@/server/curation/schemas';

export const STRONG = 'A canary release sends a small share of traffic to the new version first. When its error rate rises we roll back at once to the old version.';
export const WEAK = 'I would deploy it on a Friday afternoon and hope that nothing at all goes wrong with it.';

export async function makeAdmin(email = 'admin@example.com') {
  return prisma.user.create({ data: { email, role: 'ADMIN' }, select: { id: true, email: true } });
}

export async function makeTopic(slug = 'ops') {
  return prisma.topic.create({ data: { slug, name: 'Operations', description: 'Running software.' }, select: { id: true, slug: true } });
}

export function writtenMaterial({ weakAnswer = WEAK, modelAnswer = 'Canaries first, then everyone.' } = {}): MaterialInput {
  return {
    rubric: {
      id: 'canary',
      version: 1,
      passScore: 60,
      concepts: [
        { id: 'traffic-split', name: 'Traffic split', weight: 1, description: 'Send a small share first.', phrasings: ['small share of traffic'], followUp: 'How do you route it?' },
        { id: 'rollback', name: 'Rollback', weight: 1, description: 'Undo quickly.', phrasings: ['roll back'], followUp: 'How fast can you undo it?' },
      ],
    },
    harness: null,
    modelAnswer,
    starterCode: null,
    validation: {
      kind: 'written',
      calibration: [
        { label: 'strong', band: { min: 80, max: 100 }, answer: STRONG },
        // Given the strong text as its answer, this sample scores 100 and breaks validation.
        { label: 'weak', band: { min: 0, max: 40 }, answer: weakAnswer },
      ],
    },
  };
}

const passed: GradeResult = { status: 'passed', score: 100, message: 'ok', tests: [{ name: 't', status: 'pass', message: '' }], advice: [], gradedVersion: 'harness:x@1', durationMs: 1 };

// The real graders, except for code marked "# scripted: pass" or "# scripted: fail", which gets
// that result without a sandbox (for tests about versions and bundles, not harnesses).
export const graders: ValidationGraders = {
  written: gradeWritten,
  code: async (request) => {
    if (request.answer.startsWith('# scripted: pass')) return passed;
    if (request.answer.startsWith('# scripted: fail')) return { ...passed, status: 'failed', score: 0, tests: [{ name: 't', status: 'fail', message: 'no' }] };
    return gradeCode(request);
  },
};
