// Test output shown to the candidate is capped at MAX_TEST_OUTPUT_CHARS and marked when cut, so a
// flooding answer cannot bloat the stored result.
import { MAX_TEST_OUTPUT_CHARS } from '../contract';

export function capOutput(text: string, alreadyTruncated = false, max = MAX_TEST_OUTPUT_CHARS): { output: string; outputTruncated: boolean } {
  if (text.length <= max) return { output: text, outputTruncated: alreadyTruncated };
  const marker = '\n… (output cut)';
  return { output: text.slice(0, max - marker.length) + marker, outputTruncated: true };
}

// stdout and stderr together, labelled only when both have something to say.
export function joinStreams(stdout: string, stderr: string) {
  if (!stderr.trim()) return stdout;
  if (!stdout.trim()) return stderr;
  return `stdout:\n${stdout.replace(/\n?$/, '\n')}stderr:\n${stderr}`;
}
