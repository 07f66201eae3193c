// How a kit case compares the value an answer returned with the expected one, and how either is
// written back to the candidate in Python's own notation. Both values are plain JSON here: the
// runner sends only dict/list/tuple/str/int/float/bool/None (exact types, no subclasses), so an
// object with a rigged __eq__ never takes part.
import type { Compare, Json } from './kit-spec';

// A returned value as the grader reads it (parse-exact-json.ts): JSON, except that an int a double
// cannot hold exactly is a bigint.
export type ReturnedValue = null | boolean | number | bigint | string | ReturnedValue[] | { [key: string]: ReturnedValue };

const isNumber = (value: ReturnedValue): value is number | bigint => typeof value === 'number' || typeof value === 'bigint';

export function valuesMatch(actual: ReturnedValue, expected: Json, compare: Compare): boolean {
  if (typeof expected === 'number' || isNumber(actual)) {
    if (typeof expected !== 'number' || !isNumber(actual)) return false;
    if (compare.mode !== 'approx') return sameNumber(actual, expected);
    // Within a tolerance, a bigint's nearest double is as good as the bigint.
    return Math.abs(Number(actual) - expected) <= compare.tolerance * Math.max(1, Math.abs(expected));
  }
  if (expected === null || typeof expected !== 'object') return actual === expected;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    if (compare.mode === 'unordered') return sameMultiset(actual, expected, compare);
    return expected.every((item, i) => valuesMatch(actual[i]!, item, compare));
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
  const keys = Object.keys(expected);
  if (Object.keys(actual).length !== keys.length) return false;
  return keys.every((key) => Object.hasOwn(actual, key) && valuesMatch(actual[key]!, expected[key]!, compare));
}

// Where a returned value differs from the expected one, as paths of keys and indexes: a number,
// string or kind that differs, a list whose length (or, unordered, whose items) differ, or a key
// one side has and the other has not (the path ends with that key). Empty exactly when
// valuesMatch holds.
export function differingPaths(actual: ReturnedValue, expected: Json, compare: Compare, at: (string | number)[] = []): (string | number)[][] {
  if (valuesMatch(actual, expected, compare)) return [];
  if (expected === null || typeof expected !== 'object' || actual === null || typeof actual !== 'object' || Array.isArray(expected) !== Array.isArray(actual)) return [at];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (compare.mode === 'unordered' || actual.length !== expected.length) return [at];
    return expected.flatMap((item, i) => differingPaths(actual[i]!, item, compare, [...at, i]));
  }
  const got = actual as { [key: string]: ReturnedValue };
  const want = expected as { [key: string]: Json };
  const keys = [...new Set([...Object.keys(want), ...Object.keys(got)])];
  return keys.flatMap((key) => (Object.hasOwn(want, key) && Object.hasOwn(got, key) ? differingPaths(got[key]!, want[key]!, compare, [...at, key]) : [[...at, key]]));
}

// A path a case is about covers a difference at it ("*" stands for any one step), or at it or
// below it when it ends with "**".
export function pathCovers(about: readonly string[], path: readonly (string | number)[]): boolean {
  const below = about[about.length - 1] === '**';
  const steps = below ? about.slice(0, -1) : about;
  if (below ? path.length < steps.length : path.length !== steps.length) return false;
  return steps.every((step, i) => step === '*' || step === String(path[i]));
}

// A path as Python subscripts: ['endpoints']['GET /x']['p99_ms'], [2].
export const pythonPath = (path: readonly (string | number)[]) => (path.length === 0 ? 'the top level' : path.map((step) => `[${typeof step === 'number' ? step : pythonString(step)}]`).join(''));

// As Python compares an int with a float: by exact value (10**17 + 1 != 1e17, 10**17 == 1e17).
function sameNumber(actual: number | bigint, expected: number): boolean {
  if (typeof actual === 'number') return actual === expected;
  return Number.isInteger(expected) && BigInt(expected) === actual;
}

// Each expected item claims one matching returned item; lists are short (the spec caps a case's
// size), so the quadratic search costs nothing worth a canonical sort.
function sameMultiset(actual: ReturnedValue[], expected: Json[], compare: Compare): boolean {
  const unclaimed = [...actual];
  for (const item of expected) {
    const at = unclaimed.findIndex((candidate) => valuesMatch(candidate, item, compare));
    if (at < 0) return false;
    unclaimed.splice(at, 1);
  }
  return true;
}

// The Python type a JSON value stands for, as the runner names it.
export function pythonTypeOf(value: Json): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'str';
  return Array.isArray(value) ? 'list' : 'dict';
}

// Same shape of value: bool is not a number here (JSON keeps them apart, and so do the cases).
export function sameKind(actual: ReturnedValue, expected: Json): boolean {
  const kind = (value: ReturnedValue) => (value === null ? 'null' : Array.isArray(value) ? 'list' : isNumber(value) ? 'number' : typeof value);
  return kind(actual) === kind(expected);
}

// Python's notation, cut at `max` characters (a long expected value still says where it starts).
export function pythonLiteral(value: ReturnedValue, max = 300): string {
  const text = literal(value);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function literal(value: ReturnedValue): string {
  if (value === null) return 'None';
  if (typeof value === 'bigint') return String(value);
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) && !Object.is(value, -0) ? String(value) : pythonFloat(value);
  if (typeof value === 'string') return pythonString(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([key, item]) => `${pythonString(key)}: ${literal(item)}`)
    .join(', ')}}`;
}

function pythonFloat(value: number): string {
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

function pythonString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const body = text.replace(/[\\\n\r\t]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!);
  return `${quote}${quote === "'" ? body.replaceAll("'", "\\'") : body}${quote}`;
}
