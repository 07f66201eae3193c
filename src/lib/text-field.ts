// Text a person typed may hold tabs and line breaks, but not NUL (Postgres cannot store it), other
// control characters or lone UTF-16 surrogates. Client-safe: schemas.ts files use these, so a form
// shows the same message the server sends, naming the field and what to remove.
import { z } from 'zod';
// zod's own messages in words a person reads; installed here for the same reason as below.
import './zod-messages';

// zod compiles object parsers with `new Function` when it can, and probes for that even where the
// Content-Security-Policy forbids eval (a violation report on every form page). Every schema file
// imports this module, so the setting is in place before any schema parses, in the browser too.
z.config({ jitless: true });

// C0 controls except tab, line feed, form feed and carriage return; DEL; unpaired surrogates.
const DISALLOWED = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const NAMES: Record<number, string> = { 0: 'a NUL character (U+0000)', 0x7f: 'a DEL character (U+007F)' };

function describeCharacter(code: number): string {
  if (NAMES[code]) return NAMES[code];
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return code >= 0xd800 && code <= 0xdfff ? `a broken character (unpaired U+${hex})` : `a control character (U+${hex})`;
}

// Where the first disallowed character is, in words ("a NUL character (U+0000) on line 3,
// column 7"), or null when the text is clean.
export function findDisallowedCharacter(text: string): string | null {
  const match = DISALLOWED.exec(text);
  if (!match) return null;
  const before = text.slice(0, match.index);
  const line = before.split('\n').length;
  const column = match.index - before.lastIndexOf('\n');
  return `${describeCharacter(match[0].charCodeAt(0))} on line ${line}, column ${column}`;
}

// A refinement for a z.string(): `what` names the field in the message ("Your answer").
export function cleanText<S extends z.ZodType<string>>(schema: S, what: string): S {
  return schema.superRefine((text, ctx) => {
    const found = findDisallowedCharacter(text);
    if (found) ctx.addIssue({ code: 'custom', message: `${what} contains ${found}; remove it and try again.` });
  }) as unknown as S;
}

// The path of the first string (or key) anywhere in a JSON value with a disallowed character,
// and what was found, or null. For documents whose every field is not spelled out in a schema.
// Iterative, with paths rebuilt only on a hit, so deep nesting costs neither stack nor time.
type Node = { value: unknown; key: string | number | null; parent: Node | null };

const pathOf = (node: Node) => {
  const path: (string | number)[] = [];
  for (let n: Node | null = node; n && n.key !== null; n = n.parent) path.push(n.key);
  return path.reverse();
};

export function findDisallowedInJson(root: unknown): { path: (string | number)[]; found: string } | null {
  const stack: Node[] = [{ value: root, key: null, parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value === 'string') {
      const found = findDisallowedCharacter(value);
      if (found) return { path: pathOf(node), found };
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: i, parent: node });
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        const inKey = findDisallowedCharacter(key);
        if (inKey) return { path: pathOf({ value: item, key, parent: node }), found: `${inKey} in its name` };
        stack.push({ value: item, key, parent: node });
      }
    }
  }
  return null;
}
