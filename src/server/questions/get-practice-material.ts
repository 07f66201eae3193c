// What the practice page needs besides the question: the starter code and brief of the version a
// candidate practises (always the latest published one); whether they may ask for the model
// answer (after a graded attempt), and the model answer itself once they asked for it.
import { prisma, type DbClient } from '@/server/db';

export type PracticeMaterial = {
  version: number | null;
  starterCode: string | null;
  // Extra instructions for code questions (the contract the harness holds the answer to).
  brief: string | null;
  hasModelAnswer: boolean;
  canRevealModelAnswer: boolean;
  modelAnswer: string | null;
};

const GRADED = ['PASSED', 'FAILED', 'ERROR'] as const;

export async function getPracticeMaterial(
  { actor, input }: { actor: { id: string }; input: { questionId: string } },
  db: DbClient = prisma,
): Promise<PracticeMaterial> {
  const [version, graded, revealed] = await Promise.all([
    db.questionVersion.findFirst({
      where: { questionId: input.questionId, publishedAt: { not: null } },
      orderBy: { version: 'desc' },
      select: { version: true, starterCode: true, modelAnswer: true, harness: true },
    }),
    db.attempt.count({ where: { userId: actor.id, questionId: input.questionId, status: { in: [...GRADED] } } }),
    db.answerReveal.count({ where: { userId: actor.id, questionId: input.questionId } }),
  ]);
  const harness = version?.harness as { brief?: unknown } | null | undefined;
  const hasModelAnswer = Boolean(version?.modelAnswer);
  return {
    version: version?.version ?? null,
    starterCode: version?.starterCode ?? null,
    brief: typeof harness?.brief === 'string' ? harness.brief : null,
    hasModelAnswer,
    canRevealModelAnswer: hasModelAnswer && graded > 0,
    modelAnswer: graded > 0 && revealed > 0 ? (version?.modelAnswer ?? null) : null,
  };
}
