// bash-safe-log-cleanup, from a fairness review: correct scripts that failed on wording. A dry run
// that says "ignoring symlink logs/archive" names a file it keeps, and says so; a usage message
// that names the arguments ("expected exactly one LOG_DIR: cleanup.sh [--dry-run] LOG_DIR") is a
// usage message without the word. Lines that name a kept file without saying so, and a no-argument
// run that prints nothing useful, still fail.
import { describe, expect, it } from 'vitest';
import type { ScenarioObservation } from '@/grading/harnesses/bash-deploy/relay-session';
import { BASH_KIT_SPECS } from '@/grading/harnesses/bash-kit/bash-kit-harnesses';
import { scenarioWorld } from '@/grading/harnesses/bash-kit/create-bash-kit-harness';
import { judgeKitCheck } from '@/grading/harnesses/bash-kit/judge-kit-assertion';
import { createKitWorld, type KitWorld } from '@/grading/harnesses/bash-kit/kit-world';

const cleanup = BASH_KIT_SPECS.find((s) => s.name === 'bash-safe-log-cleanup')!;

// A scenario's end for a script that made no call, exited with `exitCode` and printed `stderr`.
const ended = (exitCode: number, stdout: string, stderr = '') => (id: string): ScenarioObservation<KitWorld> => ({
  status: 'ended',
  exitCode,
  signal: null,
  timedOut: false,
  stdout,
  stderr,
  outputTruncated: false,
  calls: [],
  failure: null,
  world: createKitWorld(scenarioWorld(cleanup, cleanup.scenarios.find((x) => x.id === id)!.world)),
});

describe('bash-safe-log-cleanup wording', () => {
  const dryRunCheck = cleanup.checks.find((c) => c.scenario === 'dry-run')!;
  const listing = { ...dryRunCheck, expect: dryRunCheck.expect.filter((a) => a.kind === 'log-all' || a.kind === 'log-none') };
  const gone = ['app-2026-11-01.log', 'old report.log', 'line\nbreak.log', '-rf.log', 'nested/worker.log.gz', 'space dir/queue.log', 'big-recent.log'];
  const listed = gone.map((name) => `[dry run] would delete 'logs/${name}'`).join('\n');

  it('passes a dry run that says which links it ignores and which files stay', () => {
    expect(judgeKitCheck(listing, ended(0, `ignoring symlink logs/archive\n${listed}`))).toEqual([]);
    expect(judgeKitCheck(listing, ended(0, `${listed}\nleaving logs/mid.log and logs/small.log: under the limit\napp.log stays (live)`))).toEqual([]);
  });

  it('still fails a dry run that names a kept file without saying it is kept', () => {
    const problems = judgeKitCheck(listing, ended(0, `${listed}\nlogs/archive\nwould delete logs/mid.log`));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('(mid.log, archive)');
  });

  const refuses = cleanup.checks.find((c) => c.scenario === 'missing-dir')!;
  const usageOnly = { ...refuses, expect: refuses.expect.filter((a) => a.kind === 'log') };

  it('takes a usage message that names the arguments without the word "usage"', () => {
    expect(judgeKitCheck(usageOnly, ended(2, '', 'cleanup.sh: expected exactly one LOG_DIR: cleanup.sh [--dry-run] LOG_DIR\n'))).toEqual([]);
    expect(judgeKitCheck(usageOnly, ended(2, '', 'Usage: cleanup.sh [--dry-run] LOG_DIR\n'))).toEqual([]);
  });

  it('still fails a no-argument run whose message says nothing about what is expected', () => {
    expect(judgeKitCheck(usageOnly, ended(1, '', 'error\n'))).toEqual([expect.stringMatching(/^no usage message/)]);
  });
});
