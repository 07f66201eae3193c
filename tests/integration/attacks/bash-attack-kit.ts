// Shared by the Bash attack tests: grade an answer through the real grader and sandbox, check
// that an attack's result is contained (in time, in size, storable, no crash, no forged pass),
// and measure a benign grading beside the attack against its quiet time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import { GradeResultSchema, type GradeResult } from '@/grading/contract';

export const MAX_RESULT_BYTES = 256 * 1024;
// Six scenarios side by side, each at most 5 s, and the syntax check: a result within 8 s.
export const WALL_LIMIT_MS = 8_000;

export const REFERENCE = readFileSync(path.join(import.meta.dirname, '../../../seeds/content/write-bash-script-pulls-specified-docker/reference.sh'), 'utf8');

export const grade = (answer: string) => gradeCode({ kind: 'bash', answer, harness: { name: 'bash-deploy', version: 1 } });

async function timed(answer: string) {
  const started = performance.now();
  const result = await grade(answer);
  return { result, ms: performance.now() - started };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// The attack graded while benign gradings of the reference run one after another beside it, and
// the same benign grading alone just before. Three of each, compared by median.
export async function attackBesideBenign(attack: string) {
  const quiet: number[] = [];
  for (let i = 0; i < 3; i++) quiet.push((await timed(REFERENCE)).ms);
  const beside: number[] = [];
  const benign = (async () => {
    for (let i = 0; i < 3; i++) {
      const run = await timed(REFERENCE);
      expect(run.result.status, JSON.stringify(run.result.tests.filter((t) => t.status !== 'pass').map((t) => t.message))).toBe('passed');
      beside.push(run.ms);
    }
  })();
  const [attacked] = await Promise.all([timed(attack), benign]);
  console.info(`quiet ${quiet.map((x) => x.toFixed(0))} beside ${beside.map((x) => x.toFixed(0))} attack ${attacked.ms.toFixed(0)}`);
  return { ...attacked, quietMs: median(quiet), besideMs: median(beside) };
}

// The machine these tests run on is shared (2 cores, other suites and engineers), so single
// timings swing by tens of milliseconds either way. Medians of three, plus 150 ms of slack on top
// of the 1.5x goal, keep the check about the attack's effect rather than about scheduler noise;
// an attack that really stalls the grader (a regex freeze, a flood) costs seconds and still fails.
export function expectNeighbourUnharmed({ quietMs, besideMs }: { quietMs: number; besideMs: number }) {
  expect(besideMs, `benign grading took ${besideMs.toFixed(0)} ms beside the attack, ${quietMs.toFixed(0)} ms alone`).toBeLessThanOrEqual(1.5 * quietMs + 150);
}

// Contained: on time, small, storable, a valid result that is the candidate's failure, not ours.
export function expectContained(result: GradeResult, ms: number) {
  expect(ms).toBeLessThan(WALL_LIMIT_MS);
  expect(GradeResultSchema.safeParse(result).success).toBe(true);
  expect(result.status).not.toBe('infra_error');
  expect(result.status).not.toBe('passed');
  const json = JSON.stringify(result);
  expect(Buffer.byteLength(json)).toBeLessThanOrEqual(MAX_RESULT_BYTES);
  expect(json).not.toContain('\\u0000');
  // Well-formed: encoding to UTF-8 and back changes nothing (a lone surrogate would).
  expect(Buffer.from(json, 'utf8').toString('utf8')).toBe(json);
}

export const outputs = (result: GradeResult) => result.tests.map((t) => t.output ?? '');
export const allCalls = (result: GradeResult) => result.tests.flatMap((t) => t.calls ?? []);
