// The first message per field, keyed by the dotted path of the input ("_" for the input as a
// whole), from a zod error. Client-safe: the server sends these in 400s and action results, and
// the browser computes the same map before it submits.
import type { ZodError } from 'zod';

export function fieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  return fields;
}
