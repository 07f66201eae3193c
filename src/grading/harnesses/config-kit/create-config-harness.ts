// A Harness from a configuration spec (docs/decisions/019): one jail per answer, running the
// shared runner on the candidate's YAML with the question's checker (pre-started between
// gradings of the same question: warm-config-jail.ts). No candidate code runs; the
// jail bounds what a hostile document can make the parser do, and the runner refuses the rest.
import { DEFAULT_LIMITS, JAIL_CHANNEL_PATH, JAIL_FILES_DIR, type SandboxDriver } from '../../sandbox/sandbox-driver';
import { warmKeyOf } from '../../sandbox/warm-jail';
import type { Harness, HarnessOutcome } from '../harness';
import { CONFIG_RUNNER_PY } from './config-runner-source';
import { CONFIG_PARSE_LIMITS, ConfigSpecSchema, type ConfigSpec } from './config-spec';
import { judgeConfigRun } from './judge-config-run';
import { prestartWarmConfigJail, takeWarmConfigJail } from './warm-config-jail';

export const CONFIG_RUN_LIMITS = { ...DEFAULT_LIMITS, wallTimeMs: 5_000, cpuTimeSeconds: 5, memoryBytes: 128 * 1024 * 1024, maxProcesses: 8 };
// On a busy host the wall limit is extended by the host's CPU stall, up to twice, and a jail kept
// off the CPU past that ends as 'starved': an infra error the queue grades again, never "the YAML
// ran past the time limit" (a 1.7 KB answer is checked in a fraction of a second of CPU). A YAML
// that keeps its CPU busy is not extended (supervise-jail.ts) and stays the answer's own error.
export const CONFIG_BUSY_HOST_STRETCH = 2;

export function createConfigHarness(input: unknown): Harness {
  // A broken spec is our bug: it fails when the grader loads, not when a candidate is graded.
  const spec: ConfigSpec = ConfigSpecSchema.parse(input);
  const config = JSON.stringify({ checks: spec.checks.map((c) => c.id), limits: CONFIG_PARSE_LIMITS });

  const runnerCommand = ['/usr/bin/python3', '-I', '-S', '-B', `${JAIL_FILES_DIR}/runner.py`, `${JAIL_FILES_DIR}/config.json`];
  const files = [
    { path: 'runner.py', content: CONFIG_RUNNER_PY },
    { path: 'config.json', content: config },
    { path: 'checker.py', content: spec.checker },
  ];
  const jail = { limits: CONFIG_RUN_LIMITS, stretchWallOnBusyHost: CONFIG_BUSY_HOST_STRETCH };
  const warmKey = warmKeyOf(spec);
  const answerFile = (answer: string) => ({ path: 'answer.yaml', content: answer });

  // Every check is visible (the candidate reads their own YAML), so Run before Submit runs all.
  // A warm jail when the driver keeps one for this question; the same jail started cold if not,
  // or if the warm one could not take the answer.
  async function run(answer: string, driver: SandboxDriver): Promise<HarnessOutcome> {
    const warm = takeWarmConfigJail(driver, warmKey);
    const claimed = warm ? await warm.claim({ wallTimeMs: CONFIG_RUN_LIMITS.wallTimeMs, connect: (socket) => socket.on('error', () => {}), first: 'go\n', files: [answerFile(answer)] }) : null;
    const result = claimed ?? (await driver.run({ command: runnerCommand, files: [...files, answerFile(answer)], ...jail }));
    prestartWarmConfigJail(driver, warmKey, { command: [...runnerCommand, '--warm', JAIL_CHANNEL_PATH], files, ...jail });
    return judgeConfigRun(spec.checks, result, CONFIG_RUN_LIMITS);
  }

  return { name: spec.name, version: spec.version, answerKind: 'config', run };
}
