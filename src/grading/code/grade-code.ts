// The code grader: picks the harness a question names and runs the answer through it, sandboxed.
// An unknown harness, a kind that does not match it, or a version we do not have is an
// infra_error (our content is wrong, not the candidate's answer).
import { MAX_CODE_ANSWER_BYTES, type GradeResult } from '../contract';
import { BASH_DEPLOY_VERSION, gradeBashDeploy } from '../harnesses/bash-deploy/grade-bash-deploy';
import { gradePythonCompareManifests, PYTHON_COMPARE_MANIFESTS_VERSION } from '../harnesses/python-compare-manifests/grade-python-compare-manifests';

export type CodeGradeRequest = {
  kind: 'bash' | 'python';
  answer: string;
  harness: { name: string; version: number };
};

export type GradeCodeOptions = {
  // 'bare' runs without the jail: only for benchmarking our own reference solutions.
  runner?: 'sandbox' | 'bare';
  // shellcheck advice for Bash answers (on by default).
  advice?: boolean;
};

type Harness = {
  kind: 'bash' | 'python';
  versions: number[];
  grade: (answer: string, options: GradeCodeOptions & { gradedVersion: string }) => Promise<GradeResult>;
};

export const HARNESSES: Record<string, Harness> = {
  'bash-deploy': { kind: 'bash', versions: [BASH_DEPLOY_VERSION], grade: gradeBashDeploy },
  'python-compare-manifests': { kind: 'python', versions: [PYTHON_COMPARE_MANIFESTS_VERSION], grade: gradePythonCompareManifests },
};

export async function gradeCode(request: CodeGradeRequest, options: GradeCodeOptions = {}): Promise<GradeResult> {
  const gradedVersion = `harness:${request.harness.name}@${request.harness.version}`;
  const infra = (message: string): GradeResult => ({ status: 'infra_error', score: 0, message, tests: [], advice: [], gradedVersion, durationMs: 0 });
  const harness = Object.hasOwn(HARNESSES, request.harness.name) ? HARNESSES[request.harness.name] : undefined;
  if (!harness) return infra(`Unknown harness "${request.harness.name}"`);
  if (harness.kind !== request.kind) return infra(`Harness "${request.harness.name}" grades ${harness.kind} answers, not ${request.kind}`);
  if (!harness.versions.includes(request.harness.version)) {
    return infra(`Harness "${request.harness.name}" has no version ${request.harness.version} (have ${harness.versions.join(', ')})`);
  }
  if (Buffer.byteLength(request.answer, 'utf8') > MAX_CODE_ANSWER_BYTES) {
    return {
      status: 'error',
      score: 0,
      message: `The answer is larger than ${MAX_CODE_ANSWER_BYTES} bytes.`,
      tests: [],
      advice: [],
      gradedVersion,
      durationMs: 0,
    };
  }
  return harness.grade(request.answer, { ...options, gradedVersion });
}
