// How deeply a JSON text nests arrays and objects, read before it is parsed. JSON.parse takes any
// depth, but much of what reads the value afterwards recurses (zod's recursive schemas, walks over
// a spec's values, JSON.stringify when Prisma stores it) and overflows the stack on a few thousand
// levels: a 500 from a 20 KB body. Nothing we accept needs more than MAX_JSON_NESTING levels (a
// bundle's deepest path is about a dozen, plus a spec value's own), so deeper text is refused
// where it comes in, with a reason. Linear, with no recursion of its own.
export const MAX_JSON_NESTING = 100;

// The greatest number of arrays and objects open at once; brackets inside strings do not count.
// Text that is not JSON gets a number too (the parser refuses it afterwards).
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Past the string: a backslash escapes the character after it.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest) deepest = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

export const tooDeepMessage = (what: string) => `${what} nests arrays and objects more than ${MAX_JSON_NESTING} levels deep; nothing here needs that many.`;
