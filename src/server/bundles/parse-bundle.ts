// Checks a bundle against its schema, reporting every problem by its path in the file. Pure, so
// the CLI, the API and the unit tests share it.
import { BadRequestError } from '@/server/errors';
import { formatIssues } from './format-issues';
import { BundleSchema, type Bundle } from './schemas';

export class BundleError extends BadRequestError {
  constructor(readonly errors: string[]) {
    super(`The bundle was not imported (${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}): ${errors[0] ?? ''}`, { errors });
  }
}

export function parseBundle(input: unknown): Bundle {
  const parsed = BundleSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new BundleError(formatIssues(parsed.error.issues));
  return parsed.data;
}
