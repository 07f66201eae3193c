// kubectl -o jsonpath='{.spec.template.spec.containers[?(@.name=="api")].image}' and the like,
// walked over plain JSON as client-go's util/jsonpath does with kubectl's
// --allow-missing-template-keys (a missing field prints nothing): fields, .*, [N] and [-1],
// slices, ['key'], filters (==, !=, <, >, <=, >=, and [?(@.field)] for presence), "literals" and
// {range …}…{end} (kubectl-jsonpath-parse.ts). The results of one {…} are joined by a space.
// Read with a linear scan; the template comes from the script and is never compiled into a
// pattern. The rendered text stops at maxChars: `{}` prints the whole object, so a 16 KB template
// of them would otherwise build megabytes per call before the relay's reply cap cut them.
import { parseJsonPath, type Step, type TemplateNode } from './kubectl-jsonpath-parse';

type Json = unknown;

export const MAX_JSONPATH_OUTPUT_CHARS = 64 * 1024;

// The text kubectl prints; or its error (a parse error, or one running the template); or the
// construct this grader does not model, which kubectl would have run.
export type JsonPathResult = { text: string } | { parseError: string } | { runError: string } | { unsupported: string };

class RunError {
  constructor(
    readonly message: string,
    readonly unsupported = false,
  ) {}
}

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNil = (v: Json) => v === null || v === undefined;
// How Go names the type kubectl's engine found where it wanted a list.
const goType = (v: Json) => (isObject(v) ? 'map[string]interface {}' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : Number.isInteger(v) ? 'int64' : 'float64');

// Go's json.Marshal: keys sorted, <, > and & escaped.
function goJson(v: Json): string {
  const sorted = (x: Json): Json => (Array.isArray(x) ? x.map(sorted) : isObject(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, sorted(x[k])])) : x);
  return JSON.stringify(sorted(v)).replaceAll('<', '\\u003c').replaceAll('>', '\\u003e').replaceAll('&', '\\u0026');
}

const text = (v: Json) => (typeof v === 'string' ? v : typeof v === 'object' && v !== null ? goJson(v) : isNil(v) ? '<nil>' : String(v));

// client-go's evalArray: [N] is [N:N+1] with N+1 "derived", a negative index counts from the end
// (never wrapping), and an index past the end is an error, not an empty result.
function slice(input: Json[], step: Extract<Step, { kind: 'slice' }>): Json[] {
  const out: Json[] = [];
  for (const value of input) {
    if (isNil(value)) continue;
    if (!Array.isArray(value)) throw new RunError(`${goType(value)} is not array or slice`);
    const length = value.length;
    let start = step.start ?? 0;
    if (start < 0) start += length;
    let end = step.end ?? length;
    if (end < 0 || (end === 0 && step.derived)) end += length;
    if (end === start) return out;
    if (start >= length || start < 0) throw new RunError(`array index out of bounds: index ${start}, length ${length}`);
    if (end > length || end < 0) throw new RunError(`array index out of bounds: index ${end - 1}, length ${length}`);
    if (start > end) throw new RunError(`starting index ${start} is greater than ending index ${end}`);
    if (step.step !== null && step.step <= 0) throw new RunError('step must be > 0');
    for (let i = start; i < end; i += step.step ?? 1) out.push(value[i]);
  }
  return out;
}

type Kind = 'string' | 'int' | 'float' | 'bool' | null;
const kindOf = (v: Json, float = false): Kind =>
  typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? (float || !Number.isInteger(v) ? 'float' : 'int') : null;

// Go template's eq, ne, lt, … as the filter uses them: like kinds only.
const OPERATORS = new Set(['==', '!=', '<', '>', '<=', '>=']);

function compare(op: string, left: Json, right: Json, rightFloat: boolean): boolean {
  if (!OPERATORS.has(op)) throw new RunError(`unrecognized filter operator ${op}`);
  const [a, b] = [kindOf(left), kindOf(right, rightFloat)];
  if (a === null || b === null) throw new RunError('invalid type for comparison');
  if (a !== b) throw new RunError('incompatible types for comparison');
  const [x, y] = [left as string | number | boolean, right as string | number | boolean];
  if (op === '==') return x === y;
  if (op === '!=') return x !== y;
  if (a === 'bool') throw new RunError('invalid type for comparison');
  if (op === '<') return x < y;
  if (op === '>') return x > y;
  if (op === '<=') return x <= y;
  return x >= y;
}

