// A compare_manifests test judged from the reported value: a visible test explains itself in
// full; a hidden one says only its name and a reason category, whatever the report contains.
import { describe, expect, it } from 'vitest';
import { HIDDEN_REASONS, judgeManifestCase } from '@/grading/harnesses/python-compare-manifests/judge-manifest-case';
import type { ManifestCase } from '@/grading/harnesses/python-compare-manifests/manifest-cases';
import type { PythonReport } from '@/grading/harnesses/python-compare-manifests/python-session';

const visible: ManifestCase = { name: 'v', hidden: false, input: [{ a: 'INPUT' }, {}], expected: true, why: 'WHY' };
const hidden: ManifestCase = { ...visible, name: 'h', hidden: true };
const report = (fields: Partial<PythonReport>): PythonReport => ({ ok: true, type: 'bool', value: false, repr: 'False', stdout: 'OUT INPUT', stderr: '', ...fields });

describe('judgeManifestCase', () => {
  it('tells a visible test what was returned, what was expected and why, with its output', () => {
    expect(judgeManifestCase(visible, report({}), 'not run', 2)).toEqual({ name: 'v', status: 'fail', message: 'returned False, expected True: WHY', output: 'OUT INPUT', outputTruncated: false });
    expect(judgeManifestCase(visible, report({ ok: false, error: "KeyError: 'INPUT'", traceback: 'TB' }), '', 2).message).toBe("raised KeyError: 'INPUT': WHY");
  });

  it('gives a hidden test a category only: no input, expected value, rule, exception text or output', () => {
    const cases: [Partial<PythonReport>, string, string][] = [
      [{}, 'fail', HIDDEN_REASONS.wrong],
      [{ type: 'str', value: null, repr: "'INPUT'" }, 'fail', HIDDEN_REASONS.notBool],
      [{ ok: false, error: "KeyError: 'INPUT'", traceback: 'INPUT' }, 'error', HIDDEN_REASONS.raised],
      [{ ok: false, timedOut: true }, 'error', HIDDEN_REASONS.timedOut],
      [{ ok: false, crashed: true }, 'error', HIDDEN_REASONS.crashed],
      [{ value: true, repr: 'True' }, 'pass', ''],
    ];
    for (const [fields, status, message] of cases) {
      expect(judgeManifestCase(hidden, report(fields), 'not run', 2)).toEqual({ name: 'h', hidden: true, status, message });
    }
  });

  it('says why a test did not run when nothing was reported', () => {
    expect(judgeManifestCase(hidden, null, 'not run: it ran out of memory', 2)).toEqual({ name: 'h', hidden: true, status: 'error', message: 'not run: it ran out of memory' });
  });
});
