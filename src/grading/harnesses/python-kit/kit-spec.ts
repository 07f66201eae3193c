// A Python kit question as data (docs/decisions/018): the function the answer defines, its
// visible and hidden cases (arguments, expected value, why it matters) and how a returned value is
// compared. The kit's runner, timeouts, masking and messages are shared; a question adds no code.
// Arguments and expected values are plain JSON: what the runner hands the function is exactly
// what the prompt shows, and what comes back is judged here, in Node, never in the jail.
import { z } from 'zod';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const JsonSchema: z.ZodType<Json> = z.lazy(() => z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(JsonSchema), z.record(z.string(), JsonSchema)]));

// exact: same JSON value (a tuple counts as a list, 1 equals 1.0); unordered: every list, at any
// depth, is compared as a multiset; approx: like exact, but numbers within `tolerance` (absolute,
// or relative to the expected number when that is larger).
export const CompareSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('exact') }),
  z.strictObject({ mode: z.literal('unordered') }),
  z.strictObject({ mode: z.literal('approx'), tolerance: z.number().positive().max(1) }),
]);
export type Compare = z.infer<typeof CompareSchema>;

export const KitCaseSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  hidden: z.boolean(),
  // What a hidden test may say about itself beside its name ("boundary", "malformed input").
  category: z.string().trim().min(1).max(40).optional(),
  args: z.array(JsonSchema),
  expected: JsonSchema,
  // Shown on a failed visible test only: it gives the expected value away.
  why: z.string().trim().min(1).max(300),
  // The parts of the expected value this case is about, as paths of keys and indexes ("*" is any
  // one step; a last "**", anything below): `why` and `category` are shown only when the value
  // differs at one of them (a key one side lacks differs at the path ending with that key). A value wrong elsewhere (a percentile in a test about grouping) is told where it differs
  // (visible) or the category of the cases about that part (hidden). Left out: the whole value.
  about: z.array(z.array(z.string().min(1).max(80)).min(1).max(8)).min(1).max(8).optional(),
  compare: CompareSchema.optional(),
});
export type KitCase = z.infer<typeof KitCaseSchema>;

export const PythonKitSpecSchema = z
  .strictObject({
    name: z.string().regex(/^python-[a-z0-9-]+$/, 'A Python kit harness is named python-<slug>.'),
    version: z.number().int().positive(),
    function: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'The function name is a Python identifier.'),
    compare: CompareSchema.default({ mode: 'exact' }),
    timeoutSeconds: z.number().positive().max(5).default(2),
    importTimeoutSeconds: z.number().positive().max(5).default(2),
    cases: z.array(KitCaseSchema).min(2).max(64),
  })
  .superRefine((spec, ctx) => {
    const names = new Set<string>();
    spec.cases.forEach((c, i) => {
      if (names.has(c.name)) ctx.addIssue({ code: 'custom', path: ['cases', i, 'name'], message: `repeats the test name "${c.name}"` });
      names.add(c.name);
    });
    if (!spec.cases.some((c) => !c.hidden)) ctx.addIssue({ code: 'custom', path: ['cases'], message: 'at least one case is visible: the prompt shows it' });
    if (!spec.cases.some((c) => c.hidden)) ctx.addIssue({ code: 'custom', path: ['cases'], message: 'at least one case is hidden' });
  });
export type PythonKitSpec = z.output<typeof PythonKitSpecSchema>;
export type PythonKitSpecInput = z.input<typeof PythonKitSpecSchema>;

// What a spec must meet to be saved or imported, beyond the shape the grader reads (a stored spec
// from before a rule still grades as it did): a whole number past 2^53 has lost digits by the time
// the spec's JSON is read (and would reach Python as an int), so an expected 10**17 + 1 would pass
// 10**17. Refused, not kept wrong.
export function pythonKitAuthoringProblems(spec: PythonKitSpec): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const walk = (value: Json, path: (string | number)[]) => {
    if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
      problems.push({ path, message: 'A whole number past 2^53 (9007199254740991) cannot be kept exactly: use a smaller one, or a string.' });
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  spec.cases.forEach((c, i) => {
    walk(c.args, ['cases', i, 'args']);
    walk(c.expected, ['cases', i, 'expected']);
  });
  return problems;
}
