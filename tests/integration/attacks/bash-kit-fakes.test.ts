// Attacks on the Bash world kit's own fakes (curl, kubectl, nginx; docs/decisions/020) through the
// real grader and sandbox: a jsonpath template that multiplies the world into megabytes,
// arguments by the megabyte to nginx and kubectl, and a curl loop that stays under the call cap.
// Each result is contained (on time, bounded, storable, the candidate's failure), and a benign
// grading beside it fares no worse than beside legitimate gradings of the same length
// (bash-attack-kit.ts).
import { describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import { BASH_KIT_HARNESSES } from '@/grading/harnesses/bash-kit/bash-kit-harnesses';
import { allCalls, attackBesideBenign, expectContained, expectNeighbourUnharmed, outputs } from './bash-attack-kit';

function graderFor(name: string) {
  const harness = BASH_KIT_HARNESSES.find((h) => h.name === name);
  if (!harness) throw new Error(`no kit harness ${name}; have ${BASH_KIT_HARNESSES.map((h) => h.name).join(', ')}`);
  return (answer: string) => gradeCode({ kind: 'bash', answer, harness: { name: harness.name, version: harness.version } });
}
const kitHarnessNamed = (part: string) => BASH_KIT_HARNESSES.find((h) => h.name.includes(part))!.name;

describe('bash attacks on the world kit fakes', { timeout: 120_000 }, () => {
  it('keeps a jsonpath that prints the whole object thousands of times per call bounded', async () => {
    const attack = `#!/bin/bash
template=$(printf '{}%.0s' $(seq 1 4000))
for i in $(seq 1 30); do kubectl -n shop get deployment api -o "jsonpath=$template" | wc -c; done
exit 1
`;
    const run = await attackBesideBenign(attack, graderFor(kitHarnessNamed('kubectl')));
    expectContained(run.result, run.ms);
    // The fake answered (the deployment exists), and no reply is longer than the relay's cap.
    const sizes = outputs(run.result).flatMap((o) => o.split('\n')).filter((line) => /^\d+$/.test(line.trim())).map(Number);
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(64 * 1024);
    expectNeighbourUnharmed(run);
  });

  it('records megabyte and thousand-fold arguments to nginx and kubectl as bounded, marked calls', async () => {
    const attack = `#!/bin/bash
big=$(head -c 200000 /dev/zero | tr '\\0' x)
nginx -s "$big"
nginx -t $(seq 1 20000)
kubectl -n "$big" get deployment api
kubectl get deployment $(printf 'api-%s ' $(seq 1 3000))
exit 1
`;
    const run = await attackBesideBenign(attack, graderFor(kitHarnessNamed('nginx')));
    expectContained(run.result, run.ms);
    for (const call of allCalls(run.result)) expect(call.length).toBeLessThan(8_000);
    expectNeighbourUnharmed(run);
  });

  it('ends a scenario that floods curl, and keeps what it records bounded', async () => {
    const attack = `#!/bin/bash
while true; do curl -s http://localhost:8080/health >/dev/null 2>&1; done
`;
    const run = await attackBesideBenign(attack, graderFor(kitHarnessNamed('nginx')));
    expectContained(run.result, run.ms);
    // Each curl is a process: the scenario reaches its time limit or its call limit, and either way
    // it is the candidate's error, worded for this question (not another kit question's).
    for (const test of run.result.tests) expect(test.message).toMatch(/more .* calls than the grader answers|timed out after [\d.]+ s( \(its 5 s limit, extended while the grading machine was busy\))?: a script that hangs/);
    expect(JSON.stringify(run.result)).not.toContain('frees the disk');
    expectNeighbourUnharmed(run);
  });

});
