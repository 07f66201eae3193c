// Builds the Next.js app when nothing is built yet or the sources changed since the last build,
// so `npm start` always serves the code in the checkout without rebuilding every time.
// Two builds in one checkout (`npm start` and a benchmark, say) would write the same .next at once
// and break each other: a build holds an exclusive lock file naming its pid, and a
// second one waits for it (.data/next-build.lock) (then builds only if the sources still differ from what was built), or
// gives up with a clear message after BUILD_LOCK_WAIT_MS. A lock whose process is gone is taken over.
// A build also replaces the files a running server of this checkout reads as it serves (an
// `npm start` left running while `npm test` builds changed sources: its pages lost their CSS and
// scripts, 500 each). So every process that serves a build says so (.data/next-serving/<pid>,
// gone when it exits), and a rebuild while another one serves is refused with what to do.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessAlive } from '../../src/grading/sandbox/is-process-alive';
import { readProcStatFields } from '../../src/grading/sandbox/read-kernel-file';

const root = process.cwd();
const INPUTS = ['src', 'next.config.ts', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json', 'prisma/schema.prisma'];
const STAMP = path.join(root, '.next', 'rehearse-source-hash');
// In .data (ignored by git and Docker), not in .next, which `next build` empties.
const LOCK = path.join(root, '.data', 'next-build.lock');
const LOCK_WAIT_MS = Number(process.env.BUILD_LOCK_WAIT_MS ?? 15 * 60_000);
const SERVING_DIR = path.join(root, '.data', 'next-serving');

// Takes the lock, or returns the pid holding it. The lock appears with its pid already in it (a
// file written first, then hard-linked into place, which fails if the lock exists): a lock created
// empty and filled after would let a second process read it empty in between, take it for one
// left by a dead build, remove it and build at the same time (seen in CI).
function tryLock(): number | null {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  const mine = `${LOCK}.${process.pid}`;
  writeFileSync(mine, `${process.pid}\n`);
  try {
    linkSync(mine, LOCK);
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(mine, { force: true });
  }
  let text: string;
  try {
    text = readFileSync(LOCK, 'utf8');
  } catch (error) {
    // Released between the link and this read (seen in CI): try again.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return tryLock();
    throw error;
  }
  const holder = Number.parseInt(text, 10);
  if (Number.isInteger(holder) && holder > 0 && isProcessAlive(holder)) return holder;
  // Left by a build that died.
  rmSync(LOCK, { force: true });
  return tryLock();
}

async function withBuildLock<T>(log: (line: string) => void, work: () => T): Promise<T> {
  const started = Date.now();
  let said = false;
  for (let holder = tryLock(); holder !== null; holder = tryLock()) {
    if (Date.now() - started > LOCK_WAIT_MS) {
      throw new Error(`another build of this checkout (pid ${holder}, lock ${LOCK}) is still running after ${Math.round(LOCK_WAIT_MS / 1000)} s; stop it or wait for it, then start again`);
    }
    if (!said) log(`waiting for another build of this checkout to finish (pid ${holder}, lock ${path.basename(LOCK)})…`);
    said = true;
    await sleep(1_000);
  }
  const release = () => rmSync(LOCK, { force: true });
  process.once('exit', release);
  try {
    return work();
  } finally {
    release();
    process.removeListener('exit', release);
  }
}

// When a process started (clock ticks since boot, /proc/<pid>/stat field 22; field 3 is the first
// readProcStatFields gives), so that a mark left by a killed server is not taken for a live one
// when its pid is reused; null when it is gone.
const startTime = (pid: number): string | null => readProcStatFields(pid)?.[19] ?? null;

// The other live processes serving this checkout's build; marks left by dead ones are removed.
function otherServers(): number[] {
  const pids = existsSync(SERVING_DIR) ? readdirSync(SERVING_DIR).filter((name) => /^\d+$/.test(name)).map(Number) : [];
  return pids.filter((pid) => {
    if (pid === process.pid) return false;
    const mark = path.join(SERVING_DIR, String(pid));
    let text: string;
    try {
      text = readFileSync(mark, 'utf8');
    } catch {
      return false; // removed meanwhile: that server has exited
    }
    const started = text.trim().split(' ')[1];
    if (isProcessAlive(pid) && (started === undefined || started === startTime(pid))) return true;
    rmSync(mark, { force: true });
    return false;
  });
}

// This process serves the build from now until it exits.
let marked = false;
function markServing() {
  if (marked) return;
  marked = true;
  mkdirSync(SERVING_DIR, { recursive: true });
  const mine = path.join(SERVING_DIR, String(process.pid));
  writeFileSync(mine, `${process.pid} ${startTime(process.pid) ?? ''}\n`);
  process.once('exit', () => rmSync(mine, { force: true }));
}

function hashInputs(): string {
  const hash = createHash('sha256');
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) {
      for (const entry of readdirSync(p).sort()) visit(path.join(p, entry));
    } else {
      hash.update(path.relative(root, p));
      hash.update(readFileSync(p));
    }
  };
  for (const input of INPUTS) visit(path.join(root, input));
  return hash.digest('hex');
}

export async function buildIfNeeded({ log }: { log: (line: string) => void }) {
  const isBuilt = (current: string) => existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === current;
  // Under the lock, so that no build starts between the check and the mark.
  await withBuildLock(log, () => {
    // Under the lock: the build we waited for may have built these very sources.
    const current = hashInputs();
    if (isBuilt(current)) return markServing();
    const serving = otherServers();
    if (serving.length > 0) {
      const pids = `${serving.length === 1 ? 'pid' : 'pids'} ${serving.join(', ')}`;
      const marks = serving.map((pid) => path.join(path.relative(root, SERVING_DIR), String(pid))).join(', ');
      throw new Error(
        `the sources changed since the last build, and this checkout's app is still being served from that build by ${pids} (another npm start, a test run or a benchmark); ` +
          `building now would replace the files it serves and break its pages. Stop it (Ctrl-C in its terminal) and start again. ` +
          `A process listed that is not Rehearse: remove its mark (${marks}).`,
      );
    }
    log('building the app (first start or sources changed; this takes a minute)…');
    const result = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (result.status !== 0) throw new Error('next build failed; see the output above');
    writeFileSync(STAMP, current);
    markServing();
  });
}
