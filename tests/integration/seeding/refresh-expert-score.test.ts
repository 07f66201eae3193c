// `npm run db:seed -- --refresh` notices a change to a calibration sample's interviewer score
// (`expertScore`) alone, although the editor's reader of stored material leaves that field out:
// both paths of seed material (a seed topic's written question, from its bundle; one of the seed
// document's, from seed-content.ts) publish it as a new version, and a second refresh finds them
// unchanged.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '@/server/db';
import { refreshSeeds } from '@/server/seeding/refresh-seeds';
import { seedBank } from '@/server/seeding/seed-bank';
import { resetDatabase } from '../../support/reset-database';
import { seedCopies } from '../../support/seed-copies';

// A seed topic's written question whose calibration.json carries interviewer scores, and one of
// the seed document's written questions whose calibration.json has none.
const TOPIC_WRITTEN = 'incident-commander-role-and-why-not-debug';
const DOC_WRITTEN = 'explain-canary-releases-contrast-blue-green';

type Sample = { label: string; expertScore?: number };

const copySeeds = seedCopies();
let dir: string;

function editStrongSample(slug: string, expertScore: number) {
  const file = path.join(dir, 'content', slug, 'calibration.json');
  const calibration = JSON.parse(readFileSync(file, 'utf8')) as { samples: Sample[] };
  const strong = calibration.samples.find((s) => s.label === 'strong')!;
  strong.expertScore = expertScore;
  writeFileSync(file, JSON.stringify(calibration, null, 2));
}

async function newestStrongScore(slug: string): Promise<{ version: number; expertScore: unknown }> {
  const [newest] = await prisma.questionVersion.findMany({ where: { question: { slug } }, orderBy: { version: 'desc' }, take: 1, select: { version: true, validation: true } });
  const validation = newest!.validation as { calibration: Sample[] | { samples: Sample[] } };
  const samples = Array.isArray(validation.calibration) ? validation.calibration : validation.calibration.samples;
  return { version: newest!.version, expertScore: samples.find((s) => s.label === 'strong')!.expertScore };
}

describe('refreshing an interviewer score', () => {
  beforeEach(async () => {
    await resetDatabase();
    dir = copySeeds();
    await seedBank({ dir });
  }, 120_000);

  it('publishes a change to a calibration sample’s expertScore alone, then finds it unchanged', { timeout: 120_000 }, async () => {
    const before = await newestStrongScore(TOPIC_WRITTEN);
    expect(before).toEqual({ version: 1, expertScore: expect.any(Number) });
    editStrongSample(TOPIC_WRITTEN, (before.expertScore as number) - 2);
    editStrongSample(DOC_WRITTEN, 85);

    const first = await refreshSeeds({ dir, slugs: [TOPIC_WRITTEN, DOC_WRITTEN] });
    expect(first.outcomes).toEqual([TOPIC_WRITTEN, DOC_WRITTEN].map((slug) => ({ slug, status: 'published', version: 2, previous: 1, forced: false })));
    expect(await newestStrongScore(TOPIC_WRITTEN)).toEqual({ version: 2, expertScore: (before.expertScore as number) - 2 });
    expect(await newestStrongScore(DOC_WRITTEN)).toEqual({ version: 2, expertScore: 85 });

    const second = await refreshSeeds({ dir, slugs: [TOPIC_WRITTEN, DOC_WRITTEN] });
    expect(second.outcomes.map((o) => o.status)).toEqual(['unchanged', 'unchanged']);
  });
});
