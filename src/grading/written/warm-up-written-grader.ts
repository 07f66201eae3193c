// A written grading in a fresh process first loads wink-nlp's English model and compiles its
// tokenizer and our matchers: about 370 ms on a 2-core host, against 5-10 ms for every grading
// after it. A grading process pays that once when it starts (grader-process.ts), before it says it
// is ready, instead of the first candidate it serves after every start or replacement. A rubric
// seen for the first time in a process still costs its own phrasings' compilation
// (match-phrasings.ts: every expanded phrasing read once, up to about 4,500 for a seed rubric):
// 5-95 ms for the seed rubrics, about 190 ms for the first large one after the warm-up. A larger
// warm-up sample does not pay: 300 more phrasings here cost 60 ms and saved 30.
import { gradeWritten } from './grade-written';
import { RubricSchema } from './rubric';

// Parsed when the warm-up runs, inside the caller's try: a sample the schema rejected must not
// stop a grading process from starting.
const SAMPLE_RUBRIC = {
  id: 'warm-up',
  version: 1,
  concepts: [
    {
      id: 'rollback',
      name: 'Rolling back',
      weight: 10,
      description: 'A failed deploy is rolled back to the previous version.',
      followUp: 'How do you know the previous version is still good?',
      claims: [{ id: 'roll-back', text: 'A failed deploy is rolled back.', phrasings: ['roll back', 'previous version'] }],
    },
  ],
};

const SAMPLE_ANSWER = 'When the health checks fail after a deploy, we roll back to the previous version at once and investigate afterwards.';

// Returns whether the sample was graded as expected: false means the grader is broken, which the
// first real grading will report in its own result.
export function warmUpWrittenGrader(): boolean {
  return gradeWritten({ answer: SAMPLE_ANSWER, rubric: RubricSchema.parse(SAMPLE_RUBRIC) }).status === 'passed';
}
