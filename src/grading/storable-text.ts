// Text from a run made valid for JSON and Postgres (jsonb rejects \u0000, and a lone surrogate
// cannot be encoded as UTF-8) and safe to show: control characters other than newline, tab and
// carriage return (C0, DEL and C1) are shown as escapes ("\u0000", "\u001b"), invalid UTF-8 and
// lone surrogates become U+FFFD. One linear pass, so any output a candidate produces can be
// recorded and shown; the one escape format for every harness (the Bash harness applies it to
// output and call arguments before capping them, finishResult to the whole result: idempotent).
import type { GradeResult } from './contract';

const REPLACEMENT = '\uFFFD';

const escapeControl = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;

export function storableText(input: string | Uint8Array): string {
  // TextDecoder without `fatal` replaces every invalid UTF-8 sequence with U+FFFD.
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let replacement: string | null = null;
    if ((code < 0x20 && code !== 0x0a && code !== 0x09 && code !== 0x0d) || (code >= 0x7f && code <= 0x9f)) {
      replacement = escapeControl(code);
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      replacement = REPLACEMENT;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      replacement = REPLACEMENT;
    }
    if (replacement === null) continue;
    out += text.slice(start, i) + replacement;
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}

// Every string a GradeResult carries, made storable. Numbers and booleans pass as they are.
export function storableResult(result: GradeResult): GradeResult {
  return {
    ...result,
    message: storableText(result.message),
    gradedVersion: storableText(result.gradedVersion),
    advice: result.advice.map(storableText),
    tests: result.tests.map((test) => {
      const copy = { ...test, name: storableText(test.name), message: storableText(test.message) };
      if (test.output !== undefined) copy.output = storableText(test.output);
      if (test.calls !== undefined) copy.calls = test.calls.map(storableText);
      if (test.concept !== undefined) copy.concept = storableText(test.concept);
      if (test.evidence !== undefined) copy.evidence = storableText(test.evidence);
      if (test.followUp !== undefined) copy.followUp = storableText(test.followUp);
      return copy;
    }),
  };
}
