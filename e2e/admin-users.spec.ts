// The Users page: an admin finds an account by search, promotes and demotes it, and disables it;
// the disabled account's open session stops at its next request and it cannot sign in again.
// The admin's own row has no controls. On a phone, emails wrap between their parts, not mid-word.
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

test('an admin promotes, demotes and disables an account; its session stops at once', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const admin = createAccount('admin');
  const candidate = createAccount('candidate');
  const other = await browser.newContext();
  const candidatePage = await other.newPage();
  await signIn(candidatePage, candidate, '/');

  await signIn(page, admin, '/admin/users');
  await expect(page.locator(`[data-email="${admin.email}"]`)).toContainText('You (another admin can change this account)');
  await page.getByLabel('Search', { exact: true }).fill(candidate.email.toUpperCase());
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByTestId('user-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(candidate.email);
  await expect(row).toContainText('Candidate');

  // On a phone the email wraps between its pieces (before the @ and the dots), never inside one.
  await page.setViewportSize({ width: 375, height: 800 });
  const emailCell = row.getByRole('cell').first();
  await expect(emailCell).toHaveText(candidate.email);
  const linesPerPiece = await emailCell.evaluate((cell) => {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    const lines: number[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      lines.push(range.getClientRects().length);
    }
    return lines;
  });
  expect(linesPerPiece.length).toBeGreaterThan(1);
  expect(linesPerPiece.every((lines) => lines === 1)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 900 });

  page.on('dialog', (dialog) => dialog.accept());
  await row.getByRole('button', { name: `Make admin: ${candidate.email}` }).click();
  await expect(row).toContainText('Admin');
  await candidatePage.reload();
  await expect(candidatePage.getByRole('link', { name: 'Admin', exact: true })).toBeVisible();

  await row.getByRole('button', { name: `Make candidate: ${candidate.email}` }).click();
  await expect(row.getByRole('button', { name: `Make admin: ${candidate.email}` })).toBeVisible();
  expect((await candidatePage.request.get('/api/admin/users')).status()).toBe(403);

  await row.getByRole('button', { name: `Disable: ${candidate.email}` }).click();
  await expect(row).toContainText('Disabled');
  await candidatePage.reload();
  await expect(candidatePage.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(candidatePage.getByTestId('signed-in-as')).toHaveCount(0);

  await candidatePage.goto('/sign-in');
  await candidatePage.getByLabel('Email').fill(candidate.email);
  await candidatePage.getByLabel('Password').fill(candidate.password);
  await candidatePage.getByRole('button', { name: 'Sign in' }).click();
  await expect(candidatePage.locator('form').getByRole('alert')).toHaveText('This account has been disabled; ask an administrator to enable it again.');
  await expect(candidatePage.getByTestId('signed-in-as')).toHaveCount(0);

  await page.goto('/admin/audit');
  await expect(page.getByTestId('audit-log')).toContainText(candidate.email);
  await other.close();
});
