// `npm run bank:import -- <file>`
// Imports a rehearse-bundle JSON file in one transaction: topics and questions are matched by
// slug, published material new to this bank is validated first, and a bundle with any problem
// changes nothing (each problem is printed with its path in the file). A question that belongs to
// another topic is refused, or with --copy imported as a copy under a new slug; never moved. A
// draft an admin saved here is never overwritten: the output names each one kept and where.
import { readFileSync } from 'node:fs';
import { parseCli } from './lib/parse-cli';
import { runWithDatabase } from './lib/run-with-database';
import { jsonNestingDepth, MAX_JSON_NESTING, tooDeepMessage } from '../src/lib/json-nesting';

const USAGE = 'usage: npm run bank:import -- <file> [--copy]   (--copy: import questions that belong to another topic as copies instead of refusing them)';
const { positionals, values } = parseCli({ name: 'bank:import', usage: USAGE, options: { copy: { type: 'boolean', default: false } }, positionals: { min: 1, max: 1 } });
const file = positionals[0]!;

const log = (line: string) => console.log(`[bank:import] ${line}`);
let bundle: unknown;
try {
  const text = readFileSync(file, 'utf8');
  if (jsonNestingDepth(text) > MAX_JSON_NESTING) throw new Error(tooDeepMessage('The bundle'));
  bundle = JSON.parse(text);
} catch (error) {
  console.error(`[bank:import] ${file}: ${(error as Error).message}`);
  process.exit(1);
}

await runWithDatabase('bank:import', async () => {
  const { importBundle } = await import('../src/server/bundles/import-bundle');
  const { BundleError } = await import('../src/server/bundles/parse-bundle');
  const { describeImportedQuestion, describeKeptDrafts } = await import('../src/server/bundles/describe-imported-question');
  const { realGraders } = await import('../src/server/curation/real-graders');
  const { prisma } = await import('../src/server/db');
  try {
    // The command line has no signed-in admin: the audit log records it as such.
    // New code material is validated in this process, in the sandbox.
    const s = await importBundle({ actor: null, input: bundle, onOtherTopic: values.copy ? 'copy' : 'refuse' }, prisma, realGraders);
    log(`topic ${s.topic}${s.topicCreated ? ' (new)' : ''}: ${s.questionsCreated} questions created, ${s.questionsUpdated} updated, ` +
      `${s.questionsUnchanged} unchanged, ${s.questionsRefused} refused; ` +
      `${s.versionsCreated} versions created, ${s.versionsPublished} published (${s.validated} validated)`);
    const keptDrafts = describeKeptDrafts(s);
    if (keptDrafts) log(keptDrafts);
    for (const q of s.questions) {
      const details = describeImportedQuestion(q);
      log(`  ${q.outcome.padEnd(9)} ${q.slug}${details ? `: ${details}` : ''}`);
    }
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    console.error(`[bank:import] ${file}: nothing was imported:`);
    for (const line of error.errors) console.error(`  ${line}`);
    process.exitCode = 1;
  }
});
