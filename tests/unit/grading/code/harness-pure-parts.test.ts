// Pure parts of the code graders: call-log parsing, replay, verdicts, shellcheck formatting,
// read-back parsing, output capping, bwrap arguments.
import { describe, it, expect } from 'vitest';
import { judgeScenario } from '@/grading/harnesses/bash-deploy/judge-scenario';
import { formatCall, parseCallLog } from '@/grading/harnesses/bash-deploy/parse-call-log';
import { replayCalls } from '@/grading/harnesses/bash-deploy/replay-calls';
import { SCENARIOS, TARGET_IMAGE } from '@/grading/harnesses/bash-deploy/scenarios';
import { formatFindings } from '@/grading/harnesses/bash-deploy/shellcheck-advice';
import { CASES } from '@/grading/harnesses/python-compare-manifests/cases';
import { judgeCase } from '@/grading/harnesses/python-compare-manifests/judge-case';
import { buildBwrapArgs } from '@/grading/sandbox/bwrap-args';
import { CappedBuffer } from '@/grading/sandbox/capped-buffer';
import { parseReadBack } from '@/grading/sandbox/parse-read-back';
import { DEFAULT_LIMITS } from '@/grading/sandbox/sandbox-spec';
import { gradeCode } from '@/grading/code/grade-code';

const scenario = (id: string) => SCENARIOS.find((s) => s.id === id)!;
const call = (tool: 'docker' | 'systemctl', ...args: string[]) => ({ tool, args });

describe('parseCallLog', () => {
  it('keeps only lines with the run nonce', () => {
    const log = `n1\x1fdocker\x1fpull\x1fimg:1\nforged\x1fsystemctl\x1fstop\x1fmyapp\nn1\x1fsystemctl\x1frestart\x1fmyapp\n`;
    expect(parseCallLog(log, 'n1')).toEqual([call('docker', 'pull', 'img:1'), call('systemctl', 'restart', 'myapp')]);
    expect(formatCall(call('docker', 'run', '--name', 'my app'))).toBe("docker run --name 'my app'");
  });
});

describe('replayCalls', () => {
  it('models pull, stop and start against the injected failures', () => {
    const calls = [call('docker', 'pull', TARGET_IMAGE), call('systemctl', 'stop', 'myapp.service'), call('systemctl', 'start', 'myapp')];
    expect(replayCalls(calls, [], TARGET_IMAGE)).toEqual({ firstPullOk: 0, firstStop: 1, activeAtEnd: true, dockerCalls: 1 });
    expect(replayCalls(calls, ['pull_fail'], TARGET_IMAGE).firstPullOk).toBeNull();
    expect(replayCalls(calls, ['start_fail'], TARGET_IMAGE).activeAtEnd).toBe(false);
    expect(replayCalls(calls, ['stop_fail'], TARGET_IMAGE).firstStop).toBeNull();
  });
});

describe('judgeScenario', () => {
  it('fails a script that stops myapp after a failed pull', () => {
    const verdict = judgeScenario(scenario('pull-fails'), { exitCode: 1, timedOut: false, output: 'x', calls: [call('docker', 'pull', TARGET_IMAGE), call('systemctl', 'stop', 'myapp')] }, 2);
    expect(verdict).toEqual({ status: 'fail', message: 'pull failed but myapp was stopped: an outage' });
  });
  it('fails a restart before the pull on the healthy path', () => {
    const verdict = judgeScenario(scenario('success'), { exitCode: 0, timedOut: false, output: 'x', calls: [call('systemctl', 'restart', 'myapp'), call('docker', 'pull', TARGET_IMAGE)] }, 2);
    expect(verdict.status).toBe('fail');
    expect(verdict.message).toMatch(/stopped before the image was pulled/);
  });
  it('reports a timeout as error', () => {
    expect(judgeScenario(scenario('success'), { exitCode: null, timedOut: true, output: '', calls: [] }, 2).status).toBe('error');
  });
});

describe('judgeCase', () => {
  const testCase = CASES[0]!;
  it('passes only a real bool equal to the expected value', () => {
    expect(judgeCase(testCase, { id: 'a', outcome: 'value', value: false, type: 'bool' }, false).status).toBe('pass');
    expect(judgeCase(testCase, { id: 'a', outcome: 'value', value: 0, type: 'int' }, false).status).toBe('fail');
    expect(judgeCase(testCase, { id: 'a', outcome: 'value', value: true, type: 'bool' }, false).message).toMatch(/^returned True, expected False/);
  });
  it('turns timeouts, crashes and syntax errors into errors', () => {
    expect(judgeCase(testCase, { id: 'a', outcome: 'timeout', seconds: 2 }, false)).toMatchObject({ status: 'error', message: 'timed out after 2 s' });
    expect(judgeCase(testCase, { id: 'a', outcome: 'import_error', error: 'Traceback\nSyntaxError: invalid syntax\n' }, false).message).toBe('SyntaxError: invalid syntax');
    expect(judgeCase(testCase, undefined, false).status).toBe('error');
  });
});

describe('formatFindings', () => {
  it('formats shellcheck json and ignores garbage', () => {
    expect(formatFindings('[{"line":4,"code":2086,"level":"info","message":"Double quote to prevent globbing and word splitting."}]')).toEqual([
      'SC2086 line 4: Double quote to prevent globbing and word splitting.',
    ]);
    expect(formatFindings('not json')).toEqual([]);
  });
});

describe('sandbox helpers', () => {
  it('caps a buffer and marks it truncated', () => {
    const buffer = new CappedBuffer(5);
    buffer.push(Buffer.from('abc'));
    buffer.push(Buffer.from('defgh'));
    expect(buffer.toString()).toBe('abcde');
    expect(buffer.truncated).toBe(true);
  });
  it('parses the read-back stream and stops at garbage', () => {
    expect(parseReadBack(Buffer.from('a.txt\n3\nabcb.txt\n99\nxx'))).toEqual({ 'a.txt': 'abc' });
  });
  it('builds bwrap args with no network, a read-only root and size-limited tmpfs', () => {
    const args = buildBwrapArgs({
      hostEntries: [{ path: '/usr', kind: 'dir' }, { path: '/bin', kind: 'symlink', target: 'usr/bin' }],
      stagingDir: '/tmp/x',
      limits: DEFAULT_LIMITS,
      env: {},
      command: ['/bin/true'],
      readBack: [],
      eventChannel: false,
    });
    expect(args).toContain('--unshare-all');
    expect(args).toContain('--die-with-parent');
    expect(args).toContain('--clearenv');
    expect(args.join(' ')).toContain('--ro-bind /usr /usr --symlink usr/bin /bin');
    expect(args.join(' ')).toContain(`--size ${DEFAULT_LIMITS.workDirBytes} --tmpfs /work`);
    expect(args.indexOf('--remount-ro')).toBeGreaterThan(args.indexOf('--tmpfs'));
  });
});

describe('gradeCode dispatch', () => {
  it('returns infra_error for an unknown harness or a mismatched kind', async () => {
    expect((await gradeCode({ kind: 'bash', answer: '', harness: { name: 'nope', version: 1 } })).status).toBe('infra_error');
    expect((await gradeCode({ kind: 'python', answer: '', harness: { name: 'bash-deploy', version: 1 } })).status).toBe('infra_error');
  });
});
