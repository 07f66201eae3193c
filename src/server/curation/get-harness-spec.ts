// The spec the newest version of a code question is graded with, stored or built in, for the
// admin API (GET /api/admin/questions/<id>/harness-spec). `revision` (materialRevision): sent back
// with a PUT, it has the save refused if someone else saved the material in between.
import { prisma, type DbClient } from '@/server/db';
import { BadRequestError, NotFoundError } from '@/server/errors';
import { currentHarnessSpec, type CurrentHarnessSpec } from './current-harness-spec';
import { materialRevision } from './material-revision';
import { readMaterial } from './read-material';
import { IdSchema } from './schemas';
import { storedMaterialSelect } from './stored-material';

export async function getHarnessSpec({ input }: { input: { questionId: string } }, db: DbClient = prisma): Promise<CurrentHarnessSpec & { version: number; revision: string }> {
  const questionId = IdSchema.parse(input.questionId);
  const question = await db.question.findFirst({
    where: { id: questionId, deletedAt: null },
    select: { answerKind: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { id: true, version: true, ...storedMaterialSelect } } },
  });
  if (!question) throw new NotFoundError('That question does not exist or was deleted.');
  const latest = question.versions[0];
  const material = latest ? readMaterial(latest, question.answerKind).material : null;
  const current = material ? currentHarnessSpec(material) : null;
  if (!latest || !material || !current) throw new BadRequestError('This question has no harness built from a spec: only Python kit questions have tests that can be edited as data.');
  return { version: latest.version, ...current, revision: materialRevision(latest.id, material) };
}
