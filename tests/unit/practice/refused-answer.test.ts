// `npm run grade` refuses what POST /api/attempts refuses, through describeRefusedAnswer: it used
// to grade an empty Bash file (33 %) and a two-word written answer (0) that the app never stores.
import { describe, expect, it } from 'vitest';
import { describeRefusedAnswer, MAX_CODE_ANSWER_BYTES } from '@/server/attempts/schemas';

const twentyWords = Array.from({ length: 20 }, (_, i) => `word${i}`).join(' ');

describe('describeRefusedAnswer', () => {
  it('refuses a blank answer of any kind', () => {
    expect(describeRefusedAnswer('BASH', '')).toBe('Write an answer before submitting.');
    expect(describeRefusedAnswer('WRITTEN', ' \n\t ')).toBe('Write an answer before submitting.');
  });

  it('refuses a written answer under the word minimum, naming the count', () => {
    expect(describeRefusedAnswer('WRITTEN', 'two words')).toMatch(/^Your answer has 2 words; write at least 20/);
    expect(describeRefusedAnswer('WRITTEN', twentyWords)).toBeNull();
  });

  it('takes a short code answer, which has no word minimum', () => {
    expect(describeRefusedAnswer('BASH', 'exit 0')).toBeNull();
  });

  it('refuses code over the size limit', () => {
    expect(describeRefusedAnswer('BASH', 'x'.repeat(MAX_CODE_ANSWER_BYTES + 1))).toMatch(/bytes; the limit is/);
  });

  it('refuses a NUL character the database cannot store', () => {
    expect(describeRefusedAnswer('BASH', 'echo a\u0000b')).toMatch(/Your answer/);
  });
});
