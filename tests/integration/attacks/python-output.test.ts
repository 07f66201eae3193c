// Attacks with output: NUL characters, escape sequences and lone surrogates in what a test prints or
// raises (they used to make recording fail), a flood on stdout and stderr, and a giant exception
// message. Every result is storable, under the size cap and finished within the wall limit.
import { describe, expect, it } from 'vitest';
import { MAX_RESULT_BYTES } from '@/grading/cap-result';
import { gradeAnswer } from '@/grading/grade-answer';

const grade = (answer: string) => gradeAnswer({ kind: 'python', answer, harness: { name: 'python-compare-manifests', version: 1 } });
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const isStorable = (text: string) => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

describe('python output under attack', () => {
  it('records NUL, escape sequences and lone surrogates as visible escapes and replacements', async () => {
    const result = await grade(
      [
        'import os, sys',
        'def compare_manifests(old, new):',
        "    sys.stdout.write('nul:\\x00 lone:\\udcff esc:\\x1b[31m\\n')",
        "    sys.stderr.write('pair:\\ud83d\\ude00 high:\\ud800\\n')",
        "    raise ValueError('boom\\x00\\ud800')",
      ].join('\n'),
    );
    const json = JSON.stringify(result);
    expect(isStorable(json)).toBe(true);
    expect(json).not.toMatch(/(?<!\\)\\u0000/);
    const visible = result.tests.find((t) => !t.hidden)!;
    expect(visible.output).toContain('nul:\\u0000 lone:\uFFFD esc:\\u001b[31m');
    expect(visible.output).toContain('pair:😀 high:\uFFFD');
    expect(visible.message).toContain('boom\\u0000');
    expect(result.status).toBe('error');
  });

  it('keeps a flood of output and a giant exception under the caps', async () => {
    const started = performance.now();
    const result = await grade(
      [
        'import os, sys',
        'def compare_manifests(old, new):',
        "    chunk = 'x' * 65536",
        '    for _ in range(300):',
        '        print(chunk)',
        "        os.write(1, b'y' * 65536)",
        "    sys.stderr.write('e' * 5_000_000)",
        "    raise ValueError('v' * 10_000_000)",
      ].join('\n'),
    );
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(Buffer.byteLength(JSON.stringify(result))).toBeLessThanOrEqual(MAX_RESULT_BYTES);
    const visible = result.tests.find((t) => !t.hidden)!;
    expect(visible.status).toBe('error');
    expect(visible.message.length).toBeLessThan(1_000);
    expect(visible.output!.length).toBeLessThanOrEqual(4_000);
    expect(result.status).not.toBe('infra_error');
  });
});
