// The grader's end of a scenario's jail: each connection is one call, answered from the
// scenario's own world and recorded; requests are bounded, a flood ends the scenario, and a
// connection that never completes a request is never recorded.
import { PassThrough, Duplex } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDeployWorld, NEW_IMAGE } from '@/grading/harnesses/bash-deploy/deploy-world';
import { createCallBudget, createRelaySession, HUNG_CALL_HOLD_MS, MAX_CALLS_PER_SCENARIO, MAX_REPLY_ERR_BYTES, MAX_REPLY_OUT_BYTES } from '@/grading/harnesses/bash-deploy/relay-session';
import { reply } from '@/grading/harnesses/tool-reply';
import { createCallRequestReader } from '@/grading/harnesses/bash-deploy/read-call-request';
import { formatCall } from '@/grading/harnesses/bash-deploy/format-call';

const request = (argv: string[]) => Buffer.from(`${argv.length}\0${argv.map((a) => `${a}\0`).join('')}`);

function call(session: ReturnType<typeof createRelaySession>, bytes: Buffer) {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  session.accept(Duplex.from({ readable: input, writable: output }));
  input.write(bytes);
  return new Promise<string>((resolve) => setImmediate(() => setImmediate(() => resolve(Buffer.concat(chunks).toString()))));
}

