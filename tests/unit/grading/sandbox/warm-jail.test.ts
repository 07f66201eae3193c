// The warm jail's bookkeeping (sandbox/warm-jail.ts) against a driver double that records what it
// is asked: when a claim hands over the work, adds the answer's files first, and when it gives
// the grading back (null) because nothing of the answer can have run. The real jail is tested in
// tests/integration/attacks/python-warm-jail.test.ts and bash-warm-jails.test.ts.
import { PassThrough, type Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sandboxInfraResult, type SandboxDriver, type SandboxFile, type SandboxResult, type SandboxSpec } from '@/grading/sandbox/sandbox-driver';
import { createKeyedWarmSlot, createWarmSlot, startWarmJail, warmKeyOf, type Warm } from '@/grading/sandbox/warm-jail';

const ok = (): SandboxResult => ({ ...sandboxInfraResult(''), infraError: null, exitCode: 0 });

// A driver whose one run connects its pid 1 (unless told not to) and ends when aborted or when `end` is called.
function fakeDriver({ connects = true, addFails = false } = {}) {
  const seen: { spec: SandboxSpec | null; added: SandboxFile[][]; socket: PassThrough | null; end: () => void } = { spec: null, added: [], socket: null, end: () => {} };
  const driver: SandboxDriver = {
    name: 'fake',
    prestarts: true,
    run(spec) {
      seen.spec = spec;
      spec.lateFiles?.(async (files) => {
        if (addFails) throw new Error('disk full');
        seen.added.push(files);
      });
      return new Promise((resolve) => {
        seen.end = () => resolve(ok());
        spec.signal?.addEventListener('abort', () => resolve({ ...ok(), exitCode: null, killedBy: 'cancelled' }));
        if (connects) {
          seen.socket = new PassThrough();
          queueMicrotask(() => spec.channel?.(seen.socket as unknown as Duplex));
        }
      });
    },
  };
  return { driver, seen };
}

const spec = { command: ['/bin/true'], asPid1: true };
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('a warm jail', () => {
  it('adds the files, then hands the session its pid 1\'s connection and the first message', async () => {
    const { driver, seen } = fakeDriver();
    const jail = startWarmJail(driver, spec, 60_000, true);
    await tick();
    const connected: Duplex[] = [];
    const result = jail.claim({ wallTimeMs: 1_000, connect: (socket) => connected.push(socket), first: 'go\n', files: [{ path: 'deploy.sh', content: 'exit 0' }] });
    await tick();
    expect(seen.added).toEqual([[{ path: 'deploy.sh', content: 'exit 0' }]]);
    expect(connected).toEqual([seen.socket]);
    expect(seen.socket!.read()?.toString()).toBe('go\n');
    expect(await seen.spec!.deferredWall).toBe(1_000);
    seen.end();
    expect(await result).toMatchObject({ exitCode: 0, killedBy: null });
    expect(() => jail.claim({ wallTimeMs: 1_000, connect: () => {} })).toThrow(/one answer only/);
  });

  it('gives the grading back (null) when its pid 1 never connected: nothing of the answer ran', async () => {
    const { driver, seen } = fakeDriver({ connects: false });
    const jail = startWarmJail(driver, spec, 60_000, true);
    const result = jail.claim({ wallTimeMs: 1_000, connect: () => {}, files: [{ path: 'deploy.sh', content: 'exit 0' }] });
    await tick();
    seen.end();
    expect(await result).toBeNull();
  });

  it('gives the grading back when the files cannot be added, and ends the jail', async () => {
    const { driver, seen } = fakeDriver({ addFails: true });
    const jail = startWarmJail(driver, spec, 60_000, true);
    const connected: Duplex[] = [];
    expect(await jail.claim({ wallTimeMs: 1_000, connect: (socket) => connected.push(socket), files: [{ path: 'deploy.sh', content: 'exit 0' }] })).toBeNull();
    expect(connected).toEqual([]);
    expect(seen.spec!.signal!.aborted).toBe(true);
  });

  it('counts as ended as soon as it is aborted (an idle jail being torn down is not taken)', async () => {
    const { driver } = fakeDriver();
    const jail = startWarmJail(driver, spec, 60_000);
    expect(jail.ended).toBe(false);
    jail.abort();
    expect(jail.ended).toBe(true);
  });

  it('ends itself when left unclaimed for its idle time', async () => {
    const { driver, seen } = fakeDriver();
    const jail = startWarmJail(driver, spec, 10);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(seen.spec!.signal!.aborted).toBe(true);
    expect(jail.ended).toBe(true);
  });

  it('destroys a second connection that comes before the claim, and passes later ones to the session after it', async () => {
    const { driver, seen } = fakeDriver();
    const jail = startWarmJail(driver, spec, 60_000);
    await tick();
    const early = new PassThrough();
    seen.spec!.channel!(early as unknown as Duplex);
    expect(early.destroyed).toBe(true);
    const connected: Duplex[] = [];
    void jail.claim({ wallTimeMs: 1_000, connect: (socket) => connected.push(socket) });
    const call = new PassThrough();
    seen.spec!.channel!(call as unknown as Duplex);
    expect(connected).toEqual([seen.socket, call]);
    seen.end();
  });
});

