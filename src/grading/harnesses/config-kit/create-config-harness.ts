// A Harness from a configuration spec (docs/decisions/019): one jail per answer, running the
// shared runner on the candidate's YAML with the question's checker. No candidate code runs; the
// jail bounds what a hostile document can make the parser do, and the runner refuses the rest.
import { DEFAULT_LIMITS, JAIL_FILES_DIR, type SandboxDriver } from '../../sandbox/sandbox-driver';
import type { Harness, HarnessOutcome } from '../harness';
import { CONFIG_RUNNER_PY } from './config-runner-source';
import { CONFIG_PARSE_LIMITS, ConfigSpecSchema, type ConfigSpec } from './config-spec';
import { judgeConfigRun } from './judge-config-run';

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

  // Every check is visible (the candidate reads their own YAML), so Run before Submit runs all.
  async function run(answer: string, driver: SandboxDriver): Promise<HarnessOutcome> {
    const result = await driver.run({
      command: ['/usr/bin/python3', '-I', '-S', '-B', `${JAIL_FILES_DIR}/runner.py`, `${JAIL_FILES_DIR}/config.json`],
      files: [
        { path: 'runner.py', content: CONFIG_RUNNER_PY },
        { path: 'config.json', content: config },
        { path: 'checker.py', content: spec.checker },
        { path: 'answer.yaml', content: answer },
      ],
      limits: CONFIG_RUN_LIMITS,
      stretchWallOnBusyHost: CONFIG_BUSY_HOST_STRETCH,
    });
    return judgeConfigRun(spec.checks, result, CONFIG_RUN_LIMITS);
  }

  return { name: spec.name, version: spec.version, answerKind: 'config', run };
}
