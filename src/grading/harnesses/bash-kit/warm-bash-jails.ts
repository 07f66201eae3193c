// Pre-started ("warm") jails for the Bash question graded last, one per scenario, so a Bash
// grading does not wait for seven jails to start: on two cores their start-up alone took about
// 270 ms of a 500 ms grading. Each is a cold scenario jail in every respect (../../sandbox/
// warm-jail.ts) but two: the script is written into its /harness when the grading claims it, and
// a scenario without a scratch tree has a small Perl pid 1 (warm-start-source.ts) that waits for
// the arguments and then execs bash on the script, which is then pid 1 as in a cold jail. A
// scratch-tree scenario's supervisor already waits for its work on the channel.
//
// A driver keeps one set, for one question (`key`: the harness spec's hash); a grading of that
// question takes the whole set, and once it is done a fresh set starts for it (off its path),
// replacing a set kept for another question. A set whose jail has ended is not used (the grading
// runs cold). A set left unclaimed for IDLE_MS is ended and not replaced until the next grading.
import type { SandboxDriver } from '../../sandbox/sandbox-driver';
import { startWarmJail, type WarmJail, type WarmJailSpec } from '../../sandbox/warm-jail';

export const IDLE_MS = 10 * 60_000;

type WarmSet = { key: string; jails: WarmJail[] };

const sets = new WeakMap<SandboxDriver, WarmSet>();

function end(set: WarmSet) {
  for (const jail of set.jails) jail.abort();
}

// The driver's set for `key`, taken out of its slot: one jail per spec given to prestart, in
// that order. Null when the driver keeps none for this question or one of them has ended.
export function takeWarmBashJails(driver: SandboxDriver, key: string): WarmJail[] | null {
  const set = sets.get(driver);
  if (!set || set.key !== key) return null;
  sets.delete(driver);
  if (set.jails.some((jail) => jail.ended)) {
    end(set);
    return null;
  }
  return set.jails;
}

// Starts a set for `key` (after a grading of that question), unless one is waiting.
export function prestartWarmBashJails(driver: SandboxDriver, key: string, specs: WarmJailSpec[]) {
  if (!driver.prestarts) return;
  const current = sets.get(driver);
  if (current?.key === key && !current.jails.some((jail) => jail.ended)) return;
  if (current) end(current);
  sets.set(driver, { key, jails: specs.map((spec) => startWarmJail(driver, spec, IDLE_MS, true)) });
}
