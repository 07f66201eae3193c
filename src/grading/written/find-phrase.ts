// Finds a phrasing's tokens in a sentence's tokens, in order, allowing a little slack between
// them: "send 5% of the live traffic" matches "send 5% traffic" (fillers are already gone, so one
// meaningful word may sit in each gap). More slack would let a phrasing match words that merely
// share a long sentence. Two-word phrasings get no slack: "integration tests" must not match
// "integration is building and testing".
export const MAX_GAP = 1;
const MIN_WORDS_FOR_GAPS = 3;

function matchesFrom(tokens: string[], phrase: string[], at: number, next: number, gap: number): boolean {
  if (next === phrase.length) return true;
  for (let j = at + 1; j <= Math.min(at + 1 + gap, tokens.length - 1); j++) {
    if (tokens[j] === phrase[next] && matchesFrom(tokens, phrase, j, next + 1, gap)) return true;
  }
  return false;
}

// The index of the first token of the earliest match, or -1.
export function findPhrase(tokens: string[], phrase: string[]): number {
  if (phrase.length === 0) return -1;
  const gap = phrase.length >= MIN_WORDS_FOR_GAPS ? MAX_GAP : 0;
  for (let start = 0; start < tokens.length; start++) {
    if (tokens[start] === phrase[0] && matchesFrom(tokens, phrase, start, 1, gap)) return start;
  }
  return -1;
}
