// A fast path for the one-line prompts on question lists. react-markdown parses each one with
// remark (about 3 ms a card: a 50-question topic page spent ~150 ms of CPU on it), though almost
// every prompt is plain text with `code` spans. Such text renders here to the same elements:
// text, and <code> for single-backtick spans (CommonMark's rules for those). Anything that might
// be other Markdown (emphasis, links, autolinks, entities, escapes, list or quote markers, double
// backticks, an unpaired backtick) returns null, and the caller uses react-markdown.
// tests/unit/lib/plain-inline-text.test.ts holds it to react-markdown's output on every seed prompt.
export type InlinePart = { code: boolean; text: string };

const MAYBE_MARKDOWN = /[\n\r*_[\]<>#|~!\\&@]|``|:\/\/|www\./i;
const BLOCK_START = /^\s*(?:[-+=>]|\d+[.)])/;

export function plainInlineParts(source: string): InlinePart[] | null {
  const text = source.trim();
  if (MAYBE_MARKDOWN.test(text) || BLOCK_START.test(text)) return null;
  const pieces = text.split('`');
  // An even number of pieces means an unpaired backtick, which Markdown shows as a literal `.
  if (pieces.length % 2 === 0) return null;
  const parts: InlinePart[] = [];
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) {
      if (piece) parts.push({ code: false, text: piece });
      return;
    }
    // CommonMark: one space is stripped from each side when both have one and the span is not all spaces.
    const stripped = piece.length >= 2 && piece.startsWith(' ') && piece.endsWith(' ') && piece.trim() !== '' ? piece.slice(1, -1) : piece;
    parts.push({ code: true, text: stripped });
  });
  // A span with nothing in it (two backticks) is no span: leave that to the parser.
  return parts.some((p) => p.code && p.text === '') ? null : parts;
}
