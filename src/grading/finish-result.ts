// The last step before a GradeResult leaves the grader: stamped with the grader's revision, every
// string made storable, then the whole result held under its size cap. Idempotent, so applying it
// twice (code grader, then the entry point) changes nothing.
import { capResult } from './cap-result';
import type { GradeResult } from './contract';
import { GRADER_REVISION } from './grader-revision';
import { storableResult } from './storable-text';

export function finishResult(result: GradeResult): GradeResult {
  return capResult(storableResult({ ...result, graderRevision: GRADER_REVISION }));
}
