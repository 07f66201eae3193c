import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

test('next-auth\'s errors land on our sign-in page, which explains them; a crafted code says nothing', async ({ page }) => {
  // What a disabled account meets after an OAuth sign-in (the signIn callback refuses it).
  await page.goto('/api/auth/error?error=AccessDenied');
  await expect(page).toHaveURL(/\/sign-in\?error=AccessDenied$/);
  await expect(page.getByRole('heading', { name: 'Sign in to Rehearse' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('This account cannot sign in. It may have been disabled; ask an administrator.');

  await page.goto('/sign-in?error=Your+account+is+locked');
  await expect(page.getByRole('heading', { name: 'Sign in to Rehearse' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  await expect(page.getByText('Your account is locked')).toHaveCount(0);
});

test('a sign-out that needs confirming is asked on our page, and signs out', async ({ page }) => {
  const account = createAccount();
  await signIn(page, account);
  await page.goto('/api/auth/signout');
  await expect(page).toHaveURL(/\/sign-out$/);
  await expect(page.getByRole('heading', { name: 'Sign out of Rehearse?' })).toBeVisible();
  await expect(page.getByText(`You are signed in as ${account.email}.`)).toBeVisible();
  await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  // Signed out, the page has nothing to ask.
  await page.goto('/sign-out');
  await expect(page).toHaveURL(/\/$/);
});
