// What "Passed" means for a written answer, in one place: the score reaches the rubric's pass
// score (70 unless a rubric says otherwise) and the answer states no misconception. A code answer
// passes when every test passes; a written one when an interviewer would move the candidate on,
// and no interviewer does that after a confidently wrong statement, whatever else was said.
// The result card, the history, the practice count and bundles all read the attempt status this
// decides (docs/decisions/006).
export const DEFAULT_PASS_SCORE = 70;

export function isWrittenPass({ score, passScore = DEFAULT_PASS_SCORE, misconceptions }: { score: number; passScore?: number; misconceptions: number }): boolean {
  return score >= passScore && misconceptions === 0;
}
