// Reads a written question's content folder (seeds/content/<question-slug>/): rubric.json,
// model-answer.md and calibration.json, validated, with errors that name the file and the field.
// The seeder uses it; so does the calibration test.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { CalibrationSchema, type Calibration } from './calibration';
import { RubricSchema, type Rubric } from './rubric';

export type WrittenContent = { rubric: Rubric; modelAnswer: string; calibration: Calibration };

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${file}: the file is missing.` : `${file}: ${(error as Error).message}`);
  }
}

async function readJson<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S>> {
  let data: unknown;
  try {
    data = JSON.parse(await readText(file));
  } catch (error) {
    if (error instanceof SyntaxError) throw new Error(`${file}: not valid JSON (${error.message}).`);
    throw error;
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new Error(`${file}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

export async function loadWrittenContent(dir: string): Promise<WrittenContent> {
  const modelAnswerFile = path.join(dir, 'model-answer.md');
  const [rubric, calibration, modelAnswer] = await Promise.all([
    readJson(path.join(dir, 'rubric.json'), RubricSchema),
    readJson(path.join(dir, 'calibration.json'), CalibrationSchema),
    readText(modelAnswerFile),
  ]);
  if (!modelAnswer.trim()) throw new Error(`${modelAnswerFile}: the model answer is empty.`);
  return { rubric, modelAnswer, calibration };
}
