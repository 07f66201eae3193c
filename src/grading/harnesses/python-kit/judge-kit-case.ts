// One kit test, decided here from the value the function returned for its arguments. A visible
// test says what was returned, what was expected and why, with the answer's output and traceback.
// A hidden test says only its name, a reason category and the case's own category: never its
// arguments, the expected value, the rule's explanation (it gives the expected value away), the
// returned value, the exception text (it can echo the input) or the answer's output. A case that
// names what it is `about` explains a wrong value only when it is wrong there: elsewhere a visible
// test says where the values differ, a hidden one the category of the cases about that part.
import type { TestResult } from '../../contract';
import { capOutput, joinStreams } from '../../code/cap-output';
import { differingPaths, pathCovers, pythonLiteral, pythonPath, pythonTypeOf, sameKind, valuesMatch, type ReturnedValue } from './compare-values';
import type { Compare, Json, KitCase } from './kit-spec';
import { parseExactJson } from './parse-exact-json';
import type { PythonReport } from './python-session';

export const HIDDEN_REASONS = {
  wrong: 'wrong result',
  raised: 'raised an exception',
  timedOut: 'timed out',
  crashed: 'ended the Python process',
} as const;

// "wrong result (not a bool)": the expected value's type is no secret (the prompt states it).
export const hiddenWrongType = (expected: Json) => `${HIDDEN_REASONS.wrong} (not a ${kindName(expected)})`;

// Why a returned value could not be compared, as a clause after "the value". The runner names the
// problem in one of a few fixed phrases (python-runner-source.ts); anything else is not believed.
const DATA_ISSUES: [string, string][] = [
  ['too large to compare', 'is too large to compare'],
  ['nested too deeply to compare', 'is nested too deeply to compare'],
  ['NaN or infinity is not comparable data', 'holds NaN or infinity, which is not comparable data'],
  ['dict keys must be str', 'has a dict key that is not a str (dict keys must be str)'],
  // Also said of a dict or list holding a Fraction, Decimal or set: the returned dict's "(a dict),
  // expected a dict" alone read as a contradiction.
  [
    'not plain data (dict, list, tuple, str, int, float, bool or None)',
    'is not plain data, or holds a value that is not: only dict, list, tuple, str, int, float, bool and None compare (convert a Fraction, Decimal or set first)',
  ],
];
const describeDataIssue = (issue: string) => DATA_ISSUES.find(([known]) => known === issue)?.[1] ?? 'cannot be compared';

function kindName(expected: Json) {
  const name = pythonTypeOf(expected);
  return name === 'int' || name === 'float' ? 'number' : name;
}

// Hostile text from the jail: parsed inside a try, and refused past a nesting a case never needs.
const MAX_DEPTH = 40;
function parseReturned(data: string | undefined): { ok: true; value: ReturnedValue } | { ok: false } {
  if (data === undefined) return { ok: false };
  try {
    const value = parseExactJson(data);
    return depthOf(value) <= MAX_DEPTH ? { ok: true, value } : { ok: false };
  } catch {
    return { ok: false };
  }
}

function depthOf(root: ReturnedValue): number {
  let deepest = 0;
  const stack: [ReturnedValue, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_DEPTH) return deepest;
    if (value !== null && typeof value === 'object') for (const item of Object.values(value)) stack.push([item, depth + 1]);
  }
  return deepest;
}

// Whether a wrong value is wrong in what the case is about, and else where it differs and the
// categories of the other cases (`cases`, the question's) about those parts.
function offTopic(testCase: KitCase, returned: ReturnedValue, compare: Compare, cases: readonly KitCase[]): { paths: (string | number)[][]; categories: string[] } | null {
  const about = testCase.about;
  if (!about) return null;
  const paths = differingPaths(returned, testCase.expected, compare);
  if (paths.some((path) => about.some((part) => pathCovers(part, path)))) return null;
  const categories = cases.filter((c) => c.category && c.about?.some((part) => paths.some((path) => pathCovers(part, path)))).map((c) => c.category!);
  return { paths, categories: [...new Set(categories)] };
}

