// Output shown per test is capped at MAX_TEST_OUTPUT_CHARS and marked when cut.
import { describe, expect, it } from 'vitest';
import { MAX_TEST_OUTPUT_CHARS } from '@/grading/contract';
import { capOutput, joinStreams } from '@/grading/code/cap-output';

describe('capOutput', () => {
  it('keeps short output as it is', () => {
    expect(capOutput('hello\n')).toEqual({ output: 'hello\n', outputTruncated: false });
  });

  it('cuts long output to the cap and says so', () => {
    const { output, outputTruncated } = capOutput('y\n'.repeat(10_000));
    expect(output.length).toBe(MAX_TEST_OUTPUT_CHARS);
    expect(output.endsWith('(output cut)')).toBe(true);
    expect(outputTruncated).toBe(true);
  });

  it('keeps the mark when the sandbox already cut the stream', () => {
    expect(capOutput('short', true).outputTruncated).toBe(true);
  });
});

describe('joinStreams', () => {
  it('labels stdout and stderr only when both have content', () => {
    expect(joinStreams('out\n', '')).toBe('out\n');
    expect(joinStreams('', 'err\n')).toBe('err\n');
    expect(joinStreams('out', 'err\n')).toBe('stdout:\nout\nstderr:\nerr\n');
  });
});
