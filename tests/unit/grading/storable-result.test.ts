// Any text a run produces can be stored (Postgres jsonb, JSON) and the whole result stays under
// its size cap with visible marks: hostile strings in, storable and bounded results out.
import { describe, expect, it } from 'vitest';
import type { GradeResult } from '@/grading/contract';
import { capResult, MAX_RESULT_BYTES } from '@/grading/cap-result';
import { finishResult } from '@/grading/finish-result';
import { storableResult, storableText } from '@/grading/storable-text';

// What Postgres and a strict UTF-8 encoder would reject.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const isStorable = (text: string) => !/\u0000/.test(text) && !LONE_SURROGATE.test(text) && Buffer.from(text, 'utf8').toString('utf8') === text;

const result = (fields: Partial<GradeResult> = {}): GradeResult => ({
  status: 'failed',
  score: 50,
  message: 'ok',
  tests: [],
  advice: [],
  gradedVersion: 'harness:x@1',
  durationMs: 1,
  ...fields,
});

describe('storableText', () => {
  it('shows NUL and other control characters as escapes, keeping newline and tab', () => {
    expect(storableText('a\u0000b')).toBe('a\\u0000b');
    expect(storableText('bell\u0007 esc\u001b[31m del\u007f')).toBe('bell\\u0007 esc\\u001b[31m del\\u007f');
    expect(storableText('line\nnext\tcol')).toBe('line\nnext\tcol');
  });

  it('replaces lone surrogates and keeps real pairs', () => {
    expect(storableText('x\ud800y')).toBe('x\uFFFDy');
    expect(storableText('\udc00')).toBe('\uFFFD');
    expect(storableText('end\ud83d')).toBe('end\uFFFD');
    expect(storableText('emoji 😀 ok')).toBe('emoji 😀 ok');
  });

  it('replaces invalid UTF-8 bytes', () => {
    expect(storableText(new Uint8Array([0x61, 0xff, 0xfe, 0x62, 0xc3]))).toBe('a\uFFFD\uFFFDb\uFFFD');
    expect(storableText(new Uint8Array([0xe2, 0x82, 0xac]))).toBe('€');
  });

  it('leaves ordinary text untouched and is idempotent', () => {
    const plain = 'déjà vu — 日本語 \\u0000 literal';
    expect(storableText(plain)).toBe(plain);
    const once = storableText('\u0000\ud800\u0001');
    expect(storableText(once)).toBe(once);
  });

  it('makes every hostile mix storable', () => {
    const hostile = Array.from({ length: 2_000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join('');
    expect(isStorable(storableText(hostile))).toBe(true);
  });
});

describe('storableResult', () => {
  it('cleans every string a result carries', () => {
    const dirty = result({
      message: 'm\u0000',
      advice: ['a\ud800'],
      tests: [{ name: 'n\u0000', status: 'fail', message: 'x\udfff', output: 'o\u0000', calls: ['docker \u0000'], evidence: 'e\u0000', concept: 'c\u0001', followUp: 'f\u0002' }],
    });
    const clean = storableResult(dirty);
    expect(isStorable(JSON.stringify(clean))).toBe(true);
    expect(JSON.stringify(clean)).not.toMatch(/\\u0000(?!")/);
    expect(clean.tests[0]).toMatchObject({ name: 'n\\u0000', output: 'o\\u0000', calls: ['docker \\u0000'], status: 'fail' });
  });
});

describe('capResult', () => {
  it('returns a small result as it is', () => {
    const small = result({ tests: [{ name: 't', status: 'pass', message: '' }] });
    expect(capResult(small)).toBe(small);
  });

  it('cuts test output first, with a mark, keeping every test and the verdict', () => {
    const tests = Array.from({ length: 100 }, (_, i) => ({ name: `test ${i}`, status: 'fail' as const, message: 'wrong', output: 'y'.repeat(4_000) }));
    const capped = capResult(result({ tests }));
    expect(Buffer.byteLength(JSON.stringify(capped))).toBeLessThanOrEqual(MAX_RESULT_BYTES);
    expect(capped.tests).toHaveLength(100);
    expect(capped.tests[0]).toMatchObject({ name: 'test 0', status: 'fail', message: 'wrong', outputTruncated: true });
    expect(capped.tests[0]!.output).toContain('(output cut)');
    expect(capped).toMatchObject({ status: 'failed', score: 50 });
  });

  it('cuts recorded calls and says how many', () => {
    const calls = Array.from({ length: 50_000 }, (_, i) => `docker run --name c${i} ${'x'.repeat(50)}`);
    const capped = capResult(result({ tests: [{ name: 'flood', status: 'fail', message: '', calls }] }));
    expect(Buffer.byteLength(JSON.stringify(capped))).toBeLessThanOrEqual(MAX_RESULT_BYTES);
    expect(capped.tests[0]!.calls!.at(-1)).toMatch(/^… \(\d+ more calls cut\)$/);
  });

  it('drops whole tests only as a last resort, and says so', () => {
    const tests = Array.from({ length: 20_000 }, (_, i) => ({ name: `a long test name number ${i} ${'n'.repeat(100)}`, status: 'fail' as const, message: 'm'.repeat(200) }));
    const capped = capResult(result({ tests }));
    expect(Buffer.byteLength(JSON.stringify(capped))).toBeLessThanOrEqual(MAX_RESULT_BYTES);
    expect(capped.tests.length).toBeLessThan(20_000);
    expect(capped.message).toMatch(/tests not shown: the result was too large/);
  });

  it('never splits a surrogate pair when cutting', () => {
    const capped = finishResult(result({ tests: [{ name: 't', status: 'fail', message: '😀'.repeat(200_000) }] }));
    expect(isStorable(JSON.stringify(capped))).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(capped))).toBeLessThanOrEqual(MAX_RESULT_BYTES);
  });
});

describe('finishResult', () => {
  it('is idempotent', () => {
    const once = finishResult(result({ message: '\u0000'.repeat(300_000) }));
    expect(finishResult(once)).toEqual(once);
    expect(Buffer.byteLength(JSON.stringify(once))).toBeLessThanOrEqual(MAX_RESULT_BYTES);
  });
});
