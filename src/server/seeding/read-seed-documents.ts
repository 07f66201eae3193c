// The seed documents (seeds/*.txt), parsed, in file-name order: what the seeder imports
// (seed-bank.ts) and where the dev-set tools find those questions' prompts (read-seed-prompts.ts).
// Reads files only: no database.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseSeedDocument, type ParsedSeedDocument } from './parse-seed-document';

export async function readSeedDocuments(dir: string): Promise<ParsedSeedDocument[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  return Promise.all(files.map(async (file) => parseSeedDocument(await readFile(path.join(dir, file), 'utf8'), path.join('seeds', file))));
}
