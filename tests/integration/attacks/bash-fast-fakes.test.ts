// The fake tools as shell functions (fast-fakes-source.ts): a call from bash goes over /dev/tcp to
// the relay pid 1 started in the jail, not through a Perl process per call. They must answer
// exactly as the programs on PATH do, in every scenario, and the relay must give a script no new
// way to forge a verdict or to stall its own scenario past its limits. Real sandbox throughout.
import { describe, expect, it } from 'vitest';
import { allCalls, expectContained, grade, outputs } from './bash-attack-kit';

// Everything a deploy script does with its tools, and the shell features a function could change:
// xtrace, errexit, an ERR trap with errtrace, nounset, the locale, substitutions, pipelines,
// background calls, non-ASCII replies, failing calls, `command -v`/`type` checks, a reader that
// stops early on a long reply (SIGPIPE), and a request longer than the grader reads.
const EXERCISE = String.raw`set -Eeuo pipefail
trap 'echo "ERR line $LINENO status $?" >&2' ERR
echo "args: $*"
set -x
docker pull "$1" || echo "pull failed: $?"
set +x
id=$(docker image inspect "$1" --format '{{.Id}}' 2>&1) || echo "inspect failed: $?"
echo "id=$id"
docker ps -a --format '{{.Names}} é ü' | cat
systemctl is-active myapp || echo "inactive: $?"
docker ps --format '{{.Names}}' &
wait
x="é"; echo "length ${'$'}{#x}"
LC_ALL=C docker ps -a --format '{{.Names}}'
[[ -o errexit && -o nounset && -o errtrace ]] && echo "options kept"
systemctl stop myapp
systemctl start myapp
docker rm -f myapp
docker create --name myapp "$1" >/dev/null
docker nosuchcommand 2>&1 || echo "unknown: $?"
[ -x "$(command -v docker)" ] && echo "docker at $(command -v docker), $(type -t docker), $(type systemctl)"
command -V docker; type -t command; command -v command
wide=$(printf '%.0sW' $(seq 12000))
docker ps -a --format "$wide" | head -c 1 >/dev/null; echo "pipe status ${'$'}{PIPESTATUS[*]}"
docker pull "$(printf '%.0sL' $(seq 20000))" >/dev/null 2>&1; echo "long request: $?"
echo done
`;

// The same script with the functions removed: every call goes through the programs on PATH. On
// the first line, so every line number (bash's errors, the ERR trap) stays the same.
const withoutFunctions = (script: string) => `unset -f docker systemctl; ${script}`;

describe('the fast fakes', { timeout: 120_000 }, () => {
  it('answer, record and fail exactly as the programs on PATH do, in every scenario', async () => {
    const [fast, slow] = [await grade(EXERCISE), await grade(withoutFunctions(EXERCISE))];
    expect(fast.status).not.toBe('infra_error');
    expect(outputs(fast).join('\n')).toContain('options kept');
    expect(outputs(fast).join('\n')).toContain('length 1');
    expect(outputs(fast).join('\n')).toContain('docker at /harness/bin/docker, file, systemctl is hashed (/harness/bin/systemctl)');
    expect(outputs(fast).join('\n')).toContain('pipe status 0 0');
    // With set -x the call is traced as a program's is, and nothing of the function's body.
    expect(outputs(fast).join('\n')).toMatch(/\+ docker pull registry\.example\.com\/team\/myapp:1\.4\.2\n/);
    expect(outputs(fast).join('\n')).not.toMatch(/__rehearse|local -|set \+xeuET/);
    expect(fast.tests.map((t) => [t.name, t.status, t.message, t.output, t.calls])).toEqual(slow.tests.map((t) => [t.name, t.status, t.message, t.output, t.calls]));
  });

  it('keep answering through the programs on PATH when the script kills the relay', async () => {
    const script = `#!/bin/bash
for pid in /proc/[0-9]*; do [ "\${pid#/proc/}" = 1 ] || [ "\${pid#/proc/}" = $BASHPID ] || kill -9 "\${pid#/proc/}" 2>/dev/null; done
for i in $(seq 500); do { exec 5<>/dev/tcp/127.0.0.1/7301; } 2>/dev/null || break; exec 5>&-; done
{ exec 5<>/dev/tcp/127.0.0.1/7301; } 2>/dev/null && echo "relay still up" || echo "relay gone"
docker pull "$1" && echo "pulled after the kill"
exit 1
`;
    const result = await grade(script);
    expectContained(result, 0);
    expect(outputs(result).join('\n')).toContain('relay gone');
    expect(outputs(result).join('\n')).toContain('pulled after the kill');
    expect(allCalls(result).some((call) => call.startsWith('docker pull registry.example.com/team/myapp:1.4.2'))).toBe(true);
  });

  it('give up on a caller that holds the relay with half a request, and answer the next call', async () => {
    const script = `#!/bin/bash
exec 3<>/dev/tcp/127.0.0.1/7301
printf '3\\0docker\\0' >&3
started=$SECONDS
docker pull "$1" && echo "answered after $((SECONDS - started)) s"
exit 1
`;
    const started = performance.now();
    const result = await grade(script);
    expectContained(result, performance.now() - started);
    const text = outputs(result).join('\n');
    expect(text).toMatch(/answered after [0-4] s/);
    expect(result.tests.every((t) => !/timed out/.test(t.message))).toBe(true);
  });

  it('forge nothing for a script that takes the relay\'s place and answers itself', async () => {
    // Kills the relay and serves every call with "success, no output" from its own listener: its
    // calls never reach the grader, so the world sees no deploy at all.
    const script = `#!/bin/bash
for pid in /proc/[0-9]*; do [ "\${pid#/proc/}" = 1 ] || [ "\${pid#/proc/}" = $BASHPID ] || kill -9 "\${pid#/proc/}" 2>/dev/null; done
# Until the relay is gone (a killed process closes its port a moment later).
for i in $(seq 500); do { exec 4<>/dev/tcp/127.0.0.1/7301; } 2>/dev/null || break; exec 4>&-; done
perl -e 'socket(my $l, 2, 1, 6); setsockopt($l, 1, 2, pack("i", 1)); bind($l, pack("S n C4 x8", 2, 7301, 127, 0, 0, 1)) or die; listen($l, 64); while (accept(my $c, $l)) { sysread($c, my $x, 65536); syswrite($c, "0 0 0\\n"); close $c }' &
for i in $(seq 500); do { exec 4<>/dev/tcp/127.0.0.1/7301; } 2>/dev/null && break; done
exec 4>&-
docker pull "$1"; systemctl stop myapp; docker rm -f myapp; docker create --name myapp "$1"; systemctl start myapp
echo "PASS: deployed"
exit 0
`;
    const started = performance.now();
    const result = await grade(script);
    expectContained(result, performance.now() - started);
    expect(result.tests.find((t) => t.name.startsWith('deploys IMAGE:TAG'))!.status).toBe('fail');
  });
});
