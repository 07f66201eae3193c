// A bad filter in the Users page's address is dropped and the page says which and why, as the Audit
// log and Questions pages do (all three read their filters with parseListFilters).
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

test('the users list says which filters in its address it ignored', async ({ page }) => {
  await signIn(page, createAccount('admin'), '/admin/users?role=bogus');
  await expect(page.getByRole('alert').filter({ hasText: 'Some filters in the address were ignored' })).toHaveText(
    'Some filters in the address were ignored: Choose CANDIDATE or ADMIN ("bogus" is not one of them).',
  );
  await expect(page.getByLabel('Role')).toHaveValue('');
  await expect(page.getByTestId('users')).toBeVisible();

  await page.goto('/admin/users?role=ADMIN');
  await expect(page.getByText('Some filters in the address were ignored')).toHaveCount(0);
  await expect(page.getByLabel('Role')).toHaveValue('ADMIN');
});
