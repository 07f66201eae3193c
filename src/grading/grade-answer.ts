// The one entry point the worker (and `npm run grade`) grades through: validates a grade request,
// dispatches it to the written or code grader, and validates what comes back. Anything unexpected
// (an invalid request, a grader that throws or returns nonsense) becomes an infra_error result:
// our failure, never the candidate's, and the worker retries it.
import { z } from 'zod';
import { GradeResultSchema, type GradeResult } from './contract';
import { finishResult } from './finish-result';
import { gradeCode } from './code/grade-code';
import { HarnessRefSchema } from './code/harness-ref';
import { HarnessSpecSchema } from './harnesses/harness-spec';
import { gradeWritten } from './written/grade-written';
import type { JudgeConfig } from './written/judge/judge-config';
import { gradeWithJudge } from './written/judge/grade-with-judge';
import { RubricSchema } from './written/rubric';
import { errorMessage } from '@/lib/error-message';


// `visibleOnly`: Run before Submit runs the visible tests only (never stored as an attempt).
// `spec`: the harness spec stored on the question version (docs/decisions/021), checked again
// here, size first, because it crossed a process boundary from the database.
const CodeRequestFields = { answer: z.string(), harness: HarnessRefSchema, spec: HarnessSpecSchema.optional(), visibleOnly: z.boolean().optional() };

export const GradeRequestSchema = z.discriminatedUnion('kind', [
  // `prompt`: the question, so that an answer reading it back earns nothing for it.
  z.object({ kind: z.literal('written'), answer: z.string(), rubric: RubricSchema, prompt: z.string().max(20_000).optional() }),
  z.object({ kind: z.literal('bash'), ...CodeRequestFields }),
  z.object({ kind: z.literal('python'), ...CodeRequestFields }),
  z.object({ kind: z.literal('config'), ...CodeRequestFields }),
]);
export type GradeRequest = z.infer<typeof GradeRequestSchema>;

export type Graders = {
  written: typeof gradeWritten;
  code: typeof gradeCode;
};

const realGraders: Graders = { written: gradeWritten, code: gradeCode };

// `request` is untrusted data (rubrics and harness refs come from the database), hence `unknown`.
// `options.judge`: the optional language-model judge for written answers (docs/decisions/006).
export async function gradeAnswer(request: unknown, graders: Graders = realGraders, options: { judge?: JudgeConfig } = {}): Promise<GradeResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const parsed = GradeRequestSchema.safeParse(request);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
    return infraErrorResult({ message: `Invalid grade request: ${problems}`, gradedVersion: '', durationMs: elapsed() });
  }
  const req = parsed.data;
  // What the request would be graded against, for an infra_error result (graders name it the same way).
  const gradedVersion = req.kind === 'written' ? `rubric:${req.rubric.id}@${req.rubric.version}` : `harness:${req.harness.name}@${req.harness.version}`;
  try {
    const result =
      req.kind === 'written'
        ? options.judge
          ? await gradeWithJudge({ answer: req.answer, rubric: req.rubric, judge: options.judge, prompt: req.prompt })
          : graders.written({ answer: req.answer, rubric: req.rubric, prompt: req.prompt })
        : await graders.code({ kind: req.kind, answer: req.answer, harness: req.harness, ...(req.spec ? { spec: req.spec } : {}), ...(req.visibleOnly ? { visibleOnly: true } : {}) });
    const checked = GradeResultSchema.safeParse(result);
    // Storable and under the size cap whatever the grader let through.
    if (checked.success) return finishResult(checked.data);
    return infraErrorResult({
      message: `The ${req.kind} grader returned an invalid result: ${checked.error.issues[0]?.message ?? 'unknown problem'}`,
      gradedVersion,
      durationMs: elapsed(),
    });
  } catch (error) {
    const detail = errorMessage(error);
    return infraErrorResult({ message: `The ${req.kind} grader failed: ${detail}`, gradedVersion, durationMs: elapsed() });
  }
}

// A result that says grading itself failed; the message is for logs and the job's lastError.
export function infraErrorResult({
  message,
  gradedVersion,
  durationMs = 0,
}: {
  message: string;
  gradedVersion: string;
  durationMs?: number;
}): GradeResult {
  return finishResult({ status: 'infra_error', score: 0, message, tests: [], advice: [], gradedVersion, durationMs });
}
