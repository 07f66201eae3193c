// A writable copy of seeds/ for each test that edits seed files to play a newer release, all
// removed once the file's tests have run. Call at the top level of a test file.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export function seedCopies(): () => string {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-seeds-'));
    dirs.push(dir);
    cpSync('seeds', dir, { recursive: true });
    return dir;
  };
}
