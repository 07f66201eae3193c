// Reads an answer into the units the grader scores and quotes: each sentence, bullet or heading
// with its tokens and its style, decided from syntax, never from punctuation:
//   prose        a clause with a verb and the function words of a sentence ("We send 5% of
//                requests to the canary through weighted rules at the load balancer.")
//   telegraphic  a verb or some function words, but clipped ("Rollback: set canary weight to 0")
//   bare         a term or a run of terms, however punctuated ("canary blue green 5% traffic…"),
//                or dressed as a sentence ("We use weighted routing and 5 percent and sticky sessions.")
// Text addressed to the grader is marked so it earns nothing.
import { analyzeText, type Token } from './analyze-text';
import { isAddressedToGrader } from './detect-injection';
import { splitSentences, type Sentence } from './split-sentences';

export type UnitStyle = 'prose' | 'telegraphic' | 'bare';
export type Unit = Sentence & {
  tokens: Token[];
  tokenText: string[];
  style: UnitStyle;
  toGrader: boolean;
  verbs: number;
};

// Share of function words (determiners, pronouns, prepositions, auxiliaries, conjunctions,
// particles) in running English is about 40–50%; in a list of terms it is near zero.
const PROSE_FUNCTION_SHARE = 0.2;
const TELEGRAPHIC_FUNCTION_SHARE = 0.12;
const MIN_PROSE_WORDS = 6;
// Fewer words than this, without a sentence around them, is a term however it is tagged.
const MIN_NOTE_WORDS = 6;
// Clipped notes keep their verbs ("tagged w/ commit SHA, promoted everywhere, never rebuilt"):
// about one verb in twelve words or more. A run of terms has almost none.
// A note is short: a "sentence" longer than this without the function words of English is a run
// of terms, whatever the tagger makes of words like "deploy" or "release" in it.
const TELEGRAPHIC_VERB_SHARE = 0.08;
const MAX_CLIPPED_WORDS = 25;
const UNTAGGED_PROSE_SHARE = 0.3;
const MIN_UNTAGGED_PROSE_WORDS = 8;

function styleOf(unit: Sentence, words: number, verbs: number, functionWords: number, series: boolean): UnitStyle {
  if (unit.kind === 'heading' || unit.kind === 'code' || words < 3 || series) return 'bare';
  const share = functionWords / words;
  if (verbs >= 1 && share >= PROSE_FUNCTION_SHARE && words >= MIN_PROSE_WORDS) return 'prose';
  // The tagger misses verbs that look like plural nouns ("A canary release rolls a new version
  // out to …"); a sentence this rich in function words is English whatever it made of them.
  if (verbs === 0 && share >= UNTAGGED_PROSE_SHARE && words >= MIN_UNTAGGED_PROSE_WORDS) return 'prose';
  const clipped = verbs / words >= TELEGRAPHIC_VERB_SHARE && words <= MAX_CLIPPED_WORDS;
  if (verbs >= 1 && functionWords >= 1 && words >= MIN_NOTE_WORDS && (share >= TELEGRAPHIC_FUNCTION_SHARE || clipped)) return 'telegraphic';
  return 'bare';
}

export function readAnswer(answer: string): Unit[] {
  return splitSentences(answer).map((sentence) => {
    const analysis = analyzeText(sentence.text);
    return {
      ...sentence,
      tokens: analysis.tokens,
      tokenText: analysis.tokens.map((t) => t.token),
      style: styleOf(sentence, analysis.words, analysis.verbs, analysis.functionWords, analysis.series),
      toGrader: isAddressedToGrader(sentence.text),
      verbs: analysis.verbs,
    };
  });
}

// The share of an answer's words that sit in explanations (prose or telegraphic units); below
// one half, the answer is a list of terms.
export function explainedShare(units: Unit[], styleOf: (unit: Unit) => UnitStyle = (u) => u.style): number {
  const counted = units.filter((u) => u.kind !== 'heading' && !u.toGrader);
  const total = counted.reduce((sum, u) => sum + u.words, 0);
  if (total === 0) return 0;
  return counted.filter((u) => styleOf(u) !== 'bare').reduce((sum, u) => sum + u.words, 0) / total;
}
