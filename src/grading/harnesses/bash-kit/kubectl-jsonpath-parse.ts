// Reads a kubectl -o jsonpath template the way client-go's util/jsonpath parser does: text, and
// {…} actions made of steps (.field with \-escaped dots, .*, [N], [start:end:step], ['key'],
// [?(left op right)] and [?(@.field)], "literal", numbers, true/false, @ and $), with
// {range …}…{end} around them. One left-to-right scan: each character is read once, a filter's
// text twice; nothing from the template is compiled. What kubectl rejects is a parse error in its
// words; what it accepts but this grader does not model (.., unions, =~, nested range, a filter
// inside a filter) is `unsupported`, naming the construct.
export type Literal = { kind: 'literal'; value: string | number | boolean; float?: boolean; each?: boolean };
export type Step =
  | { kind: 'field'; name: string }
  | { kind: 'wildcard' }
  | { kind: 'slice'; start: number | null; end: number | null; derived: boolean; step: number | null }
  | { kind: 'filter'; left: Step[]; op: string; right: Step[] }
  | Literal
  | { kind: 'identifier'; name: string };
export type TemplateNode = { kind: 'text'; text: string } | { kind: 'action'; steps: Step[] } | { kind: 'range'; steps: Step[]; body: TemplateNode[] } | { kind: 'end' };
export type Parsed = { nodes: TemplateNode[] } | { error: string } | { unsupported: string };

class Stop {
  constructor(readonly result: { error: string } | { unsupported: string }) {}
}
const fail = (error: string) => new Stop({ error });
const unsupported = (what: string) => new Stop({ unsupported: what });

// Go's isTerminator: what ends a field or an identifier.
const TERMINATORS = new Set([' ', '\t', '\r', '\n', '.', ',', '[', ']', '$', '@', '{', '}']);
const isAlphaNumeric = (c: string) => c === '_' || /^[\p{L}\p{Nd}]$/u.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const ESCAPES = new Map([['a', '\x07'], ['b', '\b'], ['f', '\f'], ['n', '\n'], ['r', '\r'], ['t', '\t'], ['v', '\v'], ['\\', '\\'], ["'", "'"], ['"', '"']]);
// Past this an index is not worth modelling (Go's Atoi takes 19 digits).
const MAX_INDEX_DIGITS = 15;
const goRune = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${c}'`;

