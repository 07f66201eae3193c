// A harness built from data (docs/decisions/021): the kit that reads it and the spec itself, as
// a question version stores it and a grade request carries it. Client-safe (zod only), so the
// admin form checks a spec with the same messages the server sends. A kit whose questions are
// data adds one member to KitSpecSchema; the stored shape `{ kit, spec }` stays the same.
import { z } from 'zod';
import { bashKitAuthoringProblems, BashKitSpecSchema } from './bash-kit/bash-kit-spec';
import { pythonKitAuthoringProblems, PythonKitSpecSchema } from './python-kit/kit-spec';

// A spec travels in every grade request of its question; 256 KiB is eight times the largest
// built-in spec and far below the runner's 4 MiB line.
export const MAX_HARNESS_SPEC_BYTES = 256 * 1024;

export const HARNESS_SPEC_KITS = ['python-kit', 'bash-kit'] as const;
export type HarnessSpecKit = (typeof HARNESS_SPEC_KITS)[number];

const KitSpecSchema = z.discriminatedUnion(
  'kit',
  [z.strictObject({ kit: z.literal('python-kit'), spec: PythonKitSpecSchema }), z.strictObject({ kit: z.literal('bash-kit'), spec: BashKitSpecSchema })],
  { error: `Name the kit the spec is for: ${HARNESS_SPEC_KITS.join(', ')}.` },
);

export function jsonBytes(value: unknown): number {
  try {
    return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
  } catch {
    // Parsed JSON that cannot be written back: nested too deeply for the stack (a parsed document
    // has no cycle or BigInt).
    return Infinity;
  }
}

// Measured before the kit's schema walks it, so an oversized spec costs one stringify.
export const HarnessSpecSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    const bytes = jsonBytes(value);
    if (!Number.isFinite(bytes)) {
      // Parsed JSON that cannot be written back is nested too deeply for the stack (a sent spec
      // cannot hold a cycle or a BigInt): not a size problem, and not "not JSON" either.
      ctx.addIssue({ code: 'custom', message: 'This harness spec could not be read: its JSON is nested far too deeply.', abort: true });
    } else if (bytes > MAX_HARNESS_SPEC_BYTES) {
      ctx.addIssue({ code: 'custom', message: `A harness spec is at most ${MAX_HARNESS_SPEC_BYTES / 1024} KiB of JSON; this one is ${Math.ceil(bytes / 1024)} KiB.`, abort: true });
    }
  })
  .pipe(KitSpecSchema);
export type HarnessSpec = z.output<typeof KitSpecSchema>;
export type HarnessSpecInput = z.input<typeof KitSpecSchema>;

// The rules a spec meets when it is saved or imported, beyond the shape a grade request checks,
// with paths inside the spec: a stored spec saved before a rule existed keeps grading as it did.
export function harnessSpecAuthoringProblems(harnessSpec: HarnessSpec): { path: (string | number)[]; message: string }[] {
  return harnessSpec.kit === 'bash-kit' ? bashKitAuthoringProblems(harnessSpec.spec) : pythonKitAuthoringProblems(harnessSpec.spec);
}
