// Client-safe zod schemas for accounts; the sign-up form reuses them for its field messages.
import { z } from 'zod';
import { cleanText } from '@/lib/text-field';

export const EmailSchema = cleanText(z.string({ error: 'Enter your email address.' }), 'Your email address')
  .trim()
  .toLowerCase()
  .max(254, 'An email address is at most 254 characters.')
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' }));

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const PasswordSchema = z
  .string({ error: 'Enter a password.' })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  // Spaces are allowed (a passphrase), but not a password of nothing else.
  .refine((password) => password.trim().length > 0, 'A password needs more than spaces.');

export const RegisterSchema = z.object({
  email: EmailSchema,
  password: PasswordSchema,
  name: cleanText(z.string({ error: 'A name is text.' }), 'Your name').trim().max(80, 'A name is at most 80 characters.').optional(),
});
export type RegisterInput = z.infer<typeof RegisterSchema>;

export const RoleSchema = z.enum(['CANDIDATE', 'ADMIN']);
export type Role = z.infer<typeof RoleSchema>;

export const CredentialsSchema = z.object({
  email: EmailSchema,
  // Sign-in never reveals the password rules; a wrong one is simply wrong.
  password: z.string().min(1).max(PASSWORD_MAX * 4),
});
