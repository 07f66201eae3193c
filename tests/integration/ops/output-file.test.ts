// bank:export --out and db:backup refuse a destination they cannot write before any database
// work, in a sentence: a missing folder was a raw ENOENT (export) or silently created (backup),
// a folder given as the file a raw EISDIR.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeUnwritableOutput } from '../../../scripts/lib/output-file';

const dir = mkdtempSync(path.join(os.tmpdir(), 'output-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('describeUnwritableOutput', () => {
  it('takes a new file in an existing folder, and an existing file to replace', () => {
    expect(describeUnwritableOutput(path.join(dir, 'new.json'))).toBeNull();
    writeFileSync(path.join(dir, 'old.json'), '{}');
    expect(describeUnwritableOutput(path.join(dir, 'old.json'))).toBeNull();
  });

  it('names a folder that does not exist, as the user wrote it', () => {
    const file = path.join(dir, 'missing', 'x.json');
    expect(describeUnwritableOutput(file)).toBe(`cannot write ${file}: the folder ${path.join(dir, 'missing')} does not exist`);
  });

  it('says a folder is not a file name', () => {
    expect(describeUnwritableOutput(dir)).toBe(`${dir} is a folder; give a file name, e.g. ${path.join(dir, 'out')}`);
  });

  it('says a file in the way of the folder is not a folder', () => {
    writeFileSync(path.join(dir, 'plain'), 'x');
    expect(describeUnwritableOutput(path.join(dir, 'plain', 'x.json'))).toMatch(/plain is not a folder$/);
  });
});
