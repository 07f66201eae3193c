// A calibration set: sample answers of known quality, each with the band of scores it must land
// in. It pins a rubric's behaviour, so editing phrasings cannot quietly make a weak answer pass.
// Bands are whole numbers, like scores; the admin editor reads the same shape.
import { z } from 'zod';
import { MAX_WRITTEN_ANSWER_CHARS } from '../contract';

// The five every written question is calibrated with; more (e.g. "prompt-echo") are welcome.
export const CORE_LABELS = ['strong', 'partial', 'weak', 'off-topic', 'keyword-list'] as const;

const BandEdge = z
  .number({ error: 'expected a number' })
  .int('A band edge is a whole number.')
  .min(0, 'A band starts at 0 or more.')
  .max(100, 'A band ends at 100 or less.');

export const CalibrationSampleSchema = z.strictObject({
  label: z.string({ error: 'Give the sample a label, e.g. "strong".' }).trim().min(1, 'Give the sample a label, e.g. "strong".').max(80, 'A label is at most 80 characters.'),
  band: z
    .strictObject({ min: BandEdge, max: BandEdge })
    .refine((band) => band.min <= band.max, { message: 'The lowest expected score must not exceed the highest.', path: ['max'] }),
  answer: z
    .string({ error: 'Write the sample answer.' })
    .trim()
    .min(1, 'Write the sample answer.')
    .max(MAX_WRITTEN_ANSWER_CHARS, `A sample answer is at most ${MAX_WRITTEN_ANSWER_CHARS.toLocaleString('en-US')} characters.`),
  expertScore: BandEdge.optional(),
});
export type CalibrationSample = z.infer<typeof CalibrationSampleSchema>;

export const CalibrationSchema = z
  .strictObject({ samples: z.array(CalibrationSampleSchema, { error: 'List the samples.' }) })
  .superRefine(({ samples }, ctx) => {
    const labels = samples.map((s) => s.label);
    labels.forEach((label, i) => {
      if (labels.indexOf(label) !== i) ctx.addIssue({ code: 'custom', path: ['samples', i, 'label'], message: `The label "${label}" is used twice.` });
    });
    const missing = CORE_LABELS.filter((label) => !labels.includes(label));
    if (missing.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['samples'], message: `Add a sample for each of: ${missing.map((l) => `"${l}"`).join(', ')}.` });
    }
  });
export type Calibration = z.infer<typeof CalibrationSchema>;
