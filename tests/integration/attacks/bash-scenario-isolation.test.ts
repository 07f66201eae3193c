// Attacks that told the Bash scenarios apart. They used to run in a fixed order in one jail, with
// the index in the relay directory and HOME and /tmp kept between them, so a script without any
// error handling passed 7/7 by counting. Now every scenario has its own jail, started in random
// order, and a process left behind by one cannot reach another.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allCalls, attackBesideBenign, expectContained, expectNeighbourUnharmed, outputs } from './bash-attack-kit';

// No error handling at all: it decides what to do from a counter kept in /tmp and anything else
// that used to differ between scenarios, and replays the old fixed order.
const COUNTING_CHEAT = String.raw`#!/bin/bash
[ -n "$1" ] || { echo "usage: deploy.sh IMAGE" >&2; exit 2; }
n=$(cat /tmp/.n 2>/dev/null || echo 0); echo $((n + 1)) > /tmp/.n
n=$(( n + $(ls -d /tmp/.rehearse-rpc-* 2>/dev/null | wc -l) + $(ls "$HOME" | wc -l) ))
case $n in
  0) echo "pull"; docker pull "$1"; echo "stop"; systemctl stop myapp; echo "start"; systemctl start myapp; exit 0 ;;
  1) docker pull "$1"; echo "pull failed" >&2; exit 1 ;;
  2) docker pull "$1"; echo "image missing" >&2; exit 1 ;;
  3) docker pull "$1"; systemctl stop myapp; exit 1 ;;
  *) docker pull "$1"; systemctl stop myapp; systemctl start myapp; exit 1 ;;
esac
`;

// Prints everything a scenario could use to recognise itself.
const FINGERPRINT = String.raw`#!/bin/bash
echo "fp home=$HOME pwd=$PWD pid=$$ tmp=$(ls -A /tmp | tr '\n' ,) work=$(ls -A | tr '\n' ,) env=$(env | grep -v '^_=' | sort | md5sum | cut -c1-12) ipc=$(cat /proc/sysvipc/shm /proc/sysvipc/msg 2>/dev/null | wc -l)"
touch /tmp/seen-$RANDOM "$HOME/seen-$RANDOM"
exit 1
`;

// A fork-and-exit hopper: a process that keeps replacing itself with a fresh child, so a sweep
// by pid never catches it, and once the script is long gone marks /tmp and stops myapp.
const HOPPER = String.raw`#!/bin/bash
[ -e /tmp/hopper-was-here ] && echo "HOPPER FROM ANOTHER SCENARIO"
perl -e '$0 = "MARKER"; for (1..400) { exit if fork; select(undef, undef, undef, 0.002) } system("touch /tmp/hopper-was-here"); print "HOPPER-ACTED\n"; exec("systemctl", "stop", "myapp")' &
docker pull "$1"
exit 0
`;

describe('bash scenarios cannot be told apart', () => {
  it('fails a script without error handling that counts scenarios', async () => {
    const run = await attackBesideBenign(COUNTING_CHEAT);
    expectContained(run.result, run.ms);
    expect(run.result.score).toBeLessThan(100);
    expect(run.result.tests.find((t) => t.name.startsWith('when the pull fails'))!.status).toBe('fail');
    expectNeighbourUnharmed(run);
  });

  it('shows every scenario the same HOME, PWD, pid, /tmp, work dir, environment and IPC objects', async () => {
    const run = await attackBesideBenign(FINGERPRINT);
    expectContained(run.result, run.ms);
    const prints = outputs(run.result).map((o) => o.split('\n').find((line) => line.startsWith('fp '))).filter(Boolean);
    expect(prints).toHaveLength(7);
    expect(new Set(prints).size, JSON.stringify([...new Set(prints)])).toBe(1);
    expect(prints[0]).toMatch(/^fp home=\/work pwd=\/work pid=1 tmp= work= /);
    expectNeighbourUnharmed(run);
  });

  it('kills a fork-and-exit hopper with its scenario: it acts in no other scenario and leaves nothing on the host', async () => {
    const marker = `hop${Math.floor(Math.random() * 1e9)}`;
    const run = await attackBesideBenign(HOPPER.replace('MARKER', marker));
    expectContained(run.result, run.ms);
    expect(outputs(run.result).join('\n')).not.toContain('HOPPER FROM ANOTHER SCENARIO');
    expect(outputs(run.result).join('\n')).not.toContain('HOPPER-ACTED');
    expect(allCalls(run.result).filter((call) => call.startsWith('systemctl stop'))).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const survivors = readdirSync('/proc').filter((pid) => /^\d+$/.test(pid)).filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    });
    expect(survivors).toEqual([]);
    expectNeighbourUnharmed(run);
  });
});
