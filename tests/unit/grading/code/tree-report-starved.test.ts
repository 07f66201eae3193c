// The scratch-tree supervisor's "starved" report (its script timer ran out at its cap while the
// host kept the script off the CPU): read only in its one exact form, and a grading with one is
// our infra error, graded again, never the candidate's timeout and never a pass, whoever sent it.
import { describe, expect, it } from 'vitest';
import { Duplex, PassThrough } from 'node:stream';
import { parseTreeReport } from '@/grading/harnesses/bash-kit/tree-session';
import { findHarness } from '@/grading/harnesses/find-harness';
import { sandboxInfraResult, type SandboxDriver } from '@/grading/sandbox/sandbox-driver';

const hex = (text: string) => `x${Buffer.from(text).toString('hex')}`;
const TOO_BUSY = /^the grading machine was too busy to time the answer: its jail waited for a CPU for most of its 3 s limit \(extended to 6 s\), so the run was stopped and the answer is graded again$/;

describe('a starved scratch-tree report', () => {
  it('reads as starved: no exit status, not timed out', () => {
    expect(parseTreeReport('R - starved 0\n.\n')?.report).toEqual({ exitCode: null, timedOut: false, givenMs: null, starved: true });
    // The walk that follows is read as any other (the grading is not judged on it).
    const parsed = parseTreeReport(`R - starved 1\nF file ${hex('logs/a.log')} -\n.\n`);
    expect(parsed?.report.starved).toBe(true);
    expect(parsed?.cut).toBe(true);
  });

  it('is refused when forged or garbled: with an exit status, in another case, with more fields or cut short', () => {
    for (const text of [
      'R 0 starved 0\n.\n',
      'R 137 starved 0\n.\n',
      'R - Starved 0\n.\n',
      'R - STARVED 0\n.\n',
      'R - starved! 0\n.\n',
      'R - starvedstarved 0\n.\n',
      'R - starved 0 1\n.\n',
      'R - starved\n.\n',
      'R - starved 0\n',
      'R  starved 0\n.\n',
      ' R - starved 0\n.\n',
      'R - starved 0\nstarved\n.\n',
      `R - starved 0\nF file ${hex('a')} -\n`,
      '{"t":"starved"}\n.\n',
    ]) {
      expect(parseTreeReport(text), JSON.stringify(text)).toBeNull();
    }
  });

  it('leaves the other reports as they were', () => {
    expect(parseTreeReport('R 0 0 0\n.\n')?.report).toEqual({ exitCode: 0, timedOut: false, givenMs: null });
    expect(parseTreeReport('R - 6.00 0\n.\n')?.report).toEqual({ exitCode: null, timedOut: true, givenMs: 6000 });
    expect(parseTreeReport('R - 6.00 0\n.\n')?.report.starved).toBeUndefined();
  });
});

// Plays the supervisor of every scenario jail: reads its setup on the channel's first
// connection, then sends `report` there, as the real one does when the script's timer ends.
function supervisorSending(report: string): SandboxDriver {
  return {
    name: 'fake',
    async run(spec) {
      const ended = { ...sandboxInfraResult(''), infraError: null, exitCode: 0 };
      if (!spec.channel) return ended;
      const toGrader = new PassThrough();
      const fromGrader = new PassThrough();
      let setup = '';
      const sent = new Promise<void>((resolve) =>
        fromGrader.on('data', (chunk: Buffer) => {
          setup += chunk.toString('latin1');
          if (setup.endsWith('\n.\n')) resolve();
        }),
      );
      spec.channel(Duplex.from({ readable: toGrader, writable: fromGrader }));
      await sent;
      toGrader.end(report);
      await new Promise((resolve) => setImmediate(resolve));
      return ended;
    },
  };
}

describe('a grading with a starved scratch-tree report', () => {
  const harness = findHarness('bash-safe-log-cleanup')!;

  it('is an infra error with the starved message, built from the limits', async () => {
    const outcome = await harness.run('#!/bin/bash\necho PASS\n', supervisorSending('R - starved 0\n.\n'), { syntax: Promise.resolve({ error: null }) });
    expect(outcome.kind).toBe('infra_error');
    expect(outcome.kind === 'infra_error' ? outcome.message : '').toMatch(TOO_BUSY);
  });

  // A forged flag can only make the grading repeated: whatever else the report claims (a clean
  // exit, a tree that looks cleaned) is not judged, so no test passes on it.
  it('is never a pass, whatever tree the report claims', async () => {
    const outcome = await harness.run('#!/bin/bash\nexit 0\n', supervisorSending(`R - starved 0\nF dir ${hex('logs')} -\nF file ${hex('logs/app.log')} -\n.\n`), { syntax: Promise.resolve({ error: null }) });
    expect(outcome.kind).toBe('infra_error');
  });

  // The same grading with the timer's plain timeout: the candidate's, as before.
  it('stays the candidate\'s timeout when the report says the script ran out of time', async () => {
    const outcome = await harness.run('#!/bin/bash\nsleep 30\n', supervisorSending('R - 6.00 0\n.\n'), { syntax: Promise.resolve({ error: null }) });
    expect(outcome.kind).toBe('tests');
    const messages = outcome.kind === 'tests' ? outcome.tests.map((t) => t.message ?? '') : [];
    expect(messages.every((m) => m.startsWith('timed out after 6 s (its 3 s limit, extended while the grading machine was busy)'))).toBe(true);
  });
});
