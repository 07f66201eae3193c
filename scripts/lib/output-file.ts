// Where a script is told to write (`--out file`, a backup file): checked before any database work
// so a typo costs a second, and said in a sentence rather than as ENOENT or EISDIR.
import { statSync } from 'node:fs';
import path from 'node:path';

// Why `file` cannot be written, or null. The directory must already exist: a script does not
// create folders anywhere a mistyped path points.
export function describeUnwritableOutput(file: string): string | null {
  const dir = path.dirname(path.resolve(file));
  const dirStat = statSync(dir, { throwIfNoEntry: false });
  if (!dirStat) return `cannot write ${file}: the folder ${path.dirname(file)} does not exist`;
  if (!dirStat.isDirectory()) return `cannot write ${file}: ${path.dirname(file)} is not a folder`;
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) return `${file} is a folder; give a file name, e.g. ${path.join(file, 'out')}`;
  return null;
}

export function refuseUnwritableOutput(name: string, file: string) {
  const problem = describeUnwritableOutput(file);
  if (!problem) return;
  console.error(`[${name}] ${problem}`);
  process.exit(1);
}
