// A pre-started ("warm") configuration jail per driver, for the question graded last (`key`: the
// spec's hash), so a configuration grading does not wait for a jail, Python, PyYAML and the
// question's checker to start: between gradings one jail is up with the runner
// (config-runner-source.ts, "--warm") loaded and waiting on its channel. A grading claims it,
// writes answer.yaml into its /harness and sends one line; the runner then reads the answer and
// checks it exactly as in a cold jail. It is taken out of its slot before it is used and serves
// one answer; the next grading of the question gets a fresh one (started once this one is done).
// One left unclaimed for WARM_JAIL_IDLE_MS is ended and not replaced until the next grading.
import type { SandboxDriver } from '../../sandbox/sandbox-driver';
import { createKeyedWarmSlot, startWarmJail, WARM_JAIL_IDLE_MS, type WarmJail, type WarmJailSpec } from '../../sandbox/warm-jail';

const slot = createKeyedWarmSlot<WarmJail>();

// The driver's warm jail for `key`, taken out of its slot (null: none for this question, or it has ended).
export function takeWarmConfigJail(driver: SandboxDriver, key: string): WarmJail | null {
  return slot.take(driver, key);
}

// Starts a jail for `key` (after a grading of that question) unless one is waiting, replacing
// one kept for another question.
export function prestartWarmConfigJail(driver: SandboxDriver, key: string, spec: WarmJailSpec) {
  slot.prestart(driver, key, () => startWarmJail(driver, spec, WARM_JAIL_IDLE_MS, true));
}
