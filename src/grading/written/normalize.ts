// Turns text into comparable tokens, the same way for an answer and for a rubric phrasing, so a
// phrasing matches its variants: case, accents, Unicode dashes and quotes ("blue‑green" with a
// U+2011 hyphen), punctuation, filler words, number words, a few compounds ("rollback") and
// plurals and common inflections are all folded away. "Rolled back", "roll-back" and "rolling
// back" all read as "roll back".
import { stem } from './stem';

// Words that carry no meaning for matching a phrasing; dropping them lets "collect the metrics"
// match the phrasing "collect metrics". Negations ("not", "no") are deliberately kept.
const FILLER = new Set([
  'a', 'an', 'the', 'of', 'to', 'and', 'or', 'is', 'are', 'am', 'be', 'been', 'being', 'was', 'were', 'for', 'in',
  'on', 'at', 'by', 'with', 'it', 'its', 'this', 'that', 'these', 'those', 'we', 'you', 'our', 'your', 'i', 'my',
  'as', 'so', 'then', 'than', 'into', 'from', 'very', 'just', 'also', 'can', 'will', 'would', 'should', 'could',
  'do', 'does', 'did', 'has', 'have', 'had', 'they', 'them', 'their', 'there',
]);

// "five percent" must match "5%".
const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  twenty: '20', fifty: '50', hundred: '100',
};

// Compounds written as one word or two ("rollback" / "roll back"). Keyed by stem and split into
// parts that are stemmed again, so a phrasing "roll back" matches "rollbacks" and "rolled back".
const COMPOUNDS: Record<string, string[]> = Object.fromEntries(
  Object.entries({
    rollback: 'roll back',
    rollout: 'roll out',
    cutover: 'cut over',
    failover: 'fail over',
    killswitch: 'kill switch',
    signoff: 'sign off',
    bluegreen: 'blue green',
    setup: 'set up',
    cleanup: 'clean up',
    lifecycle: 'life cycle',
    preprod: 'pre prod',
    nondeterministic: 'non deterministic',
  }).map(([word, parts]) => [stem(word), parts.split(' ').map(stem)]),
);

export type Token = { token: string; word: number };

// Raw lower-case tokens of one piece of text: letters and digits only, "%" read as "percent".
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032`]/g, "'")
    .replace(/%/g, ' percent ')
    .replace(/'s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

// Meaningful, stemmed tokens, each with the index of the whitespace-separated word of `text` it
// came from (so evidence can be cut around a match).
export function normalizeWithPositions(text: string): Token[] {
  const raw: Token[] = [];
  text.split(/\s+/).forEach((word, index) => {
    for (const token of tokenize(word)) raw.push({ token, word: index });
  });
  const tokens: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const { token, word } = raw[i]!;
    // "per cent" is "percent".
    if (token === 'per' && raw[i + 1]?.token === 'cent') {
      tokens.push({ token: 'percent', word });
      i++;
      continue;
    }
    if (FILLER.has(token)) continue;
    const stemmed = stem(NUMBER_WORDS[token] ?? token);
    const parts = COMPOUNDS[stemmed];
    if (parts) parts.forEach((part) => tokens.push({ token: part, word }));
    else tokens.push({ token: stemmed, word });
  }
  return tokens;
}

export function normalize(text: string): string[] {
  return normalizeWithPositions(text).map((t) => t.token);
}
