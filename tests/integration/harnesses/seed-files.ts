// Reads a code question's seed folder: reference, good and known-bad variants.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function seedFiles(slug: string, folder: 'good' | 'bad') {
  const dir = path.join(import.meta.dirname, '../../../seeds/content', slug, folder);
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, code: readFileSync(path.join(dir, name), 'utf8') }));
}

export function seedFile(slug: string, name: string) {
  return readFileSync(path.join(import.meta.dirname, '../../../seeds/content', slug, name), 'utf8');
}
