import type { ValidationCheck } from '@/server/curation/schemas';

// The line above a validation's list of checks. It counts, it does not quote: the stored summary
// is the failed checks' messages joined (what the publish refusal and an import's errors say), so
// the panel showing it above the list said the first failure twice.
export function validationHeadline(checks: ValidationCheck[]): string {
  const failed = checks.filter((check) => !check.passed).length;
  const total = checks.length;
  if (total === 0) return 'No checks ran.';
  // Material checks fail before any grader runs: a missing rubric, sample, harness or reference.
  if (checks.every((check) => check.kind === 'material' && !check.passed)) return 'Validation could not run:';
  if (failed === 0) return total === 1 ? 'The only check passed.' : `All ${total} checks passed.`;
  if (total === 1) return 'The only check failed:';
  return failed === total ? `All ${total} checks failed:` : `${failed} of ${total} checks failed:`;
}
