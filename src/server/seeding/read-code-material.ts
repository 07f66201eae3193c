// A code question's grading material from its seed folder: harness.json (name and version of a
// harness in src/grading), prompt-examples.md (the brief shown beside the prompt), the model
// answer, starter.<ext>, and what admins validate with: reference.<ext> must pass and each
// bad/<name>.<ext> fail. Shared by the seed document's code questions and the seed topics'.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Prisma } from '@/generated/prisma/client';
import type { CodeAnswerKind } from '@/grading/code/code-kind';
import { HarnessSettingsSchema } from '@/server/curation/schemas';

export type CodeMaterial = {
  harness: Prisma.InputJsonObject & { name: string; version: number };
  modelAnswer: string;
  starterCode: string;
  validation: { kind: 'code'; reference: string; badVariants: { name: string; code: string }[] };
};

export async function readCodeMaterial(folder: string, kind: CodeAnswerKind): Promise<CodeMaterial> {
  const ext = { BASH: 'sh', PYTHON: 'py', CONFIG: 'yaml' }[kind];
  const read = (name: string) => readFile(path.join(folder, name), 'utf8');
  const readIfPresent = (name: string) => read(name).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error)));
  const harnessFile = path.join(folder, 'harness.json');
  const { name, version } = JSON.parse(await read('harness.json')) as { name?: unknown; version?: unknown };
  // The brief is shown beside the prompt: the contract the harness holds the answer to.
  const brief = await readIfPresent('prompt-examples.md');
  // Stored exactly as admins edit it (src/server/curation/schemas.ts).
  const harness = HarnessSettingsSchema.safeParse({ name, version, ...(brief ? { brief } : {}) });
  if (!harness.success) throw new Error(`${harnessFile}: ${harness.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return {
    harness: harness.data,
    modelAnswer: await read('model-answer.md'),
    starterCode: await read(`starter.${ext}`),
    // In the curated shape: the reference must pass and each known-bad variant (bad/<name>.<ext>) fail.
    validation: { kind: 'code', reference: await read(`reference.${ext}`), badVariants: await readBadVariants(path.join(folder, 'bad'), ext) },
  };
}

async function readBadVariants(dir: string, ext: string): Promise<{ name: string; code: string }[]> {
  if (!existsSync(dir)) return [];
  const files = (await readdir(dir)).filter((file) => file.endsWith(`.${ext}`)).sort();
  return Promise.all(files.map(async (file) => ({ name: file.slice(0, -(ext.length + 1)), code: await readFile(path.join(dir, file), 'utf8') })));
}
