// Text from a run (output, call arguments), made safe to store and to show: control characters
// other than newline, tab and carriage return are shown as escapes (\x00, \x1b), and a lone
// surrogate becomes U+FFFD. Postgres refuses NUL in text and invalid UTF-16 cannot be encoded,
// so without this one answer's output could make its own result unrecordable. Linear time.
const hex = (code: number) => `\\x${code.toString(16).padStart(2, '0')}`;

export function printableText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let replacement: string | null = null;
    if ((code < 0x20 && code !== 0x0a && code !== 0x09 && code !== 0x0d) || code === 0x7f) replacement = hex(code);
    else if (code >= 0x80 && code <= 0x9f) replacement = `\\u${code.toString(16).padStart(4, '0')}`;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else replacement = '\uFFFD';
    } else if (code >= 0xdc00 && code <= 0xdfff) replacement = '\uFFFD';
    if (replacement !== null) {
      out += text.slice(from, i) + replacement;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
