// Account fixtures: accounts are created through the real `npm run user:create` command against
// the e2e server's database, each with a unique email, and signed in through the real form.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from './test-server';

export type Account = { email: string; password: string; role: 'admin' | 'candidate' };

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export function createAccount(role: Account['role'] = 'candidate'): Account {
  const account = { email: uniqueEmail(role), password: `pw-${randomUUID()}`, role };
  // The command finds the running e2e database through the data folder, not DATABASE_URL.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/user-create.ts', '--email', account.email, '--password', account.password, '--role', role],
    { env: { ...env, REHEARSE_DATA_DIR: E2E_DATA_DIR }, stdio: 'pipe' },
  );
  return account;
}

export async function signIn(page: Page, account: Pick<Account, 'email' | 'password'>, returnTo = '/') {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(account.email);
}
