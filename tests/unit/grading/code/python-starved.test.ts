// A Python grading the runner reports as starved (its wall deadline ran out at the cap while the
// host kept the answer off the CPU) is our infra error, graded again: never the candidate's
// timeout, and never a pass, whoever sent it and whatever came with it.
import { describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import { createFakeDriver } from '@/grading/sandbox/create-fake-driver';
import { MANIFEST_CASES } from '@/grading/harnesses/python-compare-manifests/manifest-cases';
import { answerCalls } from './play-runner';

const python = { kind: 'python' as const, answer: 'def compare_manifests(a, b):\n    return a != b\n', harness: { name: 'python-compare-manifests', version: 1 } };
const TOO_BUSY = /^the grading machine was too busy to time the answer: .*; it is graded again$/;
const correct = (args: unknown[]) => ({ ok: true, type: 'bool', data: JSON.stringify(args[0]) === JSON.stringify(args[1]) ? 'false' : 'true', repr: '?', stdout: '', stderr: '' });


const isHidden = (args: unknown) => MANIFEST_CASES.find((c) => JSON.stringify(c.args) === JSON.stringify(args))!.hidden;

describe('a starved Python grading', () => {
  it('is an infra error when the import was starved', async () => {
    const driver = createFakeDriver({
      respond: (_, channel) => {
        channel.send({ t: 'hello' });
        channel.send({ t: 'starved' });
        return {};
      },
    });
    const result = await gradeCode(python, driver);
    expect(result.status).toBe('infra_error');
    expect(result.message).toMatch(TOO_BUSY);
    expect(result.message).toContain('import the answer');
  });

  it('is an infra error when one call was starved, and sends no hidden input after it', async () => {
    const calls: unknown[][] = [];
    const driver = createFakeDriver({
      respond: async (_, channel) => {
        channel.send({ t: 'hello' });
        channel.send({ t: 'ready' });
        await answerCalls(channel, (args, i) => (i === 0 ? { ok: false, starved: true } : correct(args)), calls);
        return {};
      },
    });
    const result = await gradeCode(python, driver);
    expect(result.status).toBe('infra_error');
    expect(result.message).toMatch(TOO_BUSY);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.some(isHidden)).toBe(false);
  });

  it('is never a pass, even with a correct value beside the flag', async () => {
    const driver = createFakeDriver({
      respond: async (_, channel) => {
        channel.send({ t: 'hello' });
        channel.send({ t: 'ready' });
        await answerCalls(channel, (args, i) => ({ ...correct(args), ...(i === 0 ? { starved: true } : {}) }));
        return {};
      },
    });
    const result = await gradeCode(python, driver);
    expect(result.status).toBe('infra_error');
    expect(result.message).toMatch(TOO_BUSY);
  });
});
