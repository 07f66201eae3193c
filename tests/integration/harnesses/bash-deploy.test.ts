// The bash-deploy harness in the real sandbox: correct scripts in different styles pass, every
// known-bad variant and every cheat fails at least one test, and broken scripts are reported as
// the candidate's error (syntax error, endless loop), never as a pass.
import { describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import { seedFile, seedFiles } from './seed-files';

const SLUG = 'write-bash-script-pulls-specified-docker';
// Runs from the script and looks for anything in its jail it could attack: there is nothing
// but itself. It is pid 1 (its exit status goes straight to the bwrap outside the jail) and
// every other process is one it started.
const JAIL_PROBE = String.raw`#!/bin/bash
echo "self $$"
others=$(for p in /proc/[0-9]*; do [[ $p == /proc/$$ || $p == /proc/$BASHPID ]] || echo "$p"; done | wc -l)
echo "processes besides me and my subshells: $others"
exit 1
`;

const grade = (answer: string) => gradeCode({ kind: 'bash', answer, harness: { name: 'bash-deploy', version: 1 } });

describe('bash-deploy harness', () => {
  it('passes the reference on every test, with calls and output per test', async () => {
    const result = await grade(seedFile(SLUG, 'reference.sh'));
    expect(result.tests.filter((t) => t.status !== 'pass')).toEqual([]);
    expect(result).toMatchObject({ status: 'passed', score: 100, gradedVersion: 'harness:bash-deploy@1' });
    expect(result.tests).toHaveLength(7);
    const deploy = result.tests[0]!;
    expect(deploy.calls?.[0]).toBe('docker pull registry.example.com/team/myapp:1.4.2 → exit 0');
    expect(deploy.calls).toContain('systemctl stop myapp → exit 0');
    expect(deploy.output).toContain('[deploy] Deployed');
  });

  it.each(seedFiles(SLUG, 'good'))('passes the correct variant $name', async ({ code }) => {
    const result = await grade(code);
    expect(result.tests.filter((t) => t.status !== 'pass').map((t) => `${t.name}: ${t.message}`)).toEqual([]);
    expect(result.status).toBe('passed');
  });

  it.each(seedFiles(SLUG, 'bad'))('fails the known-bad variant $name', async ({ code }) => {
    const result = await grade(code);
    expect(result.status).not.toBe('passed');
    expect(result.status).not.toBe('infra_error');
    expect(result.tests.some((t) => t.status !== 'pass')).toBe(true);
    expect(result.score).toBeLessThan(100);
  });

  it('names the outage when a script ignores a failed pull', async () => {
    const result = await grade(seedFiles(SLUG, 'bad').find((f) => f.name === 'ignores-failed-pull.sh')!.code);
    const test = result.tests.find((t) => t.name.startsWith('when the pull fails'))!;
    expect(test).toMatchObject({ status: 'fail', message: 'the pull failed but myapp was stopped: an outage' });
    expect(test.calls).toContain('docker pull registry.example.com/team/myapp:1.4.2 → exit 1');
  });

  it('cannot be forged: a cheat that attacks the harness and prints PASS scores nothing', async () => {
    const result = await grade(seedFiles(SLUG, 'bad').find((f) => f.name === 'forges-harness.sh')!.code);
    expect(result.score).toBe(0);
  });

  it('leaves nothing in the jail to attack: the script is pid 1 and alone', async () => {
    const result = await grade(JAIL_PROBE);
    const output = result.tests.find((t) => t.name.startsWith('without an argument'))!.output ?? '';
    expect(output).toContain('self 1\n');
    // The command substitution and the pipeline's wc are the script's own children.
    expect(output).toMatch(/processes besides me and my subshells: [0-3]\n/);
  });

  it('reports a syntax error as the candidate\'s error', async () => {
    const result = await grade('#!/bin/bash\nif [ -z "$1" ]; then\n  echo usage\n');
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/bash could not parse the script: deploy\.sh: line \d+: syntax error/);
    expect(result.tests.every((t) => t.status === 'error')).toBe(true);
  });

  it('reports an endless loop as a timeout, in seconds rather than minutes', async () => {
    const started = performance.now();
    const result = await grade('#!/bin/bash\nwhile true; do :; done\n');
    expect(result.status).toBe('error');
    // Scenarios run side by side, each in its own jail, so they all time out together.
    // 5 s: the six spinning jails make the host busy themselves, and a jail that keeps a CPU busy
    // does not get the busy-host stretch; under other load it may stretch up to 10 s, and the
    // message then says how long the script had.
    expect(result.tests.every((t) => /^timed out after (5 s|[\d.]+ s \(its 5 s limit, extended while the grading machine was busy\)):/.test(t.message))).toBe(true);
    expect(performance.now() - started).toBeLessThan(12_000);
  });

  // A review: the fake docker said "'exec' is not a docker command", a lie that failed a good
  // health check. Real docker runs it; the grader does not model it, and says that first.
  it('says first that docker refused a command the grader does not model, and lists no consequence of it', async () => {
    const reference = seedFile(SLUG, 'reference.sh');
    const active = 'systemctl is-active --quiet myapp || die "myapp is not active after the start"\n';
    const code = reference.replace(active, `${active}docker exec myapp curl -fsS --max-time 2 localhost:8080/healthz >/dev/null || die "myapp does not answer its health check"\n`);
    expect(code).not.toBe(reference);
    const result = await grade(code);
    expect(result.status).not.toBe('passed');
    const unjudged = result.tests.filter((t) => t.status !== 'pass');
    expect(unjudged.map((t) => t.name.split(':')[0])).toEqual(['deploys IMAGE']);
    for (const test of unjudged) {
      expect(test.status, test.name).toBe('error');
      expect(test.message, test.name).toBe(
        "docker refused a command this grader does not support: docker exec. That is a limit of this grader, not a fault in the script, so what followed from it is not judged; the question lists what the fake tools support",
      );
      expect(test.calls, test.name).toContain('docker exec myapp curl -fsS --max-time 2 localhost:8080/healthz → exit 1');
    }
    // The runs that never reach the health check are judged as before.
    expect(result.tests.filter((t) => t.status === 'pass')).toHaveLength(6);
  });

  it('gives ShellCheck findings as advice without changing the score', async () => {
    const unquoted = seedFile(SLUG, 'reference.sh').replace('docker pull "$image"', 'docker pull $image');
    const result = await grade(unquoted);
    expect(result.score).toBe(100);
    expect(result.advice.some((a) => a.includes('SC2086'))).toBe(true);
  });
});
