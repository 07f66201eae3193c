// The size rule per answer kind: written counts characters, code and YAML count UTF-8 bytes.
import { describe, expect, it } from 'vitest';
import { describeOversizeAnswer, MAX_CODE_ANSWER_BYTES, MAX_WRITTEN_ANSWER_CHARS } from '@/server/attempts/schemas';

describe('describeOversizeAnswer', () => {
  it('lets an answer at the limit through and names the limit past it', () => {
    expect(describeOversizeAnswer('WRITTEN', 'a'.repeat(MAX_WRITTEN_ANSWER_CHARS))).toBeNull();
    expect(describeOversizeAnswer('WRITTEN', 'a'.repeat(MAX_WRITTEN_ANSWER_CHARS + 1))).toContain('the limit is 20,000');
    expect(describeOversizeAnswer('CONFIG', 'a'.repeat(MAX_CODE_ANSWER_BYTES))).toBeNull();
    expect(describeOversizeAnswer('PYTHON', 'a'.repeat(MAX_CODE_ANSWER_BYTES + 1))).toMatch(/^Your code is 65,537 bytes/);
  });

  it('counts a YAML answer in bytes, as the sandbox receives it, and calls it YAML', () => {
    // 'é' is two bytes in UTF-8: half the characters already fill the limit.
    const answer = `name: "${'é'.repeat(MAX_CODE_ANSWER_BYTES / 2)}"`;
    expect(describeOversizeAnswer('CONFIG', answer)).toMatch(/^Your YAML is 65,544 bytes; the limit is 65,536 bytes \(64 KiB\)/);
  });
});