const MAX_PATHS_NAMED = 3;
const namePaths = (paths: (string | number)[][]) => {
  const named = paths.slice(0, MAX_PATHS_NAMED).map(pythonPath).join(', ');
  return paths.length > MAX_PATHS_NAMED ? `${named} and ${paths.length - MAX_PATHS_NAMED} more` : named;
};

export function judgeKitCase(testCase: KitCase, compare: Compare, report: PythonReport | null, notRun: string, timeoutSeconds: number, cases: readonly KitCase[] = []): TestResult {
  const base = { name: testCase.name, ...(testCase.hidden ? { hidden: true } : {}) };
  if (report === null) return { ...base, status: 'error', message: notRun };
  if (testCase.hidden) return judgeHidden(base, testCase, compare, report, cases);
  const shown = joinStreams(report.stdout, report.stderr);
  const withOutput = (text: string) => (text ? capOutput(text) : {});
  if (report.timedOut) return { ...base, status: 'error', message: `timed out after ${timeoutSeconds} s`, ...withOutput(shown) };
  if (report.crashed) return { ...base, status: 'error', message: `the answer ended the Python process (exit, os._exit, a crash or running out of its memory limit): ${testCase.why}`, ...withOutput(shown) };
  if (!report.ok) {
    return { ...base, status: 'error', message: `raised ${report.error}: ${testCase.why}`, ...withOutput([report.traceback ?? '', shown].filter(Boolean).join('\n')) };
  }
  const returned = parseReturned(report.data);
  if (!returned.ok || !sameKind(returned.value, testCase.expected)) {
    const issue = !returned.ok && report.dataIssue ? `; the value ${describeDataIssue(report.dataIssue)}` : '';
    return { ...base, status: 'fail', message: `returned ${report.repr} (a ${report.type}), expected a ${kindName(testCase.expected)}${issue}`, ...withOutput(shown) };
  }
  if (!valuesMatch(returned.value, testCase.expected, testCase.compare ?? compare)) {
    const elsewhere = offTopic(testCase, returned.value, testCase.compare ?? compare, cases);
    const explained = elsewhere ? `they differ at ${namePaths(elsewhere.paths)}` : testCase.why;
    return { ...base, status: 'fail', message: `returned ${pythonLiteral(returned.value)}, expected ${pythonLiteral(testCase.expected)}: ${explained}`, ...withOutput(shown) };
  }
  return { ...base, status: 'pass', message: '', ...withOutput(shown) };
}

function judgeHidden(base: { name: string; hidden?: boolean }, testCase: KitCase, compare: Compare, report: PythonReport, cases: readonly KitCase[]): TestResult {
  const reason = (text: string) => (testCase.category ? `${text} [${testCase.category}]` : text);
  if (report.timedOut) return { ...base, status: 'error', message: reason(HIDDEN_REASONS.timedOut) };
  if (report.crashed) return { ...base, status: 'error', message: reason(HIDDEN_REASONS.crashed) };
  if (!report.ok) return { ...base, status: 'error', message: reason(HIDDEN_REASONS.raised) };
  const returned = parseReturned(report.data);
  // A value the runner could not pass on (NaN in a dict the answer returned) is not "not a dict":
  // what was wrong with it is about the answer's own value, never the case's.
  if (!returned.ok && report.dataIssue) return { ...base, status: 'fail', message: reason(`${HIDDEN_REASONS.wrong} (the value ${describeDataIssue(report.dataIssue)})`) };
  if (!returned.ok || !sameKind(returned.value, testCase.expected)) return { ...base, status: 'fail', message: reason(hiddenWrongType(testCase.expected)) };
  if (!valuesMatch(returned.value, testCase.expected, testCase.compare ?? compare)) {
    const elsewhere = offTopic(testCase, returned.value, testCase.compare ?? compare, cases);
    if (!elsewhere) return { ...base, status: 'fail', message: reason(HIDDEN_REASONS.wrong) };
    const categories = elsewhere.categories.join(', ');
    return { ...base, status: 'fail', message: categories ? `${HIDDEN_REASONS.wrong} [${categories}]` : HIDDEN_REASONS.wrong };
  }
  return { ...base, status: 'pass', message: '' };
}
