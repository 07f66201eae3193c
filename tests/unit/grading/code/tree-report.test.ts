// The scratch-tree supervisor's wire format: every text field hex, so a name with a newline or a
// space cannot break a record; anything else the channel carries is refused, not guessed at.
import { describe, expect, it } from 'vitest';
import { encodeTreeSetup, parseTreeReport } from '@/grading/harnesses/bash-kit/tree-session';

const hex = (text: string) => `x${Buffer.from(text).toString('hex')}`;

describe('scratch-tree wire format', () => {
  it('encodes the script\'s time and its cap, the tree and the arguments as hex fields, ages in seconds', () => {
    const setup = encodeTreeSetup([{ path: 'logs/a b\n.log', kind: 'file', bytes: 3, ageDays: 1 }, { path: 'logs/x', kind: 'symlink', bytes: 0, ageDays: 0, target: '../keep' }], ['--dry-run', ''], 2);
    expect(setup).toBe(`S 3 6 ${hex('--dry-run')} x\nE file 3 86400 ${hex('logs/a b\n.log')} -\nE symlink 0 0 ${hex('logs/x')} ${hex('../keep')}\n.\n`);
  });

  it('reads a report with hostile names and link targets', () => {
    const parsed = parseTreeReport(`R 0 0 0\nF file ${hex('logs/line\nbreak.log')} -\nF symlink ${hex('logs/archive')} ${hex('../keep')}\n.\n`);
    expect(parsed?.report).toEqual({ exitCode: 0, timedOut: false, givenMs: null });
    expect([...parsed!.entries]).toEqual([
      ['logs/line\nbreak.log', { kind: 'file' }],
      ['logs/archive', { kind: 'symlink', target: '../keep' }],
    ]);
  });

  it('refuses a report that is cut short, has an unknown record or a field that is not hex', () => {
    expect(parseTreeReport(`R 0 0 0\nF file ${hex('a')} -\n`)).toBeNull();
    expect(parseTreeReport(`R 0 0 0\nF device ${hex('a')} -\n.\n`)).toBeNull();
    expect(parseTreeReport('R 0 0 0\nF file logs/a -\n.\n')).toBeNull();
    expect(parseTreeReport('{"t":"end","exitCode":0}\n.\n')).toBeNull();
    expect(parseTreeReport('R - 1 0\n.\n')).toBeNull();
    expect(parseTreeReport('R - 4.5 0\n.\n')).toBeNull();
  });

  it('reads how long a script that ran out of time was given, stretched or not', () => {
    expect(parseTreeReport('R - 3.00 0\n.\n')?.report).toEqual({ exitCode: null, timedOut: true, givenMs: 3000 });
    expect(parseTreeReport('R - 4.37 0\n.\n')?.report).toEqual({ exitCode: null, timedOut: true, givenMs: 4370 });
  });
});