describe('a warm slot', () => {
  it('hands its jail out once, keeps a live one instead of starting another, and replaces an ended one', async () => {
    const { driver, seen } = fakeDriver();
    let started = 0;
    const slot = createWarmSlot((d) => (started++, startWarmJail(d, spec, 60_000)));
    expect(slot.take(driver)).toBeNull();
    slot.prestart(driver);
    slot.prestart(driver);
    expect(started).toBe(1);
    const jail = slot.take(driver);
    expect(jail).not.toBeNull();
    expect(slot.take(driver)).toBeNull();
    // Ended while waiting in its slot: the next prestart replaces it, and take hands out no ended one.
    slot.prestart(driver);
    seen.end();
    await tick();
    slot.prestart(driver);
    expect(started).toBe(3);
    const fresh = slot.take(driver);
    expect(fresh?.ended).toBe(false);
    slot.prestart(driver);
    seen.end();
    await tick();
    expect(slot.take(driver)).toBeNull();
    jail!.abort();
    fresh!.abort();
  });

  it('starts nothing for a driver that cannot keep a jail waiting', () => {
    const { driver, seen } = fakeDriver();
    const cold = { ...driver, prestarts: false };
    const slot = createWarmSlot((d) => startWarmJail(d, spec, 60_000));
    slot.prestart(cold);
    expect(seen.spec).toBeNull();
    expect(slot.take(cold)).toBeNull();
  });
});

describe('a keyed warm slot', () => {
  // A warm thing the test ends by hand, standing in for a jail or a set of them.
  const warmThing = () => {
    const thing = { ended: false, aborted: false, abort: () => ((thing.aborted = true), (thing.ended = true)) };
    return thing satisfies Warm;
  };

  it('hands out what was kept for the same key only, and keeps it for that key', () => {
    const { driver } = fakeDriver();
    const slot = createKeyedWarmSlot<ReturnType<typeof warmThing>>();
    const kept = warmThing();
    slot.prestart(driver, 'question-a', () => kept);
    expect(slot.take(driver, 'question-b')).toBeNull();
    expect(kept.aborted).toBe(false);
    expect(slot.take(driver, 'question-a')).toBe(kept);
    expect(slot.take(driver, 'question-a')).toBeNull();
  });

  it('replaces, and ends, what it kept for another key; keeps a live one for the same key', () => {
    const { driver } = fakeDriver();
    const slot = createKeyedWarmSlot<ReturnType<typeof warmThing>>();
    const first = warmThing();
    slot.prestart(driver, 'question-a', () => first);
    let startedAgain = false;
    slot.prestart(driver, 'question-a', () => ((startedAgain = true), warmThing()));
    expect(startedAgain).toBe(false);
    const second = warmThing();
    slot.prestart(driver, 'question-b', () => second);
    expect(first.aborted).toBe(true);
    expect(slot.take(driver, 'question-b')).toBe(second);
  });

  it('hands out nothing that has ended, and ends the rest of it (a set with one jail gone)', () => {
    const { driver } = fakeDriver();
    const slot = createKeyedWarmSlot<ReturnType<typeof warmThing>>();
    const kept = warmThing();
    slot.prestart(driver, 'question-a', () => kept);
    kept.ended = true;
    expect(slot.take(driver, 'question-a')).toBeNull();
    expect(kept.aborted).toBe(true);
  });

  it('keys a spec by its content', () => {
    expect(warmKeyOf({ name: 'deploy', version: 2 })).toBe(warmKeyOf({ name: 'deploy', version: 2 }));
    expect(warmKeyOf({ name: 'deploy', version: 2 })).not.toBe(warmKeyOf({ name: 'deploy', version: 3 }));
  });
});
