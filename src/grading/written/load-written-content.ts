// Reads a written question's content folder (seeds/content/<question-slug>/): rubric.json,
// model-answer.md and calibration.json, validated, with errors that name the file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { RubricSchema, type Rubric } from './rubric';

export const CalibrationSampleSchema = z.object({
  label: z.string().trim().min(1, 'Each sample needs a label, e.g. "strong".'),
  band: z
    .object({ min: z.number().min(0).max(100), max: z.number().min(0).max(100) })
    .refine((b) => b.min <= b.max, 'A band goes from min to max, with min <= max.'),
  answer: z.string().trim().min(1, 'Each sample needs an answer.'),
});
export type CalibrationSample = z.infer<typeof CalibrationSampleSchema>;

export const CalibrationSchema = z.object({ samples: z.array(CalibrationSampleSchema).min(1, 'List at least one sample.') });
export type Calibration = z.infer<typeof CalibrationSchema>;

async function readJson<S extends z.ZodType>(file: string, schema: S): Promise<z.infer<S>> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

export async function loadWrittenContent(dir: string): Promise<{ rubric: Rubric; modelAnswer: string; calibration: Calibration }> {
  const [rubric, calibration, modelAnswer] = await Promise.all([
    readJson(path.join(dir, 'rubric.json'), RubricSchema),
    readJson(path.join(dir, 'calibration.json'), CalibrationSchema),
    readFile(path.join(dir, 'model-answer.md'), 'utf8'),
  ]);
  return { rubric, calibration, modelAnswer };
}
