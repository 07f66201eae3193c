// The code grader: finds the harness a question names, runs the answer through it in the sandbox
// and turns what it saw into a GradeResult. Our failures (unknown harness, wrong version, sandbox
// missing or broken) are infra_error with a message that says how to fix them; the candidate is
// never blamed for them. Candidate code runs only through `driver`, which is the bubblewrap jail
// unless a unit test passes a fake.
import type { CodeKind } from './code-kind';
import { MAX_CODE_ANSWER_BYTES, type GradeResult } from '../contract';
import { finishResult } from '../finish-result';
import { findHarness, HARNESSES } from '../harnesses/find-harness';
import { harnessFromSpec } from '../harnesses/harness-from-spec';
import type { HarnessSpec } from '../harnesses/harness-spec';
import type { SandboxDriver } from '../sandbox/sandbox-driver';
import { defaultDriver } from './default-driver';
import type { HarnessRef } from './harness-ref';
import { checkBashAnswer, prestartWarmBashCheck } from './shellcheck-advice';
import { summarizeTests } from './summarize-tests';

// `visibleOnly`: Run before Submit — only the visible tests run (same harness, same limits).
// `spec`: the spec stored on the question version (docs/decisions/021), already checked with
// HarnessSpecSchema; the harness is built from it instead of found by name.
export type CodeGradeRequest = { kind: CodeKind; answer: string; harness: HarnessRef; spec?: HarnessSpec; visibleOnly?: boolean };

export async function gradeCode(request: CodeGradeRequest, driver: SandboxDriver = defaultDriver()): Promise<GradeResult> {
  const started = performance.now();
  const gradedVersion = `harness:${request.harness.name}@${request.harness.version}`;
  // Everything a run produced is hostile text: made storable and capped before it leaves.
  const result = (fields: Pick<GradeResult, 'status' | 'score' | 'message' | 'tests'> & { advice?: string[] }): GradeResult =>
    finishResult({
      advice: [],
      ...fields,
      gradedVersion,
      durationMs: Math.round(performance.now() - started),
    });
  const infra = (message: string) => result({ status: 'infra_error', score: 0, message, tests: [] });
  const harness = request.spec ? harnessFromSpec(request.spec) : findHarness(request.harness.name);
  if (!harness) return infra(`No harness named "${request.harness.name}" (this grader has ${HARNESSES.map((h) => h.name).join(', ')}).`);
  if (request.spec && (harness.name !== request.harness.name || harness.version !== request.harness.version)) {
    return infra(`The stored spec builds harness "${harness.name}" version ${harness.version}, but the question names "${request.harness.name}" version ${request.harness.version}. Save the question's material again to make them agree.`);
  }
  if (harness.answerKind !== request.kind) return infra(`Harness "${harness.name}" grades ${harness.answerKind} answers, not ${request.kind}.`);
  if (harness.version !== request.harness.version) {
    return infra(`Harness "${harness.name}" is at version ${harness.version}; version ${request.harness.version} was requested. Deploy the grader that has it, or move the question to version ${harness.version}.`);
  }
  if (Buffer.byteLength(request.answer, 'utf8') > MAX_CODE_ANSWER_BYTES) {
    return result({ status: 'error', score: 0, message: `The answer is larger than ${MAX_CODE_ANSWER_BYTES / 1024} KiB.`, tests: [] });
  }
  // ShellCheck runs in its own jail, alongside the harness's, and bash -n before it there: the
  // harness takes that verdict instead of starting a jail for it.
  const checked = request.kind === 'bash' ? checkBashAnswer(request.answer, driver) : null;
  const advice = checked ? checked.then((c) => c.advice) : Promise.resolve([]);
  const outcome = await harness.run(request.answer, driver, { visibleOnly: request.visibleOnly === true, ...(checked ? { syntax: checked.then((c) => c.syntax) } : {}) });
  // The next Bash grading's check jail starts once this one's has ended (off this grading's path),
  // whether it succeeded or not (a rejection here would be unhandled).
  const startNextCheck = () => prestartWarmBashCheck(driver);
  if (checked) void checked.then(startNextCheck, startNextCheck);
  if (outcome.kind === 'infra_error') return infra(outcome.message);
  if (outcome.kind === 'error') return result({ status: 'error', score: 0, message: outcome.message, tests: outcome.tests, advice: await advice });
  return result({ ...summarizeTests(outcome.tests), tests: outcome.tests, advice: await advice });
}
