// A worker's grading processes keep a warm Python jail only when they grade code themselves. With
// a runner (production) they grade written answers only, so a warm jail each would be a Python
// process and a jail per grading process held for nothing (and the worker's image has no bwrap).
// Which process takes a grading.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createGraderPool, type GraderPool } from '@/worker/create-grader-pool';

const PID_GRADER = path.join(import.meta.dirname, 'support', 'pid-grader.ts');
let pool: GraderPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

// Command names of every process descended from this one (the pool's children and their jails).
function descendantCommands(): string[] {
  const parents = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      names.set(Number(entry), stat.slice(stat.indexOf('(') + 1, close));
      parents.set(Number(entry), Number(stat.slice(close + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at)) if (at === process.pid) return true;
    return false;
  };
  return [...names].filter(([pid]) => isDescendant(pid)).map(([, name]) => name);
}

async function settle(until: (commands: string[]) => boolean, ms: number): Promise<string[]> {
  const deadline = Date.now() + ms;
  let commands = descendantCommands();
  while (!until(commands) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    commands = descendantCommands();
  }
  return commands;
}

const hasJail = (commands: string[]) => commands.some((name) => name === 'bwrap' || name.startsWith('python'));

it('starts a warm Python jail in a grading process that grades code', async () => {
  pool = createGraderPool({ size: 1 });
  await pool.ready;
  expect(hasJail(await settle(hasJail, 10_000))).toBe(true);
}, 30_000);

it('starts none when a runner grades code, and still grades written answers', async () => {
  pool = createGraderPool({ size: 1, grades: 'written' });
  await pool.ready;
  const result = await pool.grade({ kind: 'written', answer: 'Roll out to a small share first.', rubric: { id: 'r', version: 1 } });
  expect(result.status).not.toBe('passed');
  // Given the time the other test's jail took to appear, none shows up.
  expect(hasJail(await settle(hasJail, 3_000))).toBe(false);
}, 30_000);

// A process just back from a grading is starting its next warm jail: code graded right after goes
// to another (measured: back-to-back Python gradings 141–153 ms end to end instead of 169–177 ms).
// After a pause it goes to the one used last, the one whose warm jail has not idled out.
it('hands code to the process back most recently unless it is just back', async () => {
  pool = createGraderPool({ size: 2, entry: PID_GRADER });
  await pool.ready;
  const grade = async () => (await pool!.grade({ kind: 'python' })).message;
  const backToBack = [await grade(), await grade(), await grade(), await grade()];
  expect(new Set(backToBack).size).toBe(2);
  expect(backToBack[2]).toBe(backToBack[0]);
  expect(backToBack[3]).toBe(backToBack[1]);
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  expect(await grade()).toBe(backToBack[3]);
}, 30_000);

// Written answers need no jail, and each process compiles a rubric the first time it grades
// against it: back to back they stay on one process, and code beside them still alternates.
it('keeps written gradings on the process back most recently', async () => {
  pool = createGraderPool({ size: 2, entry: PID_GRADER });
  await pool.ready;
  const grade = async (kind: string) => (await pool!.grade({ kind })).message;
  const written = [await grade('written'), await grade('written'), await grade('written')];
  expect(new Set(written).size).toBe(1);
  const code = [await grade('bash'), await grade('bash')];
  expect(new Set(code).size).toBe(2);
  expect(await grade('written')).toBe(code[1]);
}, 30_000);
