// Pre-started ("warm") jails for the Bash question graded last, one per scenario, so a Bash
// grading does not wait for seven jails to start: on two cores their start-up alone took about
// 270 ms of a 500 ms grading. Each is the scenario's cold jail in every respect (../../sandbox/
// warm-jail.ts) but one: the script is written into its /harness when the grading claims it. Its
// pid 1 (the starter, scenario-start-source.ts, or the scratch-tree supervisor) already waits for
// the scenario's arguments on the channel, cold or warm. The set is started in the scenarios'
// declared order; which jail serves which scenario is decided at the claim, in the grading's
// random order, and nothing scenario-specific enters a jail before.
//
// A driver keeps one set, for one question (`key`: the harness spec's hash); a grading of that
// question takes the whole set, and once it is done a fresh set starts for it (off its path),
// replacing a set kept for another question. A set whose jail has ended is not used (the grading
// runs cold). A set left unclaimed for WARM_JAIL_IDLE_MS is ended and not replaced until the
// next grading.
import type { SandboxDriver } from '../../sandbox/sandbox-driver';
import { createKeyedWarmSlot, startWarmJail, WARM_JAIL_IDLE_MS, type Warm, type WarmJail, type WarmJailSpec } from '../../sandbox/warm-jail';

// The set counts as ended once any of its jails has: a grading never takes a partial set.
type WarmSet = Warm & { jails: WarmJail[] };

function startSet(driver: SandboxDriver, specs: WarmJailSpec[]): WarmSet {
  const jails = specs.map((spec) => startWarmJail(driver, spec, WARM_JAIL_IDLE_MS, true));
  return {
    jails,
    get ended() {
      return jails.some((jail) => jail.ended);
    },
    abort: () => jails.forEach((jail) => jail.abort()),
  };
}

const slot = createKeyedWarmSlot<WarmSet>();

// The driver's set for `key`, taken out of its slot: one jail per spec given to prestart, in
// that order. Null when the driver keeps none for this question or one of them has ended.
export function takeWarmBashJails(driver: SandboxDriver, key: string): WarmJail[] | null {
  return slot.take(driver, key)?.jails ?? null;
}

// Starts a set for `key` (after a grading of that question), unless one is waiting.
export function prestartWarmBashJails(driver: SandboxDriver, key: string, specs: WarmJailSpec[]) {
  slot.prestart(driver, key, () => startSet(driver, specs));
}
