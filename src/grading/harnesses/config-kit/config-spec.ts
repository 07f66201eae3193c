// A configuration question as data (docs/decisions/019): the checks a candidate's YAML is held
// to (name and why each matters, in the order they are shown) and the question's checker, Python
// source that defines one function per check id. The shared runner parses the YAML safely in the
// jail and calls them; the grader judges what comes back against this list.
import { z } from 'zod';

export const ConfigCheckSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'A check id is kebab-case.').max(60),
  name: z.string().trim().min(1).max(120),
  // Shown after the checker's detail when the check fails.
  why: z.string().trim().min(1).max(300),
});
export type ConfigCheck = z.infer<typeof ConfigCheckSchema>;

export const ConfigSpecSchema = z
  .strictObject({
    name: z.string().regex(/^config-[a-z0-9-]+$/, 'A configuration harness is named config-<slug>.'),
    version: z.number().int().positive(),
    checks: z.array(ConfigCheckSchema).min(1).max(40),
    checker: z.string().min(1),
  })
  .superRefine((spec, ctx) => {
    const ids = new Set<string>();
    spec.checks.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['checks', i, 'id'], message: `repeats the check id "${c.id}"` });
      ids.add(c.id);
    });
  });
export type ConfigSpec = z.infer<typeof ConfigSpecSchema>;

// What the runner refuses before a tree is built or walked. A 64 KiB answer that stays inside
// them parses and checks in milliseconds; "a billion laughs" is stopped at the expansion budget.
export const CONFIG_PARSE_LIMITS = { events: 20_000, depth: 64, aliases: 200, expandedNodes: 50_000 } as const;
