// `npm run user:create` from a terminal, against the test database: the password given on standard
// input (--password-stdin) stays out of the argument list and signs in like one given inline, and
// a confusing mix of the two is refused in words, with nothing created.
import { execFile } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '@/server/db';
import { requireDatabaseUrl } from '@/server/env';
import { verifyPassword } from '@/server/users/password';
import { resetDatabase } from '../../support/reset-database';

function userCreate(args: string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'scripts/user-create.ts', ...args], { env: { ...process.env, DATABASE_URL: requireDatabaseUrl() } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin ?? '');
  });
}

beforeEach(async () => {
  await resetDatabase();
});

describe('npm run user:create', () => {
  it('takes the password from standard input, one line without its newline', async () => {
    const { code, stdout } = await userCreate(['--email', 'admin@example.com', '--password-stdin', '--role', 'admin'], 'a-long-password-from-stdin\n');
    expect(code).toBe(0);
    expect(stdout).toContain('created admin admin@example.com');
    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'admin@example.com' }, select: { role: true, passwordHash: true } });
    expect(user.role).toBe('ADMIN');
    expect(await verifyPassword(user.passwordHash!, 'a-long-password-from-stdin')).toBe(true);
    expect(await verifyPassword(user.passwordHash!, 'a-long-password-from-stdin\n')).toBe(false);
  });

  it('refuses both ways at once, or neither, and creates nothing', async () => {
    const both = await userCreate(['--email', 'a@example.com', '--password', 'a-long-password', '--password-stdin'], 'another-long-password\n');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give the password once: --password or --password-stdin, not both');
    const neither = await userCreate(['--email', 'a@example.com']);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('--password (or --password-stdin) is required');
    expect(await prisma.user.count()).toBe(0);
  });
});
