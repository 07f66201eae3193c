// Finds a phrasing's tokens in a sentence's tokens, in order, allowing a little slack between
// them: "send 5% of the live traffic" matches "send 5% traffic" (fillers are already gone, so one
// meaningful word may sit in each gap). More slack would let a phrasing match words that merely
// share a long sentence. Two-word phrasings get no slack: "integration tests" must not match
// "integration is building and testing".
export const MAX_GAP = 1;
const MIN_WORDS_FOR_GAPS = 3;

// The index of the last token of a match starting at `at`, or -1.
function matchFrom(tokens: string[], phrase: string[], at: number, next: number, gap: number): number {
  if (next === phrase.length) return at;
  for (let j = at + 1; j <= Math.min(at + 1 + gap, tokens.length - 1); j++) {
    if (tokens[j] === phrase[next]) {
      const end = matchFrom(tokens, phrase, j, next + 1, gap);
      if (end >= 0) return end;
    }
  }
  return -1;
}

// The last token of a match that starts at `start`, or -1.
export function matchAt(tokens: string[], phrase: string[], start: number): number {
  if (phrase.length === 0 || tokens[start] !== phrase[0]) return -1;
  return matchFrom(tokens, phrase, start, 1, phrase.length >= MIN_WORDS_FOR_GAPS ? MAX_GAP : 0);
}

// Every match as [first token, last token], earliest first.
export function findPhraseSpans(tokens: string[], phrase: string[]): [number, number][] {
  const spans: [number, number][] = [];
  if (phrase.length === 0) return spans;
  const gap = phrase.length >= MIN_WORDS_FOR_GAPS ? MAX_GAP : 0;
  for (let start = 0; start < tokens.length; start++) {
    if (tokens[start] !== phrase[0]) continue;
    const end = matchFrom(tokens, phrase, start, 1, gap);
    if (end >= 0) spans.push([start, end]);
  }
  return spans;
}

// The index of the first token of the earliest match, or -1.
export function findPhrase(tokens: string[], phrase: string[]): number {
  return findPhraseSpans(tokens, phrase)[0]?.[0] ?? -1;
}
