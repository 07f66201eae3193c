// Human labels for the enums stored in the database. Client-safe.
export const DIFFICULTY_LABEL = { EASY: 'Easy', MEDIUM: 'Medium', HARD: 'Hard' } as const;
export const QUESTION_TYPE_LABEL = {
  TECHNICAL: 'Technical',
  SYSTEM_DESIGN: 'System Design',
  BEHAVIORAL: 'Behavioral',
} as const;
export const ANSWER_KIND_LABEL = { WRITTEN: 'Written answer', BASH: 'Bash script', PYTHON: 'Python code' } as const;

export type DifficultyCode = keyof typeof DIFFICULTY_LABEL;
export type QuestionTypeCode = keyof typeof QUESTION_TYPE_LABEL;
export type AnswerKindCode = keyof typeof ANSWER_KIND_LABEL;
