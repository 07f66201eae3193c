// Client-safe schemas for Run before Submit: the same answer rules as a submission.
import { z } from 'zod';
import { CreateAttemptSchema } from '@/server/attempts/schemas';

export const RunVisibleTestsSchema = CreateAttemptSchema;
export type RunVisibleTestsInput = z.infer<typeof RunVisibleTestsSchema>;

// What a run answers: only visible tests, never a score, never stored.
export type RunTest = { name: string; status: 'pass' | 'fail' | 'error'; message: string; output?: string; outputTruncated?: boolean; calls?: string[] };
export type RunResult = {
  status: 'passed' | 'failed' | 'error' | 'infra_error';
  message: string;
  tests: RunTest[];
  advice: string[];
  durationMs: number;
};
