// How a kit case compares the value an answer returned with the expected one, and how either is
// written back to the candidate in Python's own notation. Both values are plain JSON here: the
// runner sends only dict/list/tuple/str/int/float/bool/None (exact types, no subclasses), so an
// object with a rigged __eq__ never takes part.
import type { Compare, Json } from './kit-spec';

export function valuesMatch(actual: Json, expected: Json, compare: Compare): boolean {
  if (typeof expected === 'number' || typeof actual === 'number') {
    if (typeof expected !== 'number' || typeof actual !== 'number') return false;
    if (compare.mode !== 'approx') return actual === expected;
    return Math.abs(actual - expected) <= compare.tolerance * Math.max(1, Math.abs(expected));
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

// Each expected item claims one matching returned item; lists are short (the spec caps a case's
// size), so the quadratic search costs nothing worth a canonical sort.
function sameMultiset(actual: Json[], expected: Json[], compare: Compare): boolean {
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
export function sameKind(actual: Json, expected: Json): boolean {
  const kind = (value: Json) => (value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value);
  return kind(actual) === kind(expected);
}

// Python's notation, cut at `max` characters (a long expected value still says where it starts).
export function pythonLiteral(value: Json, max = 300): string {
  const text = literal(value);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function literal(value: Json): string {
  if (value === null) return 'None';
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
