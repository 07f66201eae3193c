// What the practice page shows every candidate besides the question: the starter code and brief
// of the version a candidate practises (always the latest published one), and whether it has a
// model answer. The candidate's own part (attempts, the model answer once asked for) is in
// read-practice-state.ts, so this part can be in the cached member copy of the page.
import { prisma, type DbClient } from '@/server/db';

export type PracticeMaterial = {
  version: number | null;
  starterCode: string | null;
  // Extra instructions for code questions (the contract the harness holds the answer to).
  brief: string | null;
  hasModelAnswer: boolean;
};

export async function getPracticeMaterial({ input }: { input: { questionId: string } }, db: DbClient = prisma): Promise<PracticeMaterial> {
  const version = await db.questionVersion.findFirst({
    where: { questionId: input.questionId, publishedAt: { not: null } },
    orderBy: { version: 'desc' },
    select: { version: true, starterCode: true, harness: true, modelAnswer: true },
  });
  const harness = version?.harness as { brief?: unknown } | null | undefined;
  return {
    version: version?.version ?? null,
    starterCode: version?.starterCode ?? null,
    brief: typeof harness?.brief === 'string' ? harness.brief : null,
    hasModelAnswer: Boolean(version?.modelAnswer),
  };
}
