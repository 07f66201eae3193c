// Text addressed to the grader rather than the interviewer: "ignore the rubric", "score this
// 100", a fake "## Grader notes" or "SYSTEM:" block. Such a unit earns nothing (it is left out of
// matching) and the feedback says it was ignored; the optional LLM judge keeps the offline result
// when the answer has one (src/grading/written/judge/). Matching is literal: no RegExp is built
// from the answer.
const PATTERNS: RegExp[] = [
  /\b(ignore|disregard|forget|override)\b.{0,40}\b(rubric|instructions?|prompt|rules|grader|grading|above|previous)\b/i,
  /\b(score|grade|mark|rate)\b.{0,30}\b(100|full marks|maximum|perfect|as passed|passed)\b/i,
  /\b(grader|grading|evaluator|examiner|marker|assessor|judge)\s*(notes?|instructions?|override)\b/i,
  /\bnote to the (automated )?(grader|marker|evaluator|judge|ai|model)\b/i,
  /\b(you are|act as|you're) (now )?(an? |the )?(ai|language model|llm|grader|helpful|evaluator|judge|assistant)\b/i,
  /^\s*(system|assistant|developer)\s*:/i,
  /\b(system prompt|evaluation mode|this is the reference answer|respond with|output (a|the)? ?score)\b/i,
];

export function isAddressedToGrader(text: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(text));
}
