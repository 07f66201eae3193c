// How an attempt's re-grades are read for its owner (docs/decisions/016): each one done, oldest
// first, with the grade it replaced. The first one's "previous" is the original grade.
import type { Prisma } from '@/generated/prisma/client';

type Status = 'QUEUED' | 'RUNNING' | 'PASSED' | 'FAILED' | 'ERROR' | 'INFRA_ERROR';

export type AttemptRegradeView = {
  version: number;
  status: Status;
  score: number | null;
  previousVersion: number | null;
  previousStatus: Status;
  previousScore: number | null;
  regradedAt: Date;
};

export const attemptRegradesSelect = {
  where: { state: 'DONE' as const },
  orderBy: [{ regradedAt: 'asc' as const }, { id: 'asc' as const }],
  select: {
    status: true,
    score: true,
    previousStatus: true,
    previousScore: true,
    regradedAt: true,
    questionVersion: { select: { version: true } },
    previousQuestionVersion: { select: { version: true } },
  },
} satisfies Prisma.Attempt$regradesArgs;

type Row = {
  status: Status | null;
  score: number | null;
  previousStatus: Status | null;
  previousScore: number | null;
  regradedAt: Date | null;
  questionVersion: { version: number };
  previousQuestionVersion: { version: number } | null;
};

// A re-grade under the same version by a newer grader revision (decision 023) that left the grade
// as it was is not shown: every grader change re-grades such attempts, and "we improved how this
// question is graded" with the same score would be noise. One under a newer version always is.
const unchangedSameVersion = (r: Row) =>
  r.questionVersion.version === r.previousQuestionVersion?.version && r.status === r.previousStatus && r.score === r.previousScore;

export function toAttemptRegradeViews(rows: Row[]): AttemptRegradeView[] {
  return rows.flatMap((r) =>
    r.status && r.previousStatus && r.regradedAt && !unchangedSameVersion(r)
      ? [{ version: r.questionVersion.version, status: r.status, score: r.score, previousVersion: r.previousQuestionVersion?.version ?? null, previousStatus: r.previousStatus, previousScore: r.previousScore, regradedAt: r.regradedAt }]
      : [],
  );
}
