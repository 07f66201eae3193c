// Shared by the Bash attack tests: grade an answer through the real grader and sandbox, check
// that an attack's result is contained (in time, in size, storable, no crash, no forged pass),
// and measure a benign grading beside the attack against its quiet time and a legitimate load.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import { GradeResultSchema, type GradeResult } from '@/grading/contract';

export const MAX_RESULT_BYTES = 256 * 1024;
// Six scenarios side by side, each at most 5 s (up to 10 s while the host is busy, which the
// attack itself can make it: create-bash-kit-harness.ts), and the syntax check: within 12 s.
export const WALL_LIMIT_MS = 12_000;

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
async function benignBeside(other: () => Promise<{ result: GradeResult; ms: number }>) {
  const times: number[] = [];
  const benign = (async () => {
    for (let i = 0; i < 3; i++) {
      const run = await timed(REFERENCE);
      expect(run.result.status, JSON.stringify(run.result.tests.filter((t) => t.status !== 'pass').map((t) => t.message))).toBe('passed');
      times.push(run.ms);
    }
  })();
  const [graded] = await Promise.all([other(), benign]);
  return { ...graded, benignMs: median(times) };
}

// Legitimate load as long as an attack: benign gradings back to back for `ms`.
async function benignLoadFor(ms: number) {
  const started = performance.now();
  let last = await timed(REFERENCE);
  while (performance.now() - started < ms) last = await timed(REFERENCE);
  return { result: last.result, ms: performance.now() - started };
}

export type NeighbourRound = { result: GradeResult; ms: number; quietMs: number; controlMs: number; besideMs: number };

// The benign grading alone (quiet), beside the attack, and beside legitimate gradings that keep
// the host as busy for as long as the attack lasted (the control: what any neighbour of that
// length costs here). A round that misses the bound is measured once more (a scheduler hiccup on
// a 2-core host costs a few hundred ms); an attack that really stalls the grader misses it in
// every round. The attack is graded by bash-deploy unless `gradeAttack` says otherwise (the Bash
// world kit's questions); the benign neighbour is always bash-deploy's reference.
export async function attackBesideBenign(attack: string, gradeAttack: Grade = grade): Promise<NeighbourRound> {
  const quiet: number[] = [];
  for (let i = 0; i < 3; i++) quiet.push((await timed(REFERENCE)).ms);
  const quietMs = median(quiet);
  let round: NeighbourRound | null = null;
  for (let i = 0; i < 2; i++) {
    const attacked = await benignBeside(() => timed(attack, gradeAttack));
    const control = await benignBeside(() => benignLoadFor(attacked.ms));
    console.info(`benign alone ${quietMs.toFixed(0)} ms, beside legitimate gradings for ${attacked.ms.toFixed(0)} ms ${control.benignMs.toFixed(0)} ms, beside the attack ${attacked.benignMs.toFixed(0)} ms (x${(attacked.benignMs / quietMs).toFixed(2)} its quiet time; goal x1.5)`);
    round = { result: attacked.result, ms: attacked.ms, quietMs, controlMs: control.benignMs, besideMs: attacked.benignMs };
    if (round.besideMs <= neighbourBound(round)) break;
  }
  return round!;
}

// The goal (issue 9): beside an attack, a benign grading takes at most 1.5x its quiet time. On
// the 2-core hosts this runs on that holds only for short attacks: one Bash grading already keeps
// both cores busy (six scenarios at once, a process per fake call), so beside ANY grading that
// lasts as long, benign or not, the reference takes about twice its quiet time (decision 004,
// "What a neighbour costs"). So an attack passes when it meets the goal, or when it costs the
// neighbour no more than legitimate gradings of the same length do (+25 % and 150 ms of scheduler
// noise, medians of three): it takes its fair share of the host and no more. An attack that
// stalls the grader (a regex freeze, a flood kept in memory) costs seconds beyond that and fails.
function neighbourBound({ quietMs, controlMs }: { quietMs: number; controlMs: number }) {
  return Math.max(1.5 * quietMs, 1.25 * controlMs + 150);
}

export function expectNeighbourUnharmed(round: { quietMs: number; controlMs: number; besideMs: number }) {
  const { quietMs, controlMs, besideMs } = round;
  expect(besideMs, `benign grading: ${quietMs.toFixed(0)} ms alone, ${controlMs.toFixed(0)} ms beside legitimate gradings as long as the attack, ${besideMs.toFixed(0)} ms beside the attack`).toBeLessThanOrEqual(neighbourBound(round));
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
