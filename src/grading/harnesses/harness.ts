// What a code harness is: a named, versioned set of tests for one kind of answer. It runs the
// answer through a sandbox driver and reports per-test results, or a fatal outcome when the
// answer never got as far as the tests (syntax error) or we failed (sandbox broken).
import type { AnswerSyntax } from '../code/shellcheck-advice';
import type { CodeKind } from '../code/code-kind';
import type { TestResult } from '../contract';
import type { SandboxDriver } from '../sandbox/sandbox-driver';

export type HarnessOutcome =
  | { kind: 'tests'; tests: TestResult[] }
  | { kind: 'error'; message: string; tests: TestResult[] }
  | { kind: 'infra_error'; message: string };

// `visibleOnly`: Run before Submit (issue 12). Only the tests the candidate can see run, under the
// same limits; hidden tests' inputs never enter the jail and hidden tests are left out of the result.
export type HarnessRunOptions = {
  visibleOnly?: boolean;
  // Bash: the answer's bash -n verdict from the ShellCheck jail, which gradeCode runs beside the
  // harness (shellcheck-advice.ts, checkBashAnswer); null or absent, the harness runs its own.
  syntax?: Promise<AnswerSyntax | null>;
};

export type Harness = {
  name: string;
  version: number;
  answerKind: CodeKind;
  run(answer: string, driver: SandboxDriver, options?: HarnessRunOptions): Promise<HarnessOutcome>;
};
