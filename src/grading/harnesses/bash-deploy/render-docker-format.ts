// The part of docker's Go-template --format that deploy scripts use: {{.Field.Sub}},
// {{json .X}}, {{index .X 0}} / {{index .X "key"}}, "table" headers and \t. A missing field
// renders "<no value>", as docker does; an unknown function renders nothing.
type Value = unknown;

function lookup(root: Value, pathText: string): Value {
  if (pathText === '.') return root;
  let current: Value = root;
  for (const key of pathText.replace(/^\./, '').split('.')) {
    if (current === null || typeof current !== 'object' || !(key in current)) return undefined;
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

function evaluate(expression: string, root: Value): string {
  const words = expression.trim().match(/"[^"]*"|\S+/g) ?? [];
  const [head, ...rest] = words;
  if (!head) return '';
  if (head.startsWith('.')) return show(lookup(root, head));
  if (head === 'json') return JSON.stringify(lookup(root, rest[0] ?? '.') ?? null);
  if (head === 'index') {
    let value = lookup(root, rest[0] ?? '.');
    for (const key of rest.slice(1)) {
      const k = key.startsWith('"') ? key.slice(1, -1) : Number(key);
      value = value && typeof value === 'object' ? (value as Record<string | number, Value>)[k] : undefined;
    }
    return show(value);
  }
  if (head === 'lower' || head === 'upper') {
    const text = show(lookup(root, rest[0] ?? '.'));
    return head === 'lower' ? text.toLowerCase() : text.toUpperCase();
  }
  return '';
}

function renderOne(template: string, item: Value) {
  return template.replace(/\{\{-?\s*(.*?)\s*-?\}\}/g, (_, expression: string) => evaluate(expression, item));
}

// Renders one line per item; with "table", a header line first (field names from the template).
export function renderDockerFormat(format: string, items: Value[]): string {
  let template = format.replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  const lines: string[] = [];
  if (template.startsWith('table')) {
    template = template.slice('table'.length).trimStart();
    lines.push(template.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_, name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase()));
  }
  for (const item of items) lines.push(renderOne(template, item));
  return lines.length ? `${lines.join('\n')}\n` : '';
}
