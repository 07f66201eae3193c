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

type Grade = (answer: string) => Promise<GradeResult>;

async function timed(answer: string, gradeWith: Grade = grade) {
  const started = performance.now();
  const result = await gradeWith(answer);
  return { result, ms: performance.now() - started };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// Three benign gradings of the reference one after another beside `other`, timed by median.
async function benignBeside(other: string, gradeOther: Grade = grade) {
  const times: number[] = [];
  const benign = (async () => {
    for (let i = 0; i < 3; i++) {
      const run = await timed(REFERENCE);
      expect(run.result.status, JSON.stringify(run.result.tests.filter((t) => t.status !== 'pass').map((t) => t.message))).toBe('passed');
      times.push(run.ms);
    }
  })();
  const [graded] = await Promise.all([timed(other, gradeOther), benign]);
  return { ...graded, benignMs: median(times) };
}

// The benign grading alone (quiet), beside another benign grading (what any neighbour costs on
// this host) and beside the attack. A round that misses the bound is measured once more (a
// scheduler hiccup on a 2-core host costs a few hundred ms); an attack that really stalls the
// grader misses it in every round. The attack is graded by bash-deploy unless `gradeAttack` says
// otherwise (the Bash world kit's questions); the benign neighbour is always bash-deploy's reference.
export async function attackBesideBenign(attack: string, gradeAttack: Grade = grade) {
  const quiet: number[] = [];
  for (let i = 0; i < 3; i++) quiet.push((await timed(REFERENCE)).ms);
  const quietMs = median(quiet);
  let round: { result: GradeResult; ms: number; quietMs: number; controlMs: number; besideMs: number } | null = null;
  for (let i = 0; i < 2; i++) {
    const control = await benignBeside(REFERENCE);
    const attacked = await benignBeside(attack, gradeAttack);
    console.info(`benign alone ${quietMs.toFixed(0)} ms, beside a benign grading ${control.benignMs.toFixed(0)} ms, beside the attack ${attacked.benignMs.toFixed(0)} ms; attack ${attacked.ms.toFixed(0)} ms`);
    round = { result: attacked.result, ms: attacked.ms, quietMs, controlMs: control.benignMs, besideMs: attacked.benignMs };
    if (round.besideMs <= neighbourBound(round)) break;
  }
  return round!;
}

// Goal: beside the attack, a benign grading takes at most 1.5x its quiet time. The host these
// tests run on is shared (2 cores, other suites and engineers at a load of 10-20), and there any
// second grading, benign or not, competes for the same starved CPU share: beside a benign grading
// the reference often takes twice its quiet time. So the slack on top of 1.5x is what an ordinary
// neighbour was measured to cost in this very test (at least 150 ms of scheduler noise), and
// medians of three are compared. An attack that really stalls the grader (a regex freeze, a flood
// kept in memory) costs seconds and still fails; one that costs no more than a normal grading passes.
function neighbourBound({ quietMs, controlMs }: { quietMs: number; controlMs: number }) {
  return 1.5 * quietMs + Math.max(150, controlMs - quietMs);
}

export function expectNeighbourUnharmed({ quietMs, controlMs, besideMs }: { quietMs: number; controlMs: number; besideMs: number }) {
  expect(besideMs, `benign grading: ${quietMs.toFixed(0)} ms alone, ${controlMs.toFixed(0)} ms beside a benign grading, ${besideMs.toFixed(0)} ms beside the attack`).toBeLessThanOrEqual(neighbourBound({ quietMs, controlMs }));
}

// Contained: on time, small, storable, a valid result that is the candidate's failure, not ours.
export function expectContained(result: GradeResult, ms: number) {
  expect(ms).toBeLessThan(WALL_LIMIT_MS);
  expect(GradeResultSchema.safeParse(result).success).toBe(true);
  expect(result.status).not.toBe('infra_error');
  expect(result.status).not.toBe('passed');
  const json = JSON.stringify(result);
  expect(Buffer.byteLength(json)).toBeLessThanOrEqual(MAX_RESULT_BYTES);
  // A raw NUL, which JSON writes as \u0000; an escape shown to the candidate is \\u0000 there.
  expect(json).not.toMatch(/(?<!\\)\\u0000/);
  // Well-formed: encoding to UTF-8 and back changes nothing (a lone surrogate would).
  expect(Buffer.from(json, 'utf8').toString('utf8')).toBe(json);
}

export const outputs = (result: GradeResult) => result.tests.map((t) => t.output ?? '');
export const allCalls = (result: GradeResult) => result.tests.flatMap((t) => t.calls ?? []);
