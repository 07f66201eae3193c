// The first message per field, keyed by dotted path, from a zod error (the browser-side twin of
// fieldErrors in src/server/http.ts, which the server actions send back).
import type { ZodError } from 'zod';

export function fieldMessages(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  return fields;
}
