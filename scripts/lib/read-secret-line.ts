// One line of secret input for a command-line script: from a terminal it is read without echo
// (a prompt on stderr, nothing shown as it is typed, Backspace works, Ctrl-C cancels); from a pipe
// or a file it is all of standard input, less one final newline.
import { text } from 'node:stream/consumers';

export async function readSecretLine(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) return (await text(input)).replace(/\r?\n$/, '');
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  let line = '';
  const done = () => {
    input.setRawMode(false);
    input.pause();
    process.stderr.write('\n');
  };
  for await (const chunk of input) {
    for (const char of chunk as string) {
      if (char === '\r' || char === '\n' || char === '\u0004') {
        done();
        return line;
      }
      if (char === '\u0003') {
        done();
        process.exit(130);
      }
      if (char === '\u007f' || char === '\b') line = Array.from(line).slice(0, -1).join('');
      else line += char;
    }
  }
  done();
  return line;
}
