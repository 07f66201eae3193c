// The pre-started ("warm") Python jail (warm-python-jail.ts): the supervisor starts before the
// answer exists and gets it over the channel. It must serve one answer only (nothing an answer
// leaves behind reaches the next), its wall limit must count from the answer's arrival (not from
// the jail's start, and not at all before), and it must be the cold jail in every limit: the same
// rlimits, cgroup limits, uid, capabilities, seccomp and namespaces. Real sandbox throughout.
import { describe, expect, it } from 'vitest';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';
import { createPythonKitHarness } from '@/grading/harnesses/python-kit/create-python-kit-harness';
import { prestartWarmJail, takeWarmJail } from '@/grading/harnesses/python-kit/warm-python-jail';
import type { HarnessOutcome } from '@/grading/harnesses/harness';
import type { SandboxDriver } from '@/grading/sandbox/sandbox-driver';

const warmDriver = createBwrapDriver();
const coldDriver = createBwrapDriver({ prestart: false });

const probe = createPythonKitHarness({
  name: 'python-warm-probe',
  version: 1,
  function: 'probe',
  cases: [
    { name: 'first', hidden: false, args: [1], expected: true, why: 'probe' },
    { name: 'second', hidden: false, args: [2], expected: true, why: 'probe' },
    { name: 'third', hidden: true, args: [3], expected: true, why: 'probe' },
  ],
});

function outputs(outcome: HarnessOutcome) {
  expect(outcome.kind).toBe('tests');
  return outcome.kind === 'tests' ? Object.fromEntries(outcome.tests.map((t) => [t.name, { status: t.status, message: t.message, output: t.output ?? '' }])) : {};
}

