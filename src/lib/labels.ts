// Human labels for the enums stored in the database. Client-safe.
export const DIFFICULTY_LABEL = { EASY: 'Easy', MEDIUM: 'Medium', HARD: 'Hard' } as const;
export const QUESTION_TYPE_LABEL = {
  TECHNICAL: 'Technical',
  SYSTEM_DESIGN: 'System Design',
  BEHAVIORAL: 'Behavioral',
} as const;
export const ANSWER_KIND_LABEL = { WRITTEN: 'Written answer', BASH: 'Bash script', PYTHON: 'Python code', CONFIG: 'Configuration (YAML)' } as const;

// Code answers: what the editor highlights and what the answer is called on the page.
export const CODE_EDITOR_LANGUAGE = { BASH: 'bash', PYTHON: 'python', CONFIG: 'yaml' } as const;
export const CODE_ANSWER_NOUN = { BASH: 'Bash script', PYTHON: 'Python code', CONFIG: 'YAML configuration' } as const;
export const CODE_KIND_SHORT = { BASH: 'Bash', PYTHON: 'Python', CONFIG: 'YAML' } as const;

export type DifficultyCode = keyof typeof DIFFICULTY_LABEL;
export type QuestionTypeCode = keyof typeof QUESTION_TYPE_LABEL;
export type AnswerKindCode = keyof typeof ANSWER_KIND_LABEL;
