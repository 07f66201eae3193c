// Grades a written answer against a rubric: which concepts it covers (with the sentence that
// earned each), which it misses (with the interviewer's follow-up), and a weighted score.
//
// A concept is covered when one of its phrasings appears, as normalised tokens, in one sentence.
// Naming a term is not explaining it: a concept found only in a bare term (a bullet of two words,
// a comma run of terms) earns KEYWORD_CREDIT of its weight, so a list of the right terms scores
// well below an answer that explains them, and padding a list with one long sentence does not
// lift the rest. Pure and deterministic: the same answer and rubric always give the same result
// (apart from durationMs).
import type { GradeResult, TestResult } from '../contract';
import { expandPhrasing } from './expand-phrasing';
import { findPhrase } from './find-phrase';
import { isBareTerm, isKeywordList } from './is-keyword-list';
import { normalize, normalizeWithPositions, type Token } from './normalize';
import { quoteEvidence } from './quote-evidence';
import type { Concept, Rubric } from './rubric';
import { splitSentences, type Sentence } from './split-sentences';

export const KEYWORD_CREDIT = 0.4;

type Unit = Sentence & { tokens: Token[]; tokenText: string[]; bare: boolean };
type Hit = { unit: Unit; word: number };

// Each phrasing line of a concept, expanded and normalised; computed once per rubric object.
const phrasesByConcept = new WeakMap<Concept, string[][][]>();

function phrasesOf(concept: Concept): string[][][] {
  let lines = phrasesByConcept.get(concept);
  if (!lines) {
    lines = concept.phrasings.map((phrasing) => {
      const unique = new Map(expandPhrasing(phrasing).map((variant) => normalize(variant)).map((tokens) => [tokens.join(' '), tokens]));
      return [...unique.values()];
    });
    phrasesByConcept.set(concept, lines);
  }
  return lines;
}

// The sentence that best shows the concept: an explanation before a bare term, then the one that
// matches the most phrasing lines (so evidence for "routing" is the routing step, not a passing
// mention of the load balancer), then the earliest.
function findHit(units: Unit[], lines: string[][][]): Hit | undefined {
  let best: (Hit & { matched: number }) | undefined;
  for (const unit of units) {
    let matched = 0;
    let at = Infinity;
    for (const variants of lines) {
      const found = variants.map((phrase) => findPhrase(unit.tokenText, phrase)).filter((i) => i >= 0);
      if (found.length === 0) continue;
      matched++;
      at = Math.min(at, ...found);
    }
    if (matched === 0) continue;
    const better = !best || (best.unit.bare && !unit.bare) || (best.unit.bare === unit.bare && matched > best.matched);
    if (better) best = { unit, word: unit.tokens[at]!.word, matched };
  }
  return best && { unit: best.unit, word: best.word };
}

function listNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function gradeWritten({ answer, rubric }: { answer: string; rubric: Rubric }): GradeResult {
  const started = performance.now();
  const units: Unit[] = splitSentences(answer).map((sentence) => {
    const tokens = normalizeWithPositions(sentence.text);
    return { ...sentence, tokens, tokenText: tokens.map((t) => t.token), bare: isBareTerm(sentence) };
  });

  let totalWeight = 0;
  let earned = 0;
  const namedOnly: string[] = [];
  const tests: TestResult[] = rubric.concepts.map((concept) => {
    const hit = findHit(units, phrasesOf(concept));
    totalWeight += concept.weight;
    if (hit) earned += concept.weight * (hit.unit.bare ? KEYWORD_CREDIT : 1);
    if (hit?.unit.bare) namedOnly.push(concept.name);
    const base = { name: concept.name, message: concept.description, concept: concept.id, weight: concept.weight };
    return hit
      ? { ...base, status: 'pass' as const, evidence: quoteEvidence(hit.unit.text, hit.word) }
      : { ...base, status: 'fail' as const, followUp: concept.followUp };
  });

  const score = totalWeight > 0 ? Math.round((100 * earned) / totalWeight) : 0;
  const covered = tests.filter((t) => t.status === 'pass').length;
  const missed = tests.filter((t) => t.status === 'fail').map((t) => t.name);
  const percent = Math.round(KEYWORD_CREDIT * 100);

  const advice: string[] = [];
  if (isKeywordList(units)) {
    advice.push(
      `Your answer reads as a list of terms. An interviewer wants each idea explained in a sentence or two: what it is, how you would do it, and why it matters. A term that is only named earns ${percent}% of its concept's weight.`,
    );
  } else if (namedOnly.length > 0) {
    advice.push(
      `You named ${listNames(namedOnly)} without explaining ${namedOnly.length === 1 ? 'it' : 'them'}, so ${namedOnly.length === 1 ? 'it earns' : 'each earns'} ${percent}% of ${namedOnly.length === 1 ? 'its' : 'their'} weight. Add a sentence on how you would do it or why it matters.`,
    );
  }

  const isEmpty = !answer.trim();
  let message: string;
  if (isEmpty) message = 'The answer is empty.';
  else {
    const named = namedOnly.length > 0 ? ` (${namedOnly.length} only named, not explained)` : '';
    const rest = missed.length > 0 ? ` Missing: ${missed.join(', ')}.` : ' Nothing important is missing.';
    message = `You covered ${covered} of ${tests.length} concepts${named}.${rest}`;
  }

  return {
    // An empty answer fails even against a rubric whose pass score is 0.
    status: !isEmpty && score >= rubric.passScore ? 'passed' : 'failed',
    score,
    message,
    tests,
    advice,
    gradedVersion: `rubric:${rubric.id}@${rubric.version}`,
    durationMs: Math.max(0, performance.now() - started),
  };
}
