// The pre-started ("warm") Bash scenario jails (warm-bash-jails.ts): a set for the question graded
// last waits for the next grading of it, and the answer is written into their /harness only when
// that grading claims them. They must grade exactly as cold jails do, and nothing of one answer
// (files, processes, its own text) may reach the answer graded next in a fresh set. Real sandbox.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';
import { findHarness } from '@/grading/harnesses/find-harness';
import type { HarnessOutcome } from '@/grading/harnesses/harness';
import { scenarioStarter } from '@/grading/harnesses/bash-kit/scenario-start-source';

// The starter's file in /harness: start (the C build) or start.pl (Perl, without a C compiler).
const STARTER = scenarioStarter().file.path.replace('.', '\\.');

const settle = (ms = 1500) => new Promise((resolve) => setTimeout(resolve, ms));

function statuses(outcome: HarnessOutcome) {
  expect(outcome.kind).toBe('tests');
  return outcome.kind === 'tests' ? outcome.tests.map((t) => `${t.name}: ${t.status}`) : [];
}

function outputs(outcome: HarnessOutcome) {
  expect(outcome.kind).toBe('tests');
  return outcome.kind === 'tests' ? outcome.tests.map((t) => t.output ?? '').join('\n') : '';
}

// How long ago the jail's pid 1 started (exec keeps a process's start time): a pre-started jail's
// is as old as the jail, a cold one's a few milliseconds.
const PID1_AGE = String.raw`pid1_age=$(awk -v start="$(cut -d' ' -f22 /proc/1/stat)" -v tick="$(getconf CLK_TCK)" '{ printf "%d", $1 - start / tick }' /proc/uptime)`;

// Prints what it can see of the jail it runs in, then leaves files and a process behind.
const LEAVER = String.raw`#!/bin/bash
${PID1_AGE}
echo "harness=$(ls -A /harness | tr '\n' ,) pid=$$ age=$pid1_age leaver-marker"
touch /tmp/left-behind "$HOME/left-behind"
(exec -a LEFT-RUNNING sleep 30) &
exit 0
`;

// Its patterns are bracketed so they do not match the checker's own text or its grep.
const CHECKER = String.raw`#!/bin/bash
${PID1_AGE}
echo "harness=$(ls -A /harness | tr '\n' ,) pid=$$ age=$pid1_age"
grep -l "leaver[-]marker" /harness/* 2>/dev/null && echo "SAW AN EARLIER ANSWER"
ls -A /tmp "$HOME" | grep -q left-behind && echo "SAW FILES LEFT BEHIND"
for f in /proc/[0-9]*/cmdline; do tr '\0' ' ' < "$f" 2>/dev/null; echo; done | grep -q '[L]EFT-RUNNING' && echo "SAW A PROCESS LEFT BEHIND"
exit 0
`;

describe('the warm Bash scenario jails', { timeout: 120_000 }, () => {
  it('grade every Bash question exactly as cold jails do', async () => {
    const warmDriver = createBwrapDriver();
    const coldDriver = createBwrapDriver({ prestart: false });
    const questions = [
      ['bash-deploy', 'write-bash-script-pulls-specified-docker'],
      ['bash-safe-log-cleanup', 'bash-safe-log-cleanup'],
      ['bash-kubectl-canary-promotion', 'bash-kubectl-canary-promotion'],
    ] as const;
    for (const [name, slug] of questions) {
      const harness = findHarness(name)!;
      const reference = readFileSync(`seeds/content/${slug}/reference.sh`, 'utf8');
      const broken = reference.replace(/set -euo pipefail/, '').replace(/\|\| die[^\n]*/g, '');
      for (const answer of [reference, broken]) {
        const cold = statuses(await harness.run(answer, coldDriver));
        // The first grading with warmDriver leaves a set for this question; the second takes it.
        await harness.run(answer, warmDriver);
        await settle();
        const warm = await harness.run(answer, warmDriver);
        expect(outputs(warm)).not.toBe('');
        expect(statuses(warm), `${name}`).toEqual(cold);
      }
      expect(statuses(await harness.run(reference, coldDriver)).every((s) => s.endsWith(': pass')), `${name} reference`).toBe(true);
    }
  });

  it('leave nothing of one answer to the next, and hold no answer before the claim', async () => {
    const driver = createBwrapDriver();
    const harness = findHarness('bash-deploy')!;
    // Cold: the jails started with the answer in /harness.
    const cold = outputs(await harness.run(LEAVER, driver));
    expect(cold).toMatch(new RegExp(`harness=bin,deploy\\.sh,fakes\\.bash,${STARTER}, pid=1 age=0 leaver-marker`));
    await settle(2500);
    // Warm: the jails waited (pid 1 is seconds old); this answer is the only one in /harness,
    // written at the claim, and bash is pid 1.
    const warm = outputs(await harness.run(LEAVER, driver));
    expect(warm).toMatch(new RegExp(`harness=bin,deploy\\.sh,fakes\\.bash,${STARTER}, pid=1 age=[1-9]\\d* leaver-marker`));
    await settle(2500);
    const next = outputs(await harness.run(CHECKER, driver));
    expect(next).toMatch(new RegExp(`harness=bin,deploy\\.sh,fakes\\.bash,${STARTER}, pid=1 age=[1-9]`));
    expect(next).not.toMatch(/SAW AN EARLIER ANSWER|SAW FILES LEFT BEHIND|SAW A PROCESS LEFT BEHIND/);
  });
});
