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
    .transform((value, ctx) => {
      const names = value ? value.split(',').map((s) => s.trim()) : [...READINESS_CHECKS];
      // Named here, not per item of a list, so the message is about `only` (not `only.0`) and
      // says which name it did not know.
      const unknown = names.find((name) => !(READINESS_CHECKS as readonly string[]).includes(name));
      if (unknown === undefined) return names as ReadinessCheckName[];
      const shown = unknown === '' ? 'An empty name' : `"${unknown.slice(0, 40)}"`;
      ctx.issues.push({ code: 'custom', input: value, message: `${shown} is not a readiness check; choose from ${READINESS_CHECKS.join(', ')}.` });
      return z.NEVER;
    }),
});

export type ReadinessCheck = { ok: boolean; message: string } & Record<string, unknown>;
export type Readiness = { status: 'ready' | 'not_ready'; checks: Partial<Record<ReadinessCheckName, ReadinessCheck>> };
