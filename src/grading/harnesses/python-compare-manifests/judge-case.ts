// Turns one runner report into a test verdict by comparing with the expected value (Node only).
import type { ManifestCase } from './cases';

export type CaseReport = {
  id: string;
  outcome: 'value' | 'exception' | 'crash' | 'timeout' | 'import_error';
  value?: unknown;
  type?: string;
  error?: string;
  exit?: string;
  seconds?: number;
  output?: string;
};

export type CaseVerdict = { status: 'pass' | 'fail' | 'error'; message: string; output?: string };

export function judgeCase(testCase: ManifestCase, report: CaseReport | undefined, runTimedOut: boolean): CaseVerdict {
  if (!report) {
    return { status: 'error', message: runTimedOut ? 'the run hit its time limit before this test ran' : 'this test did not report: the run was interrupted' };
  }
  const printed = report.output ?? '';
  switch (report.outcome) {
    case 'timeout':
      return { status: 'error', message: `timed out after ${report.seconds ?? '?'} s`, output: printed };
    case 'import_error': {
      const error = report.error ?? '';
      const lastLine = error.trim().split('\n').pop() ?? 'the module could not be imported';
      return { status: 'error', message: lastLine, output: `${printed}${error}` };
    }
    case 'crash':
      return { status: 'error', message: report.exit ?? 'the process exited unexpectedly', output: printed };
    case 'exception': {
      const lastLine = (report.error ?? '').trim().split('\n').pop() ?? 'an exception';
      return { status: 'fail', message: `raised ${lastLine}: ${testCase.consequence}`, output: `${printed}${report.error ?? ''}` };
    }
    case 'value': {
      if (report.type === 'bool' && report.value === testCase.expected) return { status: 'pass', message: '', output: printed };
      const got = report.type === 'bool' ? (report.value ? 'True' : 'False') : `${JSON.stringify(report.value)} (${report.type})`;
      return { status: 'fail', message: `returned ${got}, expected ${testCase.expected ? 'True' : 'False'}: ${testCase.consequence}`, output: printed };
    }
    default:
      return { status: 'error', message: 'the harness sent an unreadable report' };
  }
}
