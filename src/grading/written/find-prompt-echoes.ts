// The units of an answer that restate the question rather than answer it: "The operational steps
// to run a canary for 5% of traffic are: how to route traffic, collect and compare metrics …".
// Every word of such a sentence is the prompt's own, so matching it against the rubric credits
// the question's words (an interviewer gives nothing for reading the question back; the dev sets'
// "prompt-echo" answers are scored 5). A unit is an echo when it has at least MIN_TOKENS meaningful
// words and at least ECHO_SHARE of them are words of the prompt. Answers add their own words to
// the prompt's ("route 5% of requests through weighted rules at the load balancer"), which keeps
// them well under the share: on the dev and held-out sets (1,819 units), no unit of an answer
// that was not an echo or a keyword list reached it.
import { analyzeText } from './analyze-text';
import type { Unit } from './read-answer';

export const ECHO_SHARE = 0.9;
const MIN_TOKENS = 5;

// A question is graded against many times: its words are read once.
const promptCache = new Map<string, Set<string>>();
function promptWordsOf(prompt: string): Set<string> {
  let words = promptCache.get(prompt);
  if (!words) {
    if (promptCache.size >= 1_000) promptCache.clear();
    promptCache.set(prompt, (words = new Set(analyzeText(prompt, { tokensOnly: true }).tokens.map((t) => t.token))));
  }
  return words;
}

// Only units read for claims can be echoes: a code block or text addressed to the grader earns
// nothing anyway, and is not reported as restating the question.
export function findPromptEchoes(units: readonly Unit[], prompt: string | undefined): Set<Unit> {
  const echoes = new Set<Unit>();
  if (!prompt?.trim()) return echoes;
  const promptWords = promptWordsOf(prompt);
  for (const unit of units) {
    if (unit.toGrader || unit.kind === 'code' || unit.tokenText.length < MIN_TOKENS) continue;
    const shared = unit.tokenText.filter((t) => promptWords.has(t)).length;
    if (shared / unit.tokenText.length >= ECHO_SHARE) echoes.add(unit);
  }
  return echoes;
}
