// ShellCheck's JSON becomes one advice line per finding, in line order.
import { describe, expect, it } from 'vitest';
import { parseShellcheck } from '@/grading/code/parse-shellcheck';

describe('parseShellcheck', () => {
  it('formats findings by line', () => {
    const json = JSON.stringify([
      { file: '-', line: 7, level: 'info', code: 2086, message: 'Double quote to prevent globbing and word splitting.' },
      { file: '-', line: 2, level: 'warning', code: 2034, message: 'foo appears unused.' },
    ]);
    expect(parseShellcheck(json)).toEqual([
      'line 2: SC2034 (warning): foo appears unused.',
      'line 7: SC2086 (info): Double quote to prevent globbing and word splitting.',
    ]);
  });

  it('caps the list and says how many more there were', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ line: i + 1, level: 'style', code: 2250, message: 'x' }));
    const advice = parseShellcheck(JSON.stringify(many), 20);
    expect(advice).toHaveLength(21);
    expect(advice.at(-1)).toBe('… and 5 more ShellCheck findings');
  });

  it('gives no advice for output that is not ShellCheck JSON', () => {
    expect(parseShellcheck('not json')).toEqual([]);
  });
});
