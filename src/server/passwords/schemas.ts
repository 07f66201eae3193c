// Client-safe zod schemas for passwords: changing one, asking for a reset link, and using one.
import { z } from 'zod';
import { EmailSchema, PASSWORD_MAX, PasswordSchema } from '@/server/users/schemas';

export const ChangePasswordSchema = z
  .strictObject({
    // Checked against the stored hash; its rules are not repeated here.
    currentPassword: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(PASSWORD_MAX * 4, 'Enter your current password.'),
    newPassword: PasswordSchema,
  })
  // "Changing" to the same password would only sign the account out everywhere.
  .refine((p) => p.newPassword !== p.currentPassword, { path: ['newPassword'], message: 'Choose a new password that differs from your current one.' });
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

export const ForgotPasswordSchema = z.strictObject({ email: EmailSchema });

// 32 random bytes, base64url: 43 characters.
export const ResetTokenSchema = z.string({ error: 'This reset link is incomplete.' }).regex(/^[A-Za-z0-9_-]{43}$/, 'This reset link is incomplete: open it exactly as it was sent.');

export const ResetPasswordSchema = z.strictObject({ token: ResetTokenSchema, password: PasswordSchema });