// Waits until the driver's warm jail has started (its supervisor said hello is not visible from
// here; a short wait is enough for the tests, which only need it to exist before the answer).
const settle = (ms = 600) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the warm Python jail', () => {
  it('serves one answer: the slot is emptied when taken, a second claim is refused', async () => {
    prestartWarmJail(warmDriver);
    const warm = takeWarmJail(warmDriver);
    expect(warm).not.toBeNull();
    expect(takeWarmJail(warmDriver)).toBeNull();
    const result = warm!.claim({ wallTimeMs: 5_000, connect: (socket) => socket.on('data', () => {}), first: `${JSON.stringify({ t: 'bye' })}\n` });
    expect(() => warm!.claim({ wallTimeMs: 5_000, connect: () => {} })).toThrow(/one answer only/);
    // A first message that is not a start ends the supervisor, and with it the jail.
    expect(await result).toMatchObject({ infraError: null, exitCode: 0, killedBy: null });
  });

  it('leaves nothing of one answer to the next: each grading gets a fresh jail', async () => {
    const leaver = [
      'import builtins, os',
      "open('/tmp/left', 'w').write('x'); open('/work/left', 'w').write('x'); builtins.LEFT = 1; os.environ['LEFT'] = '1'",
      'def probe(n):',
      "    print('pid1', open('/proc/1/stat').read().split()[21], sorted(os.listdir('/harness')))",
      '    return True',
    ].join('\n');
    const checker = [
      'import builtins, os',
      'def probe(n):',
      "    print('pid1', open('/proc/1/stat').read().split()[21])",
      "    return not (os.path.exists('/tmp/left') or os.path.exists('/work/left') or hasattr(builtins, 'LEFT') or 'LEFT' in os.environ)",
    ].join('\n');
    prestartWarmJail(warmDriver);
    await settle();
    const first = outputs(await probe.run(leaver, warmDriver));
    await settle();
    const second = outputs(await probe.run(checker, warmDriver));
    expect(first.first!.status).toBe('pass');
    // Graded in a warm jail: its /harness holds the runner only (the answer came over the channel).
    expect(first.first!.output).toContain("['runner.py']");
    expect(second.first).toMatchObject({ status: 'pass' });
    expect(second.second).toMatchObject({ status: 'pass' });
    // A different supervisor (pid 1's start time differs): not the same jail handed on.
    expect(second.first!.output).not.toBe(first.first!.output);
  });

  it('counts the wall limit from the answer: idle time before it is not counted, nothing kills it before', async () => {
    let arm!: (ms: number) => void;
    const deferredWall = new Promise<number>((resolve) => (arm = resolve));
    const started = performance.now();
    // Not armed for 1.2 s: the limit given in limits (100 ms) must not apply.
    const run = warmDriver.run({ command: ['/bin/sleep', '3'], limits: { wallTimeMs: 100 }, deferredWall, background: true });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const armedAt = performance.now();
    arm(700);
    const result = await run;
    const ended = performance.now();
    expect(result.killedBy).toBe('wall-time');
    expect(ended - armedAt).toBeGreaterThanOrEqual(650);
    expect(ended - armedAt).toBeLessThan(1_500);
    expect(ended - started).toBeGreaterThanOrEqual(1_800);

    // Never armed: the run lasts as long as its command.
    const unarmed = await warmDriver.run({ command: ['/bin/sleep', '0.5'], limits: { wallTimeMs: 100 }, deferredWall: new Promise<number>(() => {}), background: true });
    expect(unarmed).toMatchObject({ exitCode: 0, killedBy: null });
  });

  it('gives a claimed answer its full wall limit however long the jail waited', async () => {
    prestartWarmJail(warmDriver);
    // Longer than the harness's per-call timeout + 1 s: idle time must not eat into the answer's.
    await settle(3_500);
    const slow = ['import time', 'def probe(n):', '    time.sleep(1.5)', '    return True'].join('\n');
    const tests = outputs(await probe.run(slow, warmDriver));
    expect(tests.first!.status).toBe('pass');
    expect(tests.second!.status).toBe('pass');
  });

  it('has exactly the limits, identity, cgroup and filter of a cold jail', async () => {
    // What the answer's process and the supervisor (pid 1) are held to, seen from inside.
    const looker = [
      'import os, re',
      'def probe(n):',
      "    status = [l for l in open('/proc/self/status').read().splitlines() if re.match(r'(Uid|Gid|Groups|Cap|NoNewPrivs|Seccomp)', l)]",
      "    cgroup = re.sub(r'\\d+-\\d+-[0-9a-f]{8}', 'RUN', open('/proc/self/cgroup').read())",
      "    limits = open('/proc/self/limits').read() + open('/proc/1/limits').read()",
      "    mem = [open(p).read().strip() for p in ('/sys/fs/cgroup/memory/memory.limit_in_bytes', '/sys/fs/cgroup/pids/pids.max') if os.path.exists(p)]",
      "    ns = sorted(os.listdir('/proc/self/ns'))",
      "    print('\\n'.join(status), cgroup, limits, mem, ns, os.getcwd(), sorted(os.environ), os.uname().nodename, sep='\\n')",
      '    return True',
    ].join('\n');
    prestartWarmJail(warmDriver);
    await settle();
    const warm = outputs(await probe.run(looker, warmDriver));
    const cold = outputs(await probe.run(looker, coldDriver));
    expect(warm.first!.status).toBe('pass');
    expect(warm.first!.output).toContain('Max open files');
    expect(warm.first!.output).toContain('Seccomp:\t2');
    expect(warm.first!.output).toBe(cold.first!.output);
  });

  it('grades the same as a cold jail, failures, syntax errors and crashes included', async () => {
    const answers = [
      'def probe(n):\n    return n == 1\n',
      'def probe(n:\n',
      'import os\ndef probe(n):\n    os._exit(3)\n',
      'raise SystemExit(2)\n',
      'def other():\n    pass\n',
    ];
    for (const answer of answers) {
      prestartWarmJail(warmDriver);
      await settle(300);
      const warm = await probe.run(answer, warmDriver);
      const cold = await probe.run(answer, coldDriver);
      expect(warm).toEqual(cold);
    }
  });

  // The verdicts come from values the grader received, so the grade need not wait for the jail's
  // teardown (about half of a warm grading's time); a test that got no value still waits for it.
  it('returns the grade once every test has its value, before the jail has ended, warm and cold', async () => {
    for (const prestart of [true, false]) {
      const real = createBwrapDriver({ prestart });
      const ends: number[] = [];
      const watched: SandboxDriver = { ...real, run: (spec) => real.run(spec).finally(() => ends.push(performance.now())) };
      if (prestart) {
        prestartWarmJail(watched);
        await settle(300);
      }
      const passing = await probe.run('def probe(n):\n    return True\n', watched);
      const returnedAt = performance.now();
      expect(Object.values(outputs(passing)).map((t) => t.status)).toEqual(['pass', 'pass', 'pass']);
      expect(ends).toEqual([]);
      await expect.poll(() => ends.length, { timeout: 5_000 }).toBe(1);
      expect(ends[0]).toBeGreaterThan(returnedAt);

      // Without a value for every test (here: the answer did not load) the grade is read with the
      // jail's end, as before.
      if (prestart) await settle(300);
      const broken = await probe.run('def probe(n:\n', watched);
      expect(broken.kind).toBe('error');
      expect(ends.length).toBe(2);
    }
  });
});
