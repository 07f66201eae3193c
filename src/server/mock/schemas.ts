// Client-safe schemas and lengths for mock interviews.
import { z } from 'zod';
import { MAX_CODE_ANSWER_BYTES } from '@/grading/contract';
import { cleanText } from '@/lib/text-field';
import { uuidField } from '@/lib/uuid-field';

// A length is a number of questions and the minutes to answer them in.
export const MOCK_LENGTHS = {
  short: { questions: 3, minutes: 15, label: 'Short: 3 questions in 15 minutes' },
  standard: { questions: 5, minutes: 30, label: 'Standard: 5 questions in 30 minutes' },
  long: { questions: 8, minutes: 50, label: 'Long: 8 questions in 50 minutes' },
} as const;
export type MockLength = keyof typeof MOCK_LENGTHS;

// Mock interviews one candidate may have running at once (start-mock-session.ts).
export const MAX_RUNNING_MOCKS = 3;
// Mock interviews one candidate may start in an hour, finished or not: finishing one at once frees
// its running place, so without this a script could start and finish sessions without end. The
// shortest interview is 15 minutes, so a person doing them is far below it.
export const MAX_MOCK_STARTS_PER_HOUR = 10;

export const StartMockSchema = z.object({
  topicId: uuidField('Choose a topic.'),
  length: z.enum(['short', 'standard', 'long'], { error: 'Choose a length: short, standard or long.' }),
});
export type StartMockInput = z.infer<typeof StartMockSchema>;

export const MockIdSchema = z.object({ id: uuidField('A mock interview id is a UUID.') });

// Everything answered so far; a blank answer is a question left unanswered.
export const FinishMockSchema = z.object({
  answers: z
    .array(
      z.object({
        questionId: uuidField('Each answer names its question.'),
        answer: cleanText(z.string({ error: 'An answer is text.' }), 'Your answer'),
      }),
    )
    .max(20, 'A mock interview has at most 20 answers.'),
});
export type FinishMockInput = z.infer<typeof FinishMockSchema>;

// A finish carries every answer at once: room for each question's largest answer (twice its
// size, for JSON's escapes), so that answers each within the submission limit are never refused
// together with a 413 that names no question; each is then held to that limit by name.
export const MAX_MOCK_QUESTIONS = Math.max(...Object.values(MOCK_LENGTHS).map((l) => l.questions));
export const FINISH_MOCK_BODY_LIMIT_BYTES = MAX_MOCK_QUESTIONS * 2 * MAX_CODE_ANSWER_BYTES + 16 * 1024;

// An answer kept on the session but not graded: too short to count, or (`withdrawn`) its question
// was unpublished or deleted while the mock interview ran.
export type NotGradedAnswer = { questionId: string; answer: string; reason: string; withdrawn?: true };
export const WITHDRAWN_REASON = 'This question was withdrawn while you answered; your answer was not graded.';
