// Attacks that used to bloat the stored result or the worker through the Bash harness's relayed
// calls: arguments by the megabyte and by the thousand, and a flood of calls. Every recorded call
// is bounded and marked where cut, a flood ends its own scenario with a message, and a benign
// grading beside it is not slowed past the goal.
import { describe, expect, it } from 'vitest';
import { allCalls, attackBesideBenign, expectContained, expectNeighbourUnharmed } from './bash-attack-kit';

describe('bash attacks on the call relay', () => {
  it('records huge and numerous arguments as a bounded, marked line', async () => {
    const attack = `#!/bin/bash
big=$(head -c 200000 /dev/zero | tr '\\0' x)
for i in 1 2 3; do docker pull "$big"; done
docker run $(seq 1 20000)
systemctl start $(printf 'unit-%s ' $(seq 1 3000))
exit 0
`;
    const run = await attackBesideBenign(attack);
    expectContained(run.result, run.ms);
    const calls = allCalls(run.result);
    expect(calls.some((call) => call.includes('…[arguments cut at the grader\'s limit]') && call.endsWith('exit 126'))).toBe(true);
    expect(calls.some((call) => call.includes('more arguments]'))).toBe(true);
    for (const call of calls) expect(call.length).toBeLessThan(8_000);
    expectNeighbourUnharmed(run);
  });

  it('ends a scenario that floods the relay through the fakes, and keeps what it records bounded', async () => {
    const attack = `#!/bin/bash
while true; do docker ps >/dev/null 2>&1; systemctl is-active myapp >/dev/null 2>&1; done
`;
    const run = await attackBesideBenign(attack);
    expectContained(run.result, run.ms);
    // Each fake call is a process: on a loaded host the scenario may reach its time limit before
    // its call limit. Either way it ends as an error of its own, and what is kept stays bounded.
    for (const test of run.result.tests) expect(test.message).toMatch(/more docker\/systemctl calls than the grader answers|timed out after/);
    for (const test of run.result.tests) expect((test.calls ?? []).length).toBeLessThanOrEqual(41);
    expectNeighbourUnharmed(run);
  });

  it('ends a flood that skips the fakes and talks to the channel socket directly', async () => {
    const attack = `#!/bin/bash
perl -e 'for (1..100000) { socket(my $s, 1, 1, 0); connect($s, pack("S Z108", 1, "/run/rehearse/channel.sock")) or next; syswrite($s, "2\\0docker\\0ps\\0"); sysread($s, my $b, 100); }'
exit 0
`;
    const run = await attackBesideBenign(attack);
    expectContained(run.result, run.ms);
    expect(run.result.tests.some((t) => t.message.includes('more docker/systemctl calls than the grader answers'))).toBe(true);
    expectNeighbourUnharmed(run);
  });
});
