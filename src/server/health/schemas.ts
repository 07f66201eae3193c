// Readiness: which checks exist and what a report looks like. Client-safe.
import { z } from 'zod';

export const READINESS_CHECKS = ['database', 'migrations', 'workers', 'queue'] as const;
export type ReadinessCheckName = (typeof READINESS_CHECKS)[number];

// `?only=database,migrations` limits the checks, e.g. for a web pod's readiness probe, which should
// not take the site out of the load balancer because the workers are down (docs/decisions/009).
export const ReadinessQuerySchema = z.object({
  only: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(',').map((s) => s.trim()) : [...READINESS_CHECKS]))
    .pipe(z.array(z.enum(READINESS_CHECKS, { message: `only: choose from ${READINESS_CHECKS.join(', ')}` })).min(1)),
});

export type ReadinessCheck = { ok: boolean; message: string } & Record<string, unknown>;
export type Readiness = { status: 'ready' | 'not_ready'; checks: Partial<Record<ReadinessCheckName, ReadinessCheck>> };
