// A bad filter in the audit log's address (a hand-edited or outdated link) is dropped, and the page
// now says so, as the Users and Questions pages do; it listed every change in silence, as if the
// filter had been applied.
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

test('the audit log says which filters in its address it ignored', async ({ page }) => {
  await signIn(page, createAccount('admin'), '/admin/audit?entity=bogus');
  await expect(page.getByRole('alert').filter({ hasText: 'Some filters in the address were ignored' })).toHaveText('Some filters in the address were ignored: Choose an entity from the list.');
  await expect(page.getByLabel('Entity')).toHaveValue('');

  await page.goto('/admin/audit?entity=question');
  await expect(page.getByText('Some filters in the address were ignored')).toHaveCount(0);
  await expect(page.getByLabel('Entity')).toHaveValue('question');
});
