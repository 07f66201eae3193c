// The question of every seed question, by slug: the seed documents' (seeds/*.txt) and the seed
// topics' (seeds/content/<slug>/question.json). `npm run bench:written` and the agreement test
// grade the dev and held-out sets with it, as the worker grades a live answer (an answer that
// reads the question back earns nothing for it). Reads files only: no database.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { SEEDS_DIR } from './list-seed-material';
import { parseSeedDocument } from './parse-seed-document';

const QuestionFileSchema = z.object({ prompt: z.string().min(1) });

export async function readSeedPrompts({ dir = SEEDS_DIR }: { dir?: string } = {}): Promise<Map<string, string>> {
  const prompts = new Map<string, string>();
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort()) {
    const doc = parseSeedDocument(await readFile(path.join(dir, file), 'utf8'), path.join('seeds', file));
    for (const question of doc.questions) prompts.set(question.slug, question.prompt);
  }
  const contentDir = path.join(dir, 'content');
  for (const slug of existsSync(contentDir) ? (await readdir(contentDir)).sort() : []) {
    const file = path.join(contentDir, slug, 'question.json');
    if (existsSync(file)) prompts.set(slug, QuestionFileSchema.parse(JSON.parse(await readFile(file, 'utf8'))).prompt);
  }
  return prompts;
}