describe('createRelaySession', () => {
  it('answers a call from its own world with exit code, stdout and stderr sizes, and records it', async () => {
    const session = createRelaySession(createDeployWorld({ faults: { pull: 'fails' } }), createCallBudget(), () => {});
    const answer = await call(session, request(['docker', 'pull', NEW_IMAGE]));
    const [header, ...body] = answer.split('\n');
    const [code, out, err] = header!.split(' ').map(Number);
    expect(code).toBe(1);
    expect(out).toBe(0);
    expect(Buffer.byteLength(body.join('\n'))).toBe(err);
    expect(session.observation.calls).toEqual([expect.objectContaining({ argv: ['docker', 'pull', NEW_IMAGE] })]);
  });

  it('ends the scenario past the per-scenario call limit and answers no more', async () => {
    let stopped = 0;
    const session = createRelaySession(createDeployWorld(), createCallBudget(10_000), () => stopped++);
    for (let i = 0; i < MAX_CALLS_PER_SCENARIO; i++) await call(session, request(['docker', 'ps']));
    expect(session.observation.failure).toBeNull();
    expect(await call(session, request(['docker', 'ps']))).toMatch(/^125 0 \d+\nrehearse: too many/);
    expect(session.observation.failure).toContain('more docker/systemctl calls than the grader answers');
    expect(session.observation.calls).toHaveLength(MAX_CALLS_PER_SCENARIO);
    expect(stopped).toBeGreaterThan(0);
  });

  it('shares the per-run budget between scenarios', async () => {
    const budget = createCallBudget(1);
    const first = createRelaySession(createDeployWorld(), budget, () => {});
    const second = createRelaySession(createDeployWorld(), budget, () => {});
    await call(first, request(['docker', 'ps']));
    await call(second, request(['docker', 'ps']));
    expect(first.observation.failure).toBeNull();
    expect(second.observation.failure).toContain('across all runs');
  });

  it('caps a reply and marks the cut', async () => {
    const session = createRelaySession(createDeployWorld(), createCallBudget(), () => {});
    const answer = await call(session, request(['docker', 'ps', '--format', '{{json .}}'.repeat(2000)]));
    expect(Number(answer.split(' ')[1])).toBeLessThanOrEqual(MAX_REPLY_OUT_BYTES + 64);
  });

  it('records the reply as it was sent, capped, however long the model answered', async () => {
    const session = createRelaySession(createDeployWorld(), createCallBudget(), () => {}, { answerCall: () => reply(0, 'x\n'.repeat(1_000_000), 'e'.repeat(100_000)) });
    const answer = await call(session, request(['docker', 'inspect', 'web']));
    const recorded = session.observation.calls[0]!.reply;
    expect(Buffer.byteLength(recorded.out)).toBeLessThanOrEqual(MAX_REPLY_OUT_BYTES + 64);
    expect(recorded.out).toMatch(/…\[truncated \d+ bytes\]$/);
    expect(Buffer.byteLength(recorded.err)).toBeLessThanOrEqual(MAX_REPLY_ERR_BYTES + 64);
    expect(answer.split('\n')[0]).toBe(`0 ${Buffer.byteLength(recorded.out)} ${Buffer.byteLength(recorded.err)}`);
  });

  // A call the real tool would never answer (curl with no --max-time on a hung endpoint).
  describe('a call that hangs', () => {
    afterEach(() => vi.useRealTimers());
    const hanging = () => ({ ...reply(28), hangs: 'curl waited on http://x/healthz with no --max-time' });

    function open(session: ReturnType<typeof createRelaySession>) {
      const input = new PassThrough();
      const output = new PassThrough();
      const chunks: Buffer[] = [];
      output.on('data', (chunk: Buffer) => chunks.push(chunk));
      const socket = Duplex.from({ readable: input, writable: output });
      session.accept(socket);
      input.write(request(['curl', 'http://x/healthz']));
      return { socket, sent: () => Buffer.concat(chunks).toString() };
    }

    it('is not answered, and ends the run with its reason once the hold is over', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      let stopped = 0;
      const session = createRelaySession(createDeployWorld(), createCallBudget(), () => stopped++, { answerCall: hanging });
      const { sent } = open(session);
      await new Promise((resolve) => setImmediate(resolve));
      expect(session.observation.calls).toHaveLength(1);
      vi.advanceTimersByTime(HUNG_CALL_HOLD_MS - 1);
      expect(session.observation.failure).toBeNull();
      vi.advanceTimersByTime(1);
      expect(session.observation.failure).toBe('curl waited on http://x/healthz with no --max-time');
      expect(stopped).toBe(1);
      expect(sent()).toBe('');
      expect(formatCall(session.observation.calls[0]!)).toBe('curl http://x/healthz → no answer (still waiting when the grader ended the run)');
    });

    it('lets the run go on when the caller stops waiting first (timeout 1 curl …)', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const session = createRelaySession(createDeployWorld(), createCallBudget(), () => {}, { answerCall: hanging });
      const { socket } = open(session);
      await new Promise((resolve) => setImmediate(resolve));
      socket.destroy();
      await new Promise((resolve) => setImmediate(resolve));
      vi.advanceTimersByTime(HUNG_CALL_HOLD_MS * 2);
      expect(session.observation.failure).toBeNull();
      expect(formatCall(session.observation.calls[0]!)).toBe('curl http://x/healthz → no answer (the caller stopped waiting)');
    });
  });

  it('records nothing for a connection that never completes its request, and drops garbage', async () => {
    const session = createRelaySession(createDeployWorld(), createCallBudget(), () => {});
    await call(session, Buffer.from('3\0docker\0pu'));
    expect(await call(session, Buffer.from('not a number\0'))).toBe('');
    expect(session.observation.calls).toEqual([]);
  });
});

describe('createCallRequestReader', () => {
  it('reads a request split across chunks, with any bytes in the arguments', () => {
    const reader = createCallRequestReader();
    const bytes = request(['docker', 'run', 'a b', 'é', '\n']);
    expect(reader.push(bytes.subarray(0, 7))).toBe('more');
    expect(reader.push(bytes.subarray(7))).toEqual({ argv: ['docker', 'run', 'a b', 'é', '\n'], truncated: false });
  });

  it('stops at the byte limit and returns what arrived, marked as cut', () => {
    const reader = createCallRequestReader(64);
    const result = reader.push(request(['docker', 'run', 'x'.repeat(1000)]));
    expect(result).toMatchObject({ truncated: true, argv: ['docker', 'run', expect.stringMatching(/^x+$/)] });
  });

  it('replaces invalid UTF-8 instead of producing lone surrogates', () => {
    const result = createCallRequestReader().push(Buffer.concat([Buffer.from('2\0docker\0'), Buffer.from([0xed, 0xa0, 0x80, 0xff]), Buffer.from([0])]));
    expect(result).toMatchObject({ argv: ['docker', '\uFFFD\uFFFD\uFFFD\uFFFD'] });
  });
});
