// The returned value's JSON text, read as JSON.parse reads it except that an integer a double
// cannot hold exactly (past 2^53) becomes a bigint: 10**17 + 1 must not read as 10**17. Node 20's
// JSON.parse shows a reviver no source text, so each such integer is first rewritten as a string
// that begins with a fresh random mark (no string in the text can hold it but by a 2^-96 chance)
// and turned back into a bigint by the reviver. Throws as JSON.parse does on text that is not JSON.
import { randomBytes } from 'node:crypto';
import type { ReturnedValue } from './compare-values';

const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const NUMBER_START = /[-0-9]/;
const NUMBER_CHAR = /[-+.0-9eE]/;

export function parseExactJson(text: string): ReturnedValue {
  const mark = `${randomBytes(12).toString('hex')}:`;
  const parts: string[] = [];
  let copied = 0;
  for (let i = 0; i < text.length; ) {
    if (text[i] === '"') {
      // Past the string, whose backslash escapes the character after it.
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (NUMBER_START.test(text[i]!)) {
      const start = i;
      while (i < text.length && NUMBER_CHAR.test(text[i]!)) i++;
      const token = text.slice(start, i);
      if (INTEGER.test(token) && !Number.isSafeInteger(Number(token))) {
        parts.push(text.slice(copied, start), `"${mark}${token}"`);
        copied = i;
      }
    } else i++;
  }
  if (parts.length === 0) return JSON.parse(text) as ReturnedValue;
  parts.push(text.slice(copied));
  return JSON.parse(parts.join(''), (key, value: unknown) => {
    // A number where a key belongs was never JSON, rewritten or not.
    if (key.startsWith(mark)) throw new SyntaxError('a number is not an object key');
    return typeof value === 'string' && value.startsWith(mark) ? BigInt(value.slice(mark.length)) : value;
  }) as ReturnedValue;
}
