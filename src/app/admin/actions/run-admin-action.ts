// The shape every admin server action follows: admin check first, then safeParse (field errors go
// back to the form), then one verb; errors the verb throws become a message, never a stack.
import { revalidatePath } from 'next/cache';
import { ZodError, type ZodType, type z } from 'zod';
import type { ActionResult } from '@/components/admin/action-result';
import { requireAdmin, type SessionUser } from '@/server/auth';
import { AppError } from '@/server/errors';
import { fieldErrors } from '@/lib/field-errors';

const CHECK_FIELDS = 'Some fields need attention: see the messages below them.';

export async function runAdminAction<S extends ZodType, T>(
  schema: S,
  input: unknown,
  verb: (actor: SessionUser, input: z.infer<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const actor = await requireAdmin();
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { ok: false, error: CHECK_FIELDS, fields: fieldErrors(parsed.error) };
    const value = await verb(actor, parsed.data);
    // Admin changes show up everywhere at once: the bank, the topic pages, the admin lists.
    revalidatePath('/', 'layout');
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, error: CHECK_FIELDS, fields: fieldErrors(error) };
    // A verb's error may also mark the field it is about (a slug already in use), when the form
    // shows that field; the message says what happened either way.
    if (error instanceof AppError) return { ok: false, error: error.message, fields: readFields(error.details?.fields) };
    console.error('Unhandled error in an admin action:', error);
    return { ok: false, error: 'Something went wrong on our side. Please try again.', fields: {} };
  }
}

function readFields(fields: unknown): Record<string, string> {
  if (!fields || typeof fields !== 'object') return {};
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
