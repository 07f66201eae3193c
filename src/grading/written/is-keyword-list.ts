// Tells a bare term ("canary", "error rate, latency, baseline") from an explanation. A rubric
// grader matches words, so without this a list of the right terms would score as well as an answer
// that explains them. Headings are structure, not content, and are left out of the count.
import type { Sentence } from './split-sentences';

// Words that make a run of words a clause rather than a noun phrase: articles, pronouns, auxiliaries
// and subordinators. Term lists almost never contain them; sentences almost always do.
const CLAUSE_WORDS = new Set([
  'a', 'an', 'the', 'i', 'we', 'you', 'it', 'they', 'he', 'she', 'this', 'that', 'these', 'those', 'there', 'our',
  'my', 'your', 'their', 'its', 'if', 'when', 'then', 'because', 'so', 'since', 'unless', 'until', 'while', 'which',
  'who', 'is', 'are', 'was', 'were', 'be', 'been', 'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might',
  'do', 'does', 'did', 'has', 'have', 'had', 'let', 'lets',
  // What is left of "don't", "isn't", "won't" once the apostrophe goes.
  'don', 'doesn', 'didn', 'isn', 'aren', 'wasn', 'weren', 'won', 'wouldn', 'shouldn', 'couldn', 'hasn', 'haven',
]);

// A unit this long or longer reads as an explanation even without a clause word ("Compare error
// rate and p99 latency against the stable fleet"), unless it is a comma run of terms.
const LONG_UNIT_WORDS = 7;
// Below this share of words in explanations, the whole answer is a list of terms.
const MIN_EXPLAINED_SHARE = 0.5;

function hasClauseWord(text: string): boolean {
  return text
    .toLowerCase()
    .split(/[^\p{L}']+/u)
    .some((w) => CLAUSE_WORDS.has(w.replace(/'.*$/, '')));
}

// "canary, rollback, metrics, thresholds": three or more short comma-separated parts, none long.
// A clause around a short run ("We watch errors, latency and saturation") is a sentence; a clause
// in front of a long run ("Key ideas are canary, blue-green, rollback, SLO, bake time") is not. A
// full stop marks prose, so a run that ends in one must be of single words and pairs
// ("Canary, rollback, metrics."), not "Unit tests run first, in parallel, and fail fast."
function isTermRun(text: string, clause: boolean): boolean {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim().split(/\s+/).filter(Boolean).length)
    .filter((n) => n > 0);
  const average = parts.reduce((a, b) => a + b, 0) / parts.length;
  const short = parts.length >= 3 && Math.max(...parts) <= 4 && average <= (/[.!?]$/.test(text) ? 2 : 3);
  return short && (!clause || parts.length >= 5);
}

export function isBareTerm(unit: Sentence): boolean {
  if (unit.kind === 'heading' || unit.words < 3) return true;
  const clause = hasClauseWord(unit.text);
  if (isTermRun(unit.text, clause)) return true;
  return !clause && unit.words < LONG_UNIT_WORDS;
}

export function isKeywordList(units: Sentence[]): boolean {
  const counted = units.filter((u) => u.kind !== 'heading');
  const total = counted.reduce((sum, u) => sum + u.words, 0);
  if (total === 0) return false;
  const explained = counted.filter((u) => !isBareTerm(u)).reduce((sum, u) => sum + u.words, 0);
  return explained / total < MIN_EXPLAINED_SHARE;
}
