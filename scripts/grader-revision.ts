// `npm run grader:revision`: records the grader's fingerprint in src/grading/grader-revision.ts
// after any change under src/grading (the unit tests say when it is stale).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { graderRevisionHash, REVISION_FILE, revisionFileText } from './lib/grader-revision-hash';
import { parseCli } from './lib/parse-cli';

parseCli({ name: 'grader:revision', usage: 'usage: npm run grader:revision', options: {} });
const root = path.resolve(import.meta.dirname, '..');
const file = path.join(root, REVISION_FILE);
const revision = graderRevisionHash(root);
const text = revisionFileText(revision);
let before = '';
try {
  before = readFileSync(file, 'utf8');
} catch {
  // First run: nothing recorded yet.
}
if (before === text) console.log(`${REVISION_FILE} is up to date.`);
else {
  writeFileSync(file, text);
  console.log(`Wrote ${REVISION_FILE}: ${revision}`);
}
