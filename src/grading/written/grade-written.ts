// Grades a written answer against a rubric: which concepts it covers (with the sentence that
// earned each), which it misses (with the interviewer's follow-up), and a weighted score. A bare
// list of terms is flagged and scored well below a real explanation of the same terms.
import type { GradeResult, TestResult } from '../contract';
import { normalize } from './normalize';
import type { Concept, Rubric } from './rubric';
import { splitSentences, type Sentence } from './split-sentences';

// A unit with this many words or more reads as an explanation rather than a term.
const EXPLANATION_WORDS = 8;
// Below this share of words in explanations, the answer is a list of terms.
const MIN_EXPLAINED_SHARE = 0.5;
// A list of terms keeps this fraction of what the same coverage would score.
const KEYWORD_LIST_FACTOR = 0.4;
// Words allowed between two words of a phrasing ("route 5% of the traffic" ~ "route traffic").
const MAX_GAP = 1;
const EVIDENCE_CHARS = 300;

type Unit = Sentence & { tokens: string[] };

function containsPhrase(tokens: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return false;
  for (let start = 0; start < tokens.length; start++) {
    if (tokens[start] !== phrase[0]) continue;
    let at = start;
    let matched = 1;
    while (matched < phrase.length) {
      const next = tokens.slice(at + 1, at + 2 + MAX_GAP).indexOf(phrase[matched]!);
      if (next < 0) break;
      at += next + 1;
      matched++;
    }
    if (matched === phrase.length) return true;
  }
  return false;
}

function findEvidence(units: Unit[], concept: Concept): string | undefined {
  const phrases = concept.phrasings.map(normalize);
  const unit = units.find((u) => phrases.some((p) => containsPhrase(u.tokens, p)));
  if (!unit) return undefined;
  return unit.text.length > EVIDENCE_CHARS ? `${unit.text.slice(0, EVIDENCE_CHARS - 1)}…` : unit.text;
}

// "canary, rollback, metrics, thresholds": many short comma-separated parts and none long.
function isTermRun(text: string): boolean {
  const parts = text.split(/[,;]/).map((p) => p.trim().split(/\s+/).filter(Boolean).length).filter((n) => n > 0);
  return parts.length >= 3 && Math.max(...parts) <= 4 && parts.reduce((a, b) => a + b, 0) / parts.length <= 3;
}

export function isKeywordList(units: Sentence[]): boolean {
  const total = units.reduce((sum, u) => sum + u.words, 0);
  if (total === 0) return false;
  const explained = units
    .filter((u) => u.words >= EXPLANATION_WORDS && !isTermRun(u.text))
    .reduce((sum, u) => sum + u.words, 0);
  return explained / total < MIN_EXPLAINED_SHARE;
}

export function gradeWritten({ answer, rubric }: { answer: string; rubric: Rubric }): GradeResult {
  const started = performance.now();
  const units: Unit[] = splitSentences(answer).map((s) => ({ ...s, tokens: normalize(s.text) }));
  const tests: TestResult[] = rubric.concepts.map((concept) => {
    const evidence = findEvidence(units, concept);
    return {
      name: concept.name,
      status: evidence ? 'pass' : 'fail',
      message: concept.description,
      concept: concept.id,
      weight: concept.weight,
      ...(evidence ? { evidence } : { followUp: concept.followUp }),
    };
  });

  const totalWeight = rubric.concepts.reduce((sum, c) => sum + c.weight, 0);
  const coveredWeight = tests.filter((t) => t.status === 'pass').reduce((sum, t) => sum + (t.weight ?? 0), 0);
  const keywordList = units.length > 0 && isKeywordList(units);
  const coverage = totalWeight > 0 ? coveredWeight / totalWeight : 0;
  const score = Math.round(100 * coverage * (keywordList ? KEYWORD_LIST_FACTOR : 1));
  const covered = tests.filter((t) => t.status === 'pass').length;
  const missed = tests.filter((t) => t.status === 'fail').map((t) => t.name);

  const advice: string[] = [];
  if (keywordList) {
    advice.push(
      'Your answer reads as a list of terms. An interviewer wants each idea explained in a sentence or two: what it is, how you would do it, and why it matters.',
    );
  }
  const message = !answer.trim()
    ? 'The answer is empty.'
    : `You covered ${covered} of ${tests.length} concepts.` + (missed.length ? ` Missing: ${missed.join(', ')}.` : ' Nothing important is missing.');

  return {
    status: score >= rubric.passScore ? 'passed' : 'failed',
    score,
    message,
    tests,
    advice,
    gradedVersion: `rubric:${rubric.id}@${rubric.version}`,
    durationMs: performance.now() - started,
  };
}
