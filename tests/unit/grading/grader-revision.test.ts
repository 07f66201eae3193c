// The recorded grader revision must match the grader's source, or stored grades would name a
// checker that never ran. If this fails after a change under src/grading: npm run grader:revision.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeAnswer } from '@/grading/grade-answer';
import { GRADER_REVISION } from '@/grading/grader-revision';
import { graderRevisionHash } from '../../../scripts/lib/grader-revision-hash';

const root = path.resolve(import.meta.dirname, '../../..');

describe('grader revision', () => {
  it('matches the source under src/grading (run npm run grader:revision after changing it)', () => {
    expect(GRADER_REVISION, 'src/grading changed: run npm run grader:revision').toBe(graderRevisionHash(root));
  });

  it('stamps every result, a graded one and one that could not be graded', async () => {
    const rubric = { id: 'tiny', version: 1, passScore: 50, concepts: [{ id: 'rollback', label: 'Rollback', weight: 1, patterns: ['roll back'] }] };
    const graded = await gradeAnswer({ kind: 'written', answer: 'We roll back when the error rate climbs after a deploy, every time.', rubric });
    expect(graded.graderRevision).toBe(GRADER_REVISION);
    const refused = await gradeAnswer({ kind: 'nonsense' });
    expect(refused).toMatchObject({ status: 'infra_error', graderRevision: GRADER_REVISION });
  });
});
