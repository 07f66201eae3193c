// The graders validation uses outside tests: the rubric grader and the code grader in the real
// bubblewrap sandbox. Kept apart from run-validation.ts so unit tests can pass their own.
import { gradeCode } from '@/grading/code/grade-code';
import { gradeWritten } from '@/grading/written/grade-written';
import type { ValidationGraders } from './run-validation';

export const realGraders: ValidationGraders = {
  written: (request) => gradeWritten(request),
  code: (request) => gradeCode(request),
};
