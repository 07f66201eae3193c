// The small parsers around the jail: bwrap's status stream and the capped stream reader.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { captureStream } from '@/grading/sandbox/capture-stream';
import { parseBwrapStatus } from '@/grading/sandbox/parse-bwrap-status';

describe('parseBwrapStatus', () => {
  it('tells a started jail and its exit code from one that never started', () => {
    expect(parseBwrapStatus('{ "child-pid": 42, "pid-namespace": 1 }\n{ "exit-code": 3 }\n')).toEqual({ started: true, exitCode: 3 });
    expect(parseBwrapStatus('')).toEqual({ started: false, exitCode: null });
  });
});

describe('captureStream', () => {
  it('keeps the first bytes up to the cap, marks the cut and stops reading', async () => {
    const source = Readable.from([Buffer.from('abcdef'), Buffer.from('ghij'), Buffer.from('never read')]);
    let overflowed = false;
    const capture = captureStream(source, 8, () => (overflowed = true));
    await capture.done;
    expect(capture.result()).toEqual({ text: 'abcdefgh', truncated: true });
    expect(overflowed).toBe(true);
    expect(source.destroyed).toBe(true);
  });

  it('keeps everything under the cap', async () => {
    const capture = captureStream(Readable.from([Buffer.from('ok\n')]), 8);
    await capture.done;
    expect(capture.result()).toEqual({ text: 'ok\n', truncated: false });
  });
});
