// The whole result has a hard size cap (serialized JSON, in bytes), so no answer can bloat the
// Attempt row or every later read of it. Cuts are made in steps, test output first, then recorded
// calls, then the text of messages and advice, and finally whole tests, each with a visible mark.
// Status, score and the list of test names survive every step but the last.
import type { GradeResult, TestResult } from './contract';

export const MAX_RESULT_BYTES = 256 * 1024;

const sizeOf = (result: GradeResult) => Buffer.byteLength(JSON.stringify(result), 'utf8');

export function cutText(text: string, max: number, mark = '… (cut)'): string {
  if (text.length <= max) return text;
  if (max <= mark.length) return mark.slice(0, Math.max(0, max));
  let end = max - mark.length;
  // Never split a surrogate pair: half of one is not storable.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + mark;
}

type Step = { output: number; calls: number; call: number; text: number; advice: number };

// Each step is tighter than the one before; the first one that fits is kept.
const STEPS: Step[] = [
  { output: 4_000, calls: 500, call: 1_000, text: 8_000, advice: 50 },
  { output: 1_000, calls: 100, call: 300, text: 2_000, advice: 20 },
  { output: 200, calls: 20, call: 120, text: 500, advice: 10 },
  { output: 0, calls: 0, call: 0, text: 160, advice: 3 },
];

function cutTest(test: TestResult, step: Step): TestResult {
  const copy: TestResult = { ...test, name: cutText(test.name, step.text), message: cutText(test.message, step.text) };
  if (test.output !== undefined && test.output.length > step.output) {
    copy.output = step.output > 0 ? cutText(test.output, step.output, '\n… (output cut)') : '… (output cut to fit the result size limit)';
    copy.outputTruncated = true;
  }
  if (test.calls !== undefined) {
    const kept = test.calls.slice(0, step.calls).map((call) => cutText(call, Math.max(step.call, 40)));
    const dropped = test.calls.length - kept.length;
    copy.calls = dropped > 0 ? [...kept, `… (${dropped} more calls cut)`] : kept;
  }
  for (const field of ['concept', 'evidence', 'followUp'] as const) {
    const value = test[field];
    if (value !== undefined) copy[field] = cutText(value, step.text);
  }
  return copy;
}

function cutResult(result: GradeResult, step: Step): GradeResult {
  const advice = result.advice.slice(0, step.advice).map((line) => cutText(line, step.text));
  if (result.advice.length > step.advice) advice.push(`… (${result.advice.length - step.advice} more lines of advice cut)`);
  return {
    ...result,
    message: cutText(result.message, Math.max(step.text, 500)),
    gradedVersion: cutText(result.gradedVersion, 200),
    advice,
    tests: result.tests.map((test) => cutTest(test, step)),
  };
}

export function capResult(result: GradeResult, maxBytes = MAX_RESULT_BYTES): GradeResult {
  if (sizeOf(result) <= maxBytes) return result;
  let cut = result;
  for (const step of STEPS) {
    cut = cutResult(result, step);
    if (sizeOf(cut) <= maxBytes) return cut;
  }
  // Still too big: keep as many tests as fit (sizes summed once, so this stays linear) and say
  // how many were left out.
  const total = cut.tests.length;
  const withMessage = (shown: number) => cutText(`${cut.message} (${total - shown} of ${total} tests not shown: the result was too large)`, 600);
  const room = maxBytes - sizeOf({ ...cut, tests: [], message: withMessage(0) });
  let used = 0;
  let shown = 0;
  for (const test of cut.tests) {
    const size = Buffer.byteLength(JSON.stringify(test), 'utf8') + 1;
    if (used + size > room) break;
    used += size;
    shown++;
  }
  const trimmed = { ...cut, tests: cut.tests.slice(0, shown), message: withMessage(shown) };
  return sizeOf(trimmed) <= maxBytes ? trimmed : { ...trimmed, tests: [], advice: [] };
}