function filter(input: Json[], step: Extract<Step, { kind: 'filter' }>): Json[] {
  const out: Json[] = [];
  for (const value of input) {
    if (!Array.isArray(value)) throw new RunError(`${isNil(value) ? '<nil>' : goType(value)} is not array or slice and cannot be filtered`);
    for (const element of value) {
      if (step.op === 'exists') {
        try {
          if (walk([element], step.left).length > 0) out.push(element);
        } catch (error) {
          if (!(error instanceof RunError) || error.unsupported) throw error;
        }
        continue;
      }
      const lefts = walk([element], step.left);
      if (lefts.length === 0) continue;
      if (lefts.length > 1) throw new RunError('can only compare one element at a time');
      const rights = walk([element], step.right);
      if (rights.length === 0) continue;
      if (rights.length > 1) throw new RunError('can only compare one element at a time');
      const last = step.right.at(-1);
      if (compare(step.op, lefts[0], rights[0], last?.kind === 'literal' && last.float === true)) out.push(element);
    }
  }
  return out;
}

function walk(input: Json[], steps: readonly Step[]): Json[] {
  let current = input;
  for (const step of steps) {
    switch (step.kind) {
      case 'field':
        // Own fields only: {.constructor} or {.__proto__} is a field the object does not have,
        // not JavaScript's (which printed "undefined" and "{}").
        current = current.flatMap((v) => (isObject(v) && Object.hasOwn(v, step.name) ? [v[step.name]] : []));
        break;
      case 'wildcard':
        current = current.flatMap((v) => {
          if (typeof v === 'string') throw new RunError('the wildcard .* over a string', true);
          return Array.isArray(v) ? v : isObject(v) ? Object.values(v) : [];
        });
        break;
      case 'slice':
        current = slice(current, step);
        break;
      case 'filter':
        current = filter(current, step);
        break;
      case 'literal':
        current = step.each ? current.map(() => step.value) : [step.value];
        break;
      case 'identifier':
        throw new RunError(`unrecognized identifier ${step.name}`);
    }
  }
  return current;
}

// Appends what `nodes` print for `root` to out.text, stopping past maxChars.
function render(nodes: readonly TemplateNode[], root: Json, out: { text: string }, maxChars: number) {
  for (const node of nodes) {
    if (out.text.length > maxChars) return;
    switch (node.kind) {
      case 'text':
        // "\n" written as text beside the braces is taken for a newline.
        out.text += node.text.split('\\n').join('\n');
        break;
      case 'action':
        for (const [n, value] of walk([root], node.steps).entries()) {
          if (out.text.length > maxChars) return;
          out.text += (n > 0 ? ' ' : '') + text(value);
        }
        break;
      case 'range': {
        const items = walk([root], node.steps);
        // With nothing to range over, kubectl still runs the body (errors in it still count).
        if (items.length === 0) render(node.body, undefined, { text: '' }, maxChars);
        for (const item of items) {
          if (out.text.length > maxChars) return;
          render(node.body, item, out, maxChars);
        }
        break;
      }
      case 'end':
        throw new RunError('not in range, nothing to end');
    }
  }
}

export function renderJsonPath(template: string, item: Json, maxChars = MAX_JSONPATH_OUTPUT_CHARS): JsonPathResult {
  const parsed = parseJsonPath(template);
  if ('error' in parsed) return { parseError: parsed.error };
  if ('unsupported' in parsed) return parsed;
  const out = { text: '' };
  try {
    render(parsed.nodes, item, out, maxChars);
  } catch (error) {
    if (!(error instanceof RunError)) throw error;
    return error.unsupported ? { unsupported: error.message } : { runError: error.message };
  }
  return { text: out.text.slice(0, maxChars) };
}
