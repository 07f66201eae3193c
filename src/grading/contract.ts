// The grading contract: what goes into a grader and what comes out. Plain data, validated with
// zod at the worker's edge. The result follows exercism's results.json (overall status, message,
// ordered tests) plus what a rubric needs (concept, weight, evidence, follow-up).
// No Next.js, React or Prisma may be imported anywhere under src/grading/.
import { z } from 'zod';

// No eval-compiled parsers: the browser's CSP forbids eval, and zod's probe for it is reported as
// a violation (see src/lib/text-field.ts, which sets the same for the domain schemas).
z.config({ jitless: true });

// Kept below the web limits so a stored attempt always fits through the grader.
export const MAX_WRITTEN_ANSWER_CHARS = 20_000;
export const MAX_CODE_ANSWER_BYTES = 64 * 1024;
// Output captured per test (stdout, stderr, traces) is capped and marked when cut.
export const MAX_TEST_OUTPUT_CHARS = 4_000;

export const GradeStatusSchema = z.enum(['passed', 'failed', 'error', 'infra_error']);
export type GradeStatus = z.infer<typeof GradeStatusSchema>;

export const TestResultSchema = z.object({
  name: z.string(),
  status: z.enum(['pass', 'fail', 'error']),
  // Why it matters, in words a candidate understands (for a rubric: the concept's description).
  message: z.string().default(''),
  // Captured stdout/stderr, traceback or call trace; capped at MAX_TEST_OUTPUT_CHARS.
  output: z.string().optional(),
  outputTruncated: z.boolean().optional(),
  // Calls the harness fakes recorded, in order (Bash harness).
  calls: z.array(z.string()).optional(),
  // Hidden tests show their name but not their inputs until the candidate passes.
  hidden: z.boolean().optional(),
  // Rubric checks.
  concept: z.string().optional(),
  weight: z.number().optional(),
  evidence: z.string().optional(),
  followUp: z.string().optional(),
  // Written rubric v2 (docs/decisions/006): how much of the concept the answer states, claim by
  // claim, and any wrong statement quoted with its correction.
  coverage: z.enum(['covered', 'partial', 'missing', 'contradicted']).optional(),
  claims: z
    .array(z.object({ id: z.string(), text: z.string(), status: z.enum(['met', 'partial', 'missing', 'contradicted']), evidence: z.string().optional() }))
    .optional(),
  misconceptions: z.array(z.object({ id: z.string(), text: z.string(), quote: z.string(), correction: z.string(), penalty: z.number() })).optional(),
});
export type TestResult = z.infer<typeof TestResultSchema>;
export type Coverage = NonNullable<TestResult['coverage']>;

// How much of a concept a result states. Results graded before rubric format 2 (and code tests)
// have no coverage: a passed check was covered, a failed one missed.
export const coverageOf = (t: TestResult): Coverage => t.coverage ?? (t.status === 'pass' ? 'covered' : 'missing');

export const GradeResultSchema = z.object({
  status: GradeStatusSchema,
  score: z.number().int().min(0).max(100),
  message: z.string(),
  tests: z.array(TestResultSchema),
  // Advice that never changes the score (shellcheck findings, "list of terms" warnings).
  advice: z.array(z.string()).default([]),
  // What the answer was graded against, e.g. "rubric:canary-vs-blue-green@3" or "harness:bash-deploy@2".
  gradedVersion: z.string(),
  // Which grader source produced it (grader-revision.ts): two grades under the same gradedVersion
  // can differ when a checker was corrected without a version bump (decision 023).
  graderRevision: z.string().max(40).optional(),
  durationMs: z.number().nonnegative(),
  // Written answers: which grader produced the result ("offline", or "llm:<model>"), and any note
  // about it (e.g. the judge timed out and the offline grader stands).
  grader: z.string().optional(),
  graderNote: z.string().optional(),
  // Written answers: "n of m concepts covered".
  conceptsCovered: z.number().int().nonnegative().optional(),
  conceptsTotal: z.number().int().nonnegative().optional(),
});
export type GradeResult = z.infer<typeof GradeResultSchema>;
