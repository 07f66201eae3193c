// The validation graders for requests to the web app (Validate, bundle import): written answers
// are graded here (no code runs), code on the run pool (the runner under `npm start`; decision
// 015), never in the web process. Command-line imports and tests use curation/real-graders.ts.
import { gradeWritten } from '@/grading/written/grade-written';
import type { ValidationGraders } from '@/server/curation/run-validation';
import { gradeValidationInRunPool } from './run-pool';

export const runPoolGraders: ValidationGraders = {
  written: (request) => gradeWritten(request),
  code: (request) => gradeValidationInRunPool(request),
};
