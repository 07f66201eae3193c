// The answer kinds a harness grades, as the grade request names them, and the stored answer kind
// each comes from (BASH → bash, PYTHON → python, CONFIG → config).
export type CodeKind = 'bash' | 'python' | 'config';
export type CodeAnswerKind = 'BASH' | 'PYTHON' | 'CONFIG';

export function codeKindOf(answerKind: CodeAnswerKind): CodeKind {
  return answerKind === 'BASH' ? 'bash' : answerKind === 'PYTHON' ? 'python' : 'config';
}
