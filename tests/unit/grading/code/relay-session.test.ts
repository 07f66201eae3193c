// The grader's end of a scenario's jail: each connection is one call, answered from the
// scenario's own world and recorded; requests are bounded, a flood ends the scenario, and a
// connection that never completes a request is never recorded.
import { PassThrough, Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDeployWorld, NEW_IMAGE } from '@/grading/harnesses/bash-deploy/deploy-world';
import { createCallBudget, createRelaySession, MAX_CALLS_PER_SCENARIO, MAX_REPLY_ERR_BYTES, MAX_REPLY_OUT_BYTES } from '@/grading/harnesses/bash-deploy/relay-session';
import { reply } from '@/grading/harnesses/tool-reply';
import { createCallRequestReader } from '@/grading/harnesses/bash-deploy/read-call-request';

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
