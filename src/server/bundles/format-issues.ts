// Formats zod issues as one line each, naming the place in the file the way a person would look
// for it: `questions[3].rubric.concepts[0].weight: expected a number, found a string`.
import type { z } from 'zod';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || 'bundle';
}

const NOUN: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length <= 40 ? JSON.stringify(value) : 'a string';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : 'a fraction';
  if (typeof value === 'boolean') return String(value);
  return NOUN[typeof value] ?? typeof value;
}

const quoteAll = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

// One issue's message, without its path. Type and option mistakes get a uniform "expected …"
// sentence; everything else keeps the schema's own human message.
export function describeIssue(issue: z.core.$ZodIssue & { input?: unknown }): string {
  const found = 'input' in issue && issue.input !== undefined ? `, found ${describeValue(issue.input)}` : '';
  switch (issue.code) {
    case 'invalid_type':
      if (!('input' in issue) || issue.input === undefined) return `is missing (expected ${NOUN[issue.expected] ?? issue.expected})`;
      return `expected ${NOUN[issue.expected] ?? issue.expected}${found}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `expected ${quoteAll(issue.values)}${found}` : `expected one of ${quoteAll(issue.values)}${found}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      const value = issue.input && typeof issue.input === 'object' && 'kind' in issue.input ? (issue.input as { kind: unknown }).kind : undefined;
      if (options) return `expected one of ${quoteAll(options)}${value !== undefined ? `, found ${describeValue(value)}` : ''}`;
      return issue.message;
    }
    default:
      return issue.message;
  }
}

export function formatIssues(issues: readonly z.core.$ZodIssue[], limit = 50): string[] {
  const lines = issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => `${formatPath([...issue.path, key])}: unknown field (check its spelling, or remove it)`)
      : [`${formatPath(issue.path)}: ${describeIssue(issue)}`],
  );
  return lines.length > limit ? [...lines.slice(0, limit), `…and ${lines.length - limit} more problems`] : lines;
}
