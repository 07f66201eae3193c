// A Bash kit assertion is decided from the recorded calls, the world's events and its end state,
// by literal matching only: an argv matcher names the tool first (a docker word inside a
// systemctl call is not a docker call), an order holds when the later call never happened.
import { describe, expect, it } from 'vitest';
import type { ScenarioObservation } from '@/grading/harnesses/bash-deploy/relay-session';
import { answerKitCallAtOnce } from '../../../support/answer-kit-call-at-once';
import { AssertionSchema } from '@/grading/harnesses/bash-kit/bash-kit-spec';
import { judgeKitAssertion } from '@/grading/harnesses/bash-kit/judge-kit-assertion';
import { createKitWorld, type KitWorld } from '@/grading/harnesses/bash-kit/kit-world';
import { WorldSpecSchema } from '@/grading/harnesses/bash-kit/world-spec';

function observe(lines: string[], exitCode = 0, stdout = ''): ScenarioObservation<KitWorld> {
  const world = createKitWorld(WorldSpecSchema.parse({ units: { 'docker.service': 'inactive' }, docker: { images: ['app:1'] } }));
  const calls = lines.map((line) => {
    const argv = line.split(' ');
    return { argv, reply: answerKitCallAtOnce(world, argv) };
  });
  return { status: 'ended', exitCode, signal: null, timedOut: false, stdout, stderr: '', outputTruncated: false, calls, failure: null, world };
}
// Through the schema, as a spec's assertions are: defaults applied, shape checked.
const judge = (a: Record<string, unknown>, o: ScenarioObservation<KitWorld>) => judgeKitAssertion(AssertionSchema.parse({ ...a, reason: 'r' }), o);

describe('judgeKitAssertion', () => {
  it('matches argv with the tool first and the other words in order', () => {
    const o = observe(['systemctl is-active --quiet docker']);
    expect(judge({ kind: 'calls', call: { argv: ['docker'] }, max: 0 }, o)).toBeNull();
    expect(judge({ kind: 'calls', call: { argv: ['systemctl', 'is-active'] } }, o)).toBeNull();
    expect(judge({ kind: 'calls', call: { argv: ['systemctl', 'docker', 'is-active'] } }, o)).toBe('r');
  });

  it('counts events, holds an order whose later call never came, and reads sleeps as a backoff', () => {
    const o = observe(['docker pull app:2', 'sleep 1', 'sleep 2', 'sleep 2', 'sleep 4']);
    expect(judge({ kind: 'calls', call: { event: 'docker pull app:2' } }, o)).toBeNull();
    expect(judge({ kind: 'order', first: { event: 'docker pull app:2' }, then: { event: 'docker stop web' } }, o)).toBeNull();
    expect(judge({ kind: 'backoff', min: 3 }, o)).toBeNull();
    expect(judge({ kind: 'backoff', min: 3 }, observe(['sleep 2', 'sleep 2', 'sleep 2']))).toBe('r');
  });

  it('reads log lines that are the script\'s own, ignoring case', () => {
    const o = observe(['docker pull app:2'], 1, 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\nRolled back\n');
    expect(judge({ kind: 'log', anyOf: ['roll'] }, o)).toBeNull();
    expect(judge({ kind: 'log', anyOf: ['daemon'] }, o)).toBe('r');
    expect(judge({ kind: 'exit', zero: false }, o)).toBeNull();
  });

  it('matches an event prefix as whole words, so a word the script wrote cannot extend it', () => {
    const world = createKitWorld(WorldSpecSchema.parse({ http: [{ url: 'http://x/healthz', statuses: [503] }] }));
    const calls = [['curl', 'http://x/healthzX'], ['curl', 'http://x/healthz']].map((argv) => ({ argv, reply: answerKitCallAtOnce(world, argv) }));
    const o: ScenarioObservation<KitWorld> = { status: 'ended', exitCode: 0, signal: null, timedOut: false, stdout: '', stderr: '', outputTruncated: false, calls, failure: null, world };
    expect(judge({ kind: 'calls', call: { event: 'curl http://x/healthz', prefix: true }, max: 1, min: 1 }, o)).toBeNull();
    expect(judge({ kind: 'calls', call: { event: 'curl http://x/healthz 503', prefix: true } }, o)).toBeNull();
    expect(judge({ kind: 'calls', call: { event: 'curl http://x/', prefix: true } }, o)).toBe('r');
    expect(judge({ kind: 'calls', call: { event: 'curl ', prefix: true }, min: 2 }, o)).toBeNull();
  });

  it('matches any of several calls, in the order they came', () => {
    const o = observe(['docker pull app:2', 'systemctl restart docker']);
    const restartOrStop = { anyOf: [{ event: 'systemctl stop docker.service' }, { event: 'systemctl restart docker.service' }] };
    expect(judge({ kind: 'calls', call: restartOrStop }, o)).toBeNull();
    expect(judge({ kind: 'order', first: { event: 'docker pull app:2' }, then: restartOrStop }, o)).toBeNull();
    expect(judge({ kind: 'order', first: restartOrStop, then: { event: 'docker pull app:2' } }, o)).toBe('r');
  });

  it('orders events by the call that made them, not by when they were recorded', () => {
    const o = observe(['docker pull app:2', 'docker pull app:3']);
    // A configuration test that reads the tree records its event when its answer comes, after a
    // later call's (fake-nginx.ts).
    o.world.events.reverse();
    expect(judge({ kind: 'order', first: { event: 'docker pull app:2' }, then: { event: 'docker pull app:3' } }, o)).toBeNull();
    expect(judge({ kind: 'order', first: { event: 'docker pull', prefix: true }, then: { event: 'docker pull app:3' } }, o)).toBeNull();
  });

  it('reads the whole output, the fakes\' lines too, and names how the script ended with {exit}', () => {
    const o = observe(['docker pull app:2'], 3, 'Cannot connect to the Docker daemon\n');
    expect(judge({ kind: 'output', anyOf: ['DAEMON'] }, o)).toBeNull();
    expect(judge({ kind: 'output', anyOf: ['usage'] }, o)).toBe('r');
    expect(judgeKitAssertion(AssertionSchema.parse({ kind: 'exit', zero: true, reason: 'exited {exit}, twice {exit}' }), o)).toBe('exited 3, twice 3');
  });

  it('gives only the first failing reason of a group', () => {
    const group = (first: string) =>
      AssertionSchema.parse({ kind: 'all', of: [{ kind: 'unit', name: first, state: 'active', reason: 'unit down' }, { kind: 'exit', zero: true, reason: 'non-zero' }] });
    const o = observe([], 1);
    expect(judgeKitAssertion(group('docker'), o)).toBe('unit down');
    expect(judgeKitAssertion(group('docker'), observe([], 0))).toBe('unit down');
    const active = createKitWorld(WorldSpecSchema.parse({ units: { 'docker.service': 'active' } }));
    expect(judgeKitAssertion(group('docker'), { ...o, world: active })).toBe('non-zero');
    expect(judgeKitAssertion(group('docker'), { ...o, exitCode: 0, world: active })).toBeNull();
  });

  it('answers only the question\'s own fake tools: a forged call to another is not found', () => {
    const world = createKitWorld(WorldSpecSchema.parse({ units: { 'docker.service': 'active' }, docker: {} }));
    expect(answerKitCallAtOnce(world, ['sleep', '2'], ['docker', 'systemctl'])).toMatchObject({ code: 127, err: 'sleep: command not found\n' });
    expect(world.events).toEqual([]);
    expect(answerKitCallAtOnce(world, ['docker', 'pull', 'app:2'], ['docker', 'systemctl']).code).toBe(0);
  });
});
