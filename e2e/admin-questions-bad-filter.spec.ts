// The Questions page says which filter in its address it ignored and why, as the Users and Audit
// pages do (one alert for all three); it said only that some filters "were not understood".
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

test('the questions list names the filter in its address that it ignored', async ({ page }) => {
  await signIn(page, createAccount('admin'), '/admin/questions?difficulty=bogus');
  await expect(page.getByRole('alert').filter({ hasText: 'Some filters in the address were ignored' })).toHaveText(
    'Some filters in the address were ignored: Choose EASY, MEDIUM or HARD ("bogus" is not one of them).',
  );
  await expect(page.getByTestId('admin-question-list')).toBeVisible();

  await page.goto('/admin/questions?difficulty=HARD');
  await expect(page.getByText('Some filters in the address were ignored')).toHaveCount(0);
});
