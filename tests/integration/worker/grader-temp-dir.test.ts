// Where a grading process keeps its jails' files on the host (run-files-root.ts): in memory (the
// temp dir if it is a tmpfs, else /dev/shm), else the temp dir on disk; its folder is removed when
// the pool closes. On ext4 the churn of a Bash grading's eight jail folders cost a tenth of the
// machine's CPU back to back (decision 004, "Run files in memory").
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { chooseRunFilesRoot, isMemoryDir, runFilesRoot } from '@/grading/sandbox/run-files-root';
import { createGraderPool, type GraderPool } from '@/worker/create-grader-pool';

const TMPDIR_GRADER = path.join(import.meta.dirname, 'support', 'tmpdir-grader.ts');
let pool: GraderPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

it('tells a memory file system from others', () => {
  const shmIsTmpfs = readFileSync('/proc/mounts', 'utf8').split('\n').some((line) => /^\S+ \/dev\/shm tmpfs /.test(line));
  expect(isMemoryDir('/dev/shm')).toBe(shmIsTmpfs);
  expect(isMemoryDir('/proc')).toBe(false);
  expect(isMemoryDir('/no/such/folder')).toBe(false);
});

it('prefers a temp dir already in memory, then /dev/shm, then the temp dir on disk', () => {
  const memory = (dirs: string[]) => (dir: string) => dirs.includes(dir);
  expect(chooseRunFilesRoot('/tmp', memory(['/tmp', '/dev/shm']))).toBe('/tmp');
  expect(chooseRunFilesRoot('/tmp', memory(['/dev/shm']))).toBe('/dev/shm');
  expect(chooseRunFilesRoot('/tmp', memory([]))).toBe('/tmp');
  expect(runFilesRoot()).toBe(chooseRunFilesRoot(os.tmpdir(), isMemoryDir));
});

it('gives each grading process a temp dir of its own under the run files root, removed when the pool closes', { timeout: 60_000 }, async () => {
  pool = createGraderPool({ size: 1, entry: TMPDIR_GRADER, grades: 'code' });
  const { message: dir } = await pool.grade({});
  expect(path.dirname(dir)).toBe(runFilesRoot());
  expect(path.basename(dir)).toMatch(new RegExp(`^rehearse-grader-${process.pid}-[0-9a-f]{8}$`));
  expect(existsSync(dir)).toBe(true);
  await pool.close();
  pool = null;
  expect(existsSync(dir)).toBe(false);
});
