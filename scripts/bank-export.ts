// `npm run bank:export -- <topic-slug> [--out file]`
// Writes one topic, its questions and their grading material as a rehearse-bundle JSON file
// (to stdout without --out). Drafts are included; deleted questions are not.
import { writeFileSync } from 'node:fs';
import { refuseUnwritableOutput } from './lib/output-file';
import { parseCli } from './lib/parse-cli';
import { runWithDatabase } from './lib/run-with-database';

const USAGE = 'usage: npm run bank:export -- <topic-slug> [--out file]';
const { values, positionals } = parseCli({ name: 'bank:export', usage: USAGE, options: { out: { type: 'string' } }, positionals: { min: 1, max: 1 } });
const slug = positionals[0]!;
if (values.out) refuseUnwritableOutput('bank:export', values.out);

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