// A quoted literal ("…" or '…', with the backslash escapes of Go's UnquoteChar that matter here).
function unquote(quoted: string): string {
  const quote = quoted[0]!;
  let out = '';
  for (let i = 1; i < quoted.length - 1; i++) {
    const c = quoted[i]!;
    if (c === quote) throw fail(`unquote string ${quoted} error invalid syntax`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const escaped = ESCAPES.get(quoted[++i] ?? '');
    if (escaped === undefined) throw unsupported(`the escape \\${quoted[i] ?? ''} in a quoted string`);
    out += escaped;
  }
  return out;
}

// "-1", "", "+3": an index as Go's Atoi reads it, or null when left out.
function index(text: string): number | null {
  if (text === '') return null;
  const digits = text[0] === '-' || text[0] === '+' ? text.slice(1) : text;
  if (digits === '' || ![...digits].every(isDigit)) throw fail(`array index ${text} is not a number`);
  if (digits.length > MAX_INDEX_DIGITS) throw unsupported(`an index of more than ${MAX_INDEX_DIGITS} digits`);
  return Number(text);
}

// The text between [ and ]: *, N, start:end:step, or 'key'.
function bracket(text: string): Step[] {
  if (text === '*') return [{ kind: 'slice', start: null, end: null, derived: false, step: null }];
  if (text.includes(',')) throw unsupported(`the union [${text}]`);
  if (text.length >= 2 && text[0] === "'" && text.endsWith("'") && !text.slice(1, -1).includes("'")) {
    // ['a.b'] is .a.b, as kubectl reads it.
    return steps(`.${text.slice(1, -1)}`, { inFilter: false });
  }
  // Go's ^(-?\d*)(:-?\d*)?(:-?\d*)?$, read by hand.
  const parts = text.split(':');
  if (parts.length > 3 || parts.some((p) => ![...(p.startsWith('-') ? p.slice(1) : p)].every(isDigit))) throw fail(`invalid array index ${text}`);
  const [start = '', end, step] = parts;
  const from = index(start);
  if (end === undefined) return [{ kind: 'slice', start: from ?? 0, end: (from ?? 0) + 1, derived: true, step: null }];
  return [{ kind: 'slice', start: from, end: index(end), derived: false, step: step === undefined ? null : index(step) }];
}

// A filter's inside: `left op right`, or a path whose presence is the test.
function filter(text: string): Step {
  let at = 0;
  while (at < text.length && !'!<>='.includes(text[at]!)) at++;
  let end = at;
  while (end < text.length && '!<>=~'.includes(text[end]!)) end++;
  if (at === 0 || at === text.length || end === text.length) return { kind: 'filter', left: steps(text, { inFilter: true }), op: 'exists', right: [] };
  const op = text.slice(at, end);
  if (op === '=~') throw unsupported('a regular-expression filter (=~)');
  return { kind: 'filter', left: steps(text.slice(0, at), { inFilter: true }), op, right: steps(text.slice(end), { inFilter: true }) };
}

// The steps of a piece of an action: a filter's operand, or a ['key'] read as .key.
const steps = (text: string, { inFilter }: { inFilter: boolean }) => readSteps({ text, pos: 0 }, inFilter, false);

// "1", "-2", "1.5", "+.5": Go's Atoi, else ParseFloat, on the digits and dots the scan took.
function number(text: string): Literal {
  const digits = text[0] === '-' || text[0] === '+' ? text.slice(1) : text;
  const dots = [...digits].filter((c) => c === '.').length;
  const value = Number(text);
  if (dots > 1 || digits.replace('.', '') === '' || !Number.isFinite(value)) throw fail(`cannot parse number ${text}`);
  return { kind: 'literal', value, float: dots === 1, each: true };
}

// Reads steps at scanner.pos up to the closing brace (in a template) or the end (in a piece of
// one), leaving pos on the brace.
function readSteps(s: { text: string; pos: number }, inFilter: boolean, inTemplate: boolean): Step[] {
  const out: Step[] = [];
  const { text } = s;
  for (;;) {
    if (inTemplate && text[s.pos] === '}') return out;
    if (text.startsWith('[?(', s.pos)) {
      if (inFilter) throw unsupported('a filter inside a filter');
      s.pos += 3;
      const start = s.pos;
      let begun = false;
      let ended = false;
      let pair = '';
      for (;;) {
        const c = text[s.pos++];
        if (c === undefined || c === '\n') throw fail('unterminated filter');
        if (c === '"' || c === "'") {
          if (!begun) [begun, pair] = [true, c];
          else if (text[s.pos - 2] !== '\\' && c === pair) ended = true;
        } else if (c === ')' && begun === ended) break;
      }
      if (text[s.pos++] !== ']') throw fail('unclosed array expect ]');
      out.push(filter(text.slice(start, s.pos - 2)));
      continue;
    }
    if (text.startsWith('..', s.pos)) throw unsupported('recursive descent (..)');
    const c = text[s.pos];
    if (c === undefined) {
      if (inTemplate) throw fail('unclosed action');
      return out;
    }
    s.pos++;
    if (c === '\r' || c === '\n') throw fail('unclosed action');
    if (c === ' ' || c === '@' || c === '$') continue;
    if (c === '[') {
      const start = s.pos;
      while (text[s.pos] !== ']') if (text[s.pos] === undefined || text[s.pos++] === '\n') throw fail('unterminated array');
      out.push(...bracket(text.slice(start, s.pos++)));
    } else if (c === '"' || c === "'") {
      const start = s.pos - 1;
      for (;;) {
        const q = text[s.pos++];
        if (q === undefined || q === '\n') throw fail('unterminated quoted string');
        if (q === c && text[s.pos - 2] !== '\\') break;
      }
      out.push({ kind: 'literal', value: unquote(text.slice(start, s.pos)) });
    } else if (c === '.') {
      // A backslash takes the next character into the name (app\.kubernetes\.io/name); then
      // every backslash is dropped, as kubectl does.
      const start = s.pos;
      while (s.pos < text.length && !TERMINATORS.has(text[s.pos]!)) s.pos += text[s.pos] === '\\' ? 2 : 1;
      s.pos = Math.min(s.pos, text.length);
      const raw = text.slice(start, s.pos);
      out.push(raw === '*' ? { kind: 'wildcard' } : { kind: 'field', name: raw.replaceAll('\\', '') });
    } else if (c === '+' || c === '-' || isDigit(c)) {
      const start = s.pos - 1;
      while (text[s.pos] === '.' || isDigit(text[s.pos])) s.pos++;
      out.push(number(text.slice(start, s.pos)));
    } else if (isAlphaNumeric(c)) {
      const start = s.pos - 1;
      while (s.pos < text.length && !TERMINATORS.has(text[s.pos]!)) s.pos++;
      const word = text.slice(start, s.pos);
      out.push(word === 'true' || word === 'false' ? { kind: 'literal', value: word === 'true', each: true } : { kind: 'identifier', name: word });
    } else throw fail(`unrecognized character in action: ${goRune(c)}`);
  }
}

const isWord = (step: Step | undefined, name: string) => step?.kind === 'identifier' && step.name === name;

export function parseJsonPath(template: string): Parsed {
  try {
    const top: TemplateNode[] = [];
    let range: Extract<TemplateNode, { kind: 'range' }> | null = null;
    const s = { text: template, pos: 0 };
    while (s.pos < template.length) {
      const open = template.indexOf('{', s.pos);
      const into = range ? range.body : top;
      if (open < 0 || open > s.pos) into.push({ kind: 'text', text: template.slice(s.pos, open < 0 ? undefined : open) });
      if (open < 0) break;
      s.pos = open + 1;
      const found = readSteps(s, false, true);
      s.pos++;
      if (isWord(found[0], 'range')) {
        if (range) throw unsupported('a range inside a range');
        if (found.slice(1).some((x) => isWord(x, 'range') || isWord(x, 'end'))) throw unsupported('range or end inside an expression');
        range = { kind: 'range', steps: found.slice(1), body: [] };
        top.push(range);
      } else if (found.length === 1 && isWord(found[0], 'end')) {
        if (range) range = null;
        else top.push({ kind: 'end' });
      } else if (found.some((x) => isWord(x, 'range') || isWord(x, 'end'))) {
        throw unsupported('range or end inside an expression');
      } else into.push({ kind: 'action', steps: found });
    }
    if (range) throw unsupported('a range without its end');
    return { nodes: top };
  } catch (caught) {
    if (caught instanceof Stop) return caught.result;
    throw caught;
  }
}
