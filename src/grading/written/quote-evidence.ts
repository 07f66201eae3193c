// The sentence that earned a concept, as the candidate wrote it, cut to a readable length around
// the words that matched (a long bullet can run on for a paragraph).
export const MAX_EVIDENCE_CHARS = 300;
// Words kept before the match, so the quote starts with some context.
const LEAD_WORDS = 8;

// `word` indexes the whitespace-separated words of `text` (as normalizeWithPositions counts them).
export function quoteEvidence(text: string, word = 0): string {
  if (text.length <= MAX_EVIDENCE_CHARS) return text;
  const words = text.split(/\s+/);
  const start = Math.max(0, Math.min(word, words.length - 1) - LEAD_WORDS);
  // Room for the two ellipses.
  const budget = MAX_EVIDENCE_CHARS - 2;
  let end = start;
  let length = 0;
  while (end < words.length && length + words[end]!.length + (end > start ? 1 : 0) <= budget) {
    length += words[end]!.length + (end > start ? 1 : 0);
    end++;
  }
  // A single word longer than the budget (a URL) is cut rather than dropped.
  const body = end === start ? words[start]!.slice(0, budget) : words.slice(start, end).join(' ');
  return `${start > 0 ? '…' : ''}${body}${end < words.length ? '…' : ''}`;
}
