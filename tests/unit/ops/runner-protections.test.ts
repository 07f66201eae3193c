// The runner's self-test judges what its probe saw in a jail; each protection that is off makes
// it refuse (scripts/runner.ts exits 3). The facts here are what a broken host would show.
import { describe, expect, it } from 'vitest';
import { buildRunnerEnv, findSecretVariables, type Env } from '@/runner/build-runner-env';
import { judgeProbe, type ProbeFacts } from '@/runner/check-protections';
import { parseRunnerUrl, tokenMatches } from '@/runner/runner-protocol';

const healthy: ProbeFacts = {
  env: ['HOME', 'LANG', 'PATH', 'PWD', 'TMPDIR'],
  interfaces: ['lo'],
  uidMap: [['0', '0', '1']],
  connected: false,
  usrOwner: 65534,
  capEff: '0000000000000000',
};
const failing = (facts: Partial<ProbeFacts>, notes: string[] = [], ownEnv: Env = { PATH: '/usr/bin' }) =>
  judgeProbe({ facts: { ...healthy, ...facts }, notes, ownEnv })
    .filter((check) => !check.ok)
    .map((check) => check.name);

describe('judgeProbe', () => {
  it('passes a healthy jail', () => {
    expect(failing({})).toEqual([]);
  });
  it('fails each protection on its own', () => {
    expect(failing({ connected: true })).toEqual(['no network inside the jail']);
    expect(failing({ interfaces: ['lo', 'eth0'] })).toEqual(['no network inside the jail']);
    expect(failing({ interfaces: null })).toEqual(['no network inside the jail']);
    expect(failing({ env: [...healthy.env, 'DATABASE_URL'] })).toEqual(['empty environment inside the jail']);
    expect(failing({}, ['cgroups unavailable (cannot create cgroups under /sys/fs/cgroup/rehearse (EACCES))'])).toEqual(['cgroup limits active']);
    expect(failing({ uidMap: [['0', '0', '4294967295']] })).toEqual(['candidate code is not host root']);
    expect(failing({ usrOwner: 0 })).toEqual(['candidate code is not host root']);
    expect(failing({ capEff: '000001ffffffffff' })).toEqual(['candidate code is not host root']);
    expect(failing({}, [], { PATH: '/usr/bin', AUTH_SECRET: 'x' })).toEqual(['runner environment holds no secret']);
  });
  it('names the secret variables it found, never their values', () => {
    const [check] = judgeProbe({ facts: healthy, notes: [], ownEnv: { SMTP_URL: 'smtp://u:hunter2@h', OPENAI_API_KEY: 'sk-hunter2' } });
    expect(check?.detail).toContain('OPENAI_API_KEY, SMTP_URL');
    expect(check?.detail).not.toContain('hunter2');
  });
});

describe('the runner environment', () => {
  it('is built from an allow-list: secrets, and names nobody listed, stay out', () => {
    const env = buildRunnerEnv(
      { PATH: '/usr/bin', DATABASE_URL: 'postgres://x', AUTH_SECRET: 's', SMTP_URL: 'smtp://x', METRICS_TOKEN: 't', GRADER_LLM_API_KEY: 'k', NEW_PROVIDER_CREDENTIALS: 'c', FOO: 'bar', RUNNER_CONCURRENCY: '3' },
      { RUNNER_URL: 'unix:/tmp/r.sock', RUNNER_TOKEN_FILE: '/tmp/token' },
    );
    expect(env).toEqual({ PATH: '/usr/bin', RUNNER_CONCURRENCY: '3', RUNNER_URL: 'unix:/tmp/r.sock', RUNNER_TOKEN_FILE: '/tmp/token' });
    expect(findSecretVariables(env)).toEqual([]);
  });
  it('finds secret-looking names', () => {
    expect(findSecretVariables({ DATABASE_URL: 'x', PGPASSWORD: 'x', GRADER_LLM_URL: 'x', RUNNER_TOKEN: 'x', GITHUB_TOKEN: 'x', HOME: '/root' })).toEqual([
      'DATABASE_URL',
      'GITHUB_TOKEN',
      'GRADER_LLM_URL',
      'PGPASSWORD',
      'RUNNER_TOKEN',
    ]);
  });
});

describe('the runner protocol', () => {
  it('reads a Unix socket or a TCP address and refuses anything else', () => {
    expect(parseRunnerUrl('unix:/run/rehearse/runner.sock')).toEqual({ path: '/run/rehearse/runner.sock' });
    expect(parseRunnerUrl('unix:///run/r.sock')).toEqual({ path: '/run/r.sock' });
    expect(parseRunnerUrl('tcp://runner:7070')).toEqual({ host: 'runner', port: 7070 });
    expect(() => parseRunnerUrl('unix:relative.sock')).toThrow(/absolute/);
    expect(() => parseRunnerUrl('http://runner:7070')).toThrow(/neither/);
    expect(() => parseRunnerUrl('tcp://runner:0')).toThrow(/neither/);
  });
  it('compares tokens whatever their length', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abcd')).toBe(false);
  });
});

describe('cgroup limits without a cgroup per run', () => {
  const note = ['cgroups unavailable (cannot create cgroups under /sys/fs/cgroup/rehearse (EACCES))'];
  const cgroupCheck = (ownLimits: { memoryBytes: number | null; pids: number | null }) =>
    judgeProbe({ facts: healthy, notes: note, ownEnv: {}, ownLimits }).find((check) => check.name === 'cgroup limits active')!;
  it('accepts a runner whose own cgroup caps memory and processes (a container with limits)', () => {
    expect(cgroupCheck({ memoryBytes: 2 * 2 ** 30, pids: 512 })).toMatchObject({ ok: true, detail: expect.stringContaining('2048 MiB, 512 processes') });
  });
  it('refuses when the runner’s own cgroup leaves either unlimited', () => {
    expect(cgroupCheck({ memoryBytes: null, pids: 512 }).ok).toBe(false);
    expect(cgroupCheck({ memoryBytes: 2 ** 30, pids: null }).ok).toBe(false);
  });
});
