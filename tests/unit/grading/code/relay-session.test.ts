// The grader's end of the Bash runner's channel: it answers each relayed call from the scenario's
// own model, records calls in order, and treats a message out of sequence as our bug.
import { PassThrough, Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDeployWorld, NEW_IMAGE } from '@/grading/harnesses/bash-deploy/deploy-world';
import { createRelaySession } from '@/grading/harnesses/bash-deploy/relay-session';

async function converse(messages: object[], worlds = [createDeployWorld(), createDeployWorld({ faults: { pull: 'fails' } })]) {
  const session = createRelaySession(worlds);
  const input = new PassThrough();
  const output = new PassThrough();
  const replies: Record<string, unknown>[] = [];
  output.on('data', (chunk: Buffer) => replies.push(...chunk.toString().split('\n').filter(Boolean).map((l) => JSON.parse(l))));
  session.connect(Duplex.from({ readable: input, writable: output }));
  input.end(messages.map((m) => `${JSON.stringify(m)}\n`).join(''));
  await new Promise((resolve) => setTimeout(resolve, 10));
  return { outcome: session.outcome(), replies };
}

describe('createRelaySession', () => {
  it('answers each call from its own scenario\'s world and records it', async () => {
    const { outcome, replies } = await converse([
      { t: 'hello' },
      { t: 'start', s: 0 },
      { t: 'call', s: 0, id: 1, argv: ['docker', 'pull', NEW_IMAGE] },
      { t: 'end', s: 0, exitCode: 0, timedOut: false, stdout: 'ok\n', stderr: '' },
      { t: 'start', s: 1 },
      { t: 'call', s: 1, id: 2, argv: ['docker', 'pull', NEW_IMAGE] },
      { t: 'end', s: 1, exitCode: 1, timedOut: false, stdout: '', stderr: 'failed\n' },
      { t: 'done' },
    ]);
    expect(replies.map((r) => [r.id, r.code])).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(outcome.done).toBe(true);
    expect(outcome.protocolError).toBeNull();
    expect(outcome.observations.map((o) => [o.status, o.exitCode, o.calls.length])).toEqual([
      ['ended', 0, 1],
      ['ended', 1, 1],
    ]);
  });

  it('flags a call outside a running scenario as a protocol error and does not answer it', async () => {
    const { outcome, replies } = await converse([{ t: 'hello' }, { t: 'call', s: 0, id: 1, argv: ['docker', 'ps'] }]);
    expect(outcome.protocolError).toBe('call outside its scenario');
    expect(replies).toEqual([]);
  });

  it('leaves a scenario the runner never finished as unfinished', async () => {
    const { outcome } = await converse([{ t: 'hello' }, { t: 'start', s: 0 }]);
    expect(outcome.observations[0]?.status).toBe('unfinished');
    expect(outcome.done).toBe(false);
  });
});
