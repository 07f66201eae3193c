// kubectl -o jsonpath='{.spec.template.spec.containers[0].image}' and the like: text with
// {.field.field[N]} / [*] segments (and {"literal"}), walked over plain JSON. Read with a linear
// scan; the template comes from the script and is never compiled into a pattern. The rendered
// text stops at maxChars: `{}` prints the whole object, so a 16 KB template of them would
// otherwise build megabytes per call before the relay's reply cap cut them.
type Json = unknown;

export const MAX_JSONPATH_OUTPUT_CHARS = 64 * 1024;

function walk(values: Json[], path: string): Json[] | null {
  let current = values;
  let i = 0;
  while (i < path.length) {
    if (path[i] === '.') {
      let j = i + 1;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      const key = path.slice(i + 1, j);
      // Own fields only: {.constructor} or {.__proto__} is a field the object does not have, not
      // JavaScript's (which printed "undefined" and "{}").
      if (key) current = current.flatMap((v) => (v && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, key) ? [(v as Record<string, Json>)[key]] : []));
      i = j;
    } else if (path[i] === '[') {
      const end = path.indexOf(']', i);
      if (end < 0) return null;
      const index = path.slice(i + 1, end);
      if (index === '*') current = current.flatMap((v) => (Array.isArray(v) ? v : []));
      else if (/^\d{1,4}$/.test(index)) current = current.flatMap((v) => (Array.isArray(v) && Number(index) < v.length ? [v[Number(index)]] : []));
      else return null;
      i = end + 1;
    } else return null;
  }
  return current;
}

const text = (v: Json) => (typeof v === 'string' ? v : JSON.stringify(v));

// The rendered text, or null when the template is outside what this model supports.
export function renderJsonPath(template: string, item: Json, maxChars = MAX_JSONPATH_OUTPUT_CHARS): string | null {
  let out = '';
  let i = 0;
  while (i < template.length) {
    if (out.length > maxChars) break;
    const open = template.indexOf('{', i);
    if (open < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    const close = template.indexOf('}', open);
    if (close < 0) return null;
    const inner = template.slice(open + 1, close).trim();
    // {"\n"}: a quoted literal, as kubectl allows.
    if (inner.length >= 2 && inner.startsWith('"') && inner.endsWith('"')) {
      out += inner.slice(1, -1);
      i = close + 1;
      continue;
    }
    const values = walk([item], inner);
    if (values === null) return null;
    for (const [n, value] of values.entries()) {
      if (out.length > maxChars) break;
      out += (n > 0 ? ' ' : '') + text(value);
    }
    i = close + 1;
  }
  return out.slice(0, maxChars).split('\\n').join('\n');
}
