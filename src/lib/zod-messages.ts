// The words a person reads when a schema gives no message of its own: zod's defaults are written
// for programmers ("Invalid input: expected object, received null", `Invalid option: expected one
// of "CANDIDATE"|"ADMIN"`, `Unrecognized key: "x"`). A schema's own message still wins; codes not
// named here keep zod's wording. Client-safe, and installed by text-field.ts, which every schema
// file imports, so forms and the API say the same thing.
import { z } from 'zod';

type Issue = Parameters<NonNullable<z.core.$ZodConfig['customError']>>[0];

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  date: 'a date',
};

function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return 'text';
  if (typeof input === 'number') return Number.isFinite(input) ? 'a number' : String(input);
  if (typeof input === 'boolean') return input ? 'true' : 'false';
  if (typeof input === 'object') return 'an object';
  return typeof input;
}

// Someone else's text, shown back briefly: quoted, and cut short.
const quote = (value: unknown) => {
  const text = String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
};

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => (typeof v === 'string' ? v : String(v)));
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
}

const plural = (count: number | bigint, one: string, many: string) => `${count} ${Number(count) === 1 ? one : many}`;

function invalidType(issue: Extract<Issue, { code: 'invalid_type' }>): string {
  if (issue.input === undefined) return 'This is required.';
  const expected = EXPECTED[issue.expected] ?? issue.expected;
  if ((issue.path ?? []).length === 0) return `The request must be ${expected === 'an object' ? 'a JSON object' : expected}, not ${received(issue.input)}.`;
  return `This must be ${expected}, not ${received(issue.input)}.`;
}

function invalidValue(issue: Extract<Issue, { code: 'invalid_value' }>): string {
  if (issue.values.length === 1) return `This must be ${oneOf(issue.values)}.`;
  const given = typeof issue.input === 'string' ? ` (${quote(issue.input)} is not one of them)` : '';
  return `Choose ${oneOf(issue.values)}${given}.`;
}

function unrecognizedKeys(issue: Extract<Issue, { code: 'unrecognized_keys' }>): string {
  const keys = issue.keys.map(quote);
  const what = (issue.path ?? []).length === 0 ? 'this request' : 'this';
  return keys.length === 1
    ? `${keys[0]} is not something ${what} takes; remove it.`
    : `${oneOf(keys).replace(/ or ([^,]*)$/, ' and $1')} are not things ${what} takes; remove them.`;
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string | undefined {
  const { minimum, origin } = issue;
  if (origin === 'string') return Number(minimum) <= 1 ? 'This cannot be empty.' : `Use at least ${plural(minimum, 'character', 'characters')}.`;
  if (origin === 'array' || origin === 'set') return `List at least ${plural(minimum, 'item', 'items')}.`;
  if (origin === 'number' || origin === 'bigint') return issue.inclusive ? `This must be at least ${minimum}.` : `This must be more than ${minimum}.`;
  return undefined;
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string | undefined {
  const { maximum, origin } = issue;
  if (origin === 'string') return `Use at most ${plural(maximum, 'character', 'characters')}.`;
  if (origin === 'array' || origin === 'set') return `List at most ${plural(maximum, 'item', 'items')}.`;
  if (origin === 'number' || origin === 'bigint') return issue.inclusive ? `This must be at most ${maximum}.` : `This must be less than ${maximum}.`;
  return undefined;
}

const FORMATS: Record<string, string> = {
  email: 'Enter an email address, e.g. name@example.com.',
  uuid: 'This must be an id (a UUID).',
  url: 'Enter a full web address, e.g. https://example.com.',
  datetime: 'Enter a date and time, e.g. 2026-01-31T09:00:00Z.',
  date: 'Enter a date, e.g. 2026-01-31.',
};

export function humanZodMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return invalidType(issue);
    case 'invalid_value':
      return invalidValue(issue);
    case 'unrecognized_keys':
      return unrecognizedKeys(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      return FORMATS[issue.format];
    // A union (any JSON value, one of several shapes) with nothing given: zod says only "Invalid
    // input". With something given, zod's own words name the shapes it tried.
    case 'invalid_union':
      return issue.input === undefined ? 'This is required.' : undefined;
    default:
      return undefined;
  }
}

z.config({ customError: humanZodMessage });
