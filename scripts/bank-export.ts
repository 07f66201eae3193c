// `npm run bank:export -- <topic-slug> [--out file]`
// Writes one topic, its questions and their grading material as a rehearse-bundle JSON file
// (to stdout without --out). Drafts are included; deleted questions are not.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runWithDatabase } from './lib/run-with-database';

const USAGE = 'usage: npm run bank:export -- <topic-slug> [--out file]';
const { values, positionals } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
const slug = positionals[0];
if (!slug || positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}

const log = (line: string) => console.error(`[bank:export] ${line}`);
await runWithDatabase('bank:export', async () => {
  const { exportBundle, serializeBundle } = await import('../src/server/bundles/export-bundle');
  const bundle = await exportBundle({ input: { slug } });
  const text = serializeBundle(bundle);
  if (values.out) {
    writeFileSync(values.out, text);
    log(`wrote ${values.out}: topic ${bundle.topic.slug} with ${bundle.questions.length} questions`);
  } else {
    process.stdout.write(text);
  }
});
