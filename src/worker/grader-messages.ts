// What the worker and its grading processes say to each other over the IPC channel. A grading
// process runs candidate-driven code (the harnesses relay the jail's calls), so what it sends is
// parsed here before the worker believes it.
import { z } from 'zod';
import { GradeResultSchema } from '@/grading/contract';
import { LIMIT_NAMES } from '@/grading/sandbox/sandbox-events';

// How many sandbox runs hit each limit (sandbox-events.ts), as one message carries them: a grading
// process sends one per run that hit a limit, a runner what it gathered since its last reply. A
// count past the cap, a negative or fractional one, or a name that is not a limit refuses the
// whole field: a jail must not make up label values or inflate a counter.
export const MAX_LIMIT_HITS = 1_000;
export const LimitHitsSchema = z.partialRecord(z.enum(LIMIT_NAMES), z.number().int().min(0).max(MAX_LIMIT_HITS));

// Worker → grading process.
export type GradeMessage = { type: 'grade'; id: number; request: unknown };

// Grading process → worker.
export const GraderMessageSchema = z.discriminatedUnion('type', [
  // Loaded and listening.
  z.object({ type: z.literal('ready') }),
  // The event loop turned: sent on a timer, so silence means the process is frozen.
  z.object({ type: z.literal('tick') }),
  z.object({ type: z.literal('result'), id: z.number().int(), result: GradeResultSchema }),
  // A sandbox run ended at a limit, sent as it ends: during a grading (before its result), or
  // between gradings (a warm jail started after the last one).
  z.object({ type: z.literal('limit-hits'), limitHits: LimitHitsSchema }),
  // An uncaught exception or unhandled rejection; the process exits right after.
  z.object({ type: z.literal('fatal'), message: z.string().max(10_000) }),
]);
export type GraderMessage = z.infer<typeof GraderMessageSchema>;

export const GRADER_TICK_MS = 250;

// The grading process's own temp dir (run dirs go there, so they are swept with it).
export const GRADER_TMPDIR_ENV = 'REHEARSE_GRADER_TMPDIR';

// Which answers a grading process is sent (GraderKinds): it prepares for those only.
export const GRADER_KINDS_ENV = 'REHEARSE_GRADER_KINDS';
// 'all' (development, tests), 'written' (a worker's processes when a runner grades code),
// 'code' (a runner's and Run before Submit's processes).
export type GraderKinds = 'all' | 'written' | 'code';
