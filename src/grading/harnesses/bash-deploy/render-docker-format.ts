// The part of docker's Go-template --format that deploy scripts use: {{.Field.Sub}},
// {{json .X}}, {{index .X 0}} / {{index .X "key"}}, {{lower .X}}, "table" headers and \t. A
// missing field renders "<no value>", as docker does; an unknown function renders nothing.
// The template is candidate text: it is read by a hand-written scanner (indexOf, no regular
// expression that could backtrack), and rendering stops once the output passes `maxChars`.
type Value = unknown;

export const MAX_FORMAT_OUTPUT_CHARS = 64 * 1024;
// Rendering costs about the template's length per object, printed or not: one call can name a
// container thousands of times beside a template of actions that print nothing ({{x}} 1,600
// times: 3 million actions, a quarter of a second of the grader's time per call). Past this many
// template characters rendered, the output stops, with a mark, as it does at MAX_FORMAT_OUTPUT_CHARS.
export const MAX_FORMAT_WORK_CHARS = 256 * 1024;

function lookup(root: Value, pathText: string): Value {
  if (pathText === '.') return root;
  let current: Value = root;
  for (const key of (pathText.startsWith('.') ? pathText.slice(1) : pathText).split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, Value>)[key];
  }
  return current;
}

function show(value: Value): string {
  if (value === undefined) return '<no value>';
  if (value === null) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(show).join(' ')}]`;
  if (typeof value === 'object') return `map[${Object.entries(value).map(([k, v]) => `${k}:${show(v)}`).join(' ')}]`;
  return String(value);
}

// Words of an action: "quoted strings" and runs of non-space characters.
function words(expression: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < expression.length) {
    while (i < expression.length && expression[i]! <= ' ') i++;
    if (i >= expression.length) break;
    let end: number;
    if (expression[i] === '"') {
      const close = expression.indexOf('"', i + 1);
      end = close < 0 ? expression.length : close + 1;
    } else {
      end = i;
      while (end < expression.length && expression[end]! > ' ') end++;
    }
    out.push(expression.slice(i, end));
    i = end;
  }
  return out;
}

function evaluate(expression: string, root: Value): string {
  const [head, ...rest] = words(expression);
  if (!head) return '';
  if (head.startsWith('.')) return show(lookup(root, head));
  if (head === 'json') return JSON.stringify(lookup(root, rest[0] ?? '.') ?? null);
  if (head === 'index') {
    let value = lookup(root, rest[0] ?? '.');
    for (const key of rest.slice(1)) {
      const k = key.startsWith('"') ? key.slice(1, -1) : Number(key);
      value = value && typeof value === 'object' && Object.hasOwn(value, k) ? (value as Record<string | number, Value>)[k] : undefined;
    }
    return show(value);
  }
  if (head === 'lower' || head === 'upper') {
    const text = show(lookup(root, rest[0] ?? '.'));
    return head === 'lower' ? text.toLowerCase() : text.toUpperCase();
  }
  return '';
}

type Part = { text: string } | { action: string };

// Splits a template into literal text and {{actions}}, trimming "-" and spaces inside the braces.
// Each character is looked at a bounded number of times.
function parseTemplate(template: string): Part[] {
  const parts: Part[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{{', i);
    const close = open < 0 ? -1 : template.indexOf('}}', open + 2);
    if (open < 0 || close < 0) {
      parts.push({ text: template.slice(i) });
      break;
    }
    if (open > i) parts.push({ text: template.slice(i, open) });
    let action = template.slice(open + 2, close);
    if (action.startsWith('-')) action = action.slice(1);
    if (action.endsWith('-')) action = action.slice(0, -1);
    parts.push({ action: action.trim() });
    i = close + 2;
  }
  return parts;
}

const headerName = (action: string) => {
  const field = action.startsWith('.') && !action.includes(' ') ? action.slice(1) : null;
  if (!field || !/^\w+$/.test(field)) return null;
  let name = '';
  for (let i = 0; i < field.length; i++) {
    const c = field[i]!;
    if (i > 0 && c >= 'A' && c <= 'Z' && field[i - 1]! >= 'a' && field[i - 1]! <= 'z') name += ' ';
    name += c.toUpperCase();
  }
  return name;
};

// Renders one line per item; with "table", a header line first (field names from the template).
export function renderDockerFormat(format: string, items: Value[], maxChars = MAX_FORMAT_OUTPUT_CHARS): string {
  let template = format.split('\\t').join('\t').split('\\n').join('\n');
  const lines: string[] = [];
  let size = 0;
  const add = (line: string) => {
    lines.push(line.length + size > maxChars ? line.slice(0, Math.max(0, maxChars - size)) : line);
    size += line.length + 1;
  };
  let parts: Part[];
  if (template.startsWith('table')) {
    template = template.slice('table'.length).trimStart();
    parts = parseTemplate(template);
    add(parts.map((p) => ('text' in p ? p.text : (headerName(p.action) ?? `{{${p.action}}}`))).join(''));
  } else parts = parseTemplate(template);
  let work = 0;
  for (const [n, item] of items.entries()) {
    if (size > maxChars) break;
    work += template.length;
    if (work > MAX_FORMAT_WORK_CHARS) {
      add(`…[rendered for ${n} of ${items.length} objects: the grader renders at most ${MAX_FORMAT_WORK_CHARS / 1024} KiB of template a call]`);
      break;
    }
    let line = '';
    for (const part of parts) {
      line += 'text' in part ? part.text : evaluate(part.action, item);
      if (line.length + size > maxChars) break;
    }
    add(line);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
