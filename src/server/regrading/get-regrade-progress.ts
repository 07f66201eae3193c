// One re-grade run's progress, for the admin's progress poll.
import { prisma, type DbClient } from '@/server/db';
import { NotFoundError } from '@/server/errors';
import { countProgress } from './count-progress';
import { RegradeRunIdSchema, type RegradeProgress } from './schemas';

export async function getRegradeProgress({ input }: { input: unknown }, db: DbClient = prisma): Promise<RegradeProgress> {
  const { id } = RegradeRunIdSchema.parse(input);
  const [progress] = await countProgress({ where: { runId: id } }, db);
  if (!progress) throw new NotFoundError('No such re-grade run.');
  return progress;
}
