// Attacks on the grader's model of docker, the part of the Bash harness that runs in the worker
// on candidate text: a name filter that is an invalid or catastrophic regular expression, a
// --format template that made the old regex-based renderer backtrack, and a host grown to
// thousands of containers rendered with a long template. Each ends as the candidate's own failed
// grading, quickly, small, and without slowing a benign grading beside it.
import { describe, expect, it } from 'vitest';
import { allCalls, attackBesideBenign, expectContained, expectNeighbourUnharmed } from './bash-attack-kit';

describe('bash attacks on the docker model', { timeout: 120_000 }, () => {
  it('answers an invalid regular expression in --filter name= like any other name', async () => {
    const attack = `#!/bin/bash
docker ps -a --filter 'name=(' ; docker ps --filter 'name=[' --filter 'name=*?+'
echo done; exit 0
`;
    const run = await attackBesideBenign(attack);
    expectContained(run.result, run.ms);
    expect(allCalls(run.result)).toContain("docker ps -a --filter 'name=(' → exit 0");
    expectNeighbourUnharmed(run);
  });

  it('does not freeze on a catastrophic pattern against a long matching name', async () => {
    const name = 'a'.repeat(60);
    const attack = `#!/bin/bash
docker run -d --name ${name}x debian:12-slim
docker ps -a --filter 'name=^(a+)+$' --filter 'name=(a|aa)+$' --filter 'name=(.*a){30}$'
exit 0
`;
    const run = await attackBesideBenign(attack);
    expectContained(run.result, run.ms);
    expectNeighbourUnharmed(run);
  });

  it('renders "{{" followed by thousands of spaces in linear time', async () => {
    const attack = `#!/bin/bash
spaces=$(printf '%*s' 15000 '')
docker ps -a --format "{{$spaces"
docker images --format "table {{$spaces"
docker inspect --format "{{{{{{{{$spaces" myapp
exit 0
`;
    const run = await attackBesideBenign(attack);
    expectContained(run.result, run.ms);
    expectNeighbourUnharmed(run);
  });

  // The model's own limit (32 containers) is pinned in tests/unit/grading/code/deploy-host-model:
  // on this shared host, each fake call is a process and dozens of them per scenario cost seconds.
  it('bounds every reply: many containers rendered with a long --format, inspect of 1,500 names', async () => {
    const attack = `#!/bin/bash
for i in $(seq 1 12); do docker run -d --name "c$i" debian:12-slim >/dev/null 2>&1; done
fmt=$(printf '{{json .}}%.0s' $(seq 1 1500))
docker ps -a --format "$fmt" | wc -c
docker inspect $(printf 'myapp %.0s' $(seq 1 1500)) | wc -c
exit 0
`;
    const run = await attackBesideBenign(attack);
    expectContained(run.result, run.ms);
    // The replies were cut at the grader's limit, not built whole. Read from every test's run: the
    // script's 14 calls in each of seven scenarios pass the run's cap of 96, so a scenario that
    // meets it is stopped, sometimes before it prints (that was the first test's in one CI run).
    const output = run.result.tests.map((t) => t.output ?? '').join('\n');
    const sizes = output.split('\n').filter((line) => /^\d+$/.test(line.trim())).map(Number);
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(64 * 1024);
    expectNeighbourUnharmed(run);
  });
});
