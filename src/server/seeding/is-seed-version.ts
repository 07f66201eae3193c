// Whether a question's version came from seeding rather than from a person, for
// `npm run db:seed -- --refresh`, which publishes new seed material only over seed material
// (docs/decisions/003, "Refreshing seed material"). The audit log tells them apart, erring
// towards "a person": a refresh may then skip a seed version (the operator can --force), but never
// publishes over an admin's work unasked.
// - An admin's save names the version it wrote (`question.material.save`, with the admin); a
//   refresh saves through the same verb with no actor, so a version a refresh published is named
//   by a save without one.
// - Seeding writes version 1 with no save: seed-content.ts directly, seed-topics.ts through a
//   bundle import with no actor. A version 1 no save names is the seed's, unless an admin imported a
//   bundle of its topic since it was written (that import may have brought it). `npm run
//   bank:import` records no actor either, so a version 1 it brought counts as the seed's.
// - Any other version came from a bundle import (the web app's or `npm run bank:import`'s): a person's.
import type { DbClient } from '@/server/db';

export async function isSeedVersion(
  { version, topicId }: { version: { id: string; version: number; createdAt: Date; harnessSpec: unknown }; topicId: string },
  db: DbClient,
): Promise<boolean> {
  // Seeds never carry a harness spec; only an admin's editor writes one (docs/decisions/021).
  if (version.harnessSpec != null) return false;
  const saves = await db.auditLog.findMany({
    where: { action: 'question.material.save', entity: 'question-version', entityId: version.id },
    select: { actorId: true },
  });
  if (saves.some((save) => save.actorId !== null)) return false;
  if (saves.length > 0) return true;
  if (version.version !== 1) return false;
  const adminImport = await db.auditLog.findFirst({
    where: { action: 'bundle.import', entity: 'topic', entityId: topicId, actorId: { not: null }, createdAt: { gte: version.createdAt } },
    select: { id: true },
  });
  return adminImport === null;
}
