// How a question names the harness its code answers are graded with.
import { z } from 'zod';

export const HarnessRefSchema = z.object({
  name: z.string().trim().min(1, 'Name the harness, e.g. "bash-deploy".'),
  version: z.number().int('The harness version is a whole number.').positive('The harness version starts at 1.'),
});
export type HarnessRef = z.infer<typeof HarnessRefSchema>;
