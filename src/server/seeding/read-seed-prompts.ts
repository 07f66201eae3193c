// The question of every seed question, by slug: the seed documents' (seeds/*.txt) and the seed
// topics' (seeds/content/<slug>/question.json). `npm run bench:written` and the agreement test
// grade the dev and held-out sets with it, as the worker grades a live answer (an answer that
// reads the question back earns nothing for it). Reads files only: no database.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SeedQuestionFileSchema } from './assemble-topic-bundle';
import { SEEDS_DIR } from './list-seed-material';
import { readSeedDocuments } from './read-seed-documents';

export async function readSeedPrompts({ dir = SEEDS_DIR }: { dir?: string } = {}): Promise<Map<string, string>> {
  const prompts = new Map<string, string>();
  for (const doc of await readSeedDocuments(dir)) for (const question of doc.questions) prompts.set(question.slug, question.prompt);
  const contentDir = path.join(dir, 'content');
  for (const slug of existsSync(contentDir) ? (await readdir(contentDir)).sort() : []) {
    const file = path.join(contentDir, slug, 'question.json');
    if (existsSync(file)) prompts.set(slug, SeedQuestionFileSchema.parse(JSON.parse(await readFile(file, 'utf8'))).prompt);
  }
  return prompts;
}
